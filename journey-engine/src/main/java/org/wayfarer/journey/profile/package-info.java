/**
 * A contact as the admin API shows it: profile, identities, and the timeline of events, steps and messages, read
 * across the contact, event, runtime and dispatch stores (it depends on them; none of them depends on it).
 */
package org.wayfarer.journey.profile;
