package org.wayfarer.journey.infra.mybatis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.segment.Segment;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentFilter;
import org.wayfarer.journey.segment.SegmentFilters;
import org.wayfarer.journey.segment.SegmentRefresher;
import org.wayfarer.journey.segment.SegmentStore;

/**
 * Times segment counts, pages and refreshes over generated contacts (a measurement, not a test: it asserts nothing
 * and is skipped unless {@code -Dwayfarer.bench.segments=<contacts>} is given; see docs/adr/0010 for the command and
 * the numbers). One tenant of N contacts: a level of gold/silver/bronze (a third each), an age of 18 to 80, the tag
 * vip on one in ten, and for three in ten 1 to 3 orders spread over the last 60 days; plus another tenant of N/10
 * contacts that no query may read. Rows are written with multi-row INSERTs, without identities.
 */
abstract class SegmentScaleMeasurement {

    private static final long TENANT = 900_001;
    private static final long OTHER_TENANT = 900_002;
    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SegmentEvaluation evaluation;
    @Autowired
    SegmentStore segments;
    @Autowired
    ContactStore contacts;
    @Autowired
    Transactions transactions;

    abstract String database();

    @Test
    void measure() {
        int n = Integer.getInteger("wayfarer.bench.segments");
        long started = System.nanoTime();
        generate(TENANT, n, 1_000_000_000L);
        generate(OTHER_TENANT, n / 10, 3_000_000_000L);
        report("generate " + n + " contacts (+" + n / 10 + " of another tenant)", started, -1);
        jdbc.execute(database().startsWith("MariaDB") ? "ANALYZE TABLE contact, contact_tag, contact_event"
                : "ANALYZE");

        time("count  tag vip (SQL, driven by the tag index)", "{\"all\": [{\"tag\": \"vip\"}]}");
        time("count  ordered in the last 30 days (SQL, EXISTS)",
                "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}");
        time("count  2+ orders in 60 days and not vip (SQL, COUNT(*) per contact)",
                "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P60D\", \"min\": 2},"
                        + " {\"notTag\": \"vip\"}]}");
        time("count  level = gold (Java on every row)",
                "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        time("count  vip and age >= 30 (tag index, then Java)",
                "{\"all\": [{\"tag\": \"vip\"}, {\"attribute\": \"age\", \"op\": \"gte\", \"value\": 30}]}");
        time("count  gold or ordered in 30 days (Java, the order as a probe column)",
                "{\"any\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"},"
                        + " {\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}");
        explain("{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}", 1_000_000_000L + n / 2);
        explain("{\"all\": [{\"tag\": \"vip\"}, {\"attribute\": \"age\", \"op\": \"gte\", \"value\": 30}]}",
                1_000_000_000L + n / 2);
        SegmentFilter gold = SegmentFilters.parse(
                "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        timed("page   500 of level = gold (first page)", () -> evaluation.page(TENANT, gold, NOW, 0, 500).size());
        timed("page   500 of level = gold (from the middle)",
                () -> evaluation.page(TENANT, gold, NOW, 1_000_000_000L + n / 2, 500).size());
        timed("page   500 of ordered in 30 days (first page)", () -> evaluation.page(TENANT, SegmentFilters.parse(
                "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}"), NOW, 0, 500).size());

        Segment segment = new Segment(7_000_001, TENANT, "gold", "Gold", gold, NOW, NOW, 0, 0, null);
        transactions.run(() -> segments.insert(segment));
        SegmentRefresher refresher = new SegmentRefresher(segments, evaluation, contacts,
                event -> new IntakeResult.Accepted(1), transactions, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run,
                500);
        long started2 = System.nanoTime();
        report("refresh level = gold, first (every member enters; no identities, so no events)", started2,
                refresher.refresh(TENANT, "gold").entered());
        explain(MybatisSegmentStore.MEMBERS + 500, segment.id(), 1_000_000_000L + n / 2, TENANT);
        started2 = System.nanoTime();
        report("refresh level = gold, again (no change; members)", started2,
                refresher.refresh(TENANT, "gold").members());
        Segment buyers = new Segment(7_000_002, TENANT, "buyers", "Buyers", SegmentFilters.parse(
                "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}"), NOW, NOW, 0, 0, null);
        transactions.run(() -> segments.insert(buyers));
        started2 = System.nanoTime();
        report("refresh ordered in 30 days, first (every member enters)", started2,
                refresher.refresh(TENANT, "buyers").entered());
        started2 = System.nanoTime();
        report("refresh ordered in 30 days, again (no change; members)", started2,
                refresher.refresh(TENANT, "buyers").members());
    }

