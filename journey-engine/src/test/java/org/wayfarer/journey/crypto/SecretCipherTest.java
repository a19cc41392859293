package org.wayfarer.journey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] KEY = bytes(32, 7);
    private static final byte[] OTHER_KEY = bytes(32, 8);

    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt("app-secret-0123456789abcdef 中文");

        assertThat(sealed).startsWith("v1:").doesNotContain("app-secret");
        assertThat(cipher.decrypt(sealed)).isEqualTo("app-secret-0123456789abcdef 中文");
    }

    @Test
    void encryptsTheEmptyString() {
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void usesAFreshIvForEveryValue() {
        String first = cipher.encrypt("same");
        String second = cipher.encrypt("same");

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertThat(a).hasSize(12 + 4 + 16);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void detectsATamperedCiphertext() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("secret").substring(3));
        raw[raw.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void detectsATamperedIv() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("secret").substring(3));
        raw[0] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        String sealed = cipher.encrypt("secret");

        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another key");
    }

    @Test
    void rejectsValuesThatAreNotInTheV1Format() {
        assertThatThrownBy(() -> cipher.decrypt("plaintext")).hasMessageContaining("not a v1");
        assertThatThrownBy(() -> cipher.decrypt("v1:***")).hasMessageContaining("base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).hasMessageContaining("truncated");
    }

    @Test
    void acceptsOnly32ByteKeys() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void readsABase64Key() {
        String base64 = Base64.getEncoder().encodeToString(KEY);

        SecretCipher fromText = SecretCipher.fromBase64Key(" " + base64 + "\n");

        assertThat(cipher.decrypt(fromText.encrypt("x"))).isEqualTo("x");
    }

    @Test
    void neverShowsTheKey() {
        String base64 = Base64.getEncoder().encodeToString(KEY);

        assertThat(cipher.toString()).doesNotContain(base64).contains("redacted");
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(base64.substring(4)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64.substring(4)));
    }

    @Test
    void copiesTheKeySoTheCallerMayWipeIt() {
        byte[] key = bytes(32, 3);
        SecretCipher copy = new SecretCipher(key);
        String sealed = copy.encrypt("x");

        java.util.Arrays.fill(key, (byte) 0);

        assertThat(copy.decrypt(sealed)).isEqualTo("x");
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
