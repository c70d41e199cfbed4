package io.migkb.model;

import java.util.Locale;

/** SIP address helpers. */
public final class Sip {
    private Sip() {
    }

    /** The domain of "alice@contoso.com" is "contoso.com"; an address without '@' is its own domain. */
    public static String domainOf(String sip) {
        int at = sip.lastIndexOf('@');
        return (at < 0 ? sip : sip.substring(at + 1)).toLowerCase(Locale.ROOT);
    }
}
