/** Contacts: profiles, identities, and resolving an event's identity to a contact. */
package org.wayfarer.journey.contact;
