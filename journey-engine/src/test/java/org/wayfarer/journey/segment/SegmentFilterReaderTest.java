package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SegmentFilterReaderTest {

    private final SegmentFilterReader reader = new SegmentFilterReader();

    private SegmentFilterReader.Reading read(String json) {
        return reader.read(JsonMapper.shared().readTree(json));
    }

    private List<SegmentProblem> problems(String json) {
        SegmentFilterReader.Reading reading = read(json);
        assertThat(reading.valid()).isFalse();
        assertThat(reading.filter()).isNull();
        return reading.problems();
    }

    @Test
    void readsEveryConditionKind() {
        SegmentFilter filter = SegmentFilters.parse("""
                {"all": [
                  {"attribute": "level", "op": "in", "value": ["gold", 2, false]},
                  {"attribute": "age", "op": "gte", "value": 18},
                  {"attribute": "phone", "op": "exists"},
                  {"tag": "vip"}, {"notTag": "churned"},
                  {"any": [{"event": "custom.order_paid", "within": "P30D"},
                           {"event": "wechat.followed", "within": "PT12H", "min": 2, "max": 3},
                           {"event": "custom.refunded", "within": "P2W", "max": 0}]}]}""");

        assertThat(filter).isEqualTo(new SegmentFilter.All(List.of(
                new SegmentFilter.Attribute("level", SegmentFilter.Op.IN, List.of("gold", BigDecimal.valueOf(2), false)),
                new SegmentFilter.Attribute("age", SegmentFilter.Op.GTE, BigDecimal.valueOf(18)),
                new SegmentFilter.Attribute("phone", SegmentFilter.Op.EXISTS, true),
                new SegmentFilter.Tag("vip"), new SegmentFilter.NotTag("churned"),
                new SegmentFilter.Any(List.of(
                        new SegmentFilter.Event("custom.order_paid", Duration.ofDays(30), 1, null),
                        new SegmentFilter.Event("wechat.followed", Duration.ofHours(12), 2, 3),
                        new SegmentFilter.Event("custom.refunded", Duration.ofDays(14), 0, 0))))));
    }

    @Test
    void canonicalJsonReadsBackEqual() {
        SegmentFilter filter = SegmentFilters.parse("""
                {"any": [{"attribute": "score", "op": "lt", "value": 10.5},
                         {"event": "custom.order_paid", "within": "P30D", "min": 0, "max": 2},
                         {"event": "custom.viewed", "within": "PT90M", "max": 0},
                         {"all": [{"attribute": "city", "op": "eq", "value": "上海"}, {"tag": "a/b~c"}]}]}""");

        String canonical = SegmentFilterJson.write(filter);

        assertThat(SegmentFilterJson.read(canonical)).isEqualTo(filter);
        assertThat(canonical).contains("\"within\":\"P30D\"", "\"within\":\"PT1H30M\"", "\"min\":0,\"max\":2")
                .contains("{\"event\":\"custom.viewed\",\"within\":\"PT1H30M\",\"max\":0}");
    }

    @Test
    void theFilterItselfMustBeAGroup() {
        assertThat(problems("{\"tag\": \"vip\"}")).extracting(SegmentProblem::pointer, SegmentProblem::code)
                .containsExactly(tuple("", "not-a-group"));
        assertThat(problems("[]")).extracting(SegmentProblem::code).containsExactly("not-a-group");
        assertThat(problems("null")).extracting(SegmentProblem::code).containsExactly("missing-field");
    }

    @Test
    void reportsEveryProblemAtOnceWithPointers() {
        List<SegmentProblem> problems = problems("""
                {"all": [
                  {"attribute": "", "op": "like", "value": 1},
                  {"attribute": "age", "op": "gt", "value": true},
                  {"attribute": "age", "op": "eq"},
                  {"attribute": "level", "op": "in", "value": []},
                  {"attribute": "level", "op": "in", "value": ["a", {"b": 1}, null]},
                  {"attribute": "phone", "op": "exists", "value": "yes"},
                  {"tag": ""}, {"notTag": 5},
                  {"event": "Order Paid", "within": "P1M"},
                  {"event": "custom.x", "within": "P0D", "min": -1, "max": 1.5},
                  {"event": "custom.y", "within": "P30D", "min": 3, "max": 2},
                  {"event": "custom.z", "within": "P30D", "min": 0},
                  {"event": "custom.w"},
                  {"tag": "a", "event": "custom.v", "within": "P1D"},
                  {"tag": "a", "colour": "red"},
                  {"nothing": true},
                  "vip",
                  {"any": []},
                  {"all": {"tag": "x"}}
                ]}""");

        assertThat(problems).extracting(SegmentProblem::pointer, SegmentProblem::code).containsExactly(
                tuple("/all/0/attribute", "bad-value"),
                tuple("/all/0/op", "bad-op"),
                tuple("/all/1/value", "bad-value"),
                tuple("/all/2/value", "missing-field"),
                tuple("/all/3/value", "bad-size"),
                tuple("/all/4/value/1", "bad-value"),
                tuple("/all/4/value/2", "bad-value"),
                tuple("/all/5/value", "bad-value"),
                tuple("/all/6/tag", "bad-value"),
                tuple("/all/7/notTag", "bad-value"),
                tuple("/all/8/event", "bad-event-type"),
                tuple("/all/8/within", "bad-duration"),
                tuple("/all/9/within", "bad-duration"),
                tuple("/all/9/min", "bad-count"),
                tuple("/all/9/max", "bad-count"),
                tuple("/all/10/max", "min-above-max"),
                tuple("/all/11/min", "matches-everyone"),
                tuple("/all/12/within", "missing-field"),
                tuple("/all/13", "ambiguous-condition"),
                tuple("/all/14/colour", "unknown-field"),
                tuple("/all/15", "unknown-condition"),
                tuple("/all/16", "not-an-object"),
                tuple("/all/17/any", "empty-group"),
                tuple("/all/18/all", "bad-value"));
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank()
                .doesNotContain("like", "Order Paid"));
        assertThat(problems.get(1).message()).contains("eq, ne, gt, gte, lt, lte, in, exists");
        assertThat(problems.get(10).message()).contains("custom.order_paid");
        assertThat(problems.get(11).message()).contains("months and years");
        assertThat(problems.get(18).message()).contains("tag and event");
        assertThat(problems.get(19).message()).contains("its fields are tag");
    }

    @Test
    void limitsDepthConditionsValuesAndWindows() {
        assertThat(problems("{\"all\": [{\"any\": [{\"all\": [{\"any\": [{\"all\": [{\"any\": [{\"tag\": \"x\"}]}]}]}]}]}]}"))
                .extracting(SegmentProblem::pointer, SegmentProblem::code)
                .containsExactly(tuple("/all/0/any/0/all/0/any/0/all/0/any", "too-deep"));

        StringBuilder many = new StringBuilder("{\"any\": [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"tag\": \"t").append(i).append("\"}");
        }
        List<SegmentProblem> tooMany = problems(many.append("]}").toString());
        assertThat(tooMany).extracting(SegmentProblem::pointer, SegmentProblem::code)
                .containsExactly(tuple("", "too-many-conditions"));
        assertThat(tooMany.get(0).message()).contains("50", "51");

        StringBuilder values = new StringBuilder("{\"all\": [{\"attribute\": \"n\", \"op\": \"in\", \"value\": [");
        for (int i = 0; i < 101; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        assertThat(problems(values.append("]}]}").toString())).extracting(SegmentProblem::code)
                .containsExactly("bad-size");
        assertThat(problems("{\"all\": [{\"event\": \"custom.x\", \"within\": \"P3651D\"}]}"))
                .extracting(SegmentProblem::code).containsExactly("bad-duration");
        assertThat(problems("{\"all\": [{\"tag\": \"" + "x".repeat(65) + "\"}]}"))
                .extracting(SegmentProblem::code).containsExactly("too-long");
        assertThat(problems("{\"all\": [{\"attribute\": \"a\", \"op\": \"eq\", \"value\": \"" + "x".repeat(1025)
                + "\"}]}")).extracting(SegmentProblem::code).containsExactly("too-long");
        assertThat(read("{\"all\": [{\"event\": \"custom.x\", \"within\": \"P3650D\"}]}").valid()).isTrue();
    }

    @Test
    void aMaxOfZeroAloneMeansNoneInTheWindow() {
        assertThat(SegmentFilters.parse("{\"all\": [{\"event\": \"custom.x\", \"within\": \"P1D\", \"max\": 0}]}"))
                .isEqualTo(new SegmentFilter.All(List.of(
                        new SegmentFilter.Event("custom.x", Duration.ofDays(1), 0, 0))));
        assertThat(problems("{\"all\": [{\"event\": \"custom.x\", \"within\": \"P1D\", \"min\": 1, \"max\": 0}]}"))
                .extracting(SegmentProblem::code).containsExactly("min-above-max");
    }
}
