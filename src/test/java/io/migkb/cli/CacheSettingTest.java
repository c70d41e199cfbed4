package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.RuleCache;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the command line keeps compiled rules: MIGKB_CACHE (or -Dmigkb.cache), XDG, ~/.cache, or nowhere. */
class CacheSettingTest {
    @Test
    void offInAnyCaseDisablesTheCache() {
        for (String off : new String[] {"off", "OFF", "false", "no", "0", " none "}) {
            assertThat(CacheSetting.of(null, Map.of("MIGKB_CACHE", off), "/home/c").enabled()).as(off).isFalse();
        }
        assertThat(CacheSetting.of("off", Map.of("MIGKB_CACHE", "/tmp/c"), "/home/c").enabled()).isFalse();
    }

    @Test
    void aFolderNamedByTheVariableOrThePropertyIsUsed() {
        assertThat(folder(CacheSetting.of(null, Map.of("MIGKB_CACHE", "/tmp/rules-cache"), "/home/c")))
                .isEqualTo(Path.of("/tmp/rules-cache"));
        assertThat(folder(CacheSetting.of("/tmp/p", Map.of("MIGKB_CACHE", "/tmp/e"), "/home/c")))
                .isEqualTo(Path.of("/tmp/p"));
    }

    @Test
    void byDefaultTheXdgCacheElseTheHomeCache() {
        assertThat(folder(CacheSetting.of(null, Map.of("XDG_CACHE_HOME", "/var/cache/c"), "/home/c")))
                .isEqualTo(Path.of("/var/cache/c/migkb"));
        assertThat(folder(CacheSetting.of(null, Map.of("XDG_CACHE_HOME", "relative"), "/home/c")))
                .isEqualTo(Path.of("/home/c/.cache/migkb"));
        assertThat(folder(CacheSetting.of(null, Map.of(), "/home/c"))).isEqualTo(Path.of("/home/c/.cache/migkb"));
        assertThat(CacheSetting.of(null, Map.of(), null).enabled()).isFalse();
    }

    @Test
    void testsThatRunTheCommandLineInThisJvmUseNoCache() {
        CliRun.of("--version");
        assertThat(RuleCache.shared().enabled()).isFalse();
    }

    private static Path folder(RuleCache cache) {
        return cache.folder().orElseThrow();
    }
}
