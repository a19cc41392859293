package org.wayfarer.journey.segment;

import java.util.List;

/** A submitted segment has problems; every one of them is listed, with its JSON pointer. */
public final class InvalidSegmentException extends RuntimeException {

    private final transient List<SegmentProblem> problems;

    public InvalidSegmentException(List<SegmentProblem> problems) {
        super("the segment has " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<SegmentProblem> problems() {
        return problems;
    }
}
