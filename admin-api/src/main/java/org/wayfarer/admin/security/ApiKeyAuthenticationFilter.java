package org.wayfarer.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>} and, when the key is valid, authenticates the request for its duration
 * (nothing is kept in a session). A missing or invalid key leaves the request anonymous: public paths still work,
 * protected ones end in the authentication entry point (401), which reads {@link #INVALID_KEY} to say why.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute set when a key was presented but not accepted. */
    static final String INVALID_KEY = ApiKeyAuthenticationFilter.class.getName() + ".invalid";

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authenticationManager;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(AuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            authenticate(request, header);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(HttpServletRequest request, String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.setAttribute(INVALID_KEY, Boolean.TRUE);
            return;
        }
        String key = header.substring(BEARER.length()).strip();
        try {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authenticationManager.authenticate(ApiKeyAuthentication.unauthenticated(key)));
            contexts.setContext(context);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            request.setAttribute(INVALID_KEY, Boolean.TRUE);
        }
    }
}
