/**
 * Embedded-mode adapters: the inbox-backed event bus, in-process contact locks and send rate limits, and the online
 * compaction that keeps the embedded H2 file near the size of its live data.
 */
package org.wayfarer.journey.infra.embedded;
