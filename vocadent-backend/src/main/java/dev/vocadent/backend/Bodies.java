package dev.vocadent.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.vocadent.core.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Reads request bodies: size limit (413), JSON errors named by their field path (400). */
final class Bodies {
    private Bodies() {}

    static byte[] read(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buf = in.readNBytes(maxBytes + 1);
            if (buf.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return buf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T parse(Context ctx, Class<T> type, int maxBytes) {
        return parse(read(ctx, maxBytes), type);
    }

    static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0 || isBlank(body)) {
            throw ApiException.badRequest("$", "a JSON body is required");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("$", "a JSON object is required");
            }
            return value;
        } catch (JsonMappingException e) {
            String field = Json.pathOf(e);
            throw ApiException.badRequest(field, reason(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("$", "not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "payload_too_large", "request body is larger than " + maxBytes + " bytes", null);
    }


    /** A short reason without echoing the offending value (it may be patient data). */
    private static String reason(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null && root.getMessage().contains("is not one of")) {
            String m = root.getMessage();
            return "must be one of" + m.substring(m.indexOf("is not one of") + "is not one of".length());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            Class<?> t = f.getTargetType();
            if (t != null && t.getName().startsWith("java.time.LocalDate")) {
                return "must be a date YYYY-MM-DD";
            }
            if (t != null && t.getName().startsWith("java.time")) {
                return "must be an ISO-8601 date-time";
            }
            return "has the wrong type (expected " + (t == null ? "another type" : t.getSimpleName()) + ")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "has the wrong type (expected " + describe(m.getTargetType()) + ")";
        }
        return "is not valid";
    }

    private static String describe(Class<?> t) {
        if (t == String.class) {
            return "a string";
        }
        if (t.isRecord() || t == java.util.Map.class) {
            return "an object";
        }
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        return Arrays.asList(int.class, long.class, double.class, Integer.class, Long.class, Double.class).contains(t)
                ? "a number" : t.getSimpleName();
    }
}