    /** The plan of one scan batch from the middle of the tenant (H2: with the rows it read). */
    private void explain(String filterJson, long after) {
        boolean pointRange = database().startsWith("MariaDB");
        SegmentSql.Fragment scan = SegmentSql.plan(SegmentFilters.parse(filterJson), NOW, pointRange)
                .scan(TENANT, after, JdbcSegmentEvaluation.SCAN_BATCH);
        explain(scan.sql(), scan.params());
    }

    private void explain(String sql, Object... params) {
        String prefix = database().startsWith("MariaDB") ? "ANALYZE " : "EXPLAIN ANALYZE ";
        List<String> plan = jdbc.query(prefix + sql, (rs, i) -> {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                line.append(c == 1 ? "" : " | ").append(rs.getString(c));
            }
            return line.toString();
        }, params);
        System.out.printf("[segments %s] plan of %s:%n  %s%n", database(), sql,
                String.join("\n  ", plan).replace("\n", "\n  "));
    }

    private void time(String what, String filterJson) {
        SegmentFilter filter = SegmentFilters.parse(filterJson);
        evaluation.count(TENANT, filter, NOW); // warm: JIT, statement and page caches
        timed(what, () -> evaluation.count(TENANT, filter, NOW));
    }

    private void timed(String what, LongSupplier run) {
        long best = Long.MAX_VALUE;
        long result = 0;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            result = run.getAsLong();
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("[segments %s] %-75s %8d  %,8.1f ms (best of 3)%n", database(), what, result,
                best / 1e6);
    }

    private void report(String what, long startedNanos, long result) {
        System.out.printf("[segments %s] %-75s %8d  %,8.1f ms%n", database(), what, result,
                (System.nanoTime() - startedNanos) / 1e6);
    }

    private void generate(long tenant, int count, long firstId) {
        Random random = new Random(tenant);
        String[] levels = {"gold", "silver", "bronze"};
        long at = NOW.minus(Duration.ofDays(90)).toEpochMilli();
        List<Object[]> contactRows = new ArrayList<>();
        List<Object[]> tagRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        long eventId = firstId * 2;
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            String attributes = "{\"level\":\"" + levels[random.nextInt(3)] + "\",\"age\":" + (18 + random.nextInt(63))
                    + ",\"name\":\"member " + i + "\"}";
            contactRows.add(new Object[] {id, tenant, attributes, at, at, 0});
            if (random.nextInt(10) == 0) {
                tagRows.add(new Object[] {tenant, id, "vip", at});
            }
            if (random.nextInt(10) < 3) {
                int orders = 1 + random.nextInt(3);
                for (int o = 0; o < orders; o++) {
                    long occurred = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))).toEpochMilli();
                    eventId++;
                    eventRows.add(new Object[] {eventId, tenant, "shop", "order-" + eventId, "custom.order_paid",
                            "EXTERNAL", "", "m" + id, id, "{}", occurred, occurred, 0, "PROCESSED", 0});
                }
            }
            if (contactRows.size() == 1_000) {
                flush(contactRows, tagRows, eventRows);
            }
        }
        flush(contactRows, tagRows, eventRows);
    }

    private void flush(List<Object[]> contactRows, List<Object[]> tagRows, List<Object[]> eventRows) {
        insert("contact (id, tenant_id, attributes_json, created_at, updated_at, version)", contactRows);
        insert("contact_tag (tenant_id, contact_id, tag, tagged_at)", tagRows);
        insert("contact_event (id, tenant_id, source, dedupe_key, event_type, identity_kind, identity_namespace,"
                + " identity_value, contact_id, properties_json, occurred_at, received_at, partition_no, status,"
                + " attempts)", eventRows);
    }

    /** One multi-row INSERT for all {@code rows}; clears them. */
    private void insert(String table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
        List<Object> params = new ArrayList<>(rows.size() * width);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
            params.addAll(List.of(rows.get(i)));
        }
        jdbc.update(sql.toString(), params.toArray());
        rows.clear();
    }
}
