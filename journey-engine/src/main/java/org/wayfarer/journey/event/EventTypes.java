package org.wayfarer.journey.event;

import java.util.regex.Pattern;

/**
 * The event names of the journey language (past tense, {@code <source>.<verb_ed>}); channels map their callbacks onto
 * these. docs/architecture/journey-language.md lists each with its properties ("WeChat events" and others).
 */
public final class EventTypes {

    public static final String WECHAT_FOLLOWED = "wechat.followed";
    public static final String WECHAT_UNFOLLOWED = "wechat.unfollowed";
    public static final String WECHAT_QR_SCANNED = "wechat.qr_scanned";
    public static final String WECHAT_MENU_CLICKED = "wechat.menu_clicked";
    public static final String WECHAT_MENU_VIEWED = "wechat.menu_viewed";
    public static final String WECHAT_MESSAGE_RECEIVED = "wechat.message_received";
    public static final String WECHAT_TEMPLATE_DELIVERED = "wechat.template_delivered";
    public static final String WECHAT_LOCATION_REPORTED = "wechat.location_reported";
    public static final String WECHAT_MENU_SCANNED = "wechat.menu_scanned";
    public static final String WECHAT_MENU_PHOTO_SENT = "wechat.menu_photo_sent";
    public static final String WECHAT_MENU_LOCATION_SENT = "wechat.menu_location_sent";
    public static final String WECHAT_CARD_RECEIVED = "wechat.card_received";
    public static final String WECHAT_CARD_REDEEMED = "wechat.card_redeemed";
    public static final String WECHAT_SUBSCRIBE_MSG_CHANGED = "wechat.subscribe_msg_changed";
    public static final String WECHAT_SUBSCRIBE_MSG_SENT = "wechat.subscribe_msg_sent";
    /** Any other official-account event, with its {@code event} name: nothing WeChat pushes is dropped. */
    public static final String WECHAT_EVENT_RECEIVED = "wechat.event_received";
    public static final String CONTACT_UPDATED = "contact.updated";
    public static final String CONTACT_TAGGED = "contact.tagged";
    public static final String CONTACT_UNTAGGED = "contact.untagged";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*\\.[a-z][a-z0-9_]{0,54}");

    private EventTypes() {
    }

    /** Whether {@code type} is a well-formed event name ({@code source.verb_ed}, lower case, at most 64 chars). */
    public static boolean isValid(String type) {
        return type != null && type.length() <= 64 && NAME.matcher(type).matches();
    }
}
