/** Dispatch: the transactional outbox, claiming with leases, channel senders and receipts. */
package org.wayfarer.journey.dispatch;
