package org.wayfarer.journey.event;

/**
 * Maps identities and contacts to a fixed number of partitions. The count is part of the stored data (pending events
 * keep their partition number), so it must not change while events are pending.
 */
public record Partitions(int count) {

    public Partitions {
        if (count < 1 || count > 256) {
            throw new IllegalArgumentException("partition count must be 1..256, was " + count);
        }
    }

    public int of(Identity identity) {
        // Enum hashCode() differs between JVM runs; the kind's name is stable, and partitions must survive restarts.
        int hash = 31 * (31 * identity.kind().name().hashCode() + identity.namespace().hashCode()) + identity.value().hashCode();
        return Math.floorMod(mix(hash), count);
    }

    public int ofContact(long contactId) {
        return Math.floorMod(mix(Long.hashCode(contactId)), count);
    }

    private static int mix(int h) {
        // spreads sequential values (snowflake ids, similar openids) evenly
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return h;
    }
}
