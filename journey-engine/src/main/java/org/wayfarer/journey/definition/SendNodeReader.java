package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code send} node: {@code channel} with its {@code message}, or {@code channels} (ordered fallbacks, each
 * a known channel, no repeats) with {@code message} keyed by channel; {@code account}, {@code next}, {@code failed},
 * {@code quietHours}.
 */
final class SendNodeReader {

    /** More fallbacks than this are a mistake, not a plan. */
    static final int MAX_CHANNELS = 5;
    /** The most coupons one node's stock may hold. */
    static final long MAX_STOCK = 1_000_000_000L;
    private static final Set<String> FIELDS =
            Set.of("type", "channel", "channels", "account", "message", "next", "failed", "soldOut", "quietHours");

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;
    private final SendRulesReader sendRules;
    private final Set<String> knownChannels;

    SendNodeReader(Problems problems, JsonFields fields, NodeLinks links, SendRulesReader sendRules,
                   Set<String> knownChannels) {
        this.problems = problems;
        this.fields = fields;
        this.links = links;
        this.sendRules = sendRules;
        this.knownChannels = knownChannels;
    }

    SendNode send(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        fields.warnUnknown(json, pointer, FIELDS);
        int before = problems.errorCount();
        String account = fields.optionalString(json, "account", pointer);
        if (account != null && account.isBlank()) {
            problems.error(Problems.pointer(pointer, "account"), "bad-value",
                    "'account' must not be blank; leave it out to send from the account the trigger came from");
        }
        List<SendNode.Choice> choices = json.has("channels") ? several(json, pointer) : one(json, pointer);
        String next = links.optional(json, "next", pointer, edges);
        String failed = links.optional(json, "failed", pointer, edges);
        String soldOut = links.optional(json, "soldOut", pointer, edges);
        SendNode.Stock stock = stock(json, pointer);
        if (soldOut != null && stock == null) {
            problems.error(Problems.pointer(pointer, "soldOut"), "bad-value", "'soldOut' needs a 'stock' in the "
                    + SendNode.COUPON_CHANNEL + " message");
        }
        QuietHoursRule quietHours = sendRules.quietHours(json, pointer);
        return problems.errorCount() > before || choices.isEmpty() ? null
                : new SendNode(id, choices, account, next, failed, soldOut, stock, quietHours);
    }

    /**
     * The {@code stock} of the node's {@value SendNode#COUPON_CHANNEL} message: a whole number from 1 to
     * {@value #MAX_STOCK}, with a literal {@code cardId} (the stock is counted per card).
     */
    private SendNode.Stock stock(JsonNode json, String pointer) {
        String messagePointer = Problems.pointer(pointer, "message");
        JsonNode message = json.path("message");
        if (json.has("channels")) {
            messagePointer = Problems.pointer(messagePointer, SendNode.COUPON_CHANNEL);
            message = message.path(SendNode.COUPON_CHANNEL);
        } else if (!SendNode.COUPON_CHANNEL.equals(json.path("channel").asString(""))) {
            return null;
        }
        JsonNode stock = message.get("stock");
        if (stock == null) {
            return null;
        }
        if (!stock.isIntegralNumber() || stock.asLong() < 1 || stock.asLong() > MAX_STOCK) {
            problems.error(Problems.pointer(messagePointer, "stock"), "bad-value", "'stock' must be a whole number"
                    + " from 1 to " + MAX_STOCK);
            return null;
        }
        JsonNode cardId = message.get("cardId");
        if (cardId == null || !cardId.isString() || cardId.stringValue().isBlank()
                || cardId.stringValue().contains("{{") || cardId.stringValue().length() > 64) {
            problems.error(Problems.pointer(messagePointer, "cardId"), "bad-value", "a coupon with a 'stock' needs"
                    + " a literal 'cardId' of at most 64 characters: the stock is counted per card");
            return null;
        }
        return new SendNode.Stock(cardId.stringValue(), stock.asLong());
    }

    private List<SendNode.Choice> one(JsonNode json, String pointer) {
        String channel = fields.requiredString(json, "channel", pointer);
        known(channel, Problems.pointer(pointer, "channel"));
        JsonNode messageJson = fields.requiredObject(json, "message", pointer);
        MessageTemplate message = messageJson == null ? null
                : compile(messageJson, Problems.pointer(pointer, "message"));
        return channel == null || message == null ? List.of() : List.of(new SendNode.Choice(channel, message));
    }

    /** A channel's message; keys starting with {@code $} are the runtime's (its fallbacks), not a message's. */
    private MessageTemplate compile(JsonNode message, String pointer) {
        for (String key : message.propertyNames()) {
            if (key.startsWith("$")) {
                problems.error(Problems.pointer(pointer, key), "reserved-key", "message keys starting with '$' are"
                        + " reserved for the runtime");
                return null;
            }
        }
        return MustacheMessageTemplate.compile(message, pointer, problems);
    }

    private List<SendNode.Choice> several(JsonNode json, String pointer) {
        String channelsPointer = Problems.pointer(pointer, "channels");
        if (json.has("channel")) {
            problems.error(Problems.pointer(pointer, "channel"), "bad-value",
                    "give either 'channel' or 'channels', not both");
        }
        JsonNode channels = json.get("channels");
        if (!channels.isArray() || channels.isEmpty() || channels.size() > MAX_CHANNELS) {
            problems.error(channelsPointer, "bad-value", "'channels' must list 1 to " + MAX_CHANNELS
                    + " channel names, the first to try first");
            return List.of();
        }
        JsonNode messages = fields.requiredObject(json, "message", pointer);
        String messagePointer = Problems.pointer(pointer, "message");
        List<SendNode.Choice> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String entryPointer = Problems.pointer(channelsPointer, i);
            if (!channels.get(i).isString()) {
                problems.error(entryPointer, "bad-value", "each entry of 'channels' must be a channel name; put its"
                        + " message under message[\"<channel>\"]");
                continue;
            }
            String channel = channels.get(i).stringValue();
            if (!known(channel, entryPointer)) {
                continue;
            }
            if (!seen.add(channel)) {
                problems.error(entryPointer, "bad-value", "channel '" + channel + "' is listed twice");
                continue;
            }
            JsonNode message = messages == null ? null : messages.get(channel);
            if (messages != null && (message == null || !message.isObject())) {
                problems.error(Problems.pointer(messagePointer, channel), "required", "'message' needs an object"
                        + " for every channel in 'channels'; '" + channel + "' has none");
                continue;
            }
            MessageTemplate compiled = message == null ? null
                    : compile(message, Problems.pointer(messagePointer, channel));
            if (compiled != null) {
                choices.add(new SendNode.Choice(channel, compiled));
            }
        }
        if (messages != null) {
            messages.propertyNames().forEach(name -> {
                if (!seen.contains(name)) {
                    problems.warning(Problems.pointer(messagePointer, name), "unused-message", "'" + name
                            + "' is not in 'channels', so this message is never sent");
                }
            });
        }
        return choices;
    }

    private boolean known(String channel, String pointer) {
        if (channel != null && !knownChannels.contains(channel)) {
            problems.error(pointer, "unknown-channel", "channel '" + channel + "' is not available; known channels: "
                    + JsonFields.sorted(knownChannels));
            return false;
        }
        return channel != null;
    }
}
