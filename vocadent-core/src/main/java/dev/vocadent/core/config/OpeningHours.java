package dev.vocadent.core.config;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Opening hours of one weekday, local time of the practice: {@code {"day":"monday","opens":"09:00","closes":"17:30"}}. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {}
