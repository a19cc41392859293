/** Shipped recipe journeys: list them, and create a draft journey from one with the tenant's own ids. */
package org.wayfarer.admin.recipes;
