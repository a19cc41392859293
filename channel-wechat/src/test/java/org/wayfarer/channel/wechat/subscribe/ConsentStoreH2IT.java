package org.wayfarer.channel.wechat.subscribe;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;

/** The MyBatis consent store on H2 in MySQL mode (the embedded default), schema from the {@code sql} migrations. */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:wechat-accounts;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa"})
class ConsentStoreH2IT extends ConsentStoreContract {

    @Autowired
    ConsentStore store;

    @Override
    ConsentStore store() {
        return store;
    }
}
