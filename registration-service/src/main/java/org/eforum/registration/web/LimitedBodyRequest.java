package org.eforum.registration.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body stream fails once more than {@code limit} bytes have been read. */
class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final int limit;
    private long read;
    private boolean exceeded;
    private ServletInputStream stream;

    LimitedBodyRequest(HttpServletRequest request, int limit) {
        super(request);
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream delegate = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = delegate.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = delegate.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return delegate.isFinished();
                }

                @Override
                public boolean isReady() {
                    return delegate.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    delegate.setReadListener(listener);
                }
            };
        }
        return stream;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > limit) {
            exceeded = true;
            throw new IOException("request body exceeds " + limit + " bytes");
        }
    }
}
