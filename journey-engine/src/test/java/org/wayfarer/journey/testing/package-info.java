/** Test kit shared by the engine's tests and other modules' (test-jar): clocks and fixtures. */
package org.wayfarer.journey.testing;
