package org.wayfarer.journey.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Where one run's sends go: the sending account and the contact's address under it. A send that names its account
 * goes to the contact's identity in that account. One that names none goes through the account the contact is
 * reachable by: the triggering event's account when the contact has an identity there, the only one when there is
 * one, else the one it most recently interacted with (asked of the event log only then, so the common case reads
 * nothing). The trigger's source is never used as an account by itself: {@code api} or a form key is no account.
 * Confined to the run's thread; identities are read at most once.
 */
final class Recipients implements InstanceRunner.Addresses {

    /** The account a send goes out from, and the contact's address in it. */
    record Recipient(String account, String address) {
    }

    private final Supplier<List<Identity>> identitiesSource;
    private final String triggerSource;
    private final Function<IdentityKind, Optional<String>> lastInteraction;
    private List<Identity> identities;

    /**
     * @param identities      the contact's identities, oldest first
     * @param triggerSource   the triggering event's source (an appId, a corpId, {@code api}, …)
     * @param lastInteraction the account (identity namespace) of the contact's newest event from an identity of a
     *                        kind, if any
     */
    Recipients(Supplier<List<Identity>> identities, String triggerSource,
               Function<IdentityKind, Optional<String>> lastInteraction) {
        this.identitiesSource = Objects.requireNonNull(identities);
        this.triggerSource = triggerSource;
        this.lastInteraction = Objects.requireNonNull(lastInteraction);
    }

    /** @param account the node's account, or null for the account the contact is reachable by */
    @Override
    public Optional<Recipient> find(IdentityKind kind, String account) {
        List<Identity> candidates = new ArrayList<>();
        for (Identity identity : identities()) {
            if (identity.kind() == kind && (account == null || identity.namespace().equals(account))) {
                candidates.add(identity);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            Optional<Identity> viaTrigger = in(candidates, triggerSource);
            if (viaTrigger.isPresent()) {
                return viaTrigger.map(Recipients::recipient);
            }
            Optional<Identity> recent = lastInteraction.apply(kind).flatMap(namespace -> in(candidates, namespace));
            if (recent.isPresent()) {
                return recent.map(Recipients::recipient);
            }
        }
        // one candidate, or several none of which the contact used: the newest identity is the likeliest reachable
        return Optional.of(recipient(candidates.get(candidates.size() - 1)));
    }

    private List<Identity> identities() {
        if (identities == null) {
            identities = identitiesSource.get();
        }
        return identities;
    }

    private static Optional<Identity> in(List<Identity> candidates, String namespace) {
        return candidates.stream().filter(i -> i.namespace().equals(namespace)).findFirst();
    }

    private static Recipient recipient(Identity identity) {
        return new Recipient(identity.namespace(), identity.value());
    }
}
