package org.wayfarer.journey.scenario;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.recipe.RecipeBook;
import org.wayfarer.journey.recipe.RecipeOverrides;
import org.wayfarer.journey.testing.MutableClock;

/** What the recipe scenarios share: the shipped recipe's definition, and a clock at a known local time. */
final class RecipeScenarios {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RecipeScenarios() {
    }

    /** The shipped recipe from the engine's own {@link RecipeBook}, with these parameter overrides. */
    static String definition(ApplicationContext context, String recipeKey, Map<String, String> params) {
        return context.getBean(RecipeBook.class).get(recipeKey).definition(new RecipeOverrides(null, null, params));
    }

    /**
     * Moves the clock forward to the next Monday at 10:00 in Shanghai, so quiet hours (read in the contact's zone)
     * fall at the same moments of every test, whenever the suite runs.
     */
    static void toNextMondayMorning(ApplicationContext context) {
        MutableClock clock = context.getBean(MutableClock.class);
        ZonedDateTime next = clock.instant().atZone(SHANGHAI).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .with(LocalTime.of(10, 0));
        clock.set(next.toInstant());
    }

    /**
     * The deliveries in the order the journey queued them: the dispatcher sends in parallel, so they may reach the
     * channel in another order; delivery ids grow with the steps that queue them.
     */
    static List<Delivery> inQueueOrder(List<Delivery> sent) {
        return sent.stream().sorted(Comparator.comparingLong(Delivery::deliveryId)).toList();
    }

    /** Sets the clock (only before anything is published: time never runs back under live instances). */
    static void startAt(ApplicationContext context, Instant start) {
        context.getBean(MutableClock.class).set(start);
    }
}
