package org.wayfarer.journey.infra.mybatis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.settings.SendSettings;
import org.wayfarer.journey.settings.TenantSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link TenantSettings} on the {@code tenant_setting} table (one JSON value per tenant and setting name), read
 * through a cache: every send consults these, so the database is asked at most every {@link #CACHE_EXPIRY} per
 * tenant; a write here clears the tenant's entry at once. Thread-safe. Public only for the Spring wiring.
 */
public final class JdbcTenantSettings implements TenantSettings {

    /** How long another node's write may take to be seen. */
    static final Duration CACHE_EXPIRY = Duration.ofSeconds(30);
    private static final String QUIET_HOURS = "quiet-hours";
    private static final String CAPS = "frequency-caps";
    private static final String UPSERT = """
            INSERT INTO tenant_setting (tenant_id, name, value_json, updated_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE value_json = VALUES(value_json), updated_at = VALUES(updated_at)
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Cache<Long, SendSettings> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CACHE_EXPIRY).build();

    public JdbcTenantSettings(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public SendSettings sendSettings(long tenantId) {
        return cache.get(tenantId, this::load);
    }

    @Override
    public void putQuietHours(long tenantId, QuietHoursRule quietHours, Instant now) {
        put(tenantId, QUIET_HOURS, quietHours == null ? null : json.writeValueAsString(quietHoursMap(quietHours)),
                now);
    }

    @Override
    public void putCaps(long tenantId, List<FrequencyCap> caps, Instant now) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (FrequencyCap cap : caps) {
            values.add(Map.of("channel", cap.channel(), "max", cap.max(), "per", cap.per().toString()));
        }
        put(tenantId, CAPS, caps.isEmpty() ? null : json.writeValueAsString(values), now);
    }

    private void put(long tenantId, String name, String value, Instant now) {
        if (value == null) {
            jdbc.update("DELETE FROM tenant_setting WHERE tenant_id = ? AND name = ?", tenantId, name);
        } else {
            jdbc.update(UPSERT, tenantId, name, value, now.toEpochMilli());
        }
        cache.invalidate(tenantId);
    }

    private SendSettings load(long tenantId) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("SELECT name, value_json FROM tenant_setting WHERE tenant_id = ?",
                rs -> {
                    values.put(rs.getString("name"), rs.getString("value_json"));
                }, tenantId);
        QuietHoursRule quietHours = values.containsKey(QUIET_HOURS)
                ? quietHours(json.readValue(values.get(QUIET_HOURS), MAP)) : null;
        List<FrequencyCap> caps = new ArrayList<>();
        if (values.containsKey(CAPS)) {
            for (Map<String, Object> cap : json.readValue(values.get(CAPS), LIST)) {
                caps.add(new FrequencyCap((String) cap.get("channel"), ((Number) cap.get("max")).intValue(),
                        Duration.parse((String) cap.get("per"))));
            }
        }
        return new SendSettings(quietHours, caps);
    }

    private static Map<String, Object> quietHoursMap(QuietHoursRule rule) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", rule.from().toString());
        value.put("to", rule.to().toString());
        if (rule.zone() != null) {
            value.put("zone", rule.zone().getId());
        }
        value.put("holidays", rule.holidays());
        return value;
    }

    private static QuietHoursRule quietHours(Map<String, Object> value) {
        return new QuietHoursRule(LocalTime.parse((String) value.get("from")), LocalTime.parse((String) value.get("to")),
                value.get("zone") == null ? null : ZoneId.of((String) value.get("zone")),
                Boolean.TRUE.equals(value.get("holidays")));
    }
}
