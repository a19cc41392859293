package org.wayfarer.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void hashesAsLowerCaseHexSha256() {
        // FIPS 180-2 test vector for "abc".
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void generatesUrlSafeKeysWithPrefix() {
        SecureRandom random = new SecureRandom();
        String first = ApiKeys.generate(random);
        String second = ApiKeys.generate(random);

        assertThat(first).matches("wf_[A-Za-z0-9_-]{32}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void showsOnlyTheStartOfLongKeys() {
        assertThat(ApiKeys.displayPrefix("wf_AbCdEfGhIjKlMnOpQrStUvWxYz012345")).isEqualTo("wf_AbCd");
        assertThat(ApiKeys.displayPrefix("my-own-long-secret-key")).isEqualTo("my-o");
        assertThat(ApiKeys.displayPrefix("short-key")).isEmpty();
    }
}
