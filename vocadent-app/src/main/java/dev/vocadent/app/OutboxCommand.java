package dev.vocadent.app;

import dev.vocadent.core.settings.Settings;
import dev.vocadent.postcall.PostCallSettings;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocadent outbox}: the post-call items waiting for delivery or parked, and retrying parked ones. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = {"List post-call deliveries that are pending (waiting or retrying) or parked (failed for good),",
                "with their attempts and last error. --retry-parked puts parked items back in the queue."})
final class OutboxCommand implements Runnable {
    @Option(names = "--outbox-dir", paramLabel = "DIR",
            description = "The outbox journal (default: vocadent.postcall.outbox-dir, i.e. <data-dir>/outbox).")
    Path outboxDir;

    @Option(names = "--retry-parked", description = "Move every parked item back to pending; a running worker delivers it.")
    boolean retryParked;

    @Override
    public void run() {
        Path dir = outboxDir != null ? outboxDir : PostCallSettings.from(Settings.load()).outboxDir();
        PrintStream out = System.out;
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new UserError("outbox: " + dir + " is not a directory");
            }
            out.println("outbox " + dir + ": empty (no call has been queued here yet)");
            return;
        }
        Journal journal = Journal.inspect(dir);
        if (retryParked) {
            int n = journal.retryParked(Instant.now());
            out.println("outbox " + dir + ": " + n + " parked item" + (n == 1 ? "" : "s") + " moved back to pending");
        }
        List<OutboxItem> pending = journal.pending();
        List<OutboxItem> parked = journal.parked();
        List<String> quarantined = journal.quarantined();
        out.printf("outbox %s: %d pending, %d parked, %d quarantined%n", dir, pending.size(), parked.size(), quarantined.size());
        if (!pending.isEmpty() || !parked.isEmpty()) {
            out.printf("%-8s %-44s %-16s %-10s %8s  %-24s %s%n", "STATE", "ITEM", "DESTINATION", "CLINIC", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR / PARKED BECAUSE");
        }
        for (OutboxItem i : pending) {
            out.printf("%-8s %-44s %-16s %-10s %8d  %-24s %s%n", "pending", i.id(), i.kind().wireName(), nz(i.clinicId()),
                    i.attempts(), i.nextAttemptAt(), nz(i.lastError()));
        }
        for (OutboxItem i : parked) {
            out.printf("%-8s %-44s %-16s %-10s %8d  %-24s %s%n", "parked", i.id(), i.kind().wireName(), nz(i.clinicId()),
                    i.attempts(), "-", nz(i.parkedReason()));
        }
        for (String q : quarantined) {
            out.println("quarantined " + dir.resolve("quarantine").resolve(q) + " (unreadable; not delivered)");
        }
        if (!parked.isEmpty() && !retryParked) {
            out.println("fix the cause, then: vocadent outbox --retry-parked");
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
