package org.wayfarer.channel.wechat.subscribe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * Whether one follower may get a subscription message of one template on one account now, from the ledger's records
 * of that template (newest first) and the follower's queued sends of it.
 *
 * <p>The newest record that stands or closes decides: {@link ConsentKind#STANDING} allows any number of messages;
 * {@link ConsentKind#REFUSED}, {@link ConsentKind#REVOKED} and {@link ConsentKind#SEND_REFUSED} void every grant
 * before them. The {@link ConsentKind#ONE_TIME} grants after that record allow one message each, spent by the sends
 * of the template on the account since it: sent ones ({@link ConsentKind#SENT} records, and outbox rows SENT or of
 * unknown outcome), and queued ones (outbox rows PENDING or SENDING) queued before the send being checked, so of two
 * sends racing for one grant the older goes. Refused and withdrawn rows spend nothing. Pure.
 */
final class ConsentCheck {

    private static final Set<OutboxStatus> SPENT = Set.of(OutboxStatus.SENT, OutboxStatus.UNKNOWN);
    private static final Set<OutboxStatus> QUEUED = Set.of(OutboxStatus.PENDING, OutboxStatus.SENDING);
    private static final Set<OutboxStatus> CALLED = Set.of(OutboxStatus.SENT, OutboxStatus.SENDING,
            OutboxStatus.UNKNOWN);

    /** A send that spent (or holds) a one-time grant, at the time it was queued (or sent, for a ledger record). */
    private record Spent(long deliveryId, Instant at) {
    }

    private ConsentCheck() {
    }

    /**
     * @param records    the ledger's records of the template for the contact on the account, newest first
     * @param sends      supplies the contact's outbox rows, newest first (asked only when one-time grants count)
     * @param channel    the subscription channel's name, whose rows spend grants
     * @param deliveryId the send being checked, 0 before it exists (a new send comes after every queued one)
     * @return why no message may go, or empty when one may
     */
    static Optional<String> unreachable(String templateId, String appId, List<ConsentRecord> records,
                                        Supplier<List<OutboxMessage>> sends, String channel, long deliveryId) {
        List<ConsentRecord> grants = new ArrayList<>();
        Map<Long, Spent> spent = new LinkedHashMap<>();
        ConsentRecord closing = null;
        for (ConsentRecord record : records) {
            if (record.kind() == ConsentKind.STANDING) {
                return Optional.empty();
            }
            if (record.kind().closes()) {
                closing = record;
                break;
            }
            if (record.kind() == ConsentKind.ONE_TIME) {
                grants.add(record);
            } else if (record.kind() == ConsentKind.SENT && record.deliveryId() != null
                    && record.deliveryId() != deliveryId) {
                spent.put(record.deliveryId(), new Spent(record.deliveryId(), record.occurredAt()));
            }
        }
        String prefix = "no subscription consent for template " + templateId + ": ";
        if (grants.isEmpty()) {
            return Optional.of(prefix + (closing == null ? "the follower has not accepted it" : refusal(closing)));
        }
        Instant since = closing == null ? null : closing.occurredAt();
        List<OutboxMessage> rows = sends.get().stream()
                .filter(row -> channel.equals(row.channel()) && appId.equals(row.account())
                        && templateId.equals(row.message().get("templateId")))
                .toList();
        OutboxMessage self = rows.stream().filter(row -> row.id() == deliveryId).findFirst().orElse(null);
        for (OutboxMessage row : rows) {
            if (row.id() != deliveryId && since(row, since) && (SPENT.contains(row.status())
                    || QUEUED.contains(row.status()) && queuedBefore(row, self))) {
                spent.put(row.id(), new Spent(row.id(), row.createdAt()));
            }
        }
        if (spent.size() < grants.size()) {
            return Optional.empty();
        }
        List<Spent> inOrder = spent.values().stream()
                .sorted(Comparator.comparing(Spent::at).thenComparingLong(Spent::deliveryId)).toList();
        ConsentRecord newest = grants.get(0);
        return Optional.of(prefix + "the one-time grant of " + newest.occurredAt() + " was used by delivery "
                + inOrder.get(grants.size() - 1).deliveryId());
    }

    private static String refusal(ConsentRecord closing) {
        String how = switch (closing.kind()) {
            case REFUSED -> "in a subscription popup";
            case REVOKED -> "switched off in the subscription settings";
            default -> "WeChat refused delivery " + closing.deliveryId() + " with " + closing.errorCode();
        };
        return "refused at " + closing.occurredAt() + " (" + how + ")";
    }

    /** Queued, or called, since the refusal that voided the grants before it. */
    private static boolean since(OutboxMessage row, Instant since) {
        return since == null || !row.createdAt().isBefore(since)
                || CALLED.contains(row.status()) && !row.updatedAt().isBefore(since);
    }

    /** Ahead of the send being checked; every queued row is ahead of one that does not exist yet. */
    private static boolean queuedBefore(OutboxMessage row, OutboxMessage self) {
        if (self == null) {
            return true;
        }
        int byTime = row.createdAt().compareTo(self.createdAt());
        return byTime < 0 || byTime == 0 && row.id() < self.id();
    }
}
