package org.wayfarer.channel.wechat.qrcode;

/**
 * Command to create a scene QR code; validated by {@link QrCodes#create}.
 *
 * @param appId     an official account the tenant connected ({@code wx} + 16 hex digits, any case)
 * @param scene     WeChat's {@code scene_str}: 1..64 printable ASCII characters without spaces, not starting with
 *                  {@code ref_} (reserved for referral codes); journeys see it as {@code event.scene}
 * @param temporary {@code true}: a temporary code ({@code QR_STR_SCENE}), re-issued before it expires;
 *                  {@code false}: a permanent one ({@code QR_LIMIT_STR_SCENE}); required
 * @param expiresIn lifetime of each ticket of a temporary code in seconds, 60..2592000 ({@code null}: 2592000, 30
 *                  days); must be {@code null} for a permanent code
 * @param journeyId a journey of the tenant the code is shown with ({@code null}: none); attribution display only,
 *                  journeys trigger on the scene
 */
public record CreateQrCode(String appId, String scene, Boolean temporary, Integer expiresIn, Long journeyId) {
}
