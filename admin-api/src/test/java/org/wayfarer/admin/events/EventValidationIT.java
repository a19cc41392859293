package org.wayfarer.admin.events;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.IntakeResult;

/**
 * What {@code POST /api/v1/events} refuses with a 400 problem whose {@code errors} point (RFC 6901) at the field:
 * instants out of range, too many or too big attributes and properties, oversized batches. Nothing reaches the
 * intake in any of these cases. Default limits (see the admin-api README).
 */
@AdminApiTest
class EventValidationIT {

    private static final String IDENTITY = "\"identity\": {\"unionid\": \"u-1\"}";
    private static final String SECRET_VALUE = "SECRET-PERSONAL-VALUE";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventIntake intake;
    @Autowired
    private WeChatAccounts accounts;

    @BeforeEach
    void connectAccounts() {
        EventApiIT.connect(accounts);
    }

    @ParameterizedTest(name = "occurredAt {0}")
    @ValueSource(strings = {"\"+999999999-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
        "\"+10000-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "1e30", "-1e30", "1e400",
        "99999999999999999999999999", "\"garbage\"", "\"2026-13-01T00:00:00Z\"", "\"2026-03-01\"", "true",
        "{\"at\": 1}", "[1]"})
    void refusesAnOccurredAtThatIsNoInstantOrOutOfRange(String occurredAt) throws Exception {
        refused("{\"type\": \"custom.order_paid\", " + IDENTITY + ", \"occurredAt\": " + occurredAt + "}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/occurredAt"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1970-01-01T00:00:00Z")));
        refused("{\"events\": [{\"type\": \"custom.order_paid\", \"id\": \"a\", " + IDENTITY + "},"
                + " {\"type\": \"custom.order_paid\", \"id\": \"b\", " + IDENTITY + ", \"occurredAt\": " + occurredAt
                + "}]}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/events/1/occurredAt"));
    }

    @Test
    void refusesMoreAttributesOrPropertiesThanTheLimit() throws Exception {
        String fifty = fields(50, i -> "\"a" + i + "\": " + i);
        String fiftyOne = fields(51, i -> "\"a" + i + "\": " + i);

        refused(event("\"attributes\": {" + fiftyOne + "}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes"))
                .andExpect(jsonPath("$.errors[0].code").value("too-many-fields"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("50")));
        refused(event("\"properties\": {" + fiftyOne + "}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties"));
        refused(event("\"properties\": {" + fifty + "}, \"attributes\": {" + fiftyOne + "}"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes"));
    }

    @Test
    void refusesOverlongOrBlankFieldNamesWithoutEchoingThem() throws Exception {
        String longName = "n".repeat(65);

        refused(event("\"attributes\": {\"" + longName + "\": 1}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes"))
                .andExpect(jsonPath("$.errors[0].code").value("invalid-name"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("64")))
                .andExpect(content().string(not(containsString(longName))));
        refused(event("\"properties\": {\" \": 1}"))
                .andExpect(jsonPath("$.errors[0].code").value("invalid-name"));
        refused(event("\"properties\": {\"order\": {\"" + longName + "\": 1}}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties/order"));
    }

    @Test
    void refusesOverlongTextValuesWithoutEchoingThem() throws Exception {
        String tooLong = SECRET_VALUE + "x".repeat(1025 - SECRET_VALUE.length());

        refused(event("\"attributes\": {\"note\": \"" + tooLong + "\"}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes/note"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1024")))
                .andExpect(content().string(not(containsString(SECRET_VALUE))));
        refused(event("\"properties\": {\"items\": [\"ok\", {\"a/b~c\": \"" + tooLong + "\"}]}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties/items/1/a~1b~0c"));
    }

    @Test
    void refusesValuesNestedDeeperThanTheLimit() throws Exception {
        accepted(event("\"properties\": {\"v\": [[[1]]]}"));

        refused(event("\"properties\": {\"v\": [[[[1]]]]}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties/v"))
                .andExpect(jsonPath("$.errors[0].code").value("too-deep"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("3")));
        refused(event("\"attributes\": {\"v\": {\"a\": {\"b\": {\"c\": {}}}}}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes/v"));
    }

    @Test
    void refusesNullAndNonFiniteValues() throws Exception {
        refused(event("\"attributes\": {\"x\": null}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes/x"))
                .andExpect(jsonPath("$.errors[0].code").value("null-value"));
        refused(event("\"properties\": {\"total\": 1e400}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties/total"))
                .andExpect(jsonPath("$.errors[0].code").value("not-a-number"));
    }

    @Test
    void refusesAttributesOrPropertiesLargerThanTheLimitAsAWhole() throws Exception {
        String twentyKilobytes = fields(20, i -> "\"f" + i + "\": \"" + "v".repeat(1000) + "\"");

        refused(event("\"properties\": {" + twentyKilobytes + "}"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/properties"))
                .andExpect(jsonPath("$.errors[0].code").value("too-large"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("16384")));
    }

    @Test
    void reportsEveryProblemOfABatchAtOnce() throws Exception {
        refused("""
                {"events": [
                  {"type": "wechat.followed", "id": "a", "identity": {"unionid": "u-1"}},
                  {"type": "custom.ok", "id": "b", "identity": {"unionid": "u-1"}},
                  {"type": "custom.ok", "identity": {"unionid": "u-1"}, "attributes": {"x": null}},
                  {"type": "custom.ok", "id": "d"}]}""")
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].pointer").value("/events/0/type"))
                .andExpect(jsonPath("$.errors[1].pointer").value("/events/2/id"))
                .andExpect(jsonPath("$.errors[2].pointer").value("/events/2/attributes/x"))
                .andExpect(jsonPath("$.errors[3].pointer").value("/events/3/identity"));
    }

    @Test
    void refusesEmptyOversizedOrMisshapenBatches() throws Exception {
        String hundredAndOne = IntStream.range(0, 101)
                .mapToObj(i -> "{\"type\": \"custom.ok\", \"id\": \"e" + i + "\", " + IDENTITY + "}")
                .collect(Collectors.joining(", "));

        refused("{\"events\": [" + hundredAndOne + "]}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/events"))
                .andExpect(jsonPath("$.errors[0].code").value("too-many-events"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("100")));
        refused("{\"events\": []}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/events"));
        refused("{\"events\": {\"type\": \"custom.ok\"}}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/events"));
        refused("{\"events\": [\"custom.ok\"]}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/events/0"));
        refused("{\"type\": \"custom.ok\", " + IDENTITY + ", \"events\": []}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/type"));
        refused("[{\"type\": \"custom.ok\", " + IDENTITY + "}]")
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
    }

    @Test
    void pointsAtFieldsOfTheWrongJsonType() throws Exception {
        refused(event("\"attributes\": [1, 2]"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/attributes"));
        refused("{\"type\": \"custom.ok\", \"identity\": \"u-1\"}")
                .andExpect(jsonPath("$.errors[0].pointer").value("/identity"));
    }

    private ResultActions refused(String body) throws Exception {
        ResultActions result = mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].code").exists());
        verify(intake, never()).accept(any());
        return result;
    }

    private void accepted(String body) throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(1L));
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted());
        clearInvocations(intake);
    }

    private static String event(String fields) {
        return "{\"type\": \"custom.order_paid\", " + IDENTITY + ", " + fields + "}";
    }

    private static String fields(int count, IntFunction<String> field) {
        return IntStream.range(0, count).mapToObj(field).collect(Collectors.joining(", "));
    }
}
