package org.wayfarer.admin.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.wayfarer.admin.problem.BodyTooLargeException;

/**
 * A request whose body stream fails with {@link BodyTooLargeException} as soon as more than the limit has been read,
 * whatever the Content-Length said (a chunked body has none). Reads at most one byte past the limit.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private LimitedInputStream body;
    private BufferedReader reader;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new LimitedInputStream(super.getInputStream(), limit);
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    /** Whether reading went past the limit. */
    boolean exceeded() {
        return body != null && body.exceeded;
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;
        private boolean exceeded;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            checkNotExceeded();
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkNotExceeded();
            if (length == 0) {
                return 0;
            }
            // never ask for more than one byte past the limit: that byte is enough to know the body is too large
            int n = in.read(buffer, offset, (int) Math.min(length, limit + 1 - read));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        private void checkNotExceeded() throws BodyTooLargeException {
            if (exceeded) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
