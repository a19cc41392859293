package org.wayfarer.journey.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.webhook.WebhookRequest.Method;
import org.wayfarer.journey.webhook.WebhookRequest.Problem;

class WebhookRequestTest {

    private static final String OK_URL = "https://shop.example/api/coupon";

    private static List<Problem> problems(String url) {
        return WebhookRequest.problems(url, "POST", Map.of());
    }

    @Test
    void aPlainTargetHasNoProblems() {
        assertThat(WebhookRequest.problems(OK_URL, "POST", Map.of("X-Shop", "1"), true)).isEmpty();
        assertThat(WebhookRequest.problems("http://10.0.0.1:8080/hook?a=b", null, null)).isEmpty();
        assertThat(WebhookRequest.problems("https://[::1]/hook", "DELETE", Map.of(), true)).isEmpty();
    }

    @Test
    void templatesMayAppearAfterTheHost() {
        String url = "https://shop.example/members/{{contact.externalId}}/coupons?src={{{event.src}}}";
        Map<String, String> headers = Map.of("Authorization", "Bearer {{contact.attributes.token}}");
        assertThat(WebhookRequest.problems(url, "PATCH", headers, true)).isEmpty();
    }

    @Test
    void theSchemeAndHostMayNotBeTemplated() {
        assertThat(problems("https://{{contact.attributes.shop}}.example/hook"))
                .extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/url", "url-templated-host"));
        assertThat(problems("{{event.url}}")).extracting(Problem::code).containsExactly("url-templated-host");
    }

