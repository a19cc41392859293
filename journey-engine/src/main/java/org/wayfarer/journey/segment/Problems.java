package org.wayfarer.journey.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one submitted segment, in the order found, so the caller learns all of them at once (the
 * style of the journey compiler's, kept separate so that segments do not depend on the journey language). Not
 * thread-safe.
 */
final class Problems {

    private final List<SegmentProblem> found = new ArrayList<>();

    void add(String pointer, String code, String message) {
        found.add(new SegmentProblem(pointer, code, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    int count() {
        return found.size();
    }

    List<SegmentProblem> list() {
        return List.copyOf(found);
    }

    /** Appends one reference token to a JSON pointer, escaped per RFC 6901 ({@code ~} then {@code /}). */
    static String pointer(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String pointer(String parent, int index) {
        return parent + "/" + index;
    }
}
