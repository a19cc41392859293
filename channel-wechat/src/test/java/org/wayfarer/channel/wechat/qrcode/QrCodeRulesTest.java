package org.wayfarer.channel.wechat.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field rules of a create command: WeChat's limits, which WxJava does not check, and our reserved prefix. */
class QrCodeRulesTest {

    private static final String APP = "wx1234567890ABCDEF";

    @Test
    void acceptsAWellFormedTemporaryAndPermanentCode() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "store_001", true, 60, 7L))).isEmpty();
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "store_001", true, null, null))).isEmpty();
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "~!#$%&'()*+,-./:;<=>?@[\\]^_`{|}", false, null, null)))
                .isEmpty();
    }

    @Test
    void listsEveryMissingFieldAtOnce() {
        List<QrCodeProblem> problems = QrCodeRules.check(new CreateQrCode(null, null, null, null, null));

        assertThat(problems).extracting(QrCodeProblem::field, QrCodeProblem::code).containsExactly(
                tuple("appId", "required"),
                tuple("scene", "required"),
                tuple("temporary", "required"));
        assertThat(QrCodeRules.check(null)).extracting(QrCodeProblem::code).containsExactly("required");
    }

    @Test
    void refusesAMalformedAppId() {
        assertThat(QrCodeRules.check(new CreateQrCode("wx123", "s", true, null, null)))
                .extracting(QrCodeProblem::field, QrCodeProblem::code)
                .containsExactly(tuple("appId", "invalid-app-id"));
    }

    @Test
    void holdsTheSceneToWeChatsSixtyFourCharacters() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s".repeat(64), true, null, null))).isEmpty();

        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s".repeat(65), true, null, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("scene");
                    assertThat(p.code()).isEqualTo("too-long");
                    assertThat(p.message()).contains("64");
                });
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "", true, null, null)))
                .extracting(QrCodeProblem::code).containsExactly("required");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"store 001", "store\t001", "store\n", " lead", "门店001", "caf\u00e9", "bell\u0007"})
    void refusesWhitespaceControlAndNonAsciiCharacters(String scene) {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, scene, true, null, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("invalid-characters");
                    assertThat(p.message()).doesNotContain(scene);
                });
    }

    @Test
    void reservesTheReferralPrefix() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "ref_alice", false, null, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("reserved");
                    assertThat(p.message()).contains("ref_").doesNotContain("alice");
                });
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "ref_", false, null, null)))
                .extracting(QrCodeProblem::code).containsExactly("reserved");
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "referral", false, null, null))).isEmpty();
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "REF_alice", false, null, null)))
                .as("scenes are case-sensitive, as WeChat's are").isEmpty();
    }

    @ParameterizedTest(name = "expiresIn {0}")
    @ValueSource(ints = {-1, 0, 59, 2_592_001, Integer.MAX_VALUE})
    void holdsTemporaryLifetimesToWeChatsRange(int expiresIn) {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s", true, expiresIn, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("expiresIn");
                    assertThat(p.code()).isEqualTo("out-of-range");
                    assertThat(p.message()).contains("60 to 2592000");
                });
    }

    @Test
    void acceptsBothEndsOfTheLifetimeRange() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s", true, 60, null))).isEmpty();
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s", true, 2_592_000, null))).isEmpty();
    }

    @Test
    void refusesALifetimeForAPermanentCode() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s", false, 3_600, null)))
                .extracting(QrCodeProblem::field, QrCodeProblem::code)
                .containsExactly(tuple("expiresIn", "not-allowed"));
    }

    @Test
    void refusesAJourneyIdThatCannotBeAnId() {
        assertThat(QrCodeRules.check(new CreateQrCode(APP, "s", true, null, 0L)))
                .extracting(QrCodeProblem::field, QrCodeProblem::code)
                .containsExactly(tuple("journeyId", "invalid"));
    }
}
