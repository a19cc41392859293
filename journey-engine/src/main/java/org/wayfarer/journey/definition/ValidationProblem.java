package org.wayfarer.journey.definition;

/**
 * One thing wrong (or questionable) with a definition.
 *
 * @param pointer RFC 6901 JSON pointer into the submitted document, e.g. {@code /nodes/wait/duration}
 * @param code    stable machine-readable code, e.g. {@code dangling-next}
 * @param message what is wrong and how to fix it, for a person
 */
public record ValidationProblem(String pointer, String code, String message) {
}
