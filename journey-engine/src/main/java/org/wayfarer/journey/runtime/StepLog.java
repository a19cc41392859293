package org.wayfarer.journey.runtime;

import java.util.List;

/** Append-only log of instance steps (port). Joins the caller's transaction; batches the inserts. */
public interface StepLog {

    void append(List<StepRecord> steps);

    /** The contact's steps, newest first. */
    List<StepRecord> forContact(long tenantId, long contactId, int limit);
}
