package io.migkb.engine;

import io.migkb.model.ConferenceDirectory;
import io.migkb.model.ClientCapability;
import io.migkb.model.FederatedPartner;
import io.migkb.model.FederatedUser;
import io.migkb.model.Finding;
import io.migkb.model.Meeting;
import io.migkb.model.MeetingSourceGap;
import io.migkb.model.Participant;
import io.migkb.model.Participation;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.SchemeConflict;
import io.migkb.model.User;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The facts every rule can match, read from the classes themselves: their bean properties are what a DRL
 * pattern names ({@code User( client == Client.LYNC_2013 )} reads {@code getClient()}). The rule checker uses
 * it to list the fields that do exist, and docs/authoring.md is tested against it.
 */
public final class FactModel {
    /** The fact types in the order the documentation presents them. */
    public static final List<Class<?>> FACT_TYPES = List.of(Plan.class, Pool.class, User.class, FederatedUser.class,
            FederatedPartner.class, Meeting.class, Participation.class, Participant.class, ClientCapability.class,
            ConferenceDirectory.class, MeetingSourceGap.class, SchemeConflict.class, Finding.class);

    /** A bean property: {@code name} as DRL writes it, the getter that serves it, its type as DRL sees it. */
    public record Property(String name, Method getter, String typeName) {
    }

    private FactModel() {
    }

    /** The fact type with this simple name ("User"), if it is one. */
    public static Optional<Class<?>> factType(String simpleName) {
        return FACT_TYPES.stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst();
    }

    /** Simple names of every fact type, sorted. */
    public static String typeNames() {
        return FACT_TYPES.stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
    }

    /**
     * The bean properties of {@code type}, by name: every public no-argument {@code getX()} or boolean
     * {@code isX()} except {@code getClass()}.
     */
    public static Map<String, Property> properties(Class<?> type) {
        Map<String, Property> result = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = propertyName(m);
            if (name != null) {
                result.putIfAbsent(name, new Property(name, m, typeName(m.getGenericReturnType())));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** Property names of {@code type}, sorted, joined with ", ". */
    public static String propertyList(Class<?> type) {
        return String.join(", ", properties(type).keySet());
    }

    /** Names of the public instance methods of {@code type} (any arity), which DRL constraints may also call. */
    public static Set<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The enum types that fact properties use (Client, ServerVersion, ...), each with its constants. */
    public static Map<Class<?>, List<String>> enumTypes() {
        Map<String, Class<?>> byName = new TreeMap<>();
        for (Class<?> type : FACT_TYPES) {
            for (Property p : properties(type).values()) {
                collectEnums(p.getter().getGenericReturnType(), byName);
            }
        }
        Map<Class<?>, List<String>> result = new LinkedHashMap<>();
        byName.values().forEach(e -> result.put(e, constants(e)));
        return result;
    }

    /** The constant names of an enum type. */
    public static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    private static void collectEnums(Type type, Map<String, Class<?>> into) {
        if (type instanceof Class<?> c && c.isEnum()) {
            into.put(c.getSimpleName(), c);
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collectEnums(arg, into);
            }
        }
    }

    private static String propertyName(Method m) {
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s; // java.beans convention: "URL" stays "URL"
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /** "Set<Need>", "Map<Client, String>", "boolean": the type as a rule author reads it. */
    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return typeName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(FactModel::typeName)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        return type.getTypeName();
    }
}
