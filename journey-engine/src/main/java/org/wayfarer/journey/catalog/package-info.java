/** The journey catalog: drafts, validation and published versions, as the admin API sees them. */
package org.wayfarer.journey.catalog;
