package dev.vocadent.core.config;

import java.util.List;

/** A clinic configuration that cannot be used; {@link #problems()} names each bad field by its JSON path. */
public final class InvalidConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("invalid clinic config: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, each starting with the JSON path, e.g. {@code customer.name: is required}. */
    public List<String> problems() {
        return problems;
    }

    /** The JSON path of the first problem (e.g. {@code customer.phone_numbers[1]}). */
    public String firstField() {
        String first = problems.getFirst();
        int colon = first.indexOf(':');
        return colon < 0 ? first : first.substring(0, colon);
    }
}
