package org.wayfarer.channel.wechat.subscribe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;

/**
 * The MyBatis consent store on MariaDB (the cluster mode), in a schema of its own that is dropped afterwards; the
 * server is shared with other test runs. URL override: {@code -Dwayfarer.test.mariadb.url}.
 */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.NONE)
@DirtiesContext
class ConsentStoreMariaDbIT extends ConsentStoreContract {

    private static final String URL = System.getProperty("wayfarer.test.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/test");
    private static final String USER = "root";
    private static final String PASSWORD = "";
    private static final String SCHEMA = "wf_consent_" + Long.toHexString(System.nanoTime());

    @Autowired
    ConsentStore store;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        execute("CREATE DATABASE " + SCHEMA);
        registry.add("spring.datasource.url", () -> URL.substring(0, URL.lastIndexOf('/') + 1) + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Override
    ConsentStore store() {
        return store;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        }
    }
}
