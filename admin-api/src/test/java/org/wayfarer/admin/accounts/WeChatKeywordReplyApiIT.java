package org.wayfarer.admin.accounts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.keyword.KeywordRule;
import org.wayfarer.channel.wechat.UnknownAccountException;

/** Keyword replies of an account through the admin API; KeywordReplies belongs to channel-wechat and is a mock. */
@AdminApiTest
class WeChatKeywordReplyApiIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String PATH = "/api/v1/wechat/accounts/" + APP_ID + "/keyword-replies";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KeywordReplies replies;

    private ResultActions replace(String key, String json) throws Exception {
        return mvc.perform(put(PATH).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void anOperatorReplacesTheRulesInOrderAndReadsThemBack() throws Exception {
        List<KeywordRule> rules = List.of(new KeywordRule("优惠券", KeywordRule.Match.CONTAINS, "本周优惠券"),
                new KeywordRule("help", KeywordRule.Match.EXACT, "客服时间 9:00-21:00"));
        when(replies.replace(TestKeys.TENANT, APP_ID, rules)).thenReturn(rules);
        when(replies.rules(TestKeys.TENANT, APP_ID)).thenReturn(rules);

        replace(TestKeys.OPERATOR, """
                {"rules": [{"keyword": "优惠券", "match": "contains", "reply": "本周优惠券"},
                           {"keyword": "help", "reply": "客服时间 9:00-21:00"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[0].match").value("contains"))
                .andExpect(jsonPath("$.rules[1].match").value("exact"));
        verify(replies).replace(TestKeys.TENANT, APP_ID, rules);

        mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[0].keyword").value("优惠券"))
                .andExpect(jsonPath("$.rules[1].reply").value("客服时间 9:00-21:00"));
    }

    @Test
    void badRulesAreProblemDetailsAndNothingIsStored() throws Exception {
        replace(TestKeys.OPERATOR, "{\"rules\": [{\"keyword\": \"x\", \"match\": \"regex\", \"reply\": \"y\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("rules[0].match must be 'exact' or 'contains'"));
        replace(TestKeys.OPERATOR, "{\"rules\": [{\"keyword\": \"\", \"reply\": \"y\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a keyword must be 1 to 30 characters"));
        replace(TestKeys.OPERATOR, "{}").andExpect(status().isBadRequest());
        replace(TestKeys.VIEWER, "{\"rules\": []}").andExpect(status().isForbidden());
        verifyNoInteractions(replies);
    }

    @Test
    void anotherTenantsAccountIsNotFound() throws Exception {
        when(replies.replace(anyLong(), anyString(), any())).thenThrow(new UnknownAccountException(APP_ID));

        replace(TestKeys.OPERATOR, "{\"rules\": []}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("official account " + APP_ID
                        + " is not connected to this tenant"));
    }
}
