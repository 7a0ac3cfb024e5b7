package app.rapport.command;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every text an object holds, following its fields into Rapport's own types, records, collections,
 * maps and optionals: what an aggregate kept in memory (and in the cache), for a test that it
 * forgot someone's personal data.
 */
public final class StringsHeld {

    private StringsHeld() {
    }

    public static Set<String> by(Object root) {
        Set<String> found = new LinkedHashSet<>();
        walk(root, found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object value, Set<String> found, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Enum<?>) {
            return;
        }
        if (value instanceof String text) {
            found.add(text);
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> walk(element, found, seen));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                walk(key, found, seen);
                walk(element, found, seen);
            });
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(element -> walk(element, found, seen));
        } else if (value.getClass().getName().startsWith("app.rapport.")) {
            for (Class<?> type = value.getClass(); type != null && type.getName().startsWith("app.rapport."); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    try {
                        walk(field.get(value), found, seen);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
