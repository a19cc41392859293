package org.wayfarer.channel.wechat.qrcode;

import java.util.ArrayList;
import java.util.List;
import org.wayfarer.channel.wechat.account.AppIds;

/**
 * The field rules of a create command, all checked at once so the caller learns every problem in one answer. WeChat's
 * own limits are checked here because WxJava checks almost none of them before calling: it sends any scene length,
 * and turns a missing lifetime into 30 seconds.
 */
final class QrCodeRules {

    static final int MIN_EXPIRES_IN = 60;
    /** 30 days, WeChat's longest lifetime of a temporary code; also the default. */
    static final int MAX_EXPIRES_IN = 2_592_000;

    private QrCodeRules() {
    }

    static List<QrCodeProblem> check(CreateQrCode command) {
        List<QrCodeProblem> problems = new ArrayList<>();
        if (command == null) {
            problems.add(new QrCodeProblem("", "required", "QR code details are required"));
            return problems;
        }
        if (command.appId() == null || command.appId().isBlank()) {
            problems.add(new QrCodeProblem("appId", "required", "appId is required"));
        } else if (!AppIds.isValid(command.appId())) {
            problems.add(new QrCodeProblem("appId", "invalid-app-id",
                    "appId must be 'wx' followed by 16 hexadecimal digits"));
        }
        scene(command.scene(), problems);
        if (command.temporary() == null) {
            problems.add(new QrCodeProblem("temporary", "required",
                    "temporary is required: true for a temporary code, false for a permanent one"));
        } else if (command.expiresIn() != null) {
            if (!command.temporary()) {
                problems.add(new QrCodeProblem("expiresIn", "not-allowed",
                        "expiresIn applies to temporary codes only; leave it out for a permanent code"));
            } else if (command.expiresIn() < MIN_EXPIRES_IN || command.expiresIn() > MAX_EXPIRES_IN) {
                problems.add(new QrCodeProblem("expiresIn", "out-of-range", "expiresIn must be " + MIN_EXPIRES_IN
                        + " to " + MAX_EXPIRES_IN + " seconds (30 days)"));
            }
        }
        if (command.journeyId() != null && command.journeyId() <= 0) {
            problems.add(new QrCodeProblem("journeyId", "invalid", "journeyId must be a journey's id"));
        }
        return problems;
    }

    private static void scene(String scene, List<QrCodeProblem> problems) {
        if (scene == null || scene.isEmpty()) {
            problems.add(new QrCodeProblem("scene", "required", "scene is required (1 to " + Scenes.MAX_LENGTH
                    + " characters)"));
        } else if (scene.length() > Scenes.MAX_LENGTH) {
            problems.add(new QrCodeProblem("scene", "too-long", "scene must be at most " + Scenes.MAX_LENGTH
                    + " characters (WeChat's limit)"));
        } else if (!Scenes.isWellFormed(scene)) {
            problems.add(new QrCodeProblem("scene", "invalid-characters",
                    "scene must be printable ASCII characters without spaces"));
        } else if (Scenes.isReserved(scene)) {
            problems.add(new QrCodeProblem("scene", "reserved", "scenes starting with '" + Scenes.RESERVED_PREFIX
                    + "' are reserved for referral codes; choose another prefix"));
        }
    }
}
