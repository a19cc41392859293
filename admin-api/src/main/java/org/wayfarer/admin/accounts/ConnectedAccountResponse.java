package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A connected official account; never carries its secrets. */
public record ConnectedAccountResponse(
        String appId,
        String name,
        @Schema(description = "true when callbacks are encrypted (an EncodingAESKey was given)")
        boolean safeMode,
        Instant connectedAt,
        @Schema(description = "URL to enter as the server address in the WeChat console",
                example = "https://wayfarer.example/callbacks/wechat/mp/wx1234567890abcdef")
        String callbackUrl) {
}
