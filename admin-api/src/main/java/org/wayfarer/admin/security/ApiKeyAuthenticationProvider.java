package org.wayfarer.admin.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a presented API key by looking its hash up. Unknown and revoked keys fail the same way, so a caller
 * cannot tell them apart.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyStore keys;

    ApiKeyAuthenticationProvider(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object presented = authentication.getCredentials();
        if (!(presented instanceof String) || ((String) presented).isEmpty()) {
            throw new BadCredentialsException("no API key");
        }
        ApiKey key = keys.findByHash(ApiKeys.hash((String) presented))
                .filter(ApiKey::active)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
        return ApiKeyAuthentication.authenticated(new ApiCaller(key.tenantId(), key.id(), key.role()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
