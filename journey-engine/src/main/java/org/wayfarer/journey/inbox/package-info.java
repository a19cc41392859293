/**
 * The inbox: how contact events get into the event log (the group-committing intake writer, which also resolves
 * each event's contact so it lands in that contact's partition) and back into it (failed events re-queued).
 */
package org.wayfarer.journey.inbox;
