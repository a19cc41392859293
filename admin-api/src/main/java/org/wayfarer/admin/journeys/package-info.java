/** REST edge of the journey catalog and statistics: {@code /api/v1/journeys}. */
package org.wayfarer.admin.journeys;
