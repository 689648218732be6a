package dev.vocadent.core.json;

import java.util.Locale;

/** Wire names of Vocadent enums: lower snake case ({@code CALLBACK_REQUESTED} ↔ {@code callback_requested}). */
public final class JsonEnum {
    private JsonEnum() {}

    public static String wireName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name leniently: case, spaces, hyphens and underscores do not matter
     * ("Callback requested", "callback-requested"). Unknown names throw with the accepted values listed.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        if (raw == null) {
            return null;
        }
        String norm = raw.trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!allowed.isEmpty()) {
                allowed.append(", ");
            }
            allowed.append(wireName(e));
        }
        throw new IllegalArgumentException("'" + raw + "' is not one of: " + allowed);
    }
}
