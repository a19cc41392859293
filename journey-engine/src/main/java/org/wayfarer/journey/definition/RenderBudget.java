package org.wayfarer.journey.definition;

import java.io.Writer;
import java.util.Iterator;

/**
 * What one render of a message may spend: section iterations over the whole message, characters per rendered value
 * and for the whole message. JMustache expands sections by iterating lists through its collector and writes every
 * piece of output to a {@link Writer}; {@link #iterator} and {@link #writer} are the two hooks, so an expansion that
 * would run away (nested sections over a long list, a huge value) stops at the limit instead of filling the heap,
 * with an error naming the field. Not thread-safe: one budget per render, used on the rendering thread only.
 */
final class RenderBudget {

    private final int maxIterations;
    private final int maxValueChars;
    private final int maxMessageChars;
    private int iterations;
    private long messageChars;
    private long valueChars;
    private String field = "";

    RenderBudget(int maxIterations, int maxValueChars, int maxMessageChars) {
        this.maxIterations = maxIterations;
        this.maxValueChars = maxValueChars;
        this.maxMessageChars = maxMessageChars;
    }

    /** Starts rendering the value at {@code pointer}; later errors name it. */
    void startValue(String pointer) {
        field = pointer;
        valueChars = 0;
    }

    String field() {
        return field;
    }

    /** Counts every step of {@code iterator} against the message's section iterations. */
    Iterator<?> iterator(Iterator<?> iterator) {
        return new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Object next() {
                if (++iterations > maxIterations) {
                    throw exceeded("rendering stopped after more than " + maxIterations
                            + " section iterations (a section over a long list, or sections nested over lists)");
                }
                return iterator.next();
            }
        };
    }

    /** A writer for the current value that refuses, before buffering, what would go over a limit. */
    Output writer() {
        return new Output();
    }

    private void charge(int chars) {
        if (valueChars + chars > maxValueChars) {
            throw exceeded("the rendered text is longer than " + maxValueChars + " characters");
        }
        if (messageChars + chars > maxMessageChars) {
            throw exceeded("the rendered message is longer than " + maxMessageChars + " characters");
        }
        valueChars += chars;
        messageChars += chars;
    }

    private TemplateRenderException exceeded(String why) {
        return new TemplateRenderException("message field " + field + ": " + why, null);
    }

    /** The rendered text of one value. */
    final class Output extends Writer {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] chars, int offset, int length) {
            charge(length);
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            charge(length);
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
