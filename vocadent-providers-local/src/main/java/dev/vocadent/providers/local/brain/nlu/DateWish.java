package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.api.PartOfDay;
import java.time.LocalDate;

/**
 * When a caller would like an appointment.
 *
 * @param from      first day (inclusive)
 * @param to        last day (inclusive)
 * @param partOfDay morning, afternoon or any
 * @param spoken    how to say the range back ("on Tuesday 3 March", "next week")
 */
public record DateWish(LocalDate from, LocalDate to, PartOfDay partOfDay, String spoken) {}
