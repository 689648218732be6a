package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.JsonEnum;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Reading tool arguments; every problem is a {@link ToolArgumentException} naming the argument. */
final class Args {
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Args() {}

    /** A non-blank string, trimmed. */
    static String text(JsonNode args, String field) {
        String v = optionalText(args, field);
        if (v == null) {
            throw new ToolArgumentException("Missing argument '" + field + "'.");
        }
        return v;
    }

    /** A string, trimmed; null when absent, null or blank. */
    static String optionalText(JsonNode args, String field) {
        JsonNode n = args == null ? null : args.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new ToolArgumentException("Argument '" + field + "' must be a string.");
        }
        String v = n.asText().trim();
        return v.isEmpty() ? null : v;
    }

    static <E extends Enum<E>> E enumValue(JsonNode args, String field, Class<E> type) {
        E v = optionalEnum(args, field, type);
        if (v == null) {
            throw new ToolArgumentException("Missing argument '" + field + "' (one of: " + allowed(type) + ").");
        }
        return v;
    }

    static <E extends Enum<E>> E optionalEnum(JsonNode args, String field, Class<E> type) {
        String raw = optionalText(args, field);
        if (raw == null) {
            return null;
        }
        try {
            return JsonEnum.parse(type, raw);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("Argument '" + field + "': " + e.getMessage() + ".");
        }
    }

    /** A date written YYYY-MM-DD (a real calendar date); null when absent. */
    static LocalDate optionalDate(JsonNode args, String field) {
        String raw = optionalText(args, field);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw, ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException("Argument '" + field + "' must be a real date written YYYY-MM-DD, got '"
                    + raw + "'.");
        }
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder b = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(JsonEnum.wireName(e));
        }
        return b.toString();
    }
}
