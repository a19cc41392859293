/** Saved segments: create, read, list and count a tenant's contact filters, and refresh their membership. */
package org.wayfarer.admin.segments;
