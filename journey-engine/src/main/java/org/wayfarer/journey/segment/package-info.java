/** Saved segments: declarative contact filters over attributes, tags and past events, and their members. */
package org.wayfarer.journey.segment;
