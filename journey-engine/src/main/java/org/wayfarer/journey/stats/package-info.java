/** Journey analytics: entered, active, completed, exited, and per-node counts. */
package org.wayfarer.journey.stats;
