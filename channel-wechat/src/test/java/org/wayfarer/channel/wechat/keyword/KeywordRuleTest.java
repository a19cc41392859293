package org.wayfarer.channel.wechat.keyword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeywordRuleTest {

    @Test
    void exactIgnoresBlanksAndCaseAndContainsFindsTheKeywordAnywhere() {
        KeywordRule help = new KeywordRule(" Help ", KeywordRule.Match.EXACT, "hi");
        KeywordRule coupon = new KeywordRule("优惠券", KeywordRule.Match.CONTAINS, "券");

        assertThat(help.keyword()).isEqualTo("Help");
        assertThat(help.matches("  HELP\n")).isTrue();
        assertThat(help.matches("help me")).isFalse();
        assertThat(coupon.matches("有优惠券吗")).isTrue();
        assertThat(coupon.matches("优惠")).isFalse();
        assertThat(coupon.matches(null)).isFalse();
    }

    @Test
    void refusesEmptyOrOverlongKeywordsAndReplies() {
        assertThatThrownBy(() -> new KeywordRule(" ", KeywordRule.Match.EXACT, "x"))
                .hasMessage("a keyword must be 1 to 30 characters");
        assertThatThrownBy(() -> new KeywordRule("k".repeat(31), KeywordRule.Match.EXACT, "x"))
                .hasMessage("a keyword must be 1 to 30 characters");
        assertThatThrownBy(() -> new KeywordRule("k", KeywordRule.Match.EXACT, "r".repeat(601)))
                .hasMessage("the reply to 'k' must be 1 to 600 characters");
    }
}
