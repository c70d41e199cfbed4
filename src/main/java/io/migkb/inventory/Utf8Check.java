package io.migkb.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the first byte sequence in a file that is not UTF-8: to tell UTF-8 from Windows-1252, and for messages. */
final class Utf8Check {
    private Utf8Check() {
    }

    /** The line and column (packed as {@code line << 32 | column}) of the first invalid UTF-8, or -1. */
    static long firstMalformed(Path file) {
        return isAscii(file) ? -1 : firstMalformedDecoded(file);
    }

    /**
     * True when no byte of the file has its high bit set: plain ASCII is UTF-8, and most exports are, so the decoder
     * (a third of the CSV read's time on a large file) runs only for files that need it.
     */
    private static boolean isAscii(Path file) {
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                int i = 0;
                // eight bytes at a time: a third of this check's time on a large file went to byte-by-byte tests
                for (; i + 8 <= n; i += 8) {
                    if (((long) LONGS.get(chunk, i) & 0x8080808080808080L) != 0) {
                        return false;
                    }
                }
                for (; i < n; i++) {
                    if (chunk[i] < 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static long firstMalformedDecoded(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        int line = 1;
        int column = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return InventoryAssembler.pos(line, column);
                }
                bytes.compact();
                if (end && !result.isOverflow()) {
                    return -1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
