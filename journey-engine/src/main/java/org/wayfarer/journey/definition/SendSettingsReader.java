package org.wayfarer.journey.definition;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tenant-wide send settings with the journey language's own rules, so a tenant's quiet hours and caps
 * read exactly like a journey's: {@code {from, to, zone?, holidays?}} and {@code {caps: [{channel, max, per}]}}.
 * Problems point into the body. Stateless.
 */
public final class SendSettingsReader {

    /** What was read (null when there are errors) and every problem found. */
    public record Read<T>(T value, List<ValidationProblem> errors) {

        public Read {
            errors = List.copyOf(errors);
        }
    }

    private SendSettingsReader() {
    }

    public static Read<QuietHoursRule> quietHours(JsonNode body) {
        Problems problems = new Problems();
        if (!body.isObject()) {
            problems.error("", "not-an-object", "quiet hours must be an object {\"from\", \"to\", \"zone\", \"holidays\"}");
            return new Read<>(null, problems.errors());
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set("quietHours", body);
        QuietHoursRule rule = new SendRulesReader(problems, new JsonFields(problems), Set.of())
                .quietHours(wrapper, "");
        List<ValidationProblem> errors = problems.errors().stream().map(p -> new ValidationProblem(
                p.pointer().substring("/quietHours".length()), p.code(), p.message())).toList();
        return new Read<>(errors.isEmpty() ? rule : null, errors);
    }

    /** @param channels the channels a cap may name (besides {@code *}) */
    public static Read<List<FrequencyCap>> caps(JsonNode body, Set<String> channels) {
        Problems problems = new Problems();
        if (!body.isObject() || JsonFields.present(body, "caps") == null) {
            problems.error("/caps", "missing-field", "the body must be {\"caps\": [{\"channel\", \"max\", \"per\"}]}"
                    + " (an empty list removes the caps)");
            return new Read<>(null, problems.errors());
        }
        SendRules rules = new SendRulesReader(problems, new JsonFields(problems), channels).journeyRules(body);
        return new Read<>(problems.hasErrors() ? null : rules.caps(), problems.errors());
    }
}
