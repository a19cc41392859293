package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

class RecipientsTest {

    private static final Identity BRAND_A = Identity.wechatOpenid("wxA", "oA");
    private static final Identity BRAND_B = Identity.wechatOpenid("wxB", "oB");
    private static final Identity MEMBER = new Identity(IdentityKind.EXTERNAL, "", "m-1");

    private final List<IdentityKind> lastInteractionAsked = new ArrayList<>();

    private Recipients recipients(String triggerSource, String lastAccount, Identity... identities) {
        return new Recipients(() -> List.of(identities), triggerSource, kind -> {
            lastInteractionAsked.add(kind);
            return Optional.ofNullable(lastAccount);
        });
    }

    @Test
    void namedAccountUsesTheContactsIdentityThereOrNothing() {
        Recipients recipients = recipients("api", null, BRAND_A, BRAND_B);

        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, "wxA")).contains(new Recipients.Recipient("wxA", "oA"));
        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, "wxC")).isEmpty();
    }

    @Test
    void withoutAccountAnApiTriggeredSendReachesTheContactsOnlyAccount() {
        Recipients recipients = recipients("api", null, MEMBER, BRAND_A);

        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, null)).contains(new Recipients.Recipient("wxA", "oA"));
        assertThat(lastInteractionAsked).as("one candidate needs no lookup").isEmpty();
    }

    @Test
    void withoutAccountTheTriggeringAccountWinsWhenTheContactIsThere() {
        Recipients recipients = recipients("wxA", "wxB", BRAND_A, BRAND_B);

        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, null)).contains(new Recipients.Recipient("wxA", "oA"));
        assertThat(lastInteractionAsked).isEmpty();
    }

    @Test
    void withoutAccountAndSeveralAccountsTheMostRecentlyUsedOneWins() {
        Recipients recipients = recipients("api", "wxA", BRAND_A, BRAND_B);

        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, null)).contains(new Recipients.Recipient("wxA", "oA"));
        assertThat(lastInteractionAsked).containsExactly(IdentityKind.WECHAT_OPENID);
    }

    @Test
    void withoutAnyInteractionTheNewestIdentityWins() {
        Recipients recipients = recipients("api", null, BRAND_A, BRAND_B);

        assertThat(recipients.find(IdentityKind.WECHAT_OPENID, null)).contains(new Recipients.Recipient("wxB", "oB"));
    }

    @Test
    void noIdentityOfTheKindIsNoRecipient() {
        assertThat(recipients("api", null, MEMBER).find(IdentityKind.WECHAT_OPENID, null)).isEmpty();
    }

    @Test
    void identitiesAreReadOnceForAllSendsOfARun() {
        AtomicInteger reads = new AtomicInteger();
        Recipients recipients = new Recipients(() -> {
            reads.incrementAndGet();
            return List.of(BRAND_A);
        }, "wxA", kind -> Optional.empty());

        recipients.find(IdentityKind.WECHAT_OPENID, null);
        recipients.find(IdentityKind.WECHAT_OPENID, "wxA");

        assertThat(reads).hasValue(1);
    }
}
