package org.wayfarer.channel.wechat.keyword;

import java.util.Locale;
import java.util.Objects;

/**
 * A keyword reply rule of an official account: a follower's text message that {@code matches} {@code keyword} is
 * answered with {@code reply} inside the callback response (a passive reply, within WeChat's 5 seconds).
 *
 * @param match {@link Match#EXACT} (the whole message, ignoring surrounding blanks and letter case) or
 *              {@link Match#CONTAINS}
 */
public record KeywordRule(String keyword, Match match, String reply) {

    /** The longest keyword. */
    public static final int MAX_KEYWORD = 30;
    /** The longest reply: WeChat takes at most 2048 bytes of text, 600 characters of Chinese stay within it. */
    public static final int MAX_REPLY = 600;

    /** How a message is compared with the keyword. */
    public enum Match {
        EXACT, CONTAINS
    }

    public KeywordRule {
        Objects.requireNonNull(match, "match");
        if (keyword == null || keyword.isBlank() || keyword.strip().length() > MAX_KEYWORD) {
            throw new IllegalArgumentException("a keyword must be 1 to " + MAX_KEYWORD + " characters");
        }
        if (reply == null || reply.isBlank() || reply.length() > MAX_REPLY) {
            throw new IllegalArgumentException("the reply to '" + keyword.strip() + "' must be 1 to " + MAX_REPLY
                    + " characters");
        }
        keyword = keyword.strip();
    }

    /** Whether a follower's {@code text} triggers this rule. */
    public boolean matches(String text) {
        if (text == null) {
            return false;
        }
        String message = text.strip().toLowerCase(Locale.ROOT);
        String key = keyword.toLowerCase(Locale.ROOT);
        return match == Match.EXACT ? message.equals(key) : message.contains(key);
    }
}
