package org.wayfarer.channel.wechat.qrcode;

import java.util.regex.Pattern;

/**
 * The scene strings this channel creates codes for: WeChat's {@code scene_str} allows 1 to 64 characters; these are
 * also printable ASCII without spaces, so characters and bytes agree whichever WeChat counts, and a scene pasted into
 * a journey condition ({@code event.scene == 'store_001'}) is exactly what the code carries. Case matters, as it does
 * to WeChat.
 */
public final class Scenes {

    public static final int MAX_LENGTH = 64;
    /** Scenes of referral codes, which another feature issues. */
    public static final String RESERVED_PREFIX = "ref_";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    private Scenes() {
    }

    /** Whether {@code scene} has the shape of a code's scene (length and characters; the reserved prefix aside). */
    public static boolean isWellFormed(String scene) {
        return scene != null && !scene.isEmpty() && scene.length() <= MAX_LENGTH && PRINTABLE.matcher(scene).matches();
    }

    static boolean isReserved(String scene) {
        return scene.startsWith(RESERVED_PREFIX);
    }
}
