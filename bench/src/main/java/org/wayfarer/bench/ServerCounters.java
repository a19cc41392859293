package org.wayfarer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.wayfarer.bench.probe.DatabaseFile;

/**
 * Reads what a running server's side counts for the bench: the JDBC probe's totals from {@code /actuator/prometheus}
 * (when the server was started with it) and the size of its H2 file. A system without either reads -1 for it.
 * Thread-safe.
 */
final class ServerCounters {

    /** For a system that is not Wayfarer (the baseline): nothing counted. */
    static final ServerCounters NONE = new ServerCounters(null, null);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String prometheusUrl;
    private final DatabaseFile database;

    /**
     * @param baseUrl  the server, when its JDBC probe is on; otherwise {@code null}
     * @param database its H2 file; {@code null} when it has none
     */
    ServerCounters(String baseUrl, DatabaseFile database) {
        this.prometheusUrl = baseUrl == null ? null : baseUrl + "/actuator/prometheus";
        this.database = database;
    }

    /** Totals at one moment; -1 where not counted. */
    record Sample(long statements, long writes, long commits, long dbBytes) {

        /** Per follow between {@code earlier} and this sample; NaN where not counted. */
        double[] perFollow(Sample earlier, int follows) {
            return new double[] {
                per(statements, earlier.statements, follows), per(writes, earlier.writes, follows),
                per(commits, earlier.commits, follows), per(dbBytes, earlier.dbBytes, follows)};
        }

        private static double per(long now, long before, int follows) {
            return now < 0 || before < 0 ? Double.NaN : (double) (now - before) / follows;
        }
    }

    Sample sample() {
        long bytes = database == null ? -1 : database.size();
        if (prometheusUrl == null) {
            return new Sample(-1, -1, -1, bytes);
        }
        String text = scrape();
        return new Sample(counter(text, "bench_jdbc_statements_total"), counter(text, "bench_jdbc_writes_total"),
                counter(text, "bench_jdbc_commits_total"), bytes);
    }

    private String scrape() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(prometheusUrl)).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/plain").build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(prometheusUrl + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + prometheusUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The value of a label-less counter line {@code name value} of the Prometheus text format; -1 if absent. */
    static long counter(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                String value = line.substring(line.lastIndexOf(' ') + 1).trim();
                return (long) Double.parseDouble(value);
            }
        }
        return -1;
    }
}
