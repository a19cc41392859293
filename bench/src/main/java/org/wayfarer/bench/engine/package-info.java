/**
 * The engine alone, in a JVM the bench forks: events handed in-process to {@code EventIntake} with a no-op sender,
 * then timer bursts on instances due at once. Uses the engine's public API and the journey_instance table only.
 */
package org.wayfarer.bench.engine;
