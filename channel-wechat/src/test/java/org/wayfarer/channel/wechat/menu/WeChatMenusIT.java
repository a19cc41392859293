package org.wayfarer.channel.wechat.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.UnknownAccountException;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.WeChatApiException;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.channel.wechat.testing.FakeMenus;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** Default and tag-conditional menus through WxJava against a fake WeChat: exact bodies, ids, refusals. */
class WeChatMenusIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String MENU = """
            {"button":[{"type":"click","name":"领券","key":"MENU_COUPON"},
                       {"name":"会员","sub_button":[{"type":"view","name":"会员中心","url":"https://brand.example/m"}]}]}""";
    private static final String MEMBER_MENU = """
            {"button":[{"type":"click","name":"会员专享","key":"MENU_VIP"}],"matchrule":{"tag_id":"101"}}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private FakeWeChatServer wechat;
    private FakeMenus fake;
    private WxMpServices services;
    private WeChatMenus menus;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        fake = FakeMenus.on(wechat);
        services = new WxMpServices(new AccountLookup(store, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofSeconds(2)));
        AtomicLong ids = new AtomicLong(1);
        WeChatAccounts accounts = new WeChatAccounts(store, cipher, ids::incrementAndGet,
                new MutableClock(Instant.parse("2026-03-01T08:00:00Z")), services);
        accounts.connect(5, new ConnectAccount(APP_ID, "Shop", "app-secret", "token1", null));
        menus = new WeChatMenus(accounts, services);
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    @Test
    void setsTheDefaultMenuAndATagConditionalOneAndReadsThemBack() {
        menus.replaceDefault(5, APP_ID, MENU);
        String menuId = menus.addConditional(5, APP_ID, MEMBER_MENU);

        assertThat(menuId).isEqualTo("208379533");
        assertThat(fake.calls()).extracting(FakeMenus.Call::path)
                .containsExactly("/cgi-bin/menu/create", "/cgi-bin/menu/addconditional");
        assertThat(JSON.readTree(fake.calls().get(0).body())).isEqualTo(JSON.readTree(MENU));
        assertThat(JSON.readTree(fake.calls().get(1).body()).get("matchrule").get("tag_id").asString())
                .isEqualTo("101");
        String current = menus.current(5, APP_ID);
        assertThat(JSON.readTree(current).get("menu").get("button").get(0).get("key").asString())
                .isEqualTo("MENU_COUPON");
        assertThat(JSON.readTree(current).get("conditionalmenu").get(0).get("menuid").asLong()).isEqualTo(208379533);

        menus.deleteConditional(5, APP_ID, menuId);
        assertThat(JSON.readTree(fake.calls().get(3).body()).get("menuid").asString()).isEqualTo("208379533");
    }

    @Test
    void refusesABadShapeOrAnotherTenantsAccountBeforeCallingWeChat() {
        assertThatThrownBy(() -> menus.replaceDefault(5, APP_ID, "{\"button\":[]}"))
                .hasMessage("a menu has 1 to 3 buttons under 'button'");
        assertThatThrownBy(() -> menus.replaceDefault(5, APP_ID, MEMBER_MENU))
                .hasMessageContaining("no 'matchrule'");
        assertThatThrownBy(() -> menus.addConditional(5, APP_ID, MENU)).hasMessageContaining("needs a 'matchrule'");
        assertThatThrownBy(() -> menus.replaceDefault(6, APP_ID, MENU)).isInstanceOf(UnknownAccountException.class);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void weChatsRefusalNamesItsErrcode() {
        fake.failNext(40016, "invalid button size");

        assertThatThrownBy(() -> menus.replaceDefault(5, APP_ID, MENU)).isInstanceOfSatisfying(
                WeChatApiException.class, e -> assertThat(e.errcode()).isEqualTo(40016));
    }
}
