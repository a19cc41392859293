package org.wayfarer.journey.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.wayfarer.journey.webhook.WebhookRequest.Method;
import org.wayfarer.journey.webhook.WebhookRequest.Problem;

/** The checks behind {@link WebhookRequest#problems} and the request's constructor. Stateless. */
final class WebhookRules {

    static final int MAX_URL_CHARS = 2048;
    /** A JMustache tag, double or triple braced. */
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?.*?}}}?");
    /** RFC 9110 token. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    /** Printable ASCII, space and tab: no line breaks (header injection) and nothing the client would re-encode. */
    private static final Pattern FIELD_VALUE = Pattern.compile("[\\t\\x20-\\x7E]*");
    private static final String METHODS = "GET, POST, PUT, PATCH or DELETE";

    private WebhookRules() {
    }

    /** A definition's URL: templates allowed past the host. */
    static void url(String url, List<Problem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new Problem("/url", "url-missing", "url is required, e.g. https://shop.example/api/hook"));
            return;
        }
        if (url.length() > MAX_URL_CHARS) {
            problems.add(new Problem("/url", "url-too-long", "url is " + url.length() + " characters long; at most "
                    + MAX_URL_CHARS + " are allowed"));
            return;
        }
        int firstTag = url.indexOf("{{");
        if (firstTag >= 0 && firstTag < authorityEnd(url)) {
            problems.add(new Problem("/url", "url-templated-host", "the scheme and host of url must be written out,"
                    + " not templated, so the destination is known when the journey is published; templates may"
                    + " appear in the path and query"));
            return;
        }
        try {
            uri(new URI(TAG.matcher(url).replaceAll("x")), problems);
        } catch (URISyntaxException e) {
            // the reason and index only: the input itself may carry a token in its query
            problems.add(new Problem("/url", "url-invalid", "url is not a valid URI: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")));
        }
    }

    /** Where the authority ends (the first {@code / ? #} after {@code ://}), or the string's length. */
    private static int authorityEnd(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url.length();
        }
        for (int i = scheme + 3; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    static void uri(URI uri, List<Problem> problems) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            problems.add(new Problem("/url", "url-not-absolute", "url must be absolute, starting with https:// or"
                    + " http://"));
            return;
        }
        if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
            problems.add(new Problem("/url", "url-scheme", "url must use https or http, not " + quote(scheme)));
            return;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(new Problem("/url", "url-userinfo", "url must not carry a user name or password; send"
                    + " credentials in a header such as Authorization"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            problems.add(new Problem("/url", "url-host", "url must name a valid host (letters, digits, dots and"
                    + " hyphens, or an IP address) and a port from 1 to 65535 if any"));
        } else if (uri.getPort() == 0) {
            problems.add(new Problem("/url", "url-host", "url's port must be from 1 to 65535"));
        }
        if (uri.toString().length() > MAX_URL_CHARS) {
            problems.add(new Problem("/url", "url-too-long", "url is longer than " + MAX_URL_CHARS + " characters"));
        }
    }

    static void method(String method, boolean hasBody, List<Problem> problems) {
        Method known = null;
        boolean caseOnly = false;
        for (Method m : Method.values()) {
            known = m.name().equals(method) ? m : known;
            caseOnly |= m.name().equalsIgnoreCase(method);
        }
        if (known == null) {
            problems.add(new Problem("/method", "method-unknown", "method must be " + METHODS + ", not "
                    + quote(method) + (caseOnly ? " (methods are upper case)" : "")));
        } else if (known == Method.GET && hasBody) {
            problems.add(new Problem("/body", "body-with-get", "a GET request carries no body; use POST or remove"
                    + " the body"));
        }
    }

    static void headers(Map<String, String> headers, List<Problem> problems) {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String pointer = "/headers/" + (name == null ? "" : name.replace("~", "~0").replace("/", "~1"));
            if (name == null || !TOKEN.matcher(name).matches()) {
                problems.add(new Problem(pointer, "header-name", "header name " + quote(name) + " is not a valid"
                        + " HTTP token (letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons)"));
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (reserved(lower)) {
                problems.add(new Problem(pointer, "header-reserved", "header " + quote(name) + " is set by Wayfarer"
                        + " or the HTTP client and may not be set by a journey"));
                continue;
            }
            String earlier = seen.putIfAbsent(lower, name);
            if (earlier != null) {
                problems.add(new Problem(pointer, "header-duplicate", "header " + quote(name) + " repeats "
                        + quote(earlier) + " (header names ignore case)"));
            }
            String value = header.getValue();
            if (value == null || !FIELD_VALUE.matcher(value).matches()) {
                problems.add(new Problem(pointer, "header-value", "the value of header " + quote(name) + " must be"
                        + " printable ASCII on one line"));
            }
        }
    }

    private static boolean reserved(String lowerName) {
        return WebhookRequest.RESERVED_HEADERS.contains(lowerName) || lowerName.startsWith("x-wayfarer-");
    }

    /** Quotes a name for a message, cut short so no message grows with its input. */
    private static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
