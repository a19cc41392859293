package org.wayfarer.channel.wechat.subscribe;

/**
 * What one {@link ConsentRecord} says about a follower's subscription to one template (订阅通知). The newest record
 * that {@linkplain #closes() closes} or {@linkplain #STANDING stands} decides; one-time grants after it are spent one
 * message each.
 */
public enum ConsentKind {

    /** The follower accepted the template in a subscription popup ({@code subscribe_msg_popup_event}): one message. */
    ONE_TIME,
    /**
     * The follower switched the template on in the subscription settings ({@code subscribe_msg_change_event},
     * {@code accept}): a long-term subscription, any number of messages until it is switched off.
     */
    STANDING,
    /** The follower rejected the template in a subscription popup. */
    REFUSED,
    /** The follower switched the template off in the subscription settings (a long-term subscription revoked). */
    REVOKED,
    /** WeChat refused a send with 43101 (the follower has no subscription): whatever we believed is void. */
    SEND_REFUSED,
    /** WeChat took a message of the template ({@code bizsend} answered a msgid): it used a one-time grant. */
    SENT,
    /**
     * WeChat's report of a message ({@code subscribe_msg_sent_event}): {@code errorCode} 0 is success. Informational:
     * it neither grants nor refuses.
     */
    RESULT;

    /** Whether this record voids every grant before it (the follower's latest answer, or WeChat's, is no). */
    public boolean closes() {
        return this == REFUSED || this == REVOKED || this == SEND_REFUSED;
    }
}
