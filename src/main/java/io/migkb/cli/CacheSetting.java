package io.migkb.cli;

import io.migkb.engine.RuleCache;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the command line keeps compiled rules between runs ({@link RuleCache}): {@code MIGKB_CACHE} (or the system
 * property {@code migkb.cache}) names a folder, or {@code off} for none; by default {@code $XDG_CACHE_HOME/migkb},
 * else {@code ~/.cache/migkb}. A folder that cannot be created or written just means no cache.
 */
final class CacheSetting {
    static final String ENV = "MIGKB_CACHE";
    static final String PROPERTY = "migkb.cache";
    private static final Set<String> OFF = Set.of("off", "false", "no", "0", "none");

    private CacheSetting() {
    }

    static RuleCache fromEnvironment() {
        return of(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /** The cache {@code setting} (the property, else {@code env}'s MIGKB_CACHE) asks for. */
    static RuleCache of(String property, Map<String, String> env, String userHome) {
        String value = property != null ? property : env.get(ENV);
        if (value != null && OFF.contains(value.trim().toLowerCase(Locale.ROOT))) {
            return RuleCache.disabled();
        }
        try {
            if (value != null && !value.isBlank()) {
                return RuleCache.in(Path.of(value.trim()));
            }
            String xdg = env.get("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return RuleCache.in(Path.of(xdg, "migkb"));
            }
            if (userHome != null && !userHome.isBlank()) {
                return RuleCache.in(Path.of(userHome, ".cache", "migkb"));
            }
        } catch (InvalidPathException e) {
            // an unusable path is no cache, as a read-only folder is
        }
        return RuleCache.disabled();
    }
}
