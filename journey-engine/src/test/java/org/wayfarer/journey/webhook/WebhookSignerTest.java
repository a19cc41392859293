package org.wayfarer.journey.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String SECRET = "s3cr3t";
    private static final String BODY = "{\"openid\":\"o-123\"}";
    /** {@code printf '1700000000.{"openid":"o-123"}' | openssl dgst -sha256 -hmac 's3cr3t'} */
    private static final String OPENSSL_HEX = "49bf42b9a62e4bd8c763e24f5ef310e78785eab37bda9e16d863c59cb2ee85b4";
    /** {@code printf '1700000000.' | openssl dgst -sha256 -hmac 's3cr3t'} */
    private static final String OPENSSL_EMPTY_BODY_HEX =
            "f63f1341b06e485fe1fe78cbfd5f6d4cee0d492c21bbc3333af817254d0db38a";

    private final WebhookSigner signer =
            new WebhookSigner(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    @Test
    void signatureIsTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal(
                ("1700000000." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSigner.signature(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("sha256=" + independent)
                .isEqualTo("sha256=" + OPENSSL_HEX);
    }

    @Test
    void noBodySignsTheEmptyString() {
        assertThat(WebhookSigner.signature(SECRET, 1_700_000_000L, null)).isEqualTo("sha256=" + OPENSSL_EMPTY_BODY_HEX);
        assertThat(WebhookSigner.signature(SECRET, 1_700_000_000L, "")).isEqualTo("sha256=" + OPENSSL_EMPTY_BODY_HEX);
    }

    @Test
    void headersCarryDeliveryTimestampFromTheClockAndSignature() {
        assertThat(signer.headers(42L, BODY, SECRET)).containsExactly(
                entry("X-Wayfarer-Delivery", "42"),
                entry("X-Wayfarer-Timestamp", "1700000000"),
                entry("X-Wayfarer-Signature", "sha256=" + OPENSSL_HEX));
    }

    @Test
    void withoutASecretTheDeliveryIdIsStillSent() {
        assertThat(signer.headers(42L, BODY, null))
                .containsEntry("X-Wayfarer-Delivery", "42")
                .containsKey("X-Wayfarer-Timestamp")
                .doesNotContainKey("X-Wayfarer-Signature");
    }

    @Test
    void verifiesItsOwnSignatureAndNothingElse() {
        String header = WebhookSigner.signature(SECRET, 1_700_000_000L, BODY);

        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, header)).isTrue();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
                .as("hex case does not matter").isTrue();
        assertThat(WebhookSigner.verify("wrong", "1700000000", BODY, header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000001", BODY, header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY + " ", header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, header.substring(0, header.length() - 2)))
                .isFalse();
    }

    @Test
    void malformedInputIsFalseNotAnException() {
        String header = WebhookSigner.signature(SECRET, 1_700_000_000L, BODY);

        assertThat(WebhookSigner.verify(null, "1700000000", BODY, header)).isFalse();
        assertThat(WebhookSigner.verify("", "1700000000", BODY, header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, null, BODY, header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000.x", BODY, header)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, null)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, OPENSSL_HEX)).as("no scheme").isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, "sha256=zz")).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "1700000000", BODY, "sha256=")).isFalse();
    }

    @Test
    void anEmptySecretIsRefusedWithoutQuotingAnything() {
        assertThatThrownBy(() -> WebhookSigner.signature("", 1L, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(BODY);
    }
}
