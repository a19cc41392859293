package org.wayfarer.channel.wechat.qrcode;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;
import org.wayfarer.journey.infra.mybatis.MariaDbSchema;

/**
 * Scene QR codes on MariaDB (the cluster mode), in a schema of its own dropped afterwards: there the scene column's
 * binary collation is what keeps {@code Store_1} and {@code store_1} apart.
 */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.NONE)
@DirtiesContext
class QrCodesMariaDbIT extends QrCodesContract {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
    }
}
