/** China's holiday calendar (holiday-cn files), quiet hours and time-of-day waits; pure: callers pass the instants. */
package org.wayfarer.journey.calendar;
