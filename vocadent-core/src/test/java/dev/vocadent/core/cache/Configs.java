package dev.vocadent.core.cache;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.Customer;
import java.util.List;

/** Variants of the demo configs for tests. */
public final class Configs {
    private Configs() {}

    public static ClinicConfig withVersion(ClinicConfig c, long version) {
        return new ClinicConfig(c.customerId(), c.customer(), c.systemPrompt(), c.greeting(), c.consultationTypes(),
                c.doctors(), c.voice(), c.sttKeyterms(), c.languages(), c.slackWebhookRef(), c.slackFullPatientDetails(),
                c.recordingRetentionDays(), c.frontDeskNumber(), c.onCallInstructions(), version);
    }

    public static ClinicConfig withNumbers(ClinicConfig c, long version, String... numbers) {
        Customer cu = c.customer();
        Customer next = new Customer(cu.name(), List.of(numbers), cu.address(), cu.openingHours(), cu.timezone(), cu.parking());
        return new ClinicConfig(c.customerId(), next, c.systemPrompt(), c.greeting(), c.consultationTypes(),
                c.doctors(), c.voice(), c.sttKeyterms(), c.languages(), c.slackWebhookRef(), c.slackFullPatientDetails(),
                c.recordingRetentionDays(), c.frontDeskNumber(), c.onCallInstructions(), version);
    }

    public static ClinicConfig withId(ClinicConfig c, String id) {
        return new ClinicConfig(id, c.customer(), c.systemPrompt(), c.greeting(), c.consultationTypes(),
                c.doctors(), c.voice(), c.sttKeyterms(), c.languages(), c.slackWebhookRef(), c.slackFullPatientDetails(),
                c.recordingRetentionDays(), c.frontDeskNumber(), c.onCallInstructions(), c.version());
    }
}
