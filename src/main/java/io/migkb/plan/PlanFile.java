package io.migkb.plan;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of a written plan: its name (no folder) and its bytes.
 */
public record PlanFile(String name, byte[] content) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public PlanFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** A UTF-8 text file. */
    public static PlanFile utf8(String name, String text) {
        return new PlanFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A UTF-8 text file that starts with a byte-order mark: Windows PowerShell 3.0 (the Lync Server 2013 Management
     * Shell) reads a script without one in the system's ANSI code page, which would garble any non-ASCII character.
     */
    public static PlanFile utf8WithBom(String name, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
        return new PlanFile(name, all);
    }

    /** The content as text, without a byte-order mark. */
    public String text() {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
