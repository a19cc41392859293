package org.wayfarer.journey;

/** Application-assigned, roughly time-ordered, unique 64-bit ids (port). Thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    long nextId();
}
