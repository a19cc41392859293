package org.wayfarer.admin.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A bearer API key on its way through Spring Security: first unauthenticated, carrying the presented key; then
 * authenticated, carrying the {@link ApiCaller} and the authorities of its role, with the key erased.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private String presentedKey;
    private final ApiCaller caller;

    private ApiKeyAuthentication(String presentedKey, ApiCaller caller) {
        super(caller == null ? List.of() : caller.role().authorities());
        this.presentedKey = presentedKey;
        this.caller = caller;
        super.setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(presentedKey, null);
    }

    static ApiKeyAuthentication authenticated(ApiCaller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    /** The {@link ApiCaller} once authenticated, else null. */
    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : "api-key:" + caller.keyId();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only the API key provider authenticates an API key");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presentedKey = null;
    }
}
