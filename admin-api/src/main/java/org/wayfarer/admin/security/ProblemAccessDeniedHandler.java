package org.wayfarer.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.wayfarer.admin.problem.ProblemJson;

/** Answers 403 as {@code application/problem+json}, naming the caller's role. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemJson problems;

    ProblemAccessDeniedHandler(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext()
                .getAuthentication();
        String who = authentication != null && authentication.getPrincipal() instanceof ApiCaller
                ? "A " + ((ApiCaller) authentication.getPrincipal()).role().name() + " key"
                : "This key";
        problems.write(request, response, HttpStatus.FORBIDDEN,
                who + " may not " + request.getMethod() + " " + request.getRequestURI() + ".");
    }
}
