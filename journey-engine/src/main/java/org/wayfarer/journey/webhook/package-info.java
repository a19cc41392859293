/** Webhook calls out of journeys: the HTTP request, its HMAC signature, and the answer mapped to outbox receipts. */
package org.wayfarer.journey.webhook;
