package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.List;

/**
 * A journey's rules for when its messages may go out: its {@code quietHours} (nullable: only the tenant's), its
 * {@code caps} (override the tenant's caps channel by channel; empty: the tenant's alone), its {@code priority}
 * (0–100, recorded with every deferral) and its {@code expiry}: a send deferred (quiet hours, caps) beyond this
 * long after it was due is dropped with a reason instead.
 */
public record SendRules(QuietHoursRule quietHours, List<FrequencyCap> caps, int priority, Duration expiry) {

    public static final int DEFAULT_PRIORITY = 50;
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(1);

    public SendRules {
        caps = List.copyOf(caps);
    }

    /** Nothing of the journey's own: the tenant's rules, default priority and expiry. */
    public static SendRules none() {
        return new SendRules(null, List.of(), DEFAULT_PRIORITY, DEFAULT_EXPIRY);
    }
}
