package org.wayfarer.admin.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one request, each at an RFC 6901 JSON pointer, so the client learns all of them at once.
 * Keeps the first {@value #MAX_LISTED}: a hostile body cannot make the answer bigger than itself. Not thread-safe.
 */
public final class RequestProblems {

    static final int MAX_LISTED = 50;

    private final List<ValidationProblemResponse> listed = new ArrayList<>();
    private int count;

    public void add(String pointer, String code, String message) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new ValidationProblemResponse(pointer, code, message));
        }
    }

    /** How many problems were added (listed or not). */
    public int count() {
        return count;
    }

    /** Throws the 400 problem listing what was found, if anything was. */
    public void throwIfAny() {
        if (count == 0) {
            return;
        }
        String detail = "The request has " + count + " problem(s); "
                + (count > listed.size() ? "the first " + listed.size() + " are listed in 'errors'." : "see 'errors'.");
        throw new InvalidRequestException(detail, listed);
    }

    /** {@code pointer} followed by one reference token, escaped as RFC 6901 says ({@code ~} and {@code /}). */
    public static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
