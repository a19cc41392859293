package org.wayfarer.journey.catalog;

/**
 * Where a journey is in its life, as the admin API shows it and the {@code journey} table stores it. The transitions
 * are {@link LifecycleRules}'; docs/architecture/journey-language.md ("Versions and lifecycle") has the table.
 */
public enum JourneyStatus {
    /** Never published: only a draft exists and no contact can enter. */
    DRAFT,
    /** At least one version is published; the latest one accepts entries. The draft may have moved on since. */
    PUBLISHED,
    /**
     * Takes no entries and runs nothing: timers that fall due are held until it is resumed, awaited events are
     * remembered. Exit criteria and goals still end its instances.
     */
    PAUSED,
    /** Every live instance was ended ({@code stopped}) and nothing enters; publishing it again starts it afresh. */
    STOPPED,
    /** Put away: a DRAFT or STOPPED journey, left out of the list, never edited or published again. */
    ARCHIVED
}
