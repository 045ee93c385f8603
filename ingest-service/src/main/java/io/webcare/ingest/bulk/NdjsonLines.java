package io.webcare.ingest.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an NDJSON body one line at a time, straight from the request stream, holding at most one line (of at most
 * {@code maxLineBytes}) in memory. A longer line is skipped to its end and reported as too long; a line that is not
 * UTF-8 is reported as such. Lines end with {@code \n}; a {@code \r} before it is dropped.
 */
final class NdjsonLines {
    /** One line: its number (from 1) and its text, or why it could not be read. */
    record Line(long number, String text, String unreadable) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;
    private byte[] line = new byte[1024];

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break; // a last line without a newline
                }
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (length == maxLineBytes) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
            }
            line[length++] = b;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "the line is longer than " + maxLineBytes + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "the line is not UTF-8");
        }
    }
}
