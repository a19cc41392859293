package org.wayfarer.journey.catalog;

/**
 * Told after the set of accepting journey versions changed on this node (a publish; pause, resume and stop later),
 * once the change is committed. The runtime's in-memory trigger index refreshes on it; other nodes notice on their
 * periodic refresh. Must be quick and must not throw.
 */
@FunctionalInterface
public interface PublicationListener {

    void acceptingChanged();
}
