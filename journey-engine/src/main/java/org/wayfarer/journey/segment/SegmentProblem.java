package org.wayfarer.journey.segment;

/**
 * One thing wrong with a submitted segment (its key, name or filter).
 *
 * @param pointer RFC 6901 JSON pointer into the submitted document, e.g. {@code /filter/all/2/within}
 * @param code    stable machine-readable code, e.g. {@code bad-duration}
 * @param message what is wrong and how to fix it, for a person; never quotes the submitted value
 */
public record SegmentProblem(String pointer, String code, String message) {
}
