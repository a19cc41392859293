package org.wayfarer.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wayfarer.admin.*}.
 *
 * @param bootstrapKey an ADMIN API key for tenant 1 to make sure exists at start-up; null or blank: generate one
 *                     (printed once) if the tenant has no key at all
 */
@ConfigurationProperties("wayfarer.admin")
public record AdminProperties(String bootstrapKey) {

    @Override
    public String toString() {
        return "AdminProperties[bootstrapKey=" + (bootstrapKey == null ? "unset" : "set") + "]";
    }
}
