/** Timed triggers: schedule fires over a segment and date-attribute entries, kept durably and entered in bulk. */
package org.wayfarer.journey.schedule;
