package dev.vocadent.core.demo;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two demo clinics ({@code westbury}, {@code dental2}) and their fixed demo tokens. The tokens
 * exist only when the backend runs with {@code --demo}.
 */
public final class DemoClinics {
    public static final String WESTBURY = "westbury";
    public static final String DENTAL2 = "dental2";
    public static final String WESTBURY_TOKEN = "demo-westbury-token";
    public static final String DENTAL2_TOKEN = "demo-dental2-token";
    public static final String ADMIN_TOKEN = "demo-admin-token";

    private DemoClinics() {}

    public static ClinicConfig westbury() {
        return load(WESTBURY);
    }

    public static ClinicConfig dental2() {
        return load(DENTAL2);
    }

    public static List<ClinicConfig> all() {
        return List.of(westbury(), dental2());
    }

    /** The demo token of a demo clinic. */
    public static String tokenOf(String clinicId) {
        return switch (clinicId) {
            case WESTBURY -> WESTBURY_TOKEN;
            case DENTAL2 -> DENTAL2_TOKEN;
            default -> throw new IllegalArgumentException("not a demo clinic: " + clinicId);
        };
    }

    /** The raw JSON of a demo clinic's config. */
    public static String json(String clinicId) {
        try (InputStream in = DemoClinics.class.getResourceAsStream("/demo/" + clinicId + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("not a demo clinic: " + clinicId);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClinicConfig load(String clinicId) {
        return ClinicConfigs.parse(json(clinicId));
    }
}
