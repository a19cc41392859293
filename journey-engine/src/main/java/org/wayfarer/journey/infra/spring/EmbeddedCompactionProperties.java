package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.wayfarer.journey.infra.embedded.CompactionSettings;

/**
 * Online compaction of the embedded H2 file ({@code wayfarer.embedded.compaction.*}); ignored for any other
 * database. Defaults are the ones measured in docs/adr/0007.
 *
 * @param enabled              whether passes run at all
 * @param interval             pause between the end of one pass and the start of the next
 * @param passBudget           how long one pass's rewrites may hold the commit lock in total
 * @param rewriteBelowFillRate rewrite sparse chunks while the chunks' fill rate is below this percentage
 * @param rewriteSize          live data one rewrite call may copy (bounds how long it holds the commit lock)
 * @param moveBelowFillRate    move chunks into holes and truncate when the file's fill rate is below this percentage
 *                             (half of it while writers commit)
 * @param moveSize             chunk data one move call may relocate
 */
@ConfigurationProperties("wayfarer.embedded.compaction")
public record EmbeddedCompactionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("100ms") Duration passBudget,
        @DefaultValue("80") int rewriteBelowFillRate,
        @DefaultValue("256KB") DataSize rewriteSize,
        @DefaultValue("80") int moveBelowFillRate,
        @DefaultValue("16MB") DataSize moveSize) {

    public EmbeddedCompactionProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("wayfarer.embedded.compaction.interval must be > 0, got " + interval);
        }
    }

    CompactionSettings settings() {
        return new CompactionSettings(rewriteBelowFillRate, Math.toIntExact(rewriteSize.toBytes()), passBudget,
                moveBelowFillRate, Math.toIntExact(moveSize.toBytes()));
    }
}
