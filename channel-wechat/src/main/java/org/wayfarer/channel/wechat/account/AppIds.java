package org.wayfarer.channel.wechat.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shape of an official account AppID, and its canonical (lower-case) form. */
public final class AppIds {

    private static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}", Pattern.CASE_INSENSITIVE);

    private AppIds() {
    }

    /** Whether {@code appId} is {@code wx} followed by 16 hex digits, in any case. */
    public static boolean isValid(String appId) {
        return appId != null && APP_ID.matcher(appId).matches();
    }

    /** The stored form of a valid AppID; callers check {@link #isValid} first. */
    public static String normalize(String appId) {
        return appId.toLowerCase(Locale.ROOT);
    }
}
