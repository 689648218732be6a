package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxCommandTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void listsPendingAndParkedItemsAndRetriesParkedOnes() {
        Journal j = new Journal(dir);
        Instant t = Instant.parse("2026-03-03T10:00:00Z");
        OutboxItem slack = OutboxItem.create("s1.slack", ItemKind.SLACK, "s1", "westbury", t, JsonNodeFactory.instance.objectNode());
        OutboxItem blob = OutboxItem.create("s1.blob_transcript", ItemKind.BLOB_TRANSCRIPT, "s1", "westbury", t, JsonNodeFactory.instance.objectNode());
        j.put(slack);
        j.put(blob);
        j.park(slack, "slack answered 404 no_service");

        Run r = run("outbox", "--outbox-dir", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(": 1 pending, 1 parked, 0 quarantined")
                .containsPattern("pending +s1\\.blob_transcript +blob_transcript +westbury +0")
                .containsPattern("parked +s1\\.slack +slack +westbury +1 +- +slack answered 404 no_service")
                .contains("vocadent outbox --retry-parked");

        Run retried = run("outbox", "--outbox-dir", dir.toString(), "--retry-parked");
        assertThat(retried.out()).contains("1 parked item moved back to pending").contains(": 2 pending, 0 parked");
        assertThat(j.parked()).isEmpty();
    }

    @Test
    void aMissingOutboxIsReportedEmptyAndNotCreated() {
        Path none = dir.resolve("none");
        Run r = run("outbox", "--outbox-dir", none.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("empty (no call has been queued here yet)");
        assertThat(none).doesNotExist();
    }

    @Test
    void aFileInsteadOfADirectoryIsAClearErrorThatChangesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Run r = run("outbox", "--outbox-dir", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("vocadent: outbox: " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
