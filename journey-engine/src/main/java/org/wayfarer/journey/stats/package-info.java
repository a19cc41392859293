/** Journey analytics: entered, active, completed, exited, failed, and per-node counts. */
package org.wayfarer.journey.stats;
