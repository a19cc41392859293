/**
 * Limits on what one admin API request may make the server read and keep: the body size (checked before and while
 * reading), the JSON parser's depth, string and document limits, and the instants the API accepts.
 */
package org.wayfarer.admin.limits;
