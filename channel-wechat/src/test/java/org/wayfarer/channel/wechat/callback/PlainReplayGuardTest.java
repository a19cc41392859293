package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.testing.MutableClock;

class PlainReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final long TS = NOW.getEpochSecond();
    private static final String SIG = "76480565cbe296026c53aaacd1ad523a1ddba24f";
    private static final String BODY = "<xml><Event>subscribe</Event></xml>";

    private final MutableClock clock = new MutableClock(NOW);
    private final PlainReplayGuard guard = new PlainReplayGuard(clock, Duration.ofMinutes(5), 3);

    @Test
    void admitsTheSameBodyAgainAndRefusesAnother() {
        assertThat(guard.admit("wxA", TS, SIG, BODY)).isTrue();
        assertThat(guard.admit("wxA", TS, SIG, BODY)).as("a retry").isTrue();
        assertThat(guard.admit("wxA", TS, SIG, BODY + " ")).as("a replay").isFalse();
        assertThat(guard.admit("wxA", TS, SIG.toUpperCase(), "<xml/>")).as("the same signature upper-cased")
                .isFalse();
        assertThat(guard.admit("wxA", TS, SIG, BODY)).as("the first body still passes").isTrue();
    }

    @Test
    void keepsAccountsApart() {
        assertThat(guard.admit("wxA", TS, SIG, BODY)).isTrue();

        assertThat(guard.admit("wxB", TS, SIG, "<xml/>")).isTrue();
    }

    @Test
    void forgetsASignatureOnlyOnceItsTimestampHasLeftTheWindow() {
        long aheadTs = TS + 300;
        guard.admit("wxA", TS, SIG, BODY);
        guard.admit("wxA", aheadTs, "ahead", BODY);

        clock.advance(Duration.ofSeconds(300));
        assertThat(guard.admit("wxA", TS, SIG, "<xml/>")).as("timestamp still acceptable").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.size("wxA")).isEqualTo(1);
        assertThat(guard.admit("wxA", aheadTs, "ahead", "<xml/>")).as("ahead of our clock, still acceptable")
                .isFalse();
        clock.advance(Duration.ofSeconds(600));
        assertThat(guard.size("wxA")).isZero();
    }

    @Test
    void boundsEachAccountWithoutTouchingTheOthers() {
        guard.admit("wxB", TS, SIG, BODY);
        for (int i = 0; i < 50; i++) {
            guard.admit("wxA", TS, "sig" + i, BODY);
        }

        assertThat(guard.size("wxA")).isEqualTo(3);
        assertThat(guard.admit("wxB", TS, SIG, "<xml/>")).isFalse();
    }
}
