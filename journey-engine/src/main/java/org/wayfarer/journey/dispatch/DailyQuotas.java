package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.DailyQuota;

/**
 * Counts the sends attempted per channel, account and provider day against the sender's {@link DailyQuota}, so a
 * send over it waits for the next day instead of being refused (WeChat's 45009). The first time this process meets an
 * account on a day it reads how many rows of the day were already attempted (by any node before it, or before a
 * restart); from then on it counts its own attempts. In a cluster each node counts its own after that first read, so
 * the nodes together may exceed the quota by what the others sent since; the provider's refusal (45009, retried in an
 * hour) still holds the line. Thread-safe.
 */
final class DailyQuotas {

    private record Day(String channel, String account, LocalDate day) {
    }

    private final Outbox outbox;
    private final Map<Day, AtomicLong> used = new ConcurrentHashMap<>();

    DailyQuotas(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Takes one send of today's quota; returns when the next day starts if today's is spent, else empty. */
    Optional<Instant> take(ChannelSender sender, String account, Instant now) {
        Optional<DailyQuota> quota = sender.dailyQuota(account);
        if (quota.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(quota.get().zone()).toLocalDate();
        Instant dayStart = today.atStartOfDay(quota.get().zone()).toInstant();
        Day key = new Day(sender.channel(), account, today);
        AtomicLong count = used.get(key);
        if (count == null) {
            used.keySet().removeIf(day -> day.day().isBefore(today)); // a new day: yesterday's counts are done
            count = used.computeIfAbsent(key,
                    day -> new AtomicLong(outbox.countAttempted(day.channel(), day.account(), dayStart)));
        }
        if (count.incrementAndGet() > quota.get().max()) {
            count.decrementAndGet();
            return Optional.of(today.plusDays(1).atStartOfDay(quota.get().zone()).toInstant());
        }
        return Optional.empty();
    }
}
