package org.wayfarer.admin.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.RequestProblems;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.calendar.HolidayCalendarFiles;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.calendar.InvalidHolidayCalendarException;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.definition.SendSettingsReader;
import org.wayfarer.journey.definition.ValidationProblem;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.webhook.WebhookSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's send settings, which every journey's sends obey (a journey adds its own quiet hours and overrides
 * caps per channel), and the China holiday calendar behind {@code workdays} and {@code "holidays": "cn"}. Writes
 * need the ADMIN role. Bad bodies are 400 problems listing every error with a JSON pointer.
 */
@RestController
@RequestMapping("/api/v1/settings")
@Tag(name = "Settings", description = "Quiet hours, frequency caps and the holiday calendar of the tenant")
public class SettingsController {

    /** Reads an uploaded year file's year once it is validated (the file is stored exactly as sent). */
    private static final JsonMapper FILES = JsonMapper.builder().build();

    private final TenantSettings settings;
    private final HolidayCalendars calendars;
    private final HolidayCalendarFiles calendarFiles;
    private final Set<String> channels;
    private final Clock clock;

    public SettingsController(TenantSettings settings, HolidayCalendars calendars, HolidayCalendarFiles calendarFiles,
                              ChannelSenders senders, Clock clock) {
        this.settings = settings;
        this.calendars = calendars;
        this.calendarFiles = calendarFiles;
        this.channels = new TreeSet<>(senders.channels());
        this.channels.remove(WebhookSender.CHANNEL);
        this.clock = clock;
    }

    @GetMapping("/quiet-hours")
    @Operation(summary = "The tenant's quiet hours", description = "{} when none are set")
    public Map<String, Object> quietHours(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller) {
        return SettingsResponses.quietHours(settings.sendSettings(caller.tenantId()).quietHours());
    }

    @PutMapping(path = "/quiet-hours", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the tenant's quiet hours",
            description = "{from, to, zone?, holidays?}: e.g. {\"from\": \"21:30\", \"to\": \"08:30\", \"holidays\":"
                    + " \"cn\"}; without zone, each contact's own zone")
    public Map<String, Object> putQuietHours(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                             @RequestBody JsonNode body) {
        SendSettingsReader.Read<QuietHoursRule> read = SendSettingsReader.quietHours(body);
        reject(read.errors());
        settings.putQuietHours(caller.tenantId(), read.value(), clock.instant());
        return SettingsResponses.quietHours(read.value());
    }

    @GetMapping("/frequency-caps")
    @Operation(summary = "The tenant's frequency caps")
    public Map<String, Object> caps(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller) {
        return SettingsResponses.caps(settings.sendSettings(caller.tenantId()).caps());
    }

    @PutMapping(path = "/frequency-caps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the tenant's frequency caps",
            description = "{caps: [{channel, max, per}]}: channel may be \"*\" (all channels together), per an ISO"
                    + " period such as P1D or P7D (a rolling window); an empty list removes the caps")
    public Map<String, Object> putCaps(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                       @RequestBody JsonNode body) {
        SendSettingsReader.Read<List<FrequencyCap>> read = SendSettingsReader.caps(body, channels);
        reject(read.errors());
        settings.putCaps(caller.tenantId(), read.value(), clock.instant());
        return SettingsResponses.caps(read.value());
    }

    @GetMapping("/holiday-calendar")
    @Operation(summary = "The holiday calendar in force", description = "its years, version and last covered day")
    public Map<String, Object> calendar(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller) {
        return SettingsResponses.calendar(calendars.forTenant(caller.tenantId()));
    }

    /**
     * Validated in full before anything is stored; the database keeps the file, so the next start builds the same
     * calendar. It is the caller's tenant's calendar: other tenants keep theirs.
     */
    @PutMapping(path = "/holiday-calendar", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "Add or replace one year of the China holiday calendar",
            description = "The body is one NateScarlet/holiday-cn year file, unchanged: {year, papers, days: [{name,"
                    + " date, isOffDay}]}; it replaces the bundled file of its year")
    public Map<String, Object> putCalendar(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                           @RequestBody String body) {
        byte[] file = body.getBytes(StandardCharsets.UTF_8);
        try {
            calendars.forTenant(caller.tenantId()).withYear(file);
        } catch (InvalidHolidayCalendarException e) {
            RequestProblems problems = new RequestProblems();
            problems.add("", "bad-calendar", e.getMessage());
            problems.throwIfAny();
            return Map.of();
        }
        // validated above: the file has a year
        calendarFiles.put(caller.tenantId(), FILES.readTree(body).path("year").asInt(), file, clock.instant());
        return SettingsResponses.calendar(calendars.replaceYear(caller.tenantId(), file));
    }

    private static void reject(List<ValidationProblem> errors) {
        RequestProblems problems = new RequestProblems();
        errors.forEach(e -> problems.add(e.pointer(), e.code(), e.message()));
        problems.throwIfAny();
    }
}
