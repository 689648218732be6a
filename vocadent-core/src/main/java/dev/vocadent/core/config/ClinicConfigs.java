package dev.vocadent.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.Json;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading, validating and writing clinic configurations. */
public final class ClinicConfigs {
    /** Clinic ids: lower-case letters, digits, '-' and '_' (they appear in room names and blob paths). */
    public static final Pattern CLINIC_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private ClinicConfigs() {}

    /** Parses and validates a config; unknown fields are ignored, missing or bad required ones throw. */
    public static ClinicConfig parse(String json) {
        try {
            return validate(Json.mapper().readValue(json, ClinicConfig.class));
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(List.of(Json.pathOf(e) + ": " + cause(e)));
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(List.of("$: not valid JSON (" + e.getOriginalMessage() + ")"));
        }
    }

    /** Same as {@link #parse(String)} for an already-parsed tree. */
    public static ClinicConfig fromTree(JsonNode json) {
        try {
            return validate(Json.mapper().treeToValue(json, ClinicConfig.class));
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(List.of(Json.pathOf(e) + ": " + cause(e)));
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(List.of("$: " + e.getOriginalMessage()));
        }
    }

    public static String toJson(ClinicConfig config) {
        return Json.write(config);
    }

    /** Checks every required field and range; returns the config or throws with all problems listed. */
    public static ClinicConfig validate(ClinicConfig c) {
        List<String> p = new ArrayList<>();
        if (c == null) {
            throw new InvalidConfigException(List.of("$: is required"));
        }
        if (blank(c.customerId())) {
            p.add("customer_id: is required");
        } else if (!CLINIC_ID.matcher(c.customerId()).matches()) {
            p.add("customer_id: must be lower-case letters, digits, '-' or '_' (at most 63)");
        }
        Customer cu = c.customer();
        if (cu == null) {
            p.add("customer: is required");
        } else {
            if (blank(cu.name())) {
                p.add("customer.name: is required");
            }
            if (cu.phoneNumbers().isEmpty()) {
                p.add("customer.phone_numbers: at least one number is required");
            }
            for (int i = 0; i < cu.phoneNumbers().size(); i++) {
                String n = cu.phoneNumbers().get(i);
                if (n == null || !E164.matcher(n).matches()) {
                    p.add("customer.phone_numbers[" + i + "]: must be E.164, e.g. +441632960001");
                }
            }
            try {
                ZoneId.of(cu.timezone());
            } catch (DateTimeException e) {
                p.add("customer.timezone: unknown time zone '" + cu.timezone() + "'");
            }
            Set<Object> days = new HashSet<>();
            for (int i = 0; i < cu.openingHours().size(); i++) {
                OpeningHours h = cu.openingHours().get(i);
                String at = "customer.opening_hours[" + i + "]";
                if (h == null || h.day() == null || h.opens() == null || h.closes() == null) {
                    p.add(at + ": day, opens and closes are required");
                } else if (!h.opens().isBefore(h.closes())) {
                    p.add(at + ": opens must be before closes");
                } else if (!days.add(h.day())) {
                    p.add(at + ": " + h.day() + " is listed twice");
                }
            }
        }
        if (blank(c.systemPrompt())) {
            p.add("system_prompt: is required");
        }
        if (blank(c.greeting())) {
            p.add("greeting: is required");
        }
        if (c.consultationTypes().isEmpty()) {
            p.add("consultation_types: at least one is required");
        }
        for (Map.Entry<String, ConsultationType> e : c.consultationTypes().entrySet()) {
            String at = "consultation_types." + e.getKey();
            ConsultationType t = e.getValue();
            if (t == null) {
                p.add(at + ": is required");
                continue;
            }
            if (blank(t.serviceId())) {
                p.add(at + ".service_id: is required");
            }
            if (t.durationMinutes() <= 0 || t.durationMinutes() > 480) {
                p.add(at + ".duration_minutes: must be between 1 and 480");
            }
            if (t.bookingTypes().isEmpty()) {
                p.add(at + ".booking_types: at least one of nhs, private is required");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.doctors().size(); i++) {
            Doctor d = c.doctors().get(i);
            String at = "doctors[" + i + "]";
            if (d == null || blank(d.id()) || blank(d.name())) {
                p.add(at + ": id and name are required");
                continue;
            }
            if (!ids.add(d.id())) {
                p.add(at + ".id: '" + d.id() + "' is used twice");
            }
            for (String type : d.consultationTypes()) {
                if (c.consultationType(type).isEmpty()) {
                    p.add(at + ".consultation_types: unknown consultation type '" + type + "'");
                }
            }
        }
        if (c.voice() != null) {
            VoiceConfig v = c.voice();
            if (blank(v.voiceId())) {
                p.add("voice.voice_id: is required when voice is set");
            }
            VoiceSettings s = v.settings();
            range(p, "voice.settings.stability", s.stability(), 0, 1);
            range(p, "voice.settings.similarity_boost", s.similarityBoost(), 0, 1);
            range(p, "voice.settings.speed", s.speed(), 0.5, 2.0);
        }
        if (c.recordingRetentionDays() < 1 || c.recordingRetentionDays() > 3650) {
            p.add("recording_retention_days: must be between 1 and 3650");
        }
        if (c.frontDeskNumber() != null && !E164.matcher(c.frontDeskNumber()).matches()) {
            p.add("front_desk_number: must be E.164, e.g. +441632960100");
        }
        if (c.slackWebhookRef() != null && !c.slackWebhookRef().matches("(env|file):[A-Za-z0-9_./-]+")) {
            p.add("slack_webhook_ref: must be env:VARIABLE or file:/path (the secret itself never goes in a config)");
        }
        if (!p.isEmpty()) {
            throw new InvalidConfigException(p);
        }
        return c;
    }

    private static void range(List<String> p, String field, double v, double lo, double hi) {
        if (v < lo || v > hi) {
            p.add(field + ": must be between " + lo + " and " + hi);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }


    private static String cause(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        String m = e.getOriginalMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
    }
}
