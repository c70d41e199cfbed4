package io.migkb.inventory;

/**
 * The check every reader's SIP addresses pass once, where the assembler declares them: {@code user@domain}, one
 * {@code @}, a domain of labels, nothing that is whitespace, a control character or markup. One pass over the
 * characters, no allocation unless the address is wrong: an export of a million users reads at the same speed.
 */
final class SipAddresses {
    private SipAddresses() {
    }

    /** Why {@code sip} is not a SIP address (a message for the user), or null when it is one. */
    static String problem(String sip) {
        int at = -1;
        for (int i = 0; i < sip.length(); i++) {
            char c = sip.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return quoted(sip) + " has more than one @; a SIP address is user@domain, e.g. alice@contoso.com";
                }
                at = i;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return quoted(sip) + " holds a space" + (i == 0 || i == sip.length() - 1 ? " at its "
                        + (i == 0 ? "start" : "end") : "") + "; a SIP address has none, e.g. alice@contoso.com";
            } else if (Character.isISOControl(c) || "<>\"(),;:\\[]".indexOf(c) >= 0) {
                return quoted(sip) + " holds " + describe(c) + ", which no SIP address has; write user@domain,"
                        + " e.g. alice@contoso.com";
            }
        }
        if (at < 0) {
            return quoted(sip) + " is not a SIP address: it has no @; write user@domain, e.g. alice@contoso.com";
        }
        if (at == 0) {
            return quoted(sip) + " has no user before the @; write user@domain, e.g. alice@contoso.com";
        }
        if (at == sip.length() - 1) {
            return quoted(sip) + " has no domain after the @; write user@domain, e.g. alice@contoso.com";
        }
        char first = sip.charAt(at + 1);
        char last = sip.charAt(sip.length() - 1);
        if (first == '.' || first == '-' || last == '.' || last == '-' || sip.indexOf("..", at) >= 0) {
            return quoted(sip) + " has a malformed domain (an empty label, or one that starts or ends with - or .);"
                    + " e.g. alice@contoso.com";
        }
        return null;
    }

    private static String quoted(String sip) {
        return "SIP address \"" + sip + "\"";
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }
}
