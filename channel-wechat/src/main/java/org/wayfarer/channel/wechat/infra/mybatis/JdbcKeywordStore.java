package org.wayfarer.channel.wechat.infra.mybatis;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.channel.wechat.keyword.KeywordRule;
import org.wayfarer.channel.wechat.keyword.KeywordStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link KeywordStore} on the {@code wechat_keyword_reply} table: one row per account, its rules as a JSON array
 * replaced whole with one upsert. Thread-safe. Public only for the Spring wiring: depend on the port.
 */
public final class JdbcKeywordStore implements KeywordStore {

    private static final String UPSERT = """
            INSERT INTO wechat_keyword_reply (app_id, tenant_id, rules_json, updated_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE tenant_id = VALUES(tenant_id), rules_json = VALUES(rules_json),
                updated_at = VALUES(updated_at)
            """;
    private static final TypeReference<List<KeywordRule>> RULES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public JdbcKeywordStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<KeywordRule> rules(String appId) {
        List<String> rows = jdbc.queryForList("SELECT rules_json FROM wechat_keyword_reply WHERE app_id = ?",
                String.class, appId);
        return rows.isEmpty() ? List.of() : List.copyOf(json.readValue(rows.get(0), RULES));
    }

    @Override
    public void replace(long tenantId, String appId, List<KeywordRule> rules) {
        jdbc.update(UPSERT, appId, tenantId, json.writeValueAsString(rules), clock.millis());
    }
}
