package org.scriptorium.web.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back a text response's body so that it can be tagged, compressed and cached before it is sent.
 * Whether to hold it back is decided at the first byte written: text types are buffered (up to a limit,
 * past which the body streams through after all), anything else (images, fonts) streams straight to the
 * client with its own Content-Length. Errors and redirects sent with {@code sendError}/{@code sendRedirect}
 * go to the container untouched. Headers and status are set on the wrapped response as usual; only
 * Content-Length is kept back while buffering.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** Faces closes the writer after rendering, which flushed it; flushing a closed one throws and catches. */
    private boolean writerClosed;
    private boolean decided;
    private boolean passThrough;
    private boolean handedToContainer;
    private long contentLength = -1;

    BufferedResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** Whether the body is held here (and must be sent by the caller), as opposed to already on its way. */
    boolean isBuffered() {
        return !passThrough && !handedToContainer;
    }

    /** The held-back body; call {@link #finish()} first. */
    byte[] body() {
        return buffer.toByteArray();
    }

    /** Flushes what the application wrote into the buffer (or through, when passing through). */
    void finish() throws IOException {
        if (writer != null && !writerClosed) {
            writer.flush();
        }
        if (passThrough) {
            getResponse().flushBuffer();
        }
    }

    private HttpServletResponse wrapped() {
        return (HttpServletResponse) getResponse();
    }

    private void decide() {
        if (!decided) {
            decided = true;
            passThrough = handedToContainer || !Gzip.compressible(getContentType());
            if (passThrough && contentLength >= 0) {
                wrapped().setContentLengthLong(contentLength);
            }
        }
    }

    private void spill() throws IOException {
        passThrough = true;
        ServletOutputStream out = wrapped().getOutputStream();
        buffer.writeTo(out);
        buffer.reset();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new HoldingStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            stream = new HoldingStream();
            writer = new PrintWriter(new OutputStreamWriter(stream, charset), false) {
                @Override
                public void close() {
                    writerClosed = true;
                    super.close();
                }
            };
        }
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
        if (decided && passThrough) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setContentLengthLong(value);
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        handedToContainer = true;
        buffer.reset();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        handedToContainer = true;
        buffer.reset();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        handedToContainer = true;
        buffer.reset();
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!isBuffered()) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        buffer.reset();
        contentLength = -1;
        super.reset();
    }

    /** Writes into the buffer, or through to the client once the body turned out not to be held back. */
    private final class HoldingStream extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            decide();
            if (!passThrough && buffer.size() + len > limit) {
                spill();
            }
            if (passThrough) {
                wrapped().getOutputStream().write(b, off, len);
            } else {
                buffer.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (passThrough) {
                wrapped().getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Asynchronous output is not supported on buffered pages");
        }
    }
}
