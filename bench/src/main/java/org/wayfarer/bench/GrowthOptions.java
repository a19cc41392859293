package org.wayfarer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags of {@link H2GrowthBench} ({@code bench/h2-growth.sh --help}).
 *
 * @param follows       follow callbacks to drive
 * @param clients       concurrent connections, closed loop
 * @param sampleEvery   a sample line every so many acknowledged follows
 * @param settleSeconds wait after the last send before the settled sample
 * @param heap          {@code -Xmx} of the server
 * @param serverArgs    extra server properties, {@code --name=value}
 * @param keepTemp      keep the temp dir
 */
record GrowthOptions(int follows, int clients, int sampleEvery, int settleSeconds, String heap,
                     List<String> serverArgs, boolean keepTemp) {

    /** The first version's embedded URL (before docs/adr/0007), for the 'before' numbers. */
    static final String FIRST_VERSION_URL = "jdbc:h2:file:${wayfarer.data-dir}/wayfarer;MODE=MySQL;"
            + "DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";

    static final String USAGE = """
            usage: bench/h2-growth.sh [--skip-build] [flags]
              --follows N          follow callbacks to drive (default 100000)
              --clients C          concurrent connections, closed loop (default 8)
              --sample-every K     print a sample every K acknowledged follows (default follows/20)
              --settle-seconds S   wait after the last send before the settled sample (default 10)
              --server-heap H      -Xmx of the server (default 1g)
              --server-arg P=V     extra server property, repeatable
              --first-version      the first version's URL and no compaction (the 'before' numbers)
              --keep-temp          keep the temp dir (server log, data dir, copies)
            """;

    static GrowthOptions parse(String[] args) {
        int follows = 100_000;
        int clients = 8;
        int sampleEvery = 0;
        int settle = 10;
        String heap = "1g";
        List<String> serverArgs = new ArrayList<>();
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--follows" -> follows = positive(flag, BenchOptions.value(args, ++i, flag));
                case "--clients" -> clients = positive(flag, BenchOptions.value(args, ++i, flag));
                case "--sample-every" -> sampleEvery = positive(flag, BenchOptions.value(args, ++i, flag));
                case "--settle-seconds" -> settle = Integer.parseInt(BenchOptions.value(args, ++i, flag));
                case "--server-heap" -> heap = BenchOptions.value(args, ++i, flag);
                case "--server-arg" -> serverArgs.add(BenchOptions.property(BenchOptions.value(args, ++i, flag)));
                case "--first-version" -> {
                    serverArgs.add("--spring.datasource.url=" + FIRST_VERSION_URL);
                    serverArgs.add("--wayfarer.embedded.compaction.enabled=false");
                }
                case "--keep-temp" -> keep = true;
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return new GrowthOptions(follows, clients, sampleEvery > 0 ? sampleEvery : Math.max(1, follows / 20),
                Math.max(0, settle), heap, List.copyOf(serverArgs), keep);
    }

    private static int positive(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return n;
    }
}
