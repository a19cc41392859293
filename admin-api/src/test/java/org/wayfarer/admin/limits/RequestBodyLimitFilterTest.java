package org.wayfarer.admin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.wayfarer.admin.problem.BodyTooLargeException;
import org.wayfarer.admin.problem.ProblemJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The body cap on its own: refused by Content-Length before reading, or while reading a body without one. */
class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, new ProblemJson(JSON));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void refusesADeclaredContentLengthOverTheLimitWithoutCallingTheChain() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        filter.doFilter(request(new byte[LIMIT + 1], true), response, (req, res) -> calls.incrementAndGet());

        assertThat(calls).hasValue(0);
        assertTooLarge();
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws Exception {
        AtomicReference<byte[]> read = new AtomicReference<>();

        filter.doFilter(request(new byte[LIMIT], false), response, (req, res) ->
                read.set(req.getInputStream().readAllBytes()));

        assertThat(read.get()).hasSize(LIMIT);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void failsTheReadOneBytePastTheLimitWhenNoLengthWasDeclared() throws Exception {
        CountingBody body = new CountingBody(10 * LIMIT);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        filter.doFilter(chunked(body), response, (req, res) -> {
            InputStream in = req.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // keep reading, like a JSON parser would
                }
            } catch (BodyTooLargeException e) {
                failure.set(e);
            }
        });

        assertThat(failure.get()).isInstanceOf(BodyTooLargeException.class)
                .hasMessage("The request body is larger than the limit of 1000 bytes.");
        assertThat(body.served).as("bytes taken from the client").isEqualTo(LIMIT + 1);
    }

    @Test
    void limitsTheReaderAndSingleByteReadsToo() throws Exception {
        filter.doFilter(chunked(new CountingBody(2 * LIMIT)), response, (req, res) -> {
            Reader reader = req.getReader();
            assertThatThrownBy(() -> {
                while (reader.read() >= 0) {
                    // drain
                }
            }).isInstanceOf(BodyTooLargeException.class);
        });
        filter.doFilter(chunked(new CountingBody(2 * LIMIT)), new MockHttpServletResponse(), (req, res) -> {
            InputStream in = req.getInputStream();
            assertThatThrownBy(() -> {
                while (in.read() >= 0) {
                    // drain
                }
            }).isInstanceOf(BodyTooLargeException.class);
            assertThatThrownBy(in::read).as("stays failed").isInstanceOf(BodyTooLargeException.class);
        });
    }

    @Test
    void answers413ItselfWhenTheFailureEscapesTheChain() throws Exception {
        FilterChain chainThatLetsItThrough = (req, res) -> {
            try {
                req.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new ServletException("a reader outside Spring MVC", e);
            }
        };

        filter.doFilter(chunked(new CountingBody(2 * LIMIT)), response, chainThatLetsItThrough);

        assertTooLarge();
    }

    @Test
    void passesOtherFailuresOn() {
        FilterChain failing = (req, res) -> {
            throw new IOException("client went away");
        };

        assertThatThrownBy(() -> filter.doFilter(request(new byte[10], true), response, failing))
                .isInstanceOf(IOException.class).hasMessage("client went away");
    }

    private void assertTooLarge() throws Exception {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains("1000 bytes");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/events");
    }

    private static MockHttpServletRequest request(byte[] body, boolean declareLength) {
        MockHttpServletRequest request = declareLength ? new MockHttpServletRequest("POST", "/api/v1/events")
                : new ChunkedRequest();
        request.setContent(body);
        request.setContentType("application/json");
        return request;
    }

    private static HttpServletRequest chunked(CountingBody body) {
        ChunkedRequest request = new ChunkedRequest();
        request.body = body;
        return request;
    }

    /** A request without Content-Length, like a chunked one. */
    private static final class ChunkedRequest extends MockHttpServletRequest {

        CountingBody body;

        ChunkedRequest() {
            super("POST", "/api/v1/events");
            setContentType("application/json");
            setCharacterEncoding("UTF-8");
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (body == null) {
                return super.getInputStream();
            }
            return new DelegatingServletInputStream(body);
        }
    }

    /** An endless-enough body that counts what was taken from it. */
    private static final class CountingBody extends InputStream {

        private final int size;
        int served;

        CountingBody(int size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = Math.min(length, size - served);
            if (n <= 0) {
                return -1;
            }
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            served += n;
            return n;
        }
    }
}
