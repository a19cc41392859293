/** Tenants: the brands a Wayfarer server serves; every row of every table belongs to one. */
package org.wayfarer.admin.tenant;
