/** The journey engine's API: contact events in, channel sends out. Sub-packages hold its features. */
package org.wayfarer.journey;
