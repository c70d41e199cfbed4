package io.migkb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The model's constructors refuse a null where a value is needed at once, naming the argument, instead of a bare
 * NullPointerException deep inside a copy or a rule; null locations are none.
 */
class ModelNullArgumentsTest {
    private static final Plan PLAN = new Plan("pool13.contoso.com", false, false, false, 10, Map.of());
    private static final Pool POOL = new Pool("pool13.contoso.com", ServerVersion.LYNC_2013);
    private static final User ALICE = user("alice@contoso.com", Set.of(), Set.of());
    private static final Meeting MEETING = meeting(Set.of(), List.of());

    private static User user(String sip, Set<Need> needs, Set<AddIn> addIns) {
        return new User(sip, "pool13.contoso.com", ServerVersion.LYNC_2013, Client.LYNC_2013, null, 0, needs, addIns,
                false);
    }

    private static Meeting meeting(Set<Content> content, List<String> participants) {
        return new Meeting("m-1", "alice@contoso.com", "https://meet.contoso.com/alice/M1", UrlScheme.HTTPS, false,
                content, false, false, participants);
    }

    private static Inventory inventory(List<Pool> pools, List<User> users, List<FederatedUser> federatedUsers,
                                       List<Meeting> meetings) {
        return new Inventory("contoso.com", PLAN, pools, users, federatedUsers, meetings, Map.of());
    }

    @Test
    void nullLocationsAreNoLocationsWhicheverConstructor() {
        Inventory byMap = new Inventory("contoso.com", PLAN, List.of(POOL), List.of(ALICE), List.of(), List.of(MEETING),
                (Map<String, SourceLocation>) null);
        Inventory bySources = new Inventory("contoso.com", PLAN, List.of(POOL), List.of(ALICE), List.of(),
                List.of(MEETING), (SourceLocations) null);
        for (Inventory inventory : List.of(byMap, bySources)) {
            assertThat(inventory.locationOf("user:alice@contoso.com")).isEmpty();
            assertThat(inventory.getLocations()).isEmpty();
            assertThat(inventory.getUsers()).containsExactly(ALICE);
        }
    }

    @Test
    void anInventorysNullListIsRefusedNamingIt() {
        assertNamed(() -> inventory(null, List.of(), List.of(), List.of()), "pools must not be null");
        assertNamed(() -> inventory(List.of(), null, List.of(), List.of()), "users must not be null");
        assertNamed(() -> inventory(List.of(), List.of(), null, List.of()), "federatedUsers must not be null");
        assertNamed(() -> inventory(List.of(), List.of(), List.of(), null), "meetings must not be null");
        assertNamed(() -> new Inventory("contoso.com", null, List.of(), List.of(), List.of(), List.of(), Map.of()),
                "plan");
    }

    @Test
    void aNullElementIsRefusedNamingItsListAndIndex() {
        assertNamed(() -> inventory(List.of(POOL), Arrays.asList(ALICE, null), List.of(), List.of()), "users[1] is null");
        assertNamed(() -> inventory(Arrays.asList((Pool) null), List.of(), List.of(), List.of()), "pools[0] is null");
        assertNamed(() -> meeting(Set.of(), Arrays.asList("bob@contoso.com", null)), "participants[1] is null");
        Set<Content> withNull = new HashSet<>(Arrays.asList(Content.POLL, null));
        assertNamed(() -> meeting(withNull, List.of()), "content holds a null");
    }

    @Test
    void aUsersMeetingsAndPlansNullCollectionsAreRefusedNamingThem() {
        assertNamed(() -> user("bob@contoso.com", null, Set.of()), "needs must not be null");
        assertNamed(() -> user("bob@contoso.com", Set.of(), null), "addIns must not be null");
        assertNamed(() -> meeting(null, List.of()), "content must not be null");
        assertNamed(() -> meeting(Set.of(), null), "participants must not be null");
        assertNamed(() -> new Plan(null, false, false, false, 10, null), "minimumClientVersions must not be null");
        Map<Client, String> policy = new EnumMap<>(Client.class);
        policy.put(Client.LYNC_2013, "15.0.4551.1001");
        assertThat(new Plan(null, false, false, false, 10, policy).getMinimumClientVersions()).isEqualTo(policy);
    }

    private static void assertNamed(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(NullPointerException.class).hasMessageStartingWith(message);
    }
}
