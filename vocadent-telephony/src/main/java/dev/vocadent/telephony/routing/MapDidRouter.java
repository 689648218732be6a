package dev.vocadent.telephony.routing;

import dev.vocadent.core.config.ClinicConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link DidRouter} over a fixed map of E.164 numbers, built from clinic configs. */
public final class MapDidRouter implements DidRouter {
    private final Map<String, String> clinicByNumber;

    public MapDidRouter(Map<String, String> clinicByNumber) {
        Map<String, String> m = new HashMap<>();
        clinicByNumber.forEach((number, clinic) -> m.put(
                PhoneNumbers.toE164(number).orElseThrow(() -> new IllegalArgumentException("not a phone number: " + number)),
                clinic));
        this.clinicByNumber = Map.copyOf(m);
    }

    /** Routes every number in each clinic's {@code customer.phone_numbers} to that clinic. */
    public static MapDidRouter of(List<ClinicConfig> clinics) {
        Map<String, String> m = new HashMap<>();
        for (ClinicConfig c : clinics) {
            for (String n : c.customer().phoneNumbers()) {
                String e164 = PhoneNumbers.toE164(n).orElseThrow(() -> new IllegalArgumentException(
                        "clinic " + c.customerId() + ": not a phone number: " + n));
                String before = m.putIfAbsent(e164, c.customerId());
                if (before != null && !before.equals(c.customerId())) {
                    throw new IllegalArgumentException(e164 + " belongs to both " + before + " and " + c.customerId());
                }
            }
        }
        return new MapDidRouter(m);
    }

    @Override
    public Optional<String> clinicFor(String dialled) {
        return PhoneNumbers.toE164(dialled).map(clinicByNumber::get);
    }
}
