package org.wayfarer.admin.accounts;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.UnknownAccountException;
import org.wayfarer.channel.wechat.WeChatApiException;
import org.wayfarer.channel.wechat.menu.WeChatMenus;

/** Menus through the admin API; WeChatMenus belongs to channel-wechat and is a mock here. */
@AdminApiTest
class WeChatMenuApiIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String BASE = "/api/v1/wechat/accounts/" + APP_ID;
    private static final String MENU = "{\"button\":[{\"type\":\"click\",\"name\":\"领券\",\"key\":\"MENU_COUPON\"}]}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private WeChatMenus menus;

    @Test
    void anOperatorSetsTheDefaultMenuAddsAndDeletesAConditionalOne() throws Exception {
        String tagged = "{\"button\":[{\"type\":\"click\",\"name\":\"VIP\",\"key\":\"V\"}],\"matchrule\":"
                + "{\"tag_id\":\"101\"}}";
        when(menus.addConditional(TestKeys.TENANT, APP_ID, tagged)).thenReturn("208379533");
        when(menus.current(TestKeys.TENANT, APP_ID)).thenReturn("{\"menu\":" + MENU + "}");

        mvc.perform(put(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).content(MENU)).andExpect(status().isNoContent());
        mvc.perform(post(BASE + "/menus/conditional").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(tagged))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.menuId").value("208379533"));
        mvc.perform(delete(BASE + "/menus/conditional/208379533")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))).andExpect(status().isNoContent());
        mvc.perform(get(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.menu.button[0].key").value("MENU_COUPON"));

        verify(menus).replaceDefault(TestKeys.TENANT, APP_ID, MENU);
        verify(menus).deleteConditional(TestKeys.TENANT, APP_ID, "208379533");
    }

    @Test
    void refusalsAreProblemDetails() throws Exception {
        doThrow(new IllegalArgumentException("a menu has 1 to 3 buttons under 'button'"))
                .when(menus).replaceDefault(anyLong(), eq(APP_ID), eq("{\"button\":[]}"));
        doThrow(new WeChatApiException(40016, "invalid button size"))
                .when(menus).replaceDefault(anyLong(), eq(APP_ID), eq(MENU));
        when(menus.current(anyLong(), anyString())).thenThrow(new UnknownAccountException(APP_ID));

        mvc.perform(put(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"button\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a menu has 1 to 3 buttons under 'button'"));
        mvc.perform(put(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(MENU))
                .andExpect(status().isBadGateway()).andExpect(jsonPath("$.errcode").value(40016));
        mvc.perform(get(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aViewerCannotChangeMenus() throws Exception {
        mvc.perform(put(BASE + "/menu").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER))
                .contentType(MediaType.APPLICATION_JSON).content(MENU)).andExpect(status().isForbidden());
        mvc.perform(delete(BASE + "/menus/conditional/1").header(HttpHeaders.AUTHORIZATION,
                bearer(TestKeys.VIEWER))).andExpect(status().isForbidden());
        verifyNoInteractions(menus);
    }
}
