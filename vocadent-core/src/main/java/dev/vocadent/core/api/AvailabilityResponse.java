package dev.vocadent.core.api;

import java.util.List;

/** Answer of {@code POST /check-availability}: free slots, earliest first (empty when none). */
public record AvailabilityResponse(List<Slot> slots) {
    public AvailabilityResponse {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
