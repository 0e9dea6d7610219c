package io.ticketflow.deploy;

import java.util.List;
import java.util.Map;

/** Walks parsed YAML: {@code Y.str(doc, "metadata", "name")}, {@code Y.list(doc, "spec", "triggers")}. */
final class Y {

    private Y() {
    }

    static Object get(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    static String str(Object node, Object... path) {
        Object value = get(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static int integer(Object node, Object... path) {
        Object value = get(node, path);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            return Integer.parseInt(s);
        }
        throw new AssertionError("no integer at " + List.of(path) + " in " + name(node));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = get(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object value = get(node, path);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String kind(Object doc) {
        return str(doc, "kind");
    }

    static String name(Object doc) {
        return str(doc, "kind") + "/" + str(doc, "metadata", "name");
    }
}
