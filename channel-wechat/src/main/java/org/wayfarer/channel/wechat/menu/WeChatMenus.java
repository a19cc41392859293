package org.wayfarer.channel.wechat.menu;

import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpMenuService;
import org.wayfarer.channel.wechat.UnknownAccountException;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.WeChatApiException;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An official account's custom menus through WxJava's {@code WxMpMenuService}: the default menu, and conditional
 * menus shown to followers with a WeChat user tag ({@code matchrule.tag_id}), so a journey that tags a follower
 * changes the menu they see. Menus are WeChat's JSON as WeChat documents it ({@code {"button": [...],
 * "matchrule"?: {...}}}); the shape is checked here (1 to 3 top-level buttons, at most 5 sub-buttons each) before
 * WeChat is called, and WeChat's own refusals come back as {@link WeChatApiException}. Thread-safe.
 */
public final class WeChatMenus {

    static final int MAX_BUTTONS = 3;
    static final int MAX_SUB_BUTTONS = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WeChatAccounts accounts;
    private final WxMpServices services;

    public WeChatMenus(WeChatAccounts accounts, WxMpServices services) {
        this.accounts = accounts;
        this.services = services;
    }

    /** Replaces the default menu of the tenant's account. */
    public void replaceDefault(long tenantId, String appId, String menuJson) {
        JsonNode menu = checked(menuJson);
        if (menu.has("matchrule")) {
            throw new IllegalArgumentException("the default menu has no 'matchrule'; add a conditional menu instead");
        }
        call(tenantId, appId, service -> service.menuCreate(menuJson));
    }

    /** Adds a conditional menu; returns WeChat's menu id. */
    public String addConditional(long tenantId, String appId, String menuJson) {
        JsonNode menu = checked(menuJson);
        if (!menu.path("matchrule").isObject() || menu.path("matchrule").isEmpty()) {
            throw new IllegalArgumentException("a conditional menu needs a 'matchrule', e.g. {\"tag_id\": \"101\"}");
        }
        return call(tenantId, appId, service -> service.menuCreate(menuJson));
    }

    /** Deletes a conditional menu. */
    public void deleteConditional(long tenantId, String appId, String menuId) {
        if (menuId == null || !menuId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("a menu id is a number");
        }
        call(tenantId, appId, service -> {
            service.menuDelete(menuId);
            return null;
        });
    }

    /** The account's menus as WeChat returns them ({@code {"menu": {...}, "conditionalmenu": [...]}}). */
    public String current(long tenantId, String appId) {
        return call(tenantId, appId, service -> service.menuGet().toJson());
    }

    private interface MenuCall<T> {
        T on(WxMpMenuService service) throws WxErrorException;
    }

    private <T> T call(long tenantId, String appId, MenuCall<T> call) {
        if (!accounts.isConnected(tenantId, appId)) {
            throw new UnknownAccountException(appId);
        }
        MpAccount account = services.find(appId).orElseThrow(() -> new UnknownAccountException(appId));
        try {
            return call.on(account.service().getMenuService());
        } catch (WxErrorException e) {
            WxError error = e.getError();
            throw new WeChatApiException(error == null ? -99 : error.getErrorCode(),
                    error == null ? "no answer" : String.valueOf(error.getErrorMsg()));
        }
    }

    private static JsonNode checked(String menuJson) {
        JsonNode menu;
        try {
            menu = JSON.readTree(menuJson);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the menu is not JSON");
        }
        JsonNode buttons = menu.path("button");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("a menu has 1 to " + MAX_BUTTONS + " buttons under 'button'");
        }
        for (int i = 0; i < buttons.size(); i++) {
            JsonNode button = buttons.get(i);
            if (!button.path("name").isString() || button.path("name").stringValue().isBlank()) {
                throw new IllegalArgumentException("button[" + i + "] needs a 'name'");
            }
            JsonNode sub = button.path("sub_button");
            if (sub.isArray() && sub.size() > MAX_SUB_BUTTONS) {
                throw new IllegalArgumentException("button[" + i + "] has more than " + MAX_SUB_BUTTONS
                        + " sub-buttons");
            }
        }
        return menu;
    }
}
