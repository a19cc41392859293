package org.wayfarer.journey.runtime;

import java.util.List;

/**
 * The latest {@link EntryDecision} per (contact, journey) (port). Writes join the caller's transaction, the batch's
 * own; thread-safe.
 */
public interface EntryDecisions {

    /** Keeps each decision, replacing the one its (contact, journey) had; at most one per pair in {@code decisions}. */
    void record(List<EntryDecision> decisions);

    /** The contact's decisions, one per journey, newest first. */
    List<EntryDecision> forContact(long tenantId, long contactId);
}
