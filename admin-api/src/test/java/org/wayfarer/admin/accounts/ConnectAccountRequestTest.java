package org.wayfarer.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectAccountRequestTest {

    @Test
    void keepsSecretsOutOfToString() {
        String shown = new ConnectAccountRequest("wx1234567890abcdef", "Brand", "app-secret", "cb-token", "aes-key")
                .toString();

        assertThat(shown).contains("wx1234567890abcdef", "Brand").doesNotContain("app-secret", "cb-token", "aes-key");
    }
}
