package org.wayfarer.journey.infra.embedded;

import java.time.Duration;
import java.util.List;

/**
 * What one compaction pass did.
 *
 * @param rewriteCalls    rewrite calls made
 * @param rewrites        calls that rewrote something
 * @param pauses          how long each call held the store's commit lock (rewrites in order, the move last): what a
 *                        committing writer could have waited at most
 * @param fileBytesBefore file size when the pass started
 * @param fileBytesAfter  file size when it ended
 * @param chunksFillRate  live share of the chunks' bytes when it ended, percent
 * @param fileFillRate    share of the file the chunks occupy when it ended, percent
 */
public record CompactionPass(int rewriteCalls, int rewrites, List<Duration> pauses, long fileBytesBefore,
                             long fileBytesAfter, int chunksFillRate, int fileFillRate) {

    public CompactionPass {
        pauses = List.copyOf(pauses);
    }

    public Duration longestPause() {
        return pauses.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
