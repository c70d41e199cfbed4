package io.migkb.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A meeting URL's scheme, read for every meeting of every inventory. */
class UrlSchemeTest {
    @Test
    void theSchemeIsTheTextBeforeTheFirstColonInAnyCaseSpacesAroundIgnored() {
        assertThat(UrlScheme.of("conf:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:K9Q1")).hasValue(UrlScheme.CONF);
        assertThat(UrlScheme.of("MEET:sip:alice@contoso.com")).hasValue(UrlScheme.MEET);
        assertThat(UrlScheme.of("  Https :// meet.contoso.com/alice/K9Q1")).hasValue(UrlScheme.HTTPS);
        assertThat(UrlScheme.of("https://meet.contoso.com/alice/K9Q1").get().isLegacy()).isFalse();
    }

    @Test
    void noColonAnEmptySchemeOrOneMeetingsDoNotUseIsNone() {
        assertThat(UrlScheme.of("meet.contoso.com/alice")).isEmpty();
        assertThat(UrlScheme.of(":conf")).isEmpty();
        assertThat(UrlScheme.of(" :conf")).isEmpty();
        assertThat(UrlScheme.of("http://meet.contoso.com/alice")).isEmpty();
        assertThat(UrlScheme.of("httpss://meet.contoso.com/alice")).isEmpty();
        assertThat(UrlScheme.of("sip:alice@contoso.com")).isEmpty();
        assertThat(UrlScheme.of("")).isEmpty();
    }
}
