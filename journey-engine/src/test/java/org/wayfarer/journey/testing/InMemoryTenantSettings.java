package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.settings.SendSettings;
import org.wayfarer.journey.settings.TenantSettings;

/** {@link TenantSettings} in memory. Thread-safe. */
public final class InMemoryTenantSettings implements TenantSettings {

    private final Map<Long, SendSettings> settings = new HashMap<>();

    public synchronized void clear() {
        settings.clear();
    }

    @Override
    public synchronized SendSettings sendSettings(long tenantId) {
        return settings.getOrDefault(tenantId, SendSettings.none());
    }

    @Override
    public synchronized void putQuietHours(long tenantId, QuietHoursRule quietHours, Instant now) {
        settings.put(tenantId, new SendSettings(quietHours, sendSettings(tenantId).caps()));
    }

    @Override
    public synchronized void putCaps(long tenantId, List<FrequencyCap> caps, Instant now) {
        settings.put(tenantId, new SendSettings(sendSettings(tenantId).quietHours(), caps));
    }
}
