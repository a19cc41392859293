package org.wayfarer.journey.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's saved segments as the admin API and scheduled triggers use them: create (validated), read, list, count,
 * and the members as the filter selects them now ({@link SegmentMembers}). Thread-safe; the time of "now" comes from
 * the injected clock.
 */
public final class Segments implements SegmentMembers {

    public static final int MAX_PAGE = 200;
    public static final int MAX_NAME = 200;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> FIELDS = Set.of("key", "name", "filter");

    private final SegmentStore store;
    private final SegmentEvaluation evaluation;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final SegmentFilterReader reader = new SegmentFilterReader();

    public Segments(SegmentStore store, SegmentEvaluation evaluation, Transactions transactions, IdGenerator ids,
                    Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.evaluation = Objects.requireNonNull(evaluation);
        this.transactions = Objects.requireNonNull(transactions);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One page of segments and the cursor of the next (null on the last). */
    public record Page(List<Segment> items, Long nextCursor) {

        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * Creates a segment from {@code {"key": ..., "name": ..., "filter": {...}}}.
     *
     * @throws InvalidSegmentException  listing every problem of the document, with JSON pointers
     * @throws SegmentKeyTakenException when the tenant already has a segment with the key
     */
    public Segment create(long tenantId, JsonNode document) {
        Problems problems = new Problems();
        String key = null;
        String name = null;
        SegmentFilter filter = null;
        if (document == null || !document.isObject()) {
            problems.add("", "not-an-object", "a segment is a JSON object: {\"key\": ..., \"name\": ..., "
                    + "\"filter\": {\"all\": [...]}}");
        } else {
            for (String field : document.propertyNames()) {
                if (!FIELDS.contains(field)) {
                    problems.add(field.length() <= SegmentFilterReader.MAX_NAME ? Problems.pointer("", field) : "",
                            "unknown-field", "not a field of a segment; its fields are filter, key, name");
                }
            }
            key = SegmentFilterReader.text(document.get("key"), "/key", "a key", 64, problems);
            if (key != null && !KEY.matcher(key).matches()) {
                problems.add("/key", "bad-key", "must be 1 to 64 lower-case letters, digits, '_' or '-', starting "
                        + "with a letter or digit");
                key = null;
            }
            name = SegmentFilterReader.text(document.get("name"), "/name", "a name", MAX_NAME, problems);
            filter = reader.read(document.get("filter"), "/filter", problems);
        }
        if (problems.any()) {
            throw new InvalidSegmentException(problems.list());
        }
        Instant now = clock.instant();
        Segment segment = new Segment(ids.nextId(), tenantId, key, name, filter, now, now, 0, 0, null);
        transactions.run(() -> store.insert(segment));
        return segment;
    }

    /** @throws SegmentNotFoundException when the tenant has no segment with this key */
    public Segment get(long tenantId, String key) {
        return find(tenantId, key).orElseThrow(() -> new SegmentNotFoundException(key));
    }

    /**
     * The tenant's segments, oldest first.
     *
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @param limit  1..{@value #MAX_PAGE}
     */
    public Page list(long tenantId, Long cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        List<Segment> page = store.list(tenantId, cursor == null ? 0 : cursor, limit + 1);
        if (page.size() <= limit) {
            return new Page(page, null);
        }
        List<Segment> items = page.subList(0, limit);
        return new Page(items, items.get(items.size() - 1).id());
    }

    /**
     * How many contacts the segment's filter selects now.
     *
     * @throws SegmentNotFoundException when the tenant has no segment with this key
     */
    public long count(long tenantId, String key) {
        return evaluation.count(tenantId, get(tenantId, key).filter(), clock.instant());
    }

    @Override
    public boolean exists(long tenantId, String segmentKey) {
        return find(tenantId, segmentKey).isPresent();
    }

    @Override
    public List<Long> page(long tenantId, String segmentKey, long afterContactId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return evaluation.page(tenantId, get(tenantId, segmentKey).filter(), clock.instant(), afterContactId, limit);
    }

    /** A key that cannot be a segment's is not looked up (some databases compare keys case-insensitively). */
    private Optional<Segment> find(long tenantId, String key) {
        return isKey(key) ? store.find(tenantId, key) : Optional.empty();
    }

    /** Whether {@code key} has the form of a segment key. */
    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
