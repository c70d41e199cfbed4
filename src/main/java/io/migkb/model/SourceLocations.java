package io.migkb.model;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * Where the elements of an inventory were declared. A reader keeps one packed position (a {@code long}) per element
 * of each list, in list order, and turns it into a {@link SourceLocation} only when asked: at a million users a map
 * from subject ({@code "meeting:m-1"}) to location held some 4 million keys and location objects (~450 MB), these
 * arrays 8 bytes an element. An inventory built in code has a plain map instead (usually empty).
 * {@link Inventory#locationOf} finds a subject's element through the inventory's own lists.
 */
public final class SourceLocations {
    /** No locations: an inventory built in code. */
    public static final SourceLocations NONE = new SourceLocations(Map.of(), null, null, null, null, null);

    private final Map<String, SourceLocation> map;
    private final LongFunction<SourceLocation> locator;
    private final long[] pools;
    private final long[] users;
    private final long[] federatedUsers;
    private final long[] meetings;

    private SourceLocations(Map<String, SourceLocation> map, LongFunction<SourceLocation> locator, long[] pools,
                            long[] users, long[] federatedUsers, long[] meetings) {
        this.map = map;
        this.locator = locator;
        this.pools = pools;
        this.users = users;
        this.federatedUsers = federatedUsers;
        this.meetings = meetings;
    }

    /** Locations by subject ({@code pool:…}, {@code user:…}, {@code partner:…}, {@code meeting:…}); null: none. */
    public static SourceLocations of(Map<String, SourceLocation> locations) {
        return locations == null || locations.isEmpty() ? NONE : new SourceLocations(Map.copyOf(locations), null, null, null, null, null);
    }

    /**
     * Packed positions, element {@code i} of each array for element {@code i} of the inventory's list of that
     * kind; {@code locator} turns one into a location (it should hold no more than the file names). The arrays
     * are kept, not copied: the caller hands them over.
     */
    public static SourceLocations packed(LongFunction<SourceLocation> locator, long[] pools, long[] users,
                                         long[] federatedUsers, long[] meetings) {
        return new SourceLocations(null, locator, pools, users, federatedUsers, meetings);
    }

    /** True when this holds positions by element rather than a map by subject. */
    boolean isPacked() {
        return map == null;
    }

    Map<String, SourceLocation> map() {
        return map;
    }

    SourceLocation pool(int i) {
        return at(pools, i);
    }

    SourceLocation user(int i) {
        return at(users, i);
    }

    SourceLocation federatedUser(int i) {
        return at(federatedUsers, i);
    }

    SourceLocation meeting(int i) {
        return at(meetings, i);
    }

    private SourceLocation at(long[] positions, int i) {
        return i < 0 || i >= positions.length ? null : locator.apply(positions[i]);
    }
}
