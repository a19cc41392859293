package org.wayfarer.channel.wechat.qrcode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wayfarer.channel.wechat.account.AppIds;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.IntakeObserver;

/**
 * Counts follows and scans per QR code as the intake stores the events: {@code wechat.followed} events (first
 * follows through a code: the mapper has already stripped {@code qrscene_} from the scene) and
 * {@code wechat.qr_scanned} events (re-scans by existing followers) whose {@code scene} is the scene of a live code
 * under the event's account ({@code source}).
 *
 * <p>Why counters kept at intake rather than a count over {@code contact_event}: the scene is inside the event's
 * {@code properties_json}, which neither MySQL nor H2 can index portably, so counting there would read every follow
 * the account ever had. Counters are read in O(1) with the code, and they are exact because they are written in the
 * intake's own transaction ({@link IntakeObserver}): an event counts if and only if it was stored, once, and WeChat's
 * retries of a push are duplicates that never reach here. The cost is one JDBC batch of indexed {@code UPDATE}s, one
 * per (account, scene), in an intake write that holds QR events, nothing for any other write. Events stored before
 * their code was created, or after it was retired, count for no code. Thread-safe.
 */
public final class QrCodeTally implements IntakeObserver {

    private static final Comparator<Key> LOCK_ORDER = Comparator.comparing(Key::appId).thenComparing(Key::scene)
            .thenComparingLong(Key::tenantId);

    private final QrCodeStore store;

    public QrCodeTally(QrCodeStore store) {
        this.store = store;
    }

    @Override
    public void stored(List<ContactEvent> events) {
        Map<Key, long[]> counts = null;
        for (ContactEvent event : events) {
            int column = switch (event.type()) {
                case EventTypes.WECHAT_FOLLOWED -> 0;
                case EventTypes.WECHAT_QR_SCANNED -> 1;
                default -> -1;
            };
            if (column < 0 || !AppIds.isValid(event.source())
                    || !(event.properties().get("scene") instanceof String scene) || !Scenes.isWellFormed(scene)) {
                continue;
            }
            if (counts == null) {
                counts = new TreeMap<>(LOCK_ORDER);
            }
            counts.computeIfAbsent(new Key(event.tenantId(), AppIds.normalize(event.source()), scene),
                    key -> new long[2])[column]++;
        }
        if (counts != null) {
            store.tally(counts.entrySet().stream().map(e -> new SceneTally(e.getKey().tenantId(), e.getKey().appId(),
                    e.getKey().scene(), e.getValue()[0], e.getValue()[1])).toList());
        }
    }

    private record Key(long tenantId, String appId, String scene) {
    }
}
