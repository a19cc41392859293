/**
 * The preview of a journey's draft: a hypothetical contact and its timed events run through the draft in virtual
 * time on the runtime's own decisions, persisting and sending nothing.
 */
package org.wayfarer.journey.preview;
