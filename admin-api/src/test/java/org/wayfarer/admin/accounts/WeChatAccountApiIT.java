package org.wayfarer.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.AccountAlreadyConnectedException;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.ConnectedAccount;
import org.wayfarer.channel.wechat.WeChatAccounts;

/** Connecting official accounts; WeChatAccounts belongs to channel-wechat and is a mock here. */
@AdminApiTest
class WeChatAccountApiIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String SECRET = "app-secret-9f8e7d";
    private static final String TOKEN = "callback-token-1a2b";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Instant CONNECTED_AT = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private WeChatAccounts accounts;

    @Test
    void connectsAccountAndAnswersCallbackUrlWithoutSecrets() throws Exception {
        when(accounts.connect(anyLong(), any()))
                .thenReturn(new ConnectedAccount(APP_ID, "Brand", true, CONNECTED_AT));

        String body = connect("""
                {"appId": "%s", "name": "Brand", "secret": "%s", "token": "%s", "aesKey": "%s"}"""
                .formatted(APP_ID, SECRET, TOKEN, AES_KEY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.appId").value(APP_ID))
                .andExpect(jsonPath("$.name").value("Brand"))
                .andExpect(jsonPath("$.safeMode").value(true))
                .andExpect(jsonPath("$.callbackUrl").value("http://localhost/callbacks/wechat/mp/" + APP_ID))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(SECRET, TOKEN, AES_KEY);
        verify(accounts).connect(TestKeys.TENANT, new ConnectAccount(APP_ID, "Brand", SECRET, TOKEN, AES_KEY));
    }

    @Test
    void buildsCallbackUrlFromTheHostTheRequestCameTo() throws Exception {
        when(accounts.connect(anyLong(), any()))
                .thenReturn(new ConnectedAccount(APP_ID, "Brand", false, CONNECTED_AT));

        mvc.perform(post("https://wayfarer.brand.example:443/api/v1/wechat/accounts")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"appId\": \"%s\", \"name\": \"Brand\", \"secret\": \"s\", \"token\": \"t\"}"
                                .formatted(APP_ID)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.callbackUrl")
                        .value("https://wayfarer.brand.example/callbacks/wechat/mp/" + APP_ID));
        verify(accounts).connect(TestKeys.TENANT, new ConnectAccount(APP_ID, "Brand", "s", "t", null));
    }

    @Test
    void refusesIncompleteRequestBeforeCallingTheChannel() throws Exception {
        connect("{\"appId\": \"%s\", \"name\": \"Brand\"}".formatted(APP_ID))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Missing required field(s): secret, token."));
        verifyNoInteractions(accounts);
    }

    @Test
    void passesChannelValidationErrorsOnAs400() throws Exception {
        when(accounts.connect(anyLong(), any()))
                .thenThrow(new IllegalArgumentException("aesKey must be 43 characters"));

        connect("{\"appId\": \"%s\", \"name\": \"B\", \"secret\": \"s\", \"token\": \"t\", \"aesKey\": \"short\"}"
                .formatted(APP_ID))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("aesKey must be 43 characters"));
    }

    @Test
    void answersConflictForAnAccountConnectedBefore() throws Exception {
        when(accounts.connect(anyLong(), any())).thenThrow(AccountAlreadyConnectedException.class);

        connect("{\"appId\": \"%s\", \"name\": \"B\", \"secret\": \"s\", \"token\": \"t\"}".formatted(APP_ID))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void rejectsMalformedJsonAs400() throws Exception {
        connect("{\"appId\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(accounts);
    }

    @Test
    void listsTheTenantsAccounts() throws Exception {
        when(accounts.list(TestKeys.TENANT)).thenReturn(List.of(
                new ConnectedAccount(APP_ID, "Brand", true, CONNECTED_AT)));

        mvc.perform(get("/api/v1/wechat/accounts").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].appId").value(APP_ID))
                .andExpect(jsonPath("$[0].connectedAt").value("2026-03-01T08:00:00Z"))
                .andExpect(jsonPath("$[0].callbackUrl").value("http://localhost/callbacks/wechat/mp/" + APP_ID));
    }

    private ResultActions connect(String json) throws Exception {
        return mvc.perform(post("/api/v1/wechat/accounts").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
