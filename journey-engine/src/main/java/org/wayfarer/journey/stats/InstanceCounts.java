package org.wayfarer.journey.stats;

/** How many of a journey's instances are live now (port; the runtime's instance store answers it). */
public interface InstanceCounts {

    /** Active or waiting instances of the tenant's journey, whatever version they run on. */
    long liveCount(long tenantId, long journeyId);
}
