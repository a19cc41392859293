package org.wayfarer.channel.wechat.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ConnectException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpQrcodeService;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.account.AccountCredentials;
import org.wayfarer.channel.wechat.account.MpAccount;

/** Which WxJava call a code takes, and what each way of failing becomes (the admin API's 502). */
class QrCodeTicketsTest {

    private final WxMpService service = mock(WxMpService.class);
    private final WxMpQrcodeService qrcodes = mock(WxMpQrcodeService.class);
    private final MpAccount account = new MpAccount(new AccountCredentials(1, "wx00000000000000aa", "secret",
            "token", null), service);
    private final QrCodeTickets tickets = new QrCodeTickets();

    QrCodeTicketsTest() {
        when(service.getQrcodeService()).thenReturn(qrcodes);
    }

    @Test
    void asksForATemporaryTicketWithItsLifetimeAndAPermanentOneWithout() throws Exception {
        when(qrcodes.qrCodeCreateTmpTicket("s1", 3_600)).thenReturn(ticket("T1", "http://weixin.qq.com/q/1", 3_600));
        when(qrcodes.qrCodeCreateLastTicket("s2")).thenReturn(ticket("T2", "http://weixin.qq.com/q/2", 0));
        when(qrcodes.qrCodePictureUrl("T1")).thenReturn("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=T1");
        when(qrcodes.qrCodePictureUrl("T2")).thenReturn("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=T2");

        assertThat(tickets.issue(account, "s1", true, 3_600)).isEqualTo(new QrCodeTickets.Issued("T1",
                "http://weixin.qq.com/q/1", "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=T1", 3_600));
        assertThat(tickets.issue(account, "s2", false, 0).ticket()).isEqualTo("T2");
        verify(qrcodes).qrCodeCreateLastTicket("s2");
    }

    @Test
    void namesWeChatsErrcodeAndItsEnglishMessage() throws Exception {
        when(qrcodes.qrCodeCreateTmpTicket("s", 60)).thenThrow(new WxErrorException(WxError.builder()
                .errorCode(40001).errorMsg("获取 access_token 时 AppSecret 错误").errorMsgEn("invalid credential")
                .build()));

        assertThatThrownBy(() -> tickets.issue(account, "s", true, 60))
                .isInstanceOfSatisfying(WeChatQrCodeException.class, e -> {
                    assertThat(e.errcode()).isEqualTo(40001);
                    assertThat(e.getMessage()).isEqualTo("WeChat answered errcode 40001 (invalid credential)");
                });
    }

    @Test
    void saysWeChatWasNotReachedWithoutAnErrcode() throws Exception {
        when(qrcodes.qrCodeCreateLastTicket("s")).thenThrow(new WxErrorException(new ConnectException("refused")));

        assertThatThrownBy(() -> tickets.issue(account, "s", false, 0))
                .isInstanceOfSatisfying(WeChatQrCodeException.class, e -> {
                    assertThat(e.errcode()).isNull();
                    assertThat(e.getMessage()).isEqualTo("WeChat could not be reached (ConnectException)");
                });
    }

    @Test
    void saysTheAccessTokenCouldNotBeHad() throws Exception {
        when(qrcodes.qrCodeCreateLastTicket("s")).thenThrow(new WxRuntimeException(new ConnectException("x")));

        assertThatThrownBy(() -> tickets.issue(account, "s", false, 0))
                .isInstanceOfSatisfying(WeChatQrCodeException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("WeChat could not be reached for an access token (ConnectException)"));
    }

    @Test
    void refusesAnAnswerWithoutATicket() throws Exception {
        when(qrcodes.qrCodeCreateLastTicket("s")).thenReturn(ticket(null, "http://weixin.qq.com/q/1", 0));

        assertThatThrownBy(() -> tickets.issue(account, "s", false, 0))
                .isInstanceOfSatisfying(WeChatQrCodeException.class, e -> {
                    assertThat(e.errcode()).isNull();
                    assertThat(e.getMessage()).contains("without a ticket");
                });
    }

    private static WxMpQrCodeTicket ticket(String ticket, String url, int expireSeconds) {
        WxMpQrCodeTicket answer = new WxMpQrCodeTicket();
        answer.setTicket(ticket);
        answer.setUrl(url);
        answer.setExpireSeconds(expireSeconds);
        return answer;
    }
}
