package org.wayfarer.journey.runtime;

/**
 * Maps contacts to a fixed number of partitions: a contact's events and wake-ups all go to its partition, so one
 * worker handles them in order. The count is part of the stored data (pending events keep their partition number),
 * so it must not change while events are pending.
 */
public record Partitions(int count) {

    public Partitions {
        if (count < 1 || count > 256) {
            throw new IllegalArgumentException("partition count must be 1..256, was " + count);
        }
    }

    public int ofContact(long contactId) {
        return Math.floorMod(mix(Long.hashCode(contactId)), count);
    }

    private static int mix(int h) {
        // spreads sequential values (snowflake ids) evenly
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return h;
    }
}
