package io.migkb.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexical outline of one DRL file, built without the Drools parser so that it survives the mistakes the parser
 * stumbles on: where each rule starts, its {@code when}, {@code then} and {@code end}, and the slips that make the
 * parser report a later line than the one to fix (a missing {@code end}, an unclosed string or parenthesis).
 * Comments and string contents are blanked in {@link #code}, keeping every offset and line.
 */
final class DrlOutline {
    private static final Pattern DECLARATION = Pattern.compile(
            "(rule|query|declare|function|import|global|package|when|then|end)\\b");
    private static final Pattern NAME = Pattern.compile("\\s*(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'([^'\\n]*)'|([^\\s\"']+))");

    /** One rule (or query, or declare block). Offsets into the file; -1 when absent. */
    record Block(String keyword, String name, int start, int when, int then, int end, int next) {
        boolean isRule() {
            return keyword.equals("rule") || keyword.equals("query");
        }
    }

    /** A slip found lexically, at an offset. */
    record Slip(int offset, String message, Block block, boolean spoilsRestOfFile) {
    }

    final String text;
    final char[] code;
    private final int[] lineStarts;
    final List<Block> blocks = new ArrayList<>();
    final List<Slip> slips = new ArrayList<>();

    DrlOutline(String text) {
        this.text = text;
        this.code = text.toCharArray();
        this.lineStarts = TextLines.starts(text);
        blankCommentsAndStrings();
        findBlocks();
        findUnbalancedParentheses();
    }

    int lineOf(int offset) {
        return TextLines.lineOf(lineStarts, offset);
    }

    /** 1-based column of an offset. */
    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line and column, clamped to the text. */
    int offsetOf(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** Offset where a 1-based line ends (its newline, or the end of the text). */
    int lineEnd(int line) {
        return line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    }

    /** 1-based column of the first non-blank character of a line, 1 when the line is blank. */
    int firstColumn(int line) {
        if (line < 1 || line > lineStarts.length) {
            return 1;
        }
        int start = lineStarts[line - 1];
        int end = lineEnd(line);
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i - start + 1;
            }
        }
        return 1;
    }

    /** The block (rule) whose text holds {@code offset}: from its keyword up to the next declaration. */
    Optional<Block> blockAt(int offset) {
        return blocks.stream().filter(b -> b.start() <= offset && offset < b.next()).findFirst();
    }

    Optional<Block> rule(String name) {
        return blocks.stream().filter(b -> b.isRule() && b.name().equals(name)).findFirst();
    }

    /**
     * The first occurrence of {@code word} as a whole identifier in code (not in a comment or a string) between
     * two offsets.
     */
    int findWord(String word, int from, int to) {
        if (word.isEmpty()) {
            return -1;
        }
        String codeText = new String(code);
        int end = Math.min(to, codeText.length());
        int i = Math.max(0, from);
        while (i <= end - word.length()) {
            int at = codeText.indexOf(word, i);
            if (at < 0 || at + word.length() > end) {
                return -1;
            }
            boolean startOk = at == 0 || !isIdentifierPart(codeText.charAt(at - 1)) || !isIdentifierPart(word.charAt(0));
            int after = at + word.length();
            boolean endOk = after >= codeText.length() || !isIdentifierPart(codeText.charAt(after))
                    || !isIdentifierPart(word.charAt(word.length() - 1));
            if (startOk && endOk) {
                return at;
            }
            i = at + 1;
        }
        return -1;
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void blankCommentsAndStrings() {
        int n = code.length;
        int i = 0;
        while (i < n) {
            char c = code[i];
            if (c == '/' && i + 1 < n && code[i + 1] == '/') {
                while (i < n && code[i] != '\n') {
                    code[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && code[i + 1] == '*') {
                while (i < n && !(code[i] == '*' && i + 1 < n && code[i + 1] == '/')) {
                    if (code[i] != '\n') {
                        code[i] = ' ';
                    }
                    i++;
                }
                if (i < n) {
                    code[i++] = ' ';
                    code[i++] = ' ';
                }
            } else if (c == '"' || c == '\'') {
                int open = i++;
                boolean closed = false;
                while (i < n && code[i] != '\n') {
                    if (code[i] == '\\' && i + 1 < n && code[i + 1] != '\n') {
                        code[i++] = ' ';
                        code[i++] = ' ';
                    } else if (code[i] == c) {
                        closed = true;
                        i++;
                        break;
                    } else {
                        code[i++] = ' ';
                    }
                }
                if (!closed) {
                    slips.add(new Slip(open, "this string is not closed on its line: "
                            + text.substring(open, Math.min(i, open + 60)).strip(), null, true));
                }
            } else {
                i++;
            }
        }
    }

    private void findBlocks() {
        Block open = null;
        int openWhen = -1;
        int openThen = -1;
        List<Block> pending = new ArrayList<>();
        for (int line = 1; line <= lineStarts.length; line++) {
            int at = lineStarts[line - 1];
            int end = lineEnd(line);
            while (at < end && Character.isWhitespace(code[at])) {
                at++;
            }
            Matcher m = DECLARATION.matcher(new String(code, at, end - at));
            if (!m.lookingAt()) {
                continue;
            }
            String keyword = m.group(1);
            switch (keyword) {
                case "when" -> {
                    if (open != null && openWhen < 0) {
                        openWhen = at;
                    }
                }
                case "then" -> {
                    if (open != null && openThen < 0) {
                        openThen = at;
                    }
                }
                case "end" -> {
                    if (open != null) {
                        pending.add(new Block(open.keyword(), open.name(), open.start(), openWhen, openThen, at, -1));
                        open = null;
                    }
                }
                default -> {
                    if (open != null) {
                        Block unfinished = new Block(open.keyword(), open.name(), open.start(), openWhen, openThen, -1, -1);
                        pending.add(unfinished);
                        slips.add(new Slip(open.start(), open.keyword() + " \"" + open.name() + "\" has no 'end': "
                                + keywordAt(at) + " starts at line " + line + " before it ends", unfinished, true));
                        open = null;
                    }
                    if (keyword.equals("rule") || keyword.equals("query") || keyword.equals("declare")) {
                        open = new Block(keyword, nameAfter(at + keyword.length()), at, -1, -1, -1, -1);
                        openWhen = -1;
                        openThen = -1;
                    }
                }
            }
        }
        if (open != null) {
            Block unfinished = new Block(open.keyword(), open.name(), open.start(), openWhen, openThen, -1, -1);
            pending.add(unfinished);
            slips.add(new Slip(open.start(), open.keyword() + " \"" + open.name() + "\" has no 'end': the file ends first",
                    unfinished, true));
        }
        for (int i = 0; i < pending.size(); i++) {
            Block b = pending.get(i);
            int next = i + 1 < pending.size() ? pending.get(i + 1).start() : text.length();
            blocks.add(new Block(b.keyword(), b.name(), b.start(), b.when(), b.then(), b.end(), next));
        }
        // The slips above point at blocks without their next offset; re-point them at the completed blocks.
        slips.replaceAll(s -> s.block() == null ? s : new Slip(s.offset(), s.message(),
                blocks.stream().filter(b -> b.start() == s.block().start()).findFirst().orElse(s.block()), s.spoilsRestOfFile()));
        for (Block b : blocks) {
            if (b.isRule() && b.keyword().equals("rule") && b.end() >= 0 && b.then() < 0) {
                slips.add(new Slip(b.start(), "rule \"" + b.name() + "\" has no 'then' before its 'end' at line "
                        + lineOf(b.end()), b, false));
            }
        }
    }

    private String keywordAt(int at) {
        Matcher m = DECLARATION.matcher(new String(code, at, Math.min(code.length - at, 40)));
        if (m.lookingAt() && !m.group(1).equals("rule")) {
            return "'" + m.group(1) + "'";
        }
        return "rule \"" + nameAfter(at + 4) + "\"";
    }

    private String nameAfter(int offset) {
        Matcher m = NAME.matcher(text);
        m.region(Math.min(offset, text.length()), text.length());
        if (m.lookingAt()) {
            return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }
        return "?";
    }

    /** In each rule's conditions (when to then) and consequence (then to end): a '(' never closed, a ')' never opened. */
    private void findUnbalancedParentheses() {
        for (Block b : blocks) {
            if (!b.isRule()) {
                continue;
            }
            int stop = b.end() >= 0 ? b.end() : b.next();
            if (b.when() >= 0) {
                checkParentheses(b, b.when() + 4, b.then() >= 0 ? b.then() : stop, "'then'");
            }
            if (b.then() >= 0) {
                checkParentheses(b, b.then() + 4, stop, "'end'");
            }
        }
    }

    private void checkParentheses(Block b, int from, int to, String closer) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = from; i < to && i < code.length; i++) {
            if (code[i] == '(') {
                open.push(i);
            } else if (code[i] == ')') {
                if (open.isEmpty()) {
                    slips.add(new Slip(i, "rule \"" + b.name() + "\": this ')' has no matching '('", b, false));
                    return;
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            slips.add(new Slip(open.peek(), "rule \"" + b.name() + "\": this '(' is not closed before " + closer, b, false));
        }
    }
}
