package org.wayfarer.journey.settings;

import java.util.List;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;

/**
 * A tenant's rules for every send of every journey: {@code quietHours} (nullable: none) and {@code caps} (empty:
 * none). A journey's own rules add to these (its quiet hours) or override them channel by channel (its caps).
 */
public record SendSettings(QuietHoursRule quietHours, List<FrequencyCap> caps) {

    public SendSettings {
        caps = List.copyOf(caps);
    }

    public static SendSettings none() {
        return new SendSettings(null, List.of());
    }
}
