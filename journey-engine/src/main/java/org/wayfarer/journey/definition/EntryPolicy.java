package org.wayfarer.journey.definition;

/** How often one contact may enter one journey (per entry key when the journey has one). */
public enum EntryPolicy {
    /** Once per contact, ever. */
    ONCE,
    /** Again only after the previous instance has ended. */
    ONE_AT_A_TIME,
    /** On every matching event. */
    EVERY_TIME
}
