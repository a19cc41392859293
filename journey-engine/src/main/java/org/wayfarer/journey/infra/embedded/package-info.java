/** Embedded-mode adapters: the inbox-backed event bus, in-process contact locks and send rate limits. */
package org.wayfarer.journey.infra.embedded;
