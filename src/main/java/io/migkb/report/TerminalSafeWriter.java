package io.migkb.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for text that reaches a terminal (the table report, standard error): a control character that could
 * drive the terminal (ESC, BEL, the C1 controls, DEL...) never passes, so a hostile value from an inventory cannot
 * retitle, clear or rewrite the user's screen. Tab and line feed pass; what else becomes is the caller's choice.
 */
public final class TerminalSafeWriter extends FilterWriter {
    /** How an unsafe character is shown. */
    public enum Replacement {
        /** U+FFFD, as the other report formats do; a carriage return too. */
        REPLACEMENT_CHARACTER,
        /** Its code, {@code \u001B}, for messages about the input; a carriage return passes (the progress bar's). */
        CODE
    }

    private final Replacement replacement;

    public TerminalSafeWriter(Writer out, Replacement replacement) {
        super(out);
        this.replacement = replacement;
    }

    /** A control character other than tab and line feed (carriage return included), DEL or a C1 control. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    private boolean unsafe(char c) {
        return isControl(c) && !(c == '\r' && replacement == Replacement.CODE);
    }

    @Override
    public void write(int c) throws IOException {
        if (!unsafe((char) c)) {
            out.write(c);
        } else if (replacement == Replacement.CODE) {
            out.write(String.format("\\u%04X", c));
        } else {
            out.write('\uFFFD');
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (unsafe(cbuf[i])) {
                out.write(cbuf, start, i - start);
                write(cbuf[i]);
                start = i + 1;
            }
        }
        out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (unsafe(str.charAt(i))) {
                out.write(str, start, i - start);
                write(str.charAt(i));
                start = i + 1;
            }
        }
        out.write(str, start, end - start);
    }
}
