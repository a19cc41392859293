package org.wayfarer.journey.infra.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.wayfarer.journey.crypto.SecretCipher;

@ExtendWith(OutputCaptureExtension.class)
class CryptoConfigurationIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CryptoConfiguration.class);

    @Test
    void usesTheConfiguredKey(@TempDir Path dataDir) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);

        runner.withPropertyValues("wayfarer.crypto.key=" + base64, "wayfarer.data-dir=" + dataDir)
                .run(context -> {
                    String sealed = context.getBean(SecretCipher.class).encrypt("s3cret");
                    assertThat(new SecretCipher(key).decrypt(sealed)).isEqualTo("s3cret");
                    assertThat(dataDir.resolve("secret.key")).doesNotExist();
                });
    }

    @Test
    void failsToStartWithAnInvalidKey() {
        runner.withPropertyValues("wayfarer.crypto.key=dG9vIHNob3J0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("wayfarer.crypto.key is invalid"));
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnFirstStartAndReusesIt(@TempDir Path tmp, CapturedOutput output)
            throws Exception {
        Path dataDir = tmp.resolve("data");
        String[] sealed = new String[1];

        runner.withPropertyValues("wayfarer.data-dir=" + dataDir)
                .run(context -> sealed[0] = context.getBean(SecretCipher.class).encrypt("kept"));

        Path keyFile = dataDir.resolve("secret.key");
        assertThat(keyFile).exists();
        String key = Files.readString(keyFile).strip();
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(keyFile);
        }
        assertThat(output.getOut()).contains("WARN").contains("Set wayfarer.crypto.key in production")
                .doesNotContain(key);

        runner.withPropertyValues("wayfarer.data-dir=" + dataDir)
                .run(context -> assertThat(context.getBean(SecretCipher.class).decrypt(sealed[0])).isEqualTo("kept"));
        assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
    }
}
