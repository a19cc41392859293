package org.wayfarer.journey.runtime;

import org.wayfarer.journey.definition.EntryPolicy;

/**
 * Encodes the entry policy into {@code journey_instance.entry_key}, whose uniqueness per (journey, contact) enforces
 * it in the database: {@code ONCE:<key>} is taken forever; {@code LIVE:<key>} only while the instance runs (it
 * becomes {@code DONE:<instance id>} when the instance ends); {@code EVENT:<event id>} lets every event enter once.
 */
public final class EntryKeys {

    static final String LIVE = "LIVE:";

    private EntryKeys() {
    }

    /** The entry key of an entry under {@code policy}; {@code key} nullable, {@code eventId} the trigger's. */
    public static String of(EntryPolicy policy, String key, long eventId) {
        String k = key == null ? "" : key;
        if (k.length() > 128) {
            throw new IllegalArgumentException("entry key longer than 128 characters");
        }
        switch (policy) {
            case ONCE:
                return "ONCE:" + k;
            case ONE_AT_A_TIME:
                return LIVE + k;
            case EVERY_TIME:
                return "EVENT:" + eventId;
            default:
                throw new IllegalArgumentException("unknown entry policy " + policy);
        }
    }

    static String done(long instanceId) {
        return "DONE:" + instanceId;
    }
}
