package org.wayfarer.channel.wechat.qrcode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;

/** Scene QR codes on H2 in MySQL mode (the embedded default). */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:wechat-qrcodes;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa"})
class QrCodesH2IT extends QrCodesContract {
}
