package dev.vocadent.postcall.store;

import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.outbox.ItemIds;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blob names: {@code <clinic>/<yyyy>/<mm>/<dd>/<session-id>.ogg} and {@code .json} beside it (UTC date of the call start). */
public final class BlobPaths {
    public static final String OGG = "audio/ogg";
    public static final String JSON = "application/json";
    private static final Pattern DATED = Pattern.compile("^[^/]+/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$");

    private BlobPaths() {}

    public static String recording(FinishedCall call) {
        return base(call) + ".ogg";
    }

    public static String transcript(FinishedCall call) {
        return base(call) + ".json";
    }

    private static String base(FinishedCall call) {
        LocalDate d = LocalDate.ofInstant(call.startedAt(), ZoneOffset.UTC);
        return String.format("%s/%04d/%02d/%02d/%s", call.clinicId(), d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                ItemIds.safe(call.sessionId()));
    }

    /** The call date encoded in a blob name, if it has one. */
    public static Optional<LocalDate> dateOf(String name) {
        Matcher m = DATED.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
