package org.wayfarer.channel.wechat.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a temporary code is due for re-issue, and which settings are refused. */
class QrCodePropertiesTest {

    private static final Instant EXPIRES = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void renewsAThirtyDayCodeOneDayBeforeItExpires() {
        assertThat(QrCodeProperties.defaults().renewAt(EXPIRES, 2_592_000))
                .isEqualTo(EXPIRES.minus(Duration.ofDays(1)));
    }

    @Test
    void renewsACodeShorterThanTwoDaysHalfwayThroughItsLifetime() {
        assertThat(QrCodeProperties.defaults().renewAt(EXPIRES, 3_600)).isEqualTo(EXPIRES.minusSeconds(1_800));
        assertThat(QrCodeProperties.defaults().renewAt(EXPIRES, 172_800)).isEqualTo(EXPIRES.minus(Duration.ofDays(1)));
    }

    @Test
    void takesTheConfiguredMargin() {
        QrCodeProperties threeDays = new QrCodeProperties(Duration.ofDays(3), Duration.ofMinutes(10), 100, 100_000);

        assertThat(threeDays.renewAt(EXPIRES, 2_592_000)).isEqualTo(EXPIRES.minus(Duration.ofDays(3)));
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> new QrCodeProperties(Duration.ZERO, Duration.ofMinutes(10), 100, 100_000))
                .hasMessageContaining("reissue-before");
        assertThatThrownBy(() -> new QrCodeProperties(Duration.ofDays(1), Duration.ofSeconds(-1), 100, 100_000))
                .hasMessageContaining("reissue-interval");
        assertThatThrownBy(() -> new QrCodeProperties(Duration.ofDays(1), Duration.ofMinutes(10), 0, 100_000))
                .hasMessageContaining("reissue-page-size");
        assertThatThrownBy(() -> new QrCodeProperties(Duration.ofDays(1), Duration.ofMinutes(10), 100, 100_001))
                .hasMessageContaining("max-permanent-per-account must be 0..100000");
    }
}
