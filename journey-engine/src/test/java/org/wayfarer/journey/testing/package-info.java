/**
 * Test kit shared by the engine's tests and other modules' (test-jar): a clock moved by hand, and in-memory ports
 * checked against the same store contracts as the real adapters.
 */
package org.wayfarer.journey.testing;
