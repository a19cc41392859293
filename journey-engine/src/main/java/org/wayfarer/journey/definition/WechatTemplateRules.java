package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Publish-time warnings for one WeChat template message ({@code wechat.template}): the rules WeChat has applied to
 * template messages since 4 May 2023, which it enforces by silently dropping or cutting text (or by blocking the
 * template) rather than by refusing the send, so without these warnings an operator only finds out from the phone.
 * Works on the raw message JSON and ignores any shape it does not expect; never reports errors.
 *
 * <p>Codes (stable): {@code template-first-remark}, {@code template-line-break}, {@code template-field-too-long},
 * {@code template-field-may-truncate}, {@code template-marketing-content}.
 */
final class WechatTemplateRules {

    /**
     * Characters WeChat keeps per keyword type; the rest is cut off (WxJava passes it through, WeChat truncates).
     * Keyed by the data field's name without its trailing number: {@code thing3} is a {@code thing}.
     */
    static final Map<String, Integer> LIMITS = Map.of(
            "thing", 20,
            "character_string", 32,
            "phone_number", 17,
            "car_number", 8,
            "const", 20);

    /**
     * A value with {@code {{...}}} tags whose fixed text leaves fewer characters than this for the rendered values
     * gets {@code template-field-may-truncate}: even a short name or code would then be cut. Four is about one
     * Chinese name or a short order number; below it truncation is the likely outcome, not an edge case.
     */
    static final int MIN_ROOM_FOR_VALUES = 4;

    /**
     * Wording that marks a template message as marketing, which WeChat forbids in template messages and punishes by
     * blocking the template. The one list of it; kept to words that are rarely innocent in a service notice.
     */
    static final List<String> MARKETING_WORDS = List.of(
            "优惠", "折扣", "打折", "促销", "特价", "秒杀", "限时", "抢购", "领取", "领券", "优惠券", "红包", "抽奖",
            "免费送", "满减", "大促", "特惠");

    /** The data fields WeChat dropped on 4 May 2023: they are no longer shown. */
    private static final List<String> REMOVED_FIELDS = List.of("first", "remark");

    /** Mustache tags, triple-brace first so {@code {{{x}}}} is removed whole. Unclosed tags stay as text. */
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{.*?}}}|\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern KEYWORD = Pattern.compile("([a-z_]+?)\\d*");

    private WechatTemplateRules() {
    }

    /**
     * @param message the template message: {@code {"templateId", "url", "data": {"thing1": "..." | {"value": "..."}}}}
     * @param pointer the message's JSON pointer
     */
    static void check(JsonNode message, String pointer, Problems problems) {
        if (message == null || !message.isObject()) {
            return;
        }
        JsonNode data = message.get("data");
        if (data != null && data.isObject()) {
            String dataPointer = Problems.pointer(pointer, "data");
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                dataField(field.getKey(), field.getValue(), Problems.pointer(dataPointer, field.getKey()), problems);
            }
        }
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            // data is checked above; a link is not shown as text, so its words do not count as content
            if (!field.getKey().equals("data") && !field.getKey().equals("url")) {
                marketingInLeaves(field.getKey(), field.getValue(), Problems.pointer(pointer, field.getKey()),
                        problems, 0);
            }
        }
    }

    private static void dataField(String name, JsonNode value, String pointer, Problems problems) {
        if (REMOVED_FIELDS.contains(name)) {
            problems.warning(pointer, "template-first-remark", "data field '" + name + "' is no longer shown: "
                    + "WeChat removed the 'first' and 'remark' fields of template messages on 4 May 2023; "
                    + "put this text into one of the template's keyword fields or leave it out");
        }
        String textPointer = pointer;
        JsonNode text = value;
        if (value != null && value.isObject()) {
            text = value.get("value");
            textPointer = Problems.pointer(pointer, "value");
        }
        if (text == null || !text.isString()) {
            return;
        }
        String source = text.stringValue();
        String literal = TAG.matcher(source).replaceAll("");
        boolean hasTags = literal.length() != source.length();
        if (literal.indexOf('\n') >= 0 || literal.indexOf('\r') >= 0) {
            problems.warning(textPointer, "template-line-break", "data field '" + name + "' contains a line break: "
                    + "WeChat template messages do not show line breaks in values since 4 May 2023; "
                    + "keep each value on one line");
        }
        length(name, literal, hasTags, textPointer, problems);
        marketing("data field '" + name + "'", literal, textPointer, problems);
    }

    private static void length(String name, String literal, boolean hasTags, String pointer, Problems problems) {
        String keyword = keyword(name);
        Integer limit = keyword == null ? null : LIMITS.get(keyword);
        if (limit == null) {
            return;
        }
        int length = literal.codePointCount(0, literal.length());
        if (length > limit) {
            problems.warning(pointer, "template-field-too-long", "data field '" + name + "' is " + length
                    + " characters" + (hasTags ? " before its {{...}} values are filled in" : "")
                    + "; WeChat shows at most " + limit + " characters in a " + keyword
                    + " field and cuts off the rest");
        } else if (hasTags && limit - length < MIN_ROOM_FOR_VALUES) {
            problems.warning(pointer, "template-field-may-truncate", "data field '" + name + "' has " + length
                    + " characters of fixed text, leaving " + (limit - length) + " of the " + limit
                    + " characters WeChat shows in a " + keyword + " field for its {{...}} values; "
                    + "longer values are cut off");
        }
    }

    /** The keyword type of a data field name: {@code thing} for {@code thing1}; null for other names. */
    private static String keyword(String name) {
        Matcher matcher = KEYWORD.matcher(name);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Looks for marketing words in every string under a non-data message field (bounded by the JSON depth). */
    private static void marketingInLeaves(String name, JsonNode node, String pointer, Problems problems, int depth) {
        if (node == null || depth > JourneyCompiler.MAX_DEPTH) {
            return;
        }
        if (node.isString()) {
            marketing("message field '" + name + "'", TAG.matcher(node.stringValue()).replaceAll(""), pointer,
                    problems);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                marketingInLeaves(field.getKey(), field.getValue(), Problems.pointer(pointer, field.getKey()),
                        problems, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                marketingInLeaves(name, node.get(i), Problems.pointer(pointer, i), problems, depth + 1);
            }
        }
    }

    private static void marketing(String what, String literal, String pointer, Problems problems) {
        List<String> found = marketingWords(literal);
        if (!found.isEmpty()) {
            problems.warning(pointer, "template-marketing-content", what + " contains marketing wording ("
                    + String.join(", ", found) + "): WeChat forbids marketing content in template messages and may "
                    + "block the template; send promotions as a customer-service (kefu) or subscribe message instead");
        }
    }

    /** The marketing words in {@code text}, leaving out those that are part of a longer one found (优惠 in 优惠券). */
    static List<String> marketingWords(String text) {
        List<String> found = new ArrayList<>();
        for (String word : MARKETING_WORDS) {
            if (text.contains(word)) {
                found.add(word);
            }
        }
        return found.stream()
                .filter(word -> found.stream()
                        .noneMatch(other -> other.length() > word.length() && other.contains(word)))
                .toList();
    }
}
