package org.wayfarer.admin.wechat;

import io.swagger.v3.oas.annotations.media.Schema;

/** A scene QR code to create. */
public record CreateQrCodeRequest(
        @Schema(description = "An official account connected to your tenant", example = "wx1234567890abcdef",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String appId,
        @Schema(description = "WeChat's scene_str, seen by journeys as event.scene: 1 to 64 printable ASCII "
                + "characters without spaces; 'ref_...' is reserved for referral codes", example = "store_001",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String scene,
        @Schema(description = "true: a temporary code, re-issued before it expires; false: a permanent one (at most "
                + "100,000 per account, never freed)", requiredMode = Schema.RequiredMode.REQUIRED)
        Boolean temporary,
        @Schema(description = "Temporary codes only: lifetime of each ticket in seconds, 60 to 2592000 (30 days, "
                + "the default)", example = "2592000")
        Integer expiresIn,
        @Schema(description = "Optional id of one of your journeys to show the code with (display only: journeys "
                + "trigger on the scene)", example = "7243519830371356672")
        String journeyId) {
}
