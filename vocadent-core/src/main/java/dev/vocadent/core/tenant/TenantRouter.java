package dev.vocadent.core.tenant;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import dev.vocadent.core.privacy.Redact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which clinic a call is for from what the transport knows: the LiveKit room name or the
 * dialled number (DID). Never from the caller or the LLM, and never a fallback clinic: anything that
 * does not identify exactly one served clinic is {@link Route.Unknown}, with a reason that is logged.
 *
 * <p><b>Room names</b> are matched whole against {@code vocadent.routing.room-pattern}, a regex with a
 * named group {@code clinic}. The default is {@value #DEFAULT_ROOM_PATTERN}: {@code <clinic>.<call id>},
 * e.g. {@code westbury.7f3a9c}. The separator is a dot because a dot can never be part of a clinic id
 * ({@code [a-z0-9][a-z0-9_-]*}), whereas {@code -} and {@code _} can ({@code north-leeds_2} is a valid
 * id), so {@code <clinic>-<call>} could not be split without guessing. With a LiveKit SIP dispatch
 * rule, set the room prefix to {@code <clinic>.}; the call part may hold {@code _ + = . -}, letters and
 * digits, as LiveKit's {@code _<caller>_<random>} suffix does.
 *
 * <p><b>Dialled numbers</b> are normalised with {@link PhoneNumbers} and looked up among the numbers
 * ({@code customer.phone_numbers}) of the served clinics ({@code vocadent.clinics}). A number listed by
 * two clinics routes to neither.
 *
 * <p>When {@code vocadent.clinics} is empty, room names may name any clinic (whether it exists is then
 * up to the directory: {@code prefetch} fails with {@code UnknownClinicException}); routing by dialled
 * number needs the list.
 */
public final class TenantRouter {
    private static final Logger log = LoggerFactory.getLogger(TenantRouter.class);

    /** {@code <clinic>.<call id>}: the clinic id, a dot, then the call's own id. */
    public static final String DEFAULT_ROOM_PATTERN = "(?<clinic>[a-z0-9][a-z0-9_-]{0,62})[.](?<call>[A-Za-z0-9_+=.-]{1,128})";
    /** Longer room names are refused before matching. */
    static final int MAX_ROOM_NAME = 256;

    private final ClinicDirectory directory;
    private final Set<String> served;
    private final Pattern roomPattern;
    private final String countryCode;
    private final DidIndex dids;

    private TenantRouter(Builder b) {
        this.directory = b.directory;
        this.served = Set.copyOf(b.served);
        this.roomPattern = b.roomPattern;
        this.countryCode = b.countryCode;
        this.dids = new DidIndex(served, countryCode);
        directory.addListener(dids);
    }

    public static Builder builder(ClinicDirectory directory) {
        return new Builder(directory);
    }

    /** The clinics this worker answers for ({@code vocadent.clinics}); empty → any, by room name only. */
    public Set<String> servedClinics() {
        return served;
    }

    /** The clinic named by a LiveKit room name. */
    public Route fromRoomName(String roomName) {
        if (roomName == null || roomName.isEmpty()) {
            return unknown("room name is empty", roomName);
        }
        if (roomName.length() > MAX_ROOM_NAME) {
            return unknown("room name is longer than " + MAX_ROOM_NAME + " characters", roomName);
        }
        Matcher m = roomPattern.matcher(roomName);
        if (!m.matches()) {
            return unknown("room name does not match vocadent.routing.room-pattern", roomName);
        }
        String clinic = m.group("clinic");
        if (clinic == null || !ClinicConfigs.CLINIC_ID.matcher(clinic).matches()) {
            return unknown("room name does not hold a valid clinic id", roomName);
        }
        if (!served.isEmpty() && !served.contains(clinic)) {
            return unknown("clinic '" + clinic + "' is not served by this worker (vocadent.clinics)", roomName);
        }
        log.debug("routing: room name → clinic {}", clinic);
        return new Route.Clinic(clinic, Route.Via.ROOM_NAME);
    }

    /**
     * The clinic whose config lists the dialled number. May load configs of served clinics not
     * indexed yet (call {@link #warmUp()} at start so it does not happen on a call).
     */
    public Route fromDialledNumber(String dialled) {
        var number = PhoneNumbers.toE164(dialled, countryCode);
        if (number.isEmpty()) {
            return unknown("dialled number is not a phone number", dialled);
        }
        if (served.isEmpty()) {
            return unknown("no clinics to route dialled numbers to: vocadent.clinics is empty", null);
        }
        List<String> unavailable = indexMissing();
        List<String> owners = dids.owners(number.get());
        String shown = Redact.phone(number.get());
        if (owners.size() == 1) {
            log.debug("routing: dialled number {} → clinic {}", shown, owners.getFirst());
            return new Route.Clinic(owners.getFirst(), Route.Via.DIALLED_NUMBER);
        }
        if (owners.size() > 1) {
            return unknown("dialled number " + shown + " is listed by more than one clinic " + owners, null);
        }
        if (!unavailable.isEmpty()) {
            return unknown("dialled number " + shown + " is not a number of the clinics loaded; the configs of "
                    + unavailable + " could not be loaded", null);
        }
        return unknown("dialled number " + shown + " is not a number of any served clinic", null);
    }

    /** Loads every served clinic's config now (e.g. at start); completes when all are in or failed. */
    public CompletableFuture<Void> warmUp() {
        List<CompletableFuture<?>> loads = new ArrayList<>();
        for (String id : served) {
            loads.add(directory.prefetch(id).handle((c, e) -> {
                if (c != null) {
                    dids.changed(id, java.util.Optional.of(c));
                } else {
                    log.warn("routing: config of served clinic {} could not be loaded: {}", id, cause(e).getMessage());
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
    }

    /** Loads the configs of served clinics missing from the DID index; returns those that failed. */
    private List<String> indexMissing() {
        List<String> missing = dids.missing();
        if (missing.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<ClinicConfig>> loads = missing.stream().map(directory::prefetch).toList();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            String id = missing.get(i);
            try {
                dids.changed(id, java.util.Optional.of(loads.get(i).join()));
            } catch (CompletionException e) {
                failed.add(id);
                log.warn("routing: config of served clinic {} could not be loaded: {}", id, cause(e).getMessage());
            }
        }
        return failed;
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static Route unknown(String reason, String input) {
        if (input == null) {
            log.warn("routing: call refused: {}", reason);
        } else {
            log.warn("routing: call refused: {} (input '{}', {} chars)", reason, preview(input), input.length());
        }
        return new Route.Unknown(reason);
    }

    /** Digits masked (room names may embed the caller's number), odd characters replaced, short. */
    static String preview(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-';
            b.append(c >= '0' && c <= '9' ? '#' : plain ? c : '?');
        }
        return b.toString();
    }

    /** Builds a {@link TenantRouter}; defaults: no served clinics, {@link #DEFAULT_ROOM_PATTERN}, country 44. */
    public static final class Builder {
        private final ClinicDirectory directory;
        private final Set<String> served = new LinkedHashSet<>();
        private Pattern roomPattern = Pattern.compile(DEFAULT_ROOM_PATTERN);
        private String countryCode = "44";

        private Builder(ClinicDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** Reads {@code clinics} (a list, or a comma-separated string from VOCADENT_CLINICS) and {@code routing.*}. */
        public Builder settings(Config vocadent) {
            if (vocadent.hasPath("clinics")) {
                if (vocadent.getValue("clinics").valueType() == ConfigValueType.LIST) {
                    servedClinics(vocadent.getStringList("clinics"));
                } else {
                    servedClinics(Arrays.stream(vocadent.getString("clinics").split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList());
                }
            }
            Config r = vocadent.getConfig("routing");
            roomPattern(r.getString("room-pattern"));
            defaultCountryCode(r.getString("default-country-code"));
            return this;
        }

        /** The clinics this worker serves; each must be a valid clinic id. */
        public Builder servedClinics(List<String> clinicIds) {
            for (int i = 0; i < clinicIds.size(); i++) {
                String id = clinicIds.get(i);
                if (id == null || !ClinicConfigs.CLINIC_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("vocadent.clinics[" + i + "]: '" + id
                            + "' is not a clinic id (lower-case letters, digits, '-', '_')");
                }
            }
            served.clear();
            served.addAll(clinicIds);
            return this;
        }

        /** A regex matched against the whole room name, with a named group {@code clinic}. */
        public Builder roomPattern(String regex) {
            Pattern p;
            try {
                p = Pattern.compile(Objects.requireNonNull(regex, "room pattern"));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("vocadent.routing.room-pattern: not a valid regex: " + e.getDescription());
            }
            if (!p.namedGroups().containsKey("clinic")) {
                throw new IllegalArgumentException("vocadent.routing.room-pattern: needs a named group 'clinic', e.g. "
                        + DEFAULT_ROOM_PATTERN);
            }
            this.roomPattern = p;
            return this;
        }

        /** The country a leading trunk {@code 0} stands for (digits, default {@code 44}). */
        public Builder defaultCountryCode(String code) {
            if (code == null || !code.matches("[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException("vocadent.routing.default-country-code: must be 1-3 digits, e.g. 44; was "
                        + code);
            }
            this.countryCode = code;
            return this;
        }

        public TenantRouter build() {
            return new TenantRouter(this);
        }
    }
}
