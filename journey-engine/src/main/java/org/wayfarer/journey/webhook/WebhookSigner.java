package org.wayfarer.journey.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook calls the way Stripe and GitHub do, so a receiver can tell a call came from us, unaltered.
 *
 * <p>Every call carries {@value #DELIVERY_HEADER} (the delivery id: the receiver's idempotency key, sent even
 * unsigned) and {@value #TIMESTAMP_HEADER} (epoch seconds from the injected clock). With a secret it also carries
 * {@value #SIGNATURE_HEADER}{@code : sha256=<hex>}, the lowercase hex HMAC-SHA256 keyed with the secret's UTF-8 bytes
 * over {@code timestamp + "." + body} (the body's UTF-8 bytes, {@code ""} when there is none). Signing the
 * timestamp lets a receiver refuse replays: it should reject a timestamp more than a few minutes from its own clock
 * ({@link #verify} checks the signature only). Thread-safe; never logs, and no exception here contains the secret.
 */
public final class WebhookSigner {

    public static final String DELIVERY_HEADER = "X-Wayfarer-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Wayfarer-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Wayfarer-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SCHEME = "sha256=";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,19}");

    private final Clock clock;

    public WebhookSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The headers for one call, in the order delivery, timestamp, signature.
     *
     * @param body   the exact body sent, or null for none
     * @param secret the key, or null to leave out the signature
     */
    public Map<String, String> headers(long deliveryId, String body, String secret) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DELIVERY_HEADER, Long.toString(deliveryId));
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        if (secret != null) {
            headers.put(SIGNATURE_HEADER, signature(secret, timestamp, body));
        }
        return headers;
    }

    /**
     * The {@value #SIGNATURE_HEADER} value, {@code sha256=<lowercase hex>}.
     *
     * @param body null counts as {@code ""}
     * @throws IllegalArgumentException when the secret is null or empty
     */
    public static String signature(String secret, long timestamp, String body) {
        return SCHEME + HexFormat.of().formatHex(mac(secret, Long.toString(timestamp), body));
    }

    /**
     * Whether {@code header} is the signature of {@code timestamp} and {@code body} under {@code secret}, compared in
     * constant time. False, never an exception, for anything missing or malformed: a timestamp that is not plain epoch
     * seconds, a header without the {@code sha256=} prefix or with bad hex. Does not judge the timestamp's age.
     *
     * @param timestamp the {@value #TIMESTAMP_HEADER} value as received
     * @param body      the raw body as received, null counting as {@code ""}
     * @param header    the {@value #SIGNATURE_HEADER} value as received
     */
    public static boolean verify(String secret, String timestamp, String body, String header) {
        if (secret == null || secret.isEmpty() || timestamp == null || !EPOCH_SECONDS.matcher(timestamp).matches()
                || header == null || !header.startsWith(SCHEME)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header, SCHEME.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    private static byte[] mac(String secret, String timestamp, String body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signature needs a non-empty secret");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every Java platform has HmacSHA256, and the key is never invalid; the key is not in the message
            throw new IllegalStateException(ALGORITHM + " is not available: " + e.getClass().getSimpleName());
        }
    }
}
