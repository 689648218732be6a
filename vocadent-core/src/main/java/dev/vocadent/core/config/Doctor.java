package dev.vocadent.core.config;

import java.util.List;

/**
 * A clinician.
 *
 * @param id                the backend's provider id
 * @param name              as callers say it, e.g. "Dr Sarah Patel"
 * @param consultationTypes names of the consultation types this doctor does
 */
public record Doctor(String id, String name, List<String> consultationTypes) {
    public Doctor {
        consultationTypes = consultationTypes == null ? List.of() : List.copyOf(consultationTypes);
    }
}
