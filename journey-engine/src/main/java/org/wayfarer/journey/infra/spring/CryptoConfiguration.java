package org.wayfarer.journey.infra.spring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.wayfarer.journey.crypto.SecretCipher;

/**
 * Provides the {@link SecretCipher} that encrypts secrets at rest.
 *
 * <p>The key comes from {@code wayfarer.crypto.key} (standard base64 of 32 random bytes, e.g. {@code openssl rand
 * -base64 32}). When that property is unset (the embedded, one-command default) the key is read from
 * {@code ${wayfarer.data-dir:./data}/secret.key}, which is created with a random key on first start, readable by the
 * owner only where the file system supports POSIX permissions. A warning says so on every start: a key file next to
 * the data it protects is a convenience, not a production setup. The key itself is never logged.
 */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    /** Property holding the base64 encoded 32-byte key. */
    public static final String KEY_PROPERTY = "wayfarer.crypto.key";
    /** Directory of the embedded mode's files; the fallback key file lives there. */
    public static final String DATA_DIR_PROPERTY = "wayfarer.data-dir";

    static final String KEY_FILE_NAME = "secret.key";

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    public SecretCipher secretCipher(Environment environment) {
        String configured = environment.getProperty(KEY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                return SecretCipher.fromBase64Key(configured);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KEY_PROPERTY + " is invalid: " + e.getMessage()
                        + " (expected standard base64 of 32 random bytes)");
            }
        }
        Path keyFile = Path.of(environment.getProperty(DATA_DIR_PROPERTY, "./data")).resolve(KEY_FILE_NAME);
        boolean created = createIfAbsent(keyFile);
        log.warn("{} is not set: secrets are encrypted with the key in {} ({}). Set {} in production and keep the key "
                        + "out of the data directory.", KEY_PROPERTY, keyFile.toAbsolutePath().normalize(),
                created ? "created now" : "existing file", KEY_PROPERTY);
        return read(keyFile);
    }

    /** Creates the key file with a fresh random key unless it exists; returns whether it was created. */
    static boolean createIfAbsent(Path keyFile) {
        if (Files.exists(keyFile)) {
            return false;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path dir = keyFile.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // Written under a temporary name first so nobody ever reads a half-written key file.
            temp = ownerOnlyTempFile(dir);
            Files.write(temp, content);
            Files.move(temp, keyFile);
            temp = null;
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key file " + keyFile, e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(content, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the temporary file is owner-only
                }
            }
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, KEY_FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path temp = Files.createTempFile(dir, KEY_FILE_NAME, ".tmp");
        File file = temp.toFile();
        // Best effort on file systems without POSIX permissions: drop access for everyone, give it back to the owner.
        boolean restricted = file.setReadable(false, false) & file.setReadable(true, true)
                & file.setWritable(false, false) & file.setWritable(true, true);
        if (!restricted) {
            log.debug("could not restrict permissions of {}", temp);
        }
        return temp;
    }

    private static SecretCipher read(Path keyFile) {
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + keyFile, e);
        }
        try {
            return SecretCipher.fromBase64Key(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key file " + keyFile + " is invalid: " + e.getMessage());
        }
    }
}
