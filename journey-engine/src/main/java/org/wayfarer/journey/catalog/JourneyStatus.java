package org.wayfarer.journey.catalog;

/** Where a journey is in its life, as the admin API shows it. */
public enum JourneyStatus {
    /** Never published: only a draft exists and no contact can enter. */
    DRAFT,
    /** At least one version is published; the latest one accepts entries. The draft may have moved on since. */
    PUBLISHED
}
