package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.keyword.KeywordRule;
import org.wayfarer.channel.wechat.UnknownAccountException;

/** Keyword replies of the caller's official accounts: a follower's text message answered inside the callback. */
@RestController
@RequestMapping("/api/v1/wechat/accounts/{appId}/keyword-replies")
@Tag(name = "WeChat accounts")
public class WeChatKeywordReplyController {

    private final KeywordReplies replies;

    public WeChatKeywordReplyController(KeywordReplies replies) {
        this.replies = replies;
    }

    @GetMapping
    @Operation(summary = "The account's keyword rules, in the order they are tried")
    public KeywordRepliesRequest get(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                     @PathVariable String appId) {
        return response(replies.rules(caller.tenantId(), appId));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the account's keyword rules",
            description = "At most 200 rules; keywords of 1 to 30 characters, replies of 1 to 600. A text message "
                    + "is answered by the first rule that matches (exact: the whole message, ignoring blanks and "
                    + "case; contains) and still enters journeys as wechat.message_received.")
    public KeywordRepliesRequest replace(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                         @PathVariable String appId, @RequestBody KeywordRepliesRequest request) {
        if (request == null || request.rules() == null) {
            throw new InvalidRequestException("'rules' is required (an empty list removes every rule)");
        }
        List<KeywordRule> rules = new ArrayList<>();
        for (int i = 0; i < request.rules().size(); i++) {
            KeywordRepliesRequest.Rule rule = request.rules().get(i);
            if (rule == null) {
                throw new InvalidRequestException("rules[" + i + "] must be an object {keyword, match, reply}");
            }
            rules.add(new KeywordRule(rule.keyword(), match(rule.match(), i), rule.reply()));
        }
        return response(replies.replace(caller.tenantId(), appId, rules));
    }

    private static KeywordRule.Match match(String match, int index) {
        if (match == null) {
            return KeywordRule.Match.EXACT;
        }
        return switch (match.toLowerCase(Locale.ROOT)) {
            case "exact" -> KeywordRule.Match.EXACT;
            case "contains" -> KeywordRule.Match.CONTAINS;
            default -> throw new InvalidRequestException("rules[" + index + "].match must be 'exact' or 'contains'");
        };
    }

    private static KeywordRepliesRequest response(List<KeywordRule> rules) {
        return new KeywordRepliesRequest(rules.stream().map(rule -> new KeywordRepliesRequest.Rule(rule.keyword(),
                rule.match().name().toLowerCase(Locale.ROOT), rule.reply())).toList());
    }

    @ExceptionHandler(UnknownAccountException.class)
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage()));
    }
}