    @Test
    void urlProblemsArePrecise() {
        assertThat(problems(null)).singleElement().extracting(Problem::code).isEqualTo("url-missing");
        assertThat(problems("ftp://shop.example/x")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("url-scheme");
            assertThat(p.message()).isEqualTo("url must use https or http, not 'ftp'");
        });
        assertThat(problems("/api/coupon")).extracting(Problem::code).containsExactly("url-not-absolute");
        assertThat(problems("mailto:ops@shop.example")).extracting(Problem::code).containsExactly("url-not-absolute");
        assertThat(problems("https:///path")).extracting(Problem::code).containsExactly("url-host");
        assertThat(problems("https://my_shop.example/x")).extracting(Problem::code).containsExactly("url-host");
        assertThat(problems("https://shop.example:0/x")).extracting(Problem::code).containsExactly("url-host");
        assertThat(problems("https://user:pw@shop.example/x")).extracting(Problem::code)
                .containsExactly("url-userinfo");
        assertThat(problems("https://shop.example/" + "a".repeat(3000))).extracting(Problem::code)
                .containsExactly("url-too-long");
    }

    @Test
    void anUnparsableUrlIsReportedWithoutQuotingIt() {
        assertThat(problems("https://shop.example/x?token=hunter2 two")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("url-invalid");
            assertThat(p.message()).startsWith("url is not a valid URI: Illegal character in query at index")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void methodsAreTheFiveUpperCaseOnes() {
        assertThat(WebhookRequest.problems(OK_URL, "post", Map.of())).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/method");
            assertThat(p.code()).isEqualTo("method-unknown");
            assertThat(p.message()).isEqualTo(
                    "method must be GET, POST, PUT, PATCH or DELETE, not 'post' (methods are upper case)");
        });
        assertThat(WebhookRequest.problems(OK_URL, "HEAD", Map.of())).singleElement().extracting(Problem::message)
                .isEqualTo("method must be GET, POST, PUT, PATCH or DELETE, not 'HEAD'");
    }

    @Test
    void aGetCarriesNoBody() {
        assertThat(WebhookRequest.problems(OK_URL, "GET", Map.of(), true)).singleElement()
                .extracting(Problem::pointer, Problem::code)
                .containsExactly("/body", "body-with-get");
        assertThat(WebhookRequest.problems(OK_URL, "GET", Map.of(), false)).isEmpty();
    }

    @Test
    void reservedHeadersMayNotBeSetInAnyCase() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "evil.example");
        headers.put("content-length", "3");
        headers.put("X-Wayfarer-Signature", "sha256=00");
        headers.put("x-wayfarer-delivery", "1");
        headers.put("X-Wayfarer-Anything", "1");
        headers.put("Transfer-Encoding", "chunked");

        assertThat(WebhookRequest.problems(OK_URL, "POST", headers))
                .extracting(Problem::pointer, Problem::code)
                .containsExactly(
                        tuple("/headers/Host", "header-reserved"),
                        tuple("/headers/content-length", "header-reserved"),
                        tuple("/headers/X-Wayfarer-Signature", "header-reserved"),
                        tuple("/headers/x-wayfarer-delivery", "header-reserved"),
                        tuple("/headers/X-Wayfarer-Anything", "header-reserved"),
                        tuple("/headers/Transfer-Encoding", "header-reserved"));
        assertThat(WebhookRequest.problems(OK_URL, "POST", Map.of("Host", "x")).get(0).message())
                .isEqualTo("header 'Host' is set by Wayfarer or the HTTP client and may not be set by a journey");
    }

    @Test
    void headerNamesAndValuesAreChecked() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X Shop", "1");
        headers.put("X-Token", "abc\r\nX-Injected: 1");
        headers.put("X-Shop", "1");
        headers.put("x-shop", "2");
        headers.put("a/b", "1");

        List<Problem> problems = WebhookRequest.problems(OK_URL, "POST", headers);

        assertThat(problems).extracting(Problem::pointer, Problem::code).containsExactly(
                tuple("/headers/X Shop", "header-name"),
                tuple("/headers/X-Token", "header-value"),
                tuple("/headers/x-shop", "header-duplicate"),
                tuple("/headers/a~1b", "header-name"));
        assertThat(problems.get(1).message()).isEqualTo("the value of header 'X-Token' must be printable ASCII on"
                + " one line").doesNotContain("abc");
        assertThat(problems.get(2).message()).isEqualTo("header 'x-shop' repeats 'X-Shop' (header names ignore case)");
    }

    @Test
    void theConstructorEnforcesTheSameRules() {
        assertThatThrownBy(() -> request(URI.create("ftp://shop.example/"), Map.of(), "s", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("url must use https or http, not 'ftp'");
        assertThatThrownBy(() -> request(URI.create(OK_URL), Map.of("Host", "x"), "s", Duration.ofSeconds(1)))
                .hasMessageContaining("header 'Host'");
        assertThatThrownBy(() -> request(URI.create(OK_URL), Map.of(), "", Duration.ofSeconds(1)))
                .hasMessageContaining("secret must not be empty");
        assertThatThrownBy(() -> request(URI.create(OK_URL), Map.of(), null, Duration.ZERO))
                .hasMessageContaining("timeout must be above zero and at most PT30S");
        assertThatThrownBy(() -> request(URI.create(OK_URL), Map.of(), null, Duration.ofSeconds(31)))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new WebhookRequest(Method.GET, URI.create(OK_URL), Map.of(), "{}", null,
                Duration.ofSeconds(1), 1L, 1)).hasMessageContaining("GET request carries no body");
    }

    @Test
    void toStringShowsNoSecretBodyQueryOrHeaderValue() {
        WebhookRequest request = new WebhookRequest(Method.POST, URI.create(OK_URL + "?token=hunter2"),
                Map.of("Authorization", "Bearer tok-123"), "{\"phone\":\"13800000000\"}", "s3cr3t",
                Duration.ofSeconds(5), 42L, 2);

        assertThat(request.toString())
                .contains("POST https://shop.example/api/coupon?…", "delivery 42", "Authorization", "signed")
                .doesNotContain("hunter2", "tok-123", "13800000000", "s3cr3t");
    }

    private static WebhookRequest request(URI uri, Map<String, String> headers, String secret, Duration timeout) {
        return new WebhookRequest(Method.POST, uri, headers, "{}", secret, timeout, 1L, 1);
    }
}
