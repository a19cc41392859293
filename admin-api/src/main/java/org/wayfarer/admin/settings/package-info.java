/** Tenant-wide settings: quiet hours, frequency caps and the China holiday calendar. */
package org.wayfarer.admin.settings;
