/** Contact events: the normalised input of the engine, and the intake channels publish them through. */
package org.wayfarer.journey.event;
