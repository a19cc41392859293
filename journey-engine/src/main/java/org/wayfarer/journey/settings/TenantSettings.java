package org.wayfarer.journey.settings;

import java.time.Instant;
import java.util.List;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;

/**
 * Tenant-wide send settings (port). Reads may be served from a cache that lags a write on another node by up to
 * its expiry; a write on this node is seen at once. Joins the caller's transaction; thread-safe.
 */
public interface TenantSettings {

    /** The tenant's settings; {@link SendSettings#none()} when it set none. */
    SendSettings sendSettings(long tenantId);

    /** Replaces the tenant's quiet hours; null removes them. */
    void putQuietHours(long tenantId, QuietHoursRule quietHours, Instant now);

    /** Replaces the tenant's frequency caps; an empty list removes them. */
    void putCaps(long tenantId, List<FrequencyCap> caps, Instant now);
}
