package org.wayfarer.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.wayfarer.admin.problem.ProblemJson;

/** Answers 401 as {@code application/problem+json} with an RFC 6750 {@code WWW-Authenticate: Bearer} challenge. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemJson problems;

    ProblemAuthenticationEntryPoint(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getAttribute(ApiKeyAuthenticationFilter.INVALID_KEY) != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "The API key is not valid. Send 'Authorization: Bearer <key>' with an active key.");
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "An API key is required. Send 'Authorization: Bearer <key>'.");
        }
    }
}
