package org.wayfarer.journey.schedule;

import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The contacts a date trigger's sweep considers, with their attributes (port): a keyset scan of the tenant's contacts
 * that have the attribute, optionally narrowed to those whose attributes mention one of some month-days (a
 * pre-filter every match passes; the sweep decides each contact itself), or the contacts of a page of a segment.
 * Joins the caller's transaction, if any; thread-safe; memory per call is bounded by {@code limit}.
 */
public interface DateCandidates {

    /**
     * Up to {@code limit} of the tenant's contacts with ids above {@code afterContactId}, ascending, whose attributes
     * name {@code attribute} and, when {@code monthDays} is not null, contain one of them as {@code -MM-dd} text.
     * Fewer than {@code limit} only when there are no more.
     */
    List<Candidate> scan(long tenantId, String attribute, Collection<MonthDay> monthDays, long afterContactId,
                         int limit);

    /** These contacts of the tenant (those that exist), ascending by id. */
    List<Candidate> of(long tenantId, Collection<Long> contactIds);

    /** A contact and its attributes. */
    record Candidate(long contactId, Map<String, Object> attributes) {
    }
}
