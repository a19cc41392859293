package org.wayfarer.admin.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wayfarer.admin.problem.BodyTooLargeException;
import org.wayfarer.admin.problem.ProblemJson;

/**
 * Caps request bodies before anything reads them: a declared Content-Length over the limit gets 413 at once, without
 * reading a byte (and before authentication); any other body is read through a stream that fails with
 * {@link BodyTooLargeException} one byte past the limit. Spring MVC turns that failure into a 413 problem (see
 * {@code ApiExceptionHandler}); if it escapes the chain instead (a reader outside MVC), this filter answers 413 itself
 * while the response is still unwritten.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemJson problems;

    RequestBodyLimitFilter(long limit, ProblemJson problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (BodyTooLargeException.in(e).isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, new BodyTooLargeException(limit).getMessage());
    }
}
