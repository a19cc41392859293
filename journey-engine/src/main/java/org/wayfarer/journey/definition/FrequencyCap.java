package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} messages on {@code channel} ({@code *}: all channels together) to one contact within any
 * window of {@code per} (a rolling window: "2 per P1D" is never more than 2 in 24 hours).
 */
public record FrequencyCap(String channel, int max, Duration per) {

    /** The channel name that caps every channel together. */
    public static final String ALL_CHANNELS = "*";

    public FrequencyCap {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(per, "per");
        if (max < 1 || max > 1_000) {
            throw new IllegalArgumentException("a cap's max must be 1 to 1000 messages, was " + max);
        }
        if (per.compareTo(Duration.ofHours(1)) < 0 || per.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("a cap's period must be from PT1H to P366D, was " + per);
        }
    }

    /** Whether a message on {@code sendChannel} counts against this cap. */
    public boolean applies(String sendChannel) {
        return ALL_CHANNELS.equals(channel) || channel.equals(sendChannel);
    }
}
