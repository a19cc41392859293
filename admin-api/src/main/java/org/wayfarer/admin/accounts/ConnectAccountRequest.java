package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/** An official account to connect. The secrets are passed on and never returned or logged. */
public record ConnectAccountRequest(
        @Schema(example = "wx1234567890abcdef", requiredMode = Schema.RequiredMode.REQUIRED)
        String appId,
        @Schema(example = "Brand Service Account", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "AppSecret", requiredMode = Schema.RequiredMode.REQUIRED)
        String secret,
        @Schema(description = "callback Token", requiredMode = Schema.RequiredMode.REQUIRED)
        String token,
        @Schema(description = "EncodingAESKey (43 characters); omit for plain (non-encrypted) mode")
        String aesKey) {

    /** Spring MVC logs bound request bodies at DEBUG; keep the secrets out of that. */
    @Override
    public String toString() {
        return "ConnectAccountRequest[appId=" + appId + ", name=" + name + ", secrets masked]";
    }
}
