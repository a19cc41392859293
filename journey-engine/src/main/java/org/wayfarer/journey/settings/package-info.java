/** Tenant-wide settings the engine applies to every journey: quiet hours and frequency caps. */
package org.wayfarer.journey.settings;
