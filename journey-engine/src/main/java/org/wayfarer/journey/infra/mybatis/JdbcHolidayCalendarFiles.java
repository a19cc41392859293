package org.wayfarer.journey.infra.mybatis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.calendar.HolidayCalendarFiles;

/** {@link HolidayCalendarFiles} on the {@code holiday_calendar_file} table. Public only for the Spring wiring. */
public final class JdbcHolidayCalendarFiles implements HolidayCalendarFiles {

    private static final String UPSERT = """
            INSERT INTO holiday_calendar_file (tenant_id, calendar_year, content, updated_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE content = VALUES(content), updated_at = VALUES(updated_at)
            """;

    private final JdbcTemplate jdbc;

    public JdbcHolidayCalendarFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Map<Integer, byte[]>> all() {
        Map<Long, Map<Integer, byte[]>> files = new TreeMap<>();
        jdbc.query("SELECT tenant_id, calendar_year, content FROM holiday_calendar_file", rs -> {
            files.computeIfAbsent(rs.getLong("tenant_id"), id -> new TreeMap<>()).put(rs.getInt("calendar_year"),
                    rs.getString("content").getBytes(StandardCharsets.UTF_8));
        });
        return files;
    }

    @Override
    public void put(long tenantId, int year, byte[] json, Instant now) {
        jdbc.update(UPSERT, tenantId, year, new String(json, StandardCharsets.UTF_8), now.toEpochMilli());
    }
}
