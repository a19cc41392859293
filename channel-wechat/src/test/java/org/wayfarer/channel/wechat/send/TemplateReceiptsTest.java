package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.apache.http.conn.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfarer.journey.channel.SendReceipt;

class TemplateReceiptsTest {

    @ParameterizedTest
    @ValueSource(ints = {43004, 40003, 40037, 47003, 40036, 48001, 40013})
    void rejectsBusinessErrorsForGood(int code) {
        SendReceipt receipt = TemplateReceipts.of(error(code, "reason " + code));

        assertThat(receipt).isEqualTo(new SendReceipt.Rejected(String.valueOf(code), "reason " + code));
    }

    @Test
    void retriesBackPressureAfterTheRightPause() {
        assertThat(TemplateReceipts.of(error(-1, "system error")))
                .isEqualTo(new SendReceipt.RetryLater("-1", "system error", Duration.ofSeconds(5)));
        assertThat(TemplateReceipts.of(error(45011, "api minute-quota reach limit")))
                .isEqualTo(new SendReceipt.RetryLater("45011", "api minute-quota reach limit", Duration.ofSeconds(60)));
        assertThat(TemplateReceipts.of(error(45009, "reach max api daily quota limit")))
                .isEqualTo(new SendReceipt.RetryLater("45009", "reach max api daily quota limit", Duration.ofHours(1)));
        assertThat(TemplateReceipts.of(error(40001, "invalid credential")))
                .isInstanceOf(SendReceipt.RetryLater.class);
    }

    @Test
    void reportsWeChatsOwnMessageRatherThanWxJavasTranslation() {
        SendReceipt receipt = TemplateReceipts.of(error(43004, "require subscribe"));

        assertThat(((SendReceipt.Rejected) receipt).reason()).isEqualTo("require subscribe");
    }

    @Test
    void retriesWhenTheRequestNeverLeft() {
        assertThat(TemplateReceipts.of(io(new HttpHostConnectException(new ConnectException("refused"), null))))
                .isInstanceOf(SendReceipt.RetryLater.class);
        assertThat(TemplateReceipts.of(io(new ConnectTimeoutException("connect timed out"))))
                .isInstanceOf(SendReceipt.RetryLater.class);
        assertThat(TemplateReceipts.of(io(new ConnectionPoolTimeoutException("no connection"))))
                .isInstanceOf(SendReceipt.RetryLater.class);
    }

    @Test
    void reportsUnknownWhenTheRequestMayHaveLeft() {
        assertThat(TemplateReceipts.of(io(new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(SendReceipt.Unknown.class);
        assertThat(TemplateReceipts.of(io(new NoHttpResponseException("no response"))))
                .isInstanceOf(SendReceipt.Unknown.class);
        assertThat(TemplateReceipts.of(io(new HttpResponseException(502, "Bad Gateway"))))
                .isInstanceOf(SendReceipt.Unknown.class);
        assertThat(TemplateReceipts.of(new WxErrorException("无响应内容"))).isInstanceOf(SendReceipt.Unknown.class);
    }

    private static WxErrorException error(int code, String message) {
        return new WxErrorException(WxError.fromJson("{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}",
                WxType.MP));
    }

    private static WxErrorException io(IOException cause) {
        return new WxErrorException(cause);
    }
}
