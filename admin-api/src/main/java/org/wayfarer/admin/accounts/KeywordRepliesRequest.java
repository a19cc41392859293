package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An official account's keyword rules, in the order they are tried.
 *
 * @param rules each {@code {keyword, match: "exact" | "contains", reply}}
 */
@Schema(description = "Keyword replies of an official account, tried in order; the first match answers")
public record KeywordRepliesRequest(List<Rule> rules) {

    /** One rule; {@code match} defaults to {@code exact}. */
    public record Rule(@Schema(example = "优惠券") String keyword,
                       @Schema(allowableValues = {"exact", "contains"}, example = "contains") String match,
                       @Schema(example = "回复“领券”即可领取本周优惠券") String reply) {
    }
}
