package dev.vocadent.core.tenant;

import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialled number (E.164) → clinics listing it, over the served clinics' configs. Kept current by the
 * directory's change events: a loaded, refreshed or put config replaces the clinic's numbers; a
 * dropped (invalidated, expired) clinic is removed and reloaded on the next lookup.
 */
final class DidIndex implements ClinicDirectory.Listener {
    private static final Logger log = LoggerFactory.getLogger(TenantRouter.class);

    private final Set<String> served;
    private final String countryCode;
    private final ConcurrentHashMap<String, Set<String>> numbersByClinic = new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> owners = Map.of();

    DidIndex(Set<String> served, String countryCode) {
        this.served = served;
        this.countryCode = countryCode;
    }

    @Override
    public void changed(String clinicId, Optional<ClinicConfig> config) {
        if (!served.contains(clinicId)) {
            return;
        }
        if (config.isPresent()) {
            Set<String> numbers = new LinkedHashSet<>();
            for (String n : config.get().customer().phoneNumbers()) {
                PhoneNumbers.toE164(n, countryCode).ifPresent(numbers::add);
            }
            if (numbers.equals(numbersByClinic.put(clinicId, Set.copyOf(numbers)))) {
                return;
            }
        } else if (numbersByClinic.remove(clinicId) == null) {
            return;
        }
        rebuild();
    }

    /** Served clinics whose numbers are not indexed now. */
    List<String> missing() {
        List<String> out = new ArrayList<>();
        for (String id : served) {
            if (!numbersByClinic.containsKey(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The clinics listing this E.164 number (sorted; more than one is a configuration error). */
    List<String> owners(String e164) {
        return owners.getOrDefault(e164, List.of());
    }

    private synchronized void rebuild() {
        Map<String, Set<String>> byNumber = new HashMap<>();
        numbersByClinic.forEach((clinic, numbers) -> {
            for (String n : numbers) {
                byNumber.computeIfAbsent(n, k -> new TreeSet<>()).add(clinic);
            }
        });
        Map<String, List<String>> next = new HashMap<>();
        byNumber.forEach((n, clinics) -> {
            next.put(n, List.copyOf(clinics));
            if (clinics.size() > 1) {
                log.warn("routing: clinics {} list the same number; calls to it are refused until one config is fixed", clinics);
            }
        });
        owners = Map.copyOf(next);
    }
}
