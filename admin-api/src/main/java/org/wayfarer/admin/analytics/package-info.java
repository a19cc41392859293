/**
 * REST edge of journey analytics: {@code /api/v1/journeys/{id}/stats}, {@code /funnel} and
 * {@code /nodes/{nodeId}/contacts}.
 */
package org.wayfarer.admin.analytics;
