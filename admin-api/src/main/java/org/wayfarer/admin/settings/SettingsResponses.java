package org.wayfarer.admin.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;

/** The settings as the API shows them: the shapes they are written in. */
final class SettingsResponses {

    private SettingsResponses() {
    }

    static Map<String, Object> quietHours(QuietHoursRule rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (rule != null) {
            body.put("from", rule.from().toString());
            body.put("to", rule.to().toString());
            if (rule.zone() != null) {
                body.put("zone", rule.zone().getId());
            }
            if (rule.holidays()) {
                body.put("holidays", "cn");
            }
        }
        return body;
    }

    static Map<String, Object> caps(List<FrequencyCap> caps) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FrequencyCap cap : caps) {
            list.add(Map.of("channel", cap.channel(), "max", cap.max(), "per", cap.per().toString()));
        }
        return Map.of("caps", list);
    }

    static Map<String, Object> calendar(HolidayCalendar calendar) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", calendar.version());
        body.put("years", calendar.publishedYears());
        body.put("coverageEnd", calendar.coverageEnd().toString());
        return body;
    }
}
