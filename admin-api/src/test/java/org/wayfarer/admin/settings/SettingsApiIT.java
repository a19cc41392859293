package org.wayfarer.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.HolidayCalendars;

/** Quiet hours, frequency caps and the holiday calendar of the tenant, behind the real security. */
@AdminApiTest
class SettingsApiIT {

    /** A synthetic 2027 file (the real notice is not out yet): New Year's Day off, one make-up Saturday. */
    private static final String SYNTHETIC_2027 = """
            {"year": 2027, "papers": ["https://example.invalid/synthetic-2027"],
             "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                      {"name": "元旦", "date": "2027-01-09", "isOffDay": false}]}
            """;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;
    @Autowired
    private HolidayCalendars calendars;

    @BeforeEach
    void reset() {
        engine.clear();
        calendars.replace(HolidayCalendar.bundled());
    }

    private static MockHttpServletRequestBuilder as(String key, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(key)).contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void quietHoursAreSetAndReadBackPerTenant() throws Exception {
        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/quiet-hours"))
                        .content("{\"from\": \"21:30\", \"to\": \"08:30\", \"zone\": \"Asia/Shanghai\","
                                + " \"holidays\": \"cn\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("21:30"))
                .andExpect(jsonPath("$.holidays").value("cn"));

        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/settings/quiet-hours")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("08:30"))
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"));
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, get("/api/v1/settings/quiet-hours")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").doesNotExist());
    }

    @Test
    void badQuietHoursAreA400ListingEveryProblem() throws Exception {
        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/quiet-hours"))
                        .content("{\"from\": \"9pm\", \"to\": \"08:30\", \"zone\": \"Mars/Base\","
                                + " \"holidays\": \"us\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/from")))
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/zone")))
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/holidays")));
    }

    @Test
    void capsAreReplacedAndBadOnesRejected() throws Exception {
        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/frequency-caps")).content("""
                        {"caps": [{"channel": "wechat.template", "max": 1, "per": "P1D"},
                                  {"channel": "*", "max": 3, "per": "P7D"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caps[0].per").value("PT24H"));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/settings/frequency-caps")))
                .andExpect(jsonPath("$.caps[1].channel").value("*"))
                .andExpect(jsonPath("$.caps[1].max").value(3));

        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/frequency-caps")).content("""
                        {"caps": [{"channel": "fax", "max": 1, "per": "P1D"},
                                  {"channel": "*", "max": 0, "per": "P1D"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/caps/0/channel")))
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/caps/1/max")));
    }

    @Test
    void onlyAnAdminChangesSettings() throws Exception {
        mvc.perform(as(TestKeys.OPERATOR, put("/api/v1/settings/frequency-caps")).content("{\"caps\": []}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/settings/frequency-caps")).andExpect(status().isUnauthorized());
    }

    @Test
    void aYearFileExtendsTheCalendarAndIsKeptForEveryNode() throws Exception {
        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/holiday-calendar")).content(SYNTHETIC_2027))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.years").value(hasItem(2027)))
                .andExpect(jsonPath("$.coverageEnd").value("2027-12-31"));

        assertThat(calendars.forTenant(TestKeys.TENANT).isHoliday(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(engine.calendarFiles).containsKey(TestKeys.TENANT + "/2027");
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, get("/api/v1/settings/holiday-calendar")))
                .andExpect(jsonPath("$.coverageEnd").value("2026-12-31"));
    }

    @Test
    void aBadYearFileIsRejectedAndTheCalendarStaysAsItWas() throws Exception {
        String version = calendars.forTenant(TestKeys.TENANT).version();

        mvc.perform(as(TestKeys.ADMIN, put("/api/v1/settings/holiday-calendar"))
                        .content("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"x\", \"date\": \"2027-13-01\","
                                + " \"isOffDay\": true}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("bad-calendar"));
        assertThat(calendars.forTenant(TestKeys.TENANT).version()).isEqualTo(version);
        assertThat(engine.calendarFiles).isEmpty();
    }
}
