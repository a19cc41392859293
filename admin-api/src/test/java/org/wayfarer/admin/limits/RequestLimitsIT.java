package org.wayfarer.admin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.journey.event.EventIntake;

/**
 * The admin API's request limits behind the real filter chain and Spring MVC: 413 for a body over the cap, declared
 * or not (a test filter hides the Content-Length, as a chunked request has none), 400 naming the JSON limit that was
 * broken; nothing reaches a service in any case. The document limit is lowered below the body cap here so that it can
 * be reached; everything else is the default. {@code e2e/HostileRequestsIT} repeats the body cap over real HTTP.
 */
@AdminApiTest
@Import(RequestLimitsIT.ChunkedRequests.class)
@TestPropertySource(properties = "wayfarer.admin.limits.json.max-document-length=300KB")
class RequestLimitsIT {

    static final String CHUNKED = "X-Test-Chunked";
    private static final int CAP = 1024 * 1024;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;
    @Autowired
    private EventIntake intake;
    @Autowired
    private WeChatAccounts accounts;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void refusesADeclaredBodyOverTheCapBeforeReadingIt() throws Exception {
        String body = "{\"key\": \"" + "x".repeat(CAP) + "\"}";

        tooLarge(post("/api/v1/journeys"), body, false);
        tooLarge(put("/api/v1/journeys/1"), body, false);
        tooLarge(post("/api/v1/events"), body, false);
        tooLarge(post("/api/v1/wechat/accounts"), body, false);

        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
        verify(intake, never()).accept(any());
        verify(accounts, never()).connect(anyLong(), any());
    }

    /**
     * Journey definitions are read as text, so only the cap stops them. (A JSON body here meets the lowered document
     * limit first; with the defaults the cap comes first, see {@code e2e/HostileRequestsIT}.)
     */
    @Test
    void refusesAnUndeclaredBodyOnceItGrowsPastTheCap() throws Exception {
        String definition = "{\"key\": \"" + "x".repeat(CAP) + "\"}";

        tooLarge(post("/api/v1/journeys"), definition, true);
        tooLarge(post("/api/v1/journeys/validate"), definition, true);
        tooLarge(put("/api/v1/journeys/1"), definition, true);

        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void takesAnUndeclaredBodyUnderTheCap() throws Exception {
        mvc.perform(chunked(post("/api/v1/journeys/validate"), "{\"key\": \"small\"}", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimitNamingIt() throws Exception {
        String deep = "[".repeat(65) + "]".repeat(65);

        badJson("{\"type\": \"custom.ok\", \"properties\": {\"p\": " + deep + "}}")
                .andExpect(jsonPath("$.detail").value("The JSON is nested deeper than the limit of 64 levels."));
        badJson("{\"appId\": \"wx1234567890abcdef\", \"unknown\": " + deep + "}", "/api/v1/wechat/accounts")
                .andExpect(jsonPath("$.detail").value("The JSON is nested deeper than the limit of 64 levels."));
        verifyNoInteractions(accounts);
    }

    @Test
    void refusesAStringLongerThanTheLimitNamingIt() throws Exception {
        badJson("{\"type\": \"custom.ok\", \"id\": \"" + "i".repeat(262_145) + "\"}")
                .andExpect(jsonPath("$.detail")
                        .value("A JSON string is longer than the limit of 262144 characters."));
    }

    @Test
    void refusesADocumentLongerThanTheLimitNamingIt() throws Exception {
        String padded = "{\"type\": \"custom.ok\"" + " ".repeat(310 * 1024) + "}";

        badJson(padded).andExpect(jsonPath("$.detail")
                .value("The JSON document is longer than the limit of 307200 bytes."));
    }

    private void tooLarge(MockHttpServletRequestBuilder request, String body, boolean hideLength) throws Exception {
        mvc.perform(chunked(request, body, hideLength))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 1048576 bytes."));
    }

    private ResultActions badJson(String body) throws Exception {
        return badJson(body, "/api/v1/events");
    }

    private ResultActions badJson(String body, String path) throws Exception {
        ResultActions result = mvc.perform(chunked(post(path), body, false))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        verify(intake, never()).accept(any());
        return result;
    }

    private static MockHttpServletRequestBuilder chunked(MockHttpServletRequestBuilder request, String body,
                                                         boolean hideLength) {
        request.header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return hideLength ? request.header(CHUNKED, "true") : request;
    }

    /** Makes a request marked {@link #CHUNKED} look like a chunked one: no Content-Length. Runs before the cap. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ChunkedRequests {

        @Bean
        FilterRegistrationBean<?> hideContentLength() {
            FilterRegistrationBean<?> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                chain.doFilter(http.getHeader(CHUNKED) == null ? request : new HttpServletRequestWrapper(http) {
                    @Override
                    public int getContentLength() {
                        return -1;
                    }

                    @Override
                    public long getContentLengthLong() {
                        return -1;
                    }

                    @Override
                    public String getHeader(String name) {
                        return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? null : super.getHeader(name);
                    }
                }, response);
            });
            registration.setOrder(AdminLimitsConfiguration.BODY_LIMIT_ORDER - 1);
            return registration;
        }
    }
}
