package org.wayfarer.journey.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.settings.SendSettings;
import org.wayfarer.journey.testing.RecordingSender;

/** Fixtures of the preview tests: the real compiler, the WeChat channels, and a tiny DSL for scenarios. */
final class Previews {

    static final long TENANT = 7;
    static final Set<String> CHANNELS = Set.of("wechat.template", "wechat.coupon", "wechat.kefu");
    static final JourneyCompiler COMPILER = new JourneyCompiler(CHANNELS, JourneyCompiler.Limits.defaults());
    static final ChannelSenders SENDERS = new ChannelSenders(CHANNELS.stream()
            .map(channel -> new RecordingSender(channel, Duration.ZERO)).toList());

    private Previews() {
    }

    static JourneyDefinition compile(String json) {
        Compilation compilation = COMPILER.compile(json);
        assertThat(compilation.errors()).as("the fixture compiles").isEmpty();
        return compilation.definition();
    }

    static PreviewResult preview(String json, PreviewScenario scenario) {
        return preview(json, scenario, SendSettings.none());
    }

    static PreviewResult preview(String json, PreviewScenario scenario, SendSettings tenantRules) {
        return new PreviewRun(compile(json), TENANT, scenario, tenantRules, HolidayCalendar.bundled(), SENDERS).run();
    }

    static PreviewScenario.TimedEvent event(String type, Instant at, Map<String, Object> properties) {
        return new PreviewScenario.TimedEvent(type, at, properties);
    }

    static PreviewScenario.TimedEvent event(String type, Instant at) {
        return event(type, at, Map.of());
    }

    static PreviewScenario scenario(Map<String, Object> attributes, PreviewScenario.TimedEvent... events) {
        return new PreviewScenario(attributes, Set.of(), List.of(events), null, Map.of());
    }

    /** The path as "node OUTCOME" lines. */
    static List<String> outcomes(PreviewResult result) {
        return result.path().stream().map(step -> step.node() + " " + step.outcome()).toList();
    }
}
