package org.opregister.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Text to a byte stream in UTF-8 through a buffer of its own, as {@link String#getBytes} encodes each piece written
 * (a lone surrogate becomes {@code ?}; a surrogate pair split over two writes would too, which a CSV line never is),
 * without a writer's per-call encoder and the copies in between: an export's lines are nearly all ASCII and were a
 * tenth of its time going through {@code BufferedWriter} and the encoder.
 */
final class Utf8Output {

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int used;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    void write(CharSequence text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            if (used > buffer.length - 4) {
                drain();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                buffer[used++] = (byte) (0xE0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                buffer[used++] = (byte) (0xF0 | point >> 18);
                buffer[used++] = (byte) (0x80 | point >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | point >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | point & 0x3F);
            } else {
                buffer[used++] = '?';
            }
        }
    }

    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used = 0;
    }
}
