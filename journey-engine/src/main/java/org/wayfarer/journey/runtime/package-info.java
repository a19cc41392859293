/** The runtime: per-contact processing, node behaviours, instances and durable timers. */
package org.wayfarer.journey.runtime;
