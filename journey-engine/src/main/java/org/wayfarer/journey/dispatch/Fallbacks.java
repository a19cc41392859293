package org.wayfarer.journey.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels a send falls back to when its channel refuses it, carried in its outbox row's message under
 * {@value #KEY} (a key no channel's message uses; the compiler refuses message keys starting with {@code $}):
 * {@code [{channel, account, recipient, message}]}, in order. The dispatcher takes them off before a sender sees the
 * message, and on a refusal moves the row to the first of them ({@link OutboxReceipt.Kind#FELL_THROUGH}).
 */
public final class Fallbacks {

    /** The reserved message key. */
    public static final String KEY = "$fallbacks";

    /** One channel to fall back to, with its address and its message (already rendered). */
    public record Fallback(String channel, String account, String recipient, Map<String, Object> message) {

        public Fallback {
            message = Map.copyOf(message);
        }
    }

    private Fallbacks() {
    }

    /** {@code message} carrying {@code fallbacks} (unchanged when there are none). */
    public static Map<String, Object> attach(Map<String, Object> message, List<Fallback> fallbacks) {
        if (fallbacks.isEmpty()) {
            return message;
        }
        Map<String, Object> with = new LinkedHashMap<>(message);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Fallback fallback : fallbacks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("channel", fallback.channel());
            entry.put("account", fallback.account());
            entry.put("recipient", fallback.recipient());
            entry.put("message", fallback.message());
            list.add(entry);
        }
        with.put(KEY, list);
        return with;
    }

    /** The message as its channel's sender takes it: without the fallbacks. */
    public static Map<String, Object> strip(Map<String, Object> message) {
        if (!message.containsKey(KEY)) {
            return message;
        }
        Map<String, Object> without = new LinkedHashMap<>(message);
        without.remove(KEY);
        return without;
    }

    /** The fallbacks {@code message} carries, in order; empty when none (or when the key holds something else). */
    public static List<Fallback> of(Map<String, Object> message) {
        if (!(message.get(KEY) instanceof List<?> list)) {
            return List.of();
        }
        List<Fallback> fallbacks = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> entry && entry.get("channel") instanceof String channel
                    && entry.get("message") instanceof Map<?, ?> fallbackMessage) {
                Map<String, Object> typed = new LinkedHashMap<>();
                fallbackMessage.forEach((k, v) -> typed.put(String.valueOf(k), v));
                fallbacks.add(new Fallback(channel, text(entry.get("account")), text(entry.get("recipient")), typed));
            }
        }
        return fallbacks;
    }

    /**
     * The row a refused send becomes: the first fallback's channel, address and message, carrying the rest; empty
     * when there is nothing to fall back to.
     */
    public static Optional<Fallback> next(Map<String, Object> message) {
        List<Fallback> fallbacks = of(message);
        if (fallbacks.isEmpty()) {
            return Optional.empty();
        }
        Fallback first = fallbacks.get(0);
        return Optional.of(new Fallback(first.channel(), first.account(), first.recipient(),
                attach(first.message(), fallbacks.subList(1, fallbacks.size()))));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
