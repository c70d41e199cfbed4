package io.migkb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.migkb.api.InventoryBuilder;
import io.migkb.inventory.InventoryReaders;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model types docs/embedding.md lists as stable are read-only to an integrator: no public setter or other
 * mutator, no public field that is not a constant, and every collection a getter returns refuses to change. The
 * members the page lists as stable exist and show no type outside the stable surface, and the page's examples use
 * no other member of the model.
 */
class StableModelTest {
    private static final Pattern MUTATOR = Pattern.compile(
            "(set|add|remove|clear|put|delete|insert|replace|retain|reset|update|modify|sort)([A-Z].*)?");
    private static final Path PAGE = Path.of("docs/embedding.md");
    private static List<Class<?>> stable;
    /** The members the page lists, by type: "| `Client`, `ServerVersion` | `getDisplayName()` |". */
    private static Map<Class<?>, Set<String>> stableMembers;

    @BeforeAll
    static void readTheStableTypesFromThePage() throws IOException, ClassNotFoundException {
        String page = Files.readString(PAGE);
        Matcher list = Pattern.compile("stable model types, of `io.migkb.model`, read-only: (.*?);?\\n\\n",
                Pattern.DOTALL).matcher(page);
        assertThat(list.find()).as("the list of stable model types in docs/embedding.md").isTrue();
        stable = new ArrayList<>();
        for (String name : Pattern.compile("`(\\w+)`").matcher(list.group(1)).results().map(m -> m.group(1)).toList()) {
            stable.add(Class.forName("io.migkb.model." + name));
        }
        assertThat(stable).contains(Inventory.class, User.class, Meeting.class, Plan.class, Finding.class);
        stableMembers = new HashMap<>();
        String section = page.substring(page.indexOf("## 5. The stable surface"));
        Matcher row = Pattern.compile("(?m)^\\| (`\\w+`(?:, `\\w+`)*) \\| (.*) \\|$").matcher(section);
        while (row.find()) {
            Set<String> members = Pattern.compile("`(\\w+)\\(").matcher(row.group(2)).results().map(m -> m.group(1))
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String type : Pattern.compile("`(\\w+)`").matcher(row.group(1)).results().map(m -> m.group(1)).toList()) {
                stableMembers.put(Class.forName("io.migkb.model." + type), members);
            }
        }
        assertThat(stableMembers).as("the table of stable members in %s", PAGE).containsKeys(Inventory.class, User.class);
    }

    @Test
    void everyStableModelTypeThatIsNoEnumHasItsRowOfMembers() {
        for (Class<?> type : stable) {
            if (!type.isEnum()) {
                assertThat(stableMembers).as("a row of stable members for %s", type.getSimpleName()).containsKey(type);
            }
        }
        assertThat(stable).containsAll(stableMembers.keySet());
    }

    @Test
    void everyStableMemberIsPublicAndShowsOnlyTheJdkAndStableTypes() {
        List<String> wrong = new ArrayList<>();
        stableMembers.forEach((type, names) -> {
            for (String name : names) {
                List<Method> methods = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
                if (methods.isEmpty()) {
                    wrong.add(type.getSimpleName() + "." + name + " is no public method");
                }
                for (Method m : methods) {
                    List<Type> shown = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                    shown.add(m.getGenericReturnType());
                    for (Type t : shown) {
                        for (Class<?> c : rawTypesIn(t)) {
                            if (!c.isPrimitive() && !c.getPackageName().startsWith("java.") && !stable.contains(c)) {
                                wrong.add(type.getSimpleName() + "." + name + " shows " + c.getName());
                            }
                        }
                    }
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void thePagesExamplesCallNoModelMemberButTheStableOnes() {
        JavaClasses examples = new ClassFileImporter().importPackages("com.example.migration");
        List<String> calls = new ArrayList<>();
        for (JavaClass c : examples) {
            if (c.getSimpleName().endsWith("Test")) {
                continue;
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (!owner.getPackageName().equals("io.migkb.model")) {
                    continue;
                }
                calls.add(owner.getSimpleName() + "." + call.getName());
                Set<String> allowed = stableMembers.getOrDefault(owner.reflect(), Set.of());
                boolean enumBuiltIn = owner.isEnum() && Set.of("values", "valueOf", "name", "ordinal", "compareTo")
                        .contains(call.getName());
                assertThat(allowed.contains(call.getName()) || enumBuiltIn)
                        .as("%s calls %s.%s, which docs/embedding.md does not list as stable", c.getSimpleName(),
                                owner.getSimpleName(), call.getName())
                        .isTrue();
            }
        }
        assertThat(calls).as("the examples read findings").contains("Finding.getRule");
    }

    private static List<Class<?>> rawTypesIn(Type type) {
        List<Class<?>> raw = new ArrayList<>();
        if (type instanceof Class<?> c) {
            raw.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            raw.addAll(rawTypesIn(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                raw.addAll(rawTypesIn(argument));
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                raw.addAll(rawTypesIn(bound));
            }
        }
        return raw;
    }

    @Test
    void stableModelTypesHaveNoPublicMutatorAndNoPublicFieldButConstants() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : stable) {
            for (Field f : type.getFields()) {
                boolean constant = Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers());
                if (!constant) {
                    leaks.add(type.getSimpleName() + "." + f.getName() + " is a public field that is not a constant");
                }
            }
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass().getPackageName().startsWith("java.")) {
                    continue;
                }
                if (MUTATOR.matcher(m.getName()).matches()) {
                    leaks.add(type.getSimpleName() + "." + m.getName() + " looks like a mutator");
                }
                if (m.getReturnType().isArray() && !Modifier.isStatic(m.getModifiers())) {
                    leaks.add(type.getSimpleName() + "." + m.getName() + " returns an array, which can be written");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyCollectionAStableGetterReturnsRefusesToChange() throws Exception {
        List<Object> samples = new ArrayList<>();
        Inventory built = new InventoryBuilder()
                .organization("contoso.com")
                .pool("ocs.contoso.com", ServerVersion.OCS_2007_R2)
                .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                .minimumClientVersion(Client.LYNC_2013, "15.0.4551.1001")
                .user("alice@contoso.com", "ocs.contoso.com", Client.COMMUNICATOR_2007_R2,
                        u -> u.needs(Need.LARGE_MEETINGS).addIns(AddIn.CONFERENCING_ADDIN))
                .federatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)
                .meeting("m-1", "alice@contoso.com", "meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:M1",
                        m -> m.content(Content.POWERPOINT).participants("carol@fabrikam.com"))
                .build();
        // As read, locations packed; and a folder of customer exports, with source gaps and conference directories.
        for (Inventory inventory : List.of(built, InventoryReaders.read(Path.of("examples/contoso.json")),
                InventoryReaders.read(Path.of("examples/litware-exports")))) {
            samples.add(inventory);
            samples.add(inventory.getPlan());
            samples.addAll(inventory.getPools());
            samples.addAll(inventory.getUsers());
            samples.addAll(inventory.getFederatedUsers());
            samples.addAll(inventory.getPartners());
            samples.addAll(inventory.getMeetings());
        }
        samples.add(new Finding("R-1", Severity.INFO, "user:alice@contoso.com", "m", "r", "s", null));
        samples.add(new SourceLocation("inventory.json", 3, 5));
        for (Class<?> type : stable) {
            if (type.isEnum()) {
                samples.addAll(List.of(type.getEnumConstants()));
            }
        }

        Set<String> checked = new TreeSet<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (Object sample : samples) {
            if (seen.put(sample, true) != null) {
                continue;
            }
            Class<?> type = sample instanceof Enum<?> e ? e.getDeclaringClass() : sample.getClass();
            assertThat(stable).as("a sample of a stable type").contains(type);
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers())
                        || !(Collection.class.isAssignableFrom(m.getReturnType())
                        || Map.class.isAssignableFrom(m.getReturnType()))) {
                    continue;
                }
                Object returned = m.invoke(sample);
                String getter = type.getSimpleName() + "." + m.getName();
                checked.add(getter);
                assertUnmodifiable(getter, returned);
            }
        }
        assertThat(checked).contains("Inventory.getPools", "Inventory.getUsers", "Inventory.getFederatedUsers",
                "Inventory.getMeetings", "Inventory.getPartners", "Inventory.getParticipations",
                "Inventory.participantsBySip", "Inventory.getLocations", "Inventory.getMeetingSourceGaps",
                "Inventory.getSchemeConflicts", "Inventory.getConferenceDirectories", "User.getNeeds",
                "User.getAddIns", "Meeting.getContent", "Meeting.getParticipants", "Plan.getMinimumClientVersions",
                "Client.getUserAgentPrefixes");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertUnmodifiable(String getter, Object returned) {
        assertThat(returned).as(getter).isNotNull();
        if (returned instanceof Collection c) {
            List<Object> before = List.copyOf(c);
            if (!c.isEmpty()) {
                Object first = c.iterator().next();
                assertThatThrownBy(() -> c.add(first)).as(getter + ".add").isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> c.remove(first)).as(getter + ".remove")
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            assertThatThrownBy(c::clear).as(getter + ".clear").isInstanceOf(UnsupportedOperationException.class);
            assertThat(List.copyOf(c)).as(getter + " unchanged").isEqualTo(before);
        } else {
            Map map = (Map) returned;
            Map<Object, Object> before = Map.copyOf(map);
            if (!map.isEmpty()) {
                Map.Entry first = (Map.Entry) map.entrySet().iterator().next();
                assertThatThrownBy(() -> map.put(first.getKey(), first.getValue())).as(getter + ".put")
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> map.remove(first.getKey())).as(getter + ".remove")
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            assertThatThrownBy(map::clear).as(getter + ".clear").isInstanceOf(UnsupportedOperationException.class);
            assertThat(Map.copyOf(map)).as(getter + " unchanged").isEqualTo(before);
        }
    }
}
