package org.wayfarer.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wayfarer.bench.probe.CountingDataSource;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyView;
import org.wayfarer.journey.schedule.ScheduleState;
import org.wayfarer.journey.schedule.ScheduledFires;
import org.wayfarer.journey.segment.Segments;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scheduled entry of N contacts (docs/adr/0011): seeds N contacts tagged {@code vip} (plus N/10 untagged ones the
 * segment leaves out) straight into the tables, saves the segment {@code {"all": [{"tag": "vip"}]}}, publishes a
 * journey with an {@code at} schedule over it, and times the fire: {@link ScheduledFires#pollOnce} from the fire time
 * until its last page committed. Prints entries/s, total seconds and the heap peak during the fire; exit code 1 when
 * the fire did not enter exactly N. The engine's timers run meanwhile as in production (each instance's first step
 * is a one-day wait). Run by {@code bench/schedule.sh}.
 *
 * <p>Arguments: {@code contacts=N} (default 1,000,000), then {@code --name=value} Spring properties passed on (the
 * data dir, or {@code --spring.datasource.url=...} for MariaDB).
 */
public final class ScheduleBench {

    private static final long TENANT = EngineBenchApplication.TENANT;
    private static final int SEED_BATCH = 1000;
    private static final long FIRST_ID = 1L << 40;

    private ScheduleBench() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        List<String> spring = new ArrayList<>(List.of("--wayfarer.schedules.poll-interval=1h"));
        for (String arg : args) {
            if (arg.startsWith("--")) {
                spring.add(arg);
            } else {
                int eq = arg.indexOf('=');
                settings.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int exit = 0;
        try {
            exit = run(Integer.parseInt(settings.getOrDefault("contacts", "1000000")), spring.toArray(String[]::new));
        } catch (Exception e) {
            System.out.println("schedule bench FAILED: " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        // halt, as EngineBench does: the timers would otherwise work off a million wake-ups before the JVM exits
        dumpFlightRecordings();
        System.out.flush();
        Runtime.getRuntime().halt(exit);
    }

    /** With {@code --profile}: halting skips the recording's dump on exit, so write it here. */
    private static void dumpFlightRecordings() {
        for (jdk.jfr.Recording recording : jdk.jfr.FlightRecorder.isInitialized()
                ? jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings() : List.<jdk.jfr.Recording>of()) {
            if (recording.getDestination() != null && recording.getState() == jdk.jfr.RecordingState.RUNNING) {
                try {
                    recording.dump(recording.getDestination());
                } catch (java.io.IOException e) {
                    System.out.println("could not write the flight recording: " + e);
                }
            }
        }
    }

    private static int run(int contacts, String[] springArgs) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EngineBenchApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(springArgs);
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        System.out.println("[bench] database: " + url.replaceAll(";.*", ""));
        DataSource raw = ((CountingDataSource) context.getBean(DataSource.class)).target();
        long seedStart = System.nanoTime();
        seed(raw, contacts);
        System.out.printf("[bench] seeded %,d vip contacts (+%,d others) in %.1f s%n", contacts, contacts / 10,
                seconds(seedStart));
        context.getBean(Segments.class).create(TENANT, JsonMapper.shared().readTree(
                "{\"key\": \"bench-vip\", \"name\": \"VIP\", \"filter\": {\"all\": [{\"tag\": \"vip\"}]}}"));
        Clock clock = context.getBean(Clock.class);
        Instant at = clock.instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        JourneyCatalog catalog = context.getBean(JourneyCatalog.class);
        JourneyView journey = catalog.create(TENANT, """
                {"key": "bench-vip-news", "name": "VIP news", "start": "later",
                 "trigger": {"schedule": {"at": "%s"}, "segment": "bench-vip"},
                 "entry": {"policy": "EVERY_TIME"},
                 "nodes": {"later": {"type": "wait", "duration": "P1D", "next": "news"},
                           "news": {"type": "send", "channel": "wechat.template",
                                    "message": {"templateId": "TPL_NEWS"}}}}
                """.formatted(at));
        catalog.publish(TENANT, journey.id());
        ScheduledFires fires = context.getBean(ScheduledFires.class);
        fires.pollOnce(); // the schedule row, not due yet
        while (clock.instant().isBefore(at)) {
            Thread.sleep(Duration.between(clock.instant(), at).toMillis() + 1);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        fires.pollOnce();
        double seconds = seconds(start);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        ScheduleState state = fires.state(journey.id()).orElseThrow();
        long started = count(raw, "SELECT COUNT(*) FROM journey_instance WHERE journey_id = ? AND seq > 0",
                journey.id());
        System.out.printf("[bench] fire of %,d contacts: %,d entered in %.2f s, %,.0f entries/s%n", contacts,
                state.entered(), seconds, state.entered() / seconds);
        System.out.printf("[bench] heap peak during the fire: %,d MB (max %,d MB)%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("[bench] first steps taken by the timers meanwhile: %,d%n", started);
        boolean exact = state.entered() == contacts && !state.firing();
        System.out.println("[bench] " + (exact ? "OK: every vip contact entered once" : "WRONG: expected "
                + contacts + " entries, state " + state));
        System.out.println("[bench] budget: 1M-contact scheduled entry < 60 s: " + (contacts >= 1_000_000
                ? (seconds < 60 ? "MET" : "MISSED") : "not judged (fewer than 1M contacts)"));
        return exact ? 0 : 1;
    }

    /** N vip contacts and N/10 others, ids from {@link #FIRST_ID}, in commits of {@value #SEED_BATCH}. */
    private static void seed(DataSource dataSource, int contacts) throws SQLException {
        long now = System.currentTimeMillis();
        int total = contacts + contacts / 10;
        int vipsWritten = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement contact = c.prepareStatement("INSERT INTO contact (id, tenant_id, attributes_json,"
                    + " tags_json, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO contact_tag (tenant_id, contact_id, tag,"
                         + " tagged_at) VALUES (?, ?, 'vip', ?)")) {
                for (int i = 0; i < total; i++) {
                    long id = FIRST_ID + i;
                    // one basic contact after every ten vips, the rest vip until there are N of them
                    boolean vip = vipsWritten < contacts && (i % 11 != 10 || total - i <= contacts - vipsWritten);
                    vipsWritten += vip ? 1 : 0;
                    contact.setLong(1, id);
                    contact.setLong(2, TENANT);
                    contact.setString(3, "{\"name\":\"c" + i + "\",\"level\":\"" + (vip ? "vip" : "basic") + "\"}");
                    contact.setString(4, vip ? "[\"vip\"]" : null);
                    contact.setLong(5, now);
                    contact.setLong(6, now);
                    contact.addBatch();
                    if (vip) {
                        tag.setLong(1, TENANT);
                        tag.setLong(2, id);
                        tag.setLong(3, now);
                        tag.addBatch();
                    }
                    if ((i + 1) % SEED_BATCH == 0 || i == total - 1) {
                        contact.executeBatch();
                        tag.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        long vips = count(dataSource, "SELECT COUNT(*) FROM contact_tag WHERE tenant_id = ? AND tag = 'vip'", TENANT);
        if (vips != contacts) {
            throw new IllegalStateException("seeded " + vips + " vip contacts, wanted " + contacts);
        }
    }

    private static long count(DataSource dataSource, String sql, long param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
