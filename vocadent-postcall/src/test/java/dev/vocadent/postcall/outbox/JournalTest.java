package dev.vocadent.postcall.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    @TempDir Path dir;

    static OutboxItem item(String session, ItemKind kind, Instant at) {
        return OutboxItem.create(ItemIds.of(session, kind), kind, session, "westbury", at,
                JsonNodeFactory.instance.objectNode().put("n", session));
    }

    @Test
    void itemsSurviveReopeningTheJournal() {
        new Journal(dir).put(item("a", ItemKind.SLACK, NOW));
        new Journal(dir).put(item("b", ItemKind.BACKEND_RECORD, NOW.plusSeconds(1)));

        Journal reopened = new Journal(dir);
        assertThat(reopened.pending()).extracting(OutboxItem::id).containsExactly("a.slack", "b.backend_record");
        assertThat(reopened.pending().getFirst().payload().get("n").asText()).isEqualTo("a");
        assertThat(reopened.pending().getFirst().createdAt()).isEqualTo(NOW);
    }

    @Test
    void aCorruptEntryIsQuarantinedAndTheRestAreStillRead() throws Exception {
        Journal j = new Journal(dir);
        j.put(item("good", ItemKind.SLACK, NOW));
        j.put(item("flipped", ItemKind.SLACK, NOW));
        j.put(item("cut", ItemKind.SLACK, NOW));
        Path flipped = dir.resolve("pending/flipped.slack.item");
        byte[] b = Files.readAllBytes(flipped);
        b[b.length - 5] ^= 0x20;
        Files.write(flipped, b);
        Path cut = dir.resolve("pending/cut.slack.item");
        byte[] c = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(c, c.length - 10));
        Files.writeString(dir.resolve("pending/garbage.slack.item"), "not a journal entry", StandardCharsets.UTF_8);

        assertThat(j.pending()).extracting(OutboxItem::id).containsExactly("good.slack");
        assertThat(j.quarantined()).hasSize(3).allMatch(n -> n.matches("(flipped|cut|garbage)\\.slack\\.item\\.\\d+"));
        assertThat(j.pending()).hasSize(1);
    }

    @Test
    void halfWrittenTemporaryFilesAreRemovedOnOpen() throws Exception {
        Journal j = new Journal(dir);
        j.put(item("a", ItemKind.SLACK, NOW));
        Files.writeString(dir.resolve("pending/.tmp-b.slack-123"), "VOCADENT-OUTBOX v1 crc32=00000000 len=99\n{\"id\"");

        Journal reopened = new Journal(dir);
        assertThat(Files.list(dir.resolve("pending")).map(p -> p.getFileName().toString())).containsExactly("a.slack.item");
        assertThat(reopened.pending()).hasSize(1);
    }

    @Test
    void parkedItemsWaitUntilRetriedWithTheirReason() {
        Journal j = new Journal(dir);
        OutboxItem it = item("a", ItemKind.SLACK, NOW);
        j.put(it);
        j.park(it, "slack answered 404 no_service");

        assertThat(j.pending()).isEmpty();
        assertThat(j.parked()).singleElement().satisfies(p -> {
            assertThat(p.parkedReason()).isEqualTo("slack answered 404 no_service");
            assertThat(p.attempts()).isEqualTo(1);
        });
        assertThat(j.retryParked(NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(j.parked()).isEmpty();
        assertThat(j.pending()).singleElement().satisfies(p -> {
            assertThat(p.parkedReason()).isNull();
            assertThat(p.attempts()).isZero();
            assertThat(p.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void unsafeIdsAreRefusedAndNothingIsWritten() {
        Journal j = new Journal(dir);
        OutboxItem bad = OutboxItem.create("../escape", ItemKind.SLACK, "s", "c", NOW, null);
        assertThatThrownBy(() -> j.put(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a safe item id");
        assertThat(j.pending()).isEmpty();
        assertThat(dir.getParent().resolve("escape.item")).doesNotExist();
    }

    @Test
    void oddSessionIdsGetDistinctSafeNames() {
        assertThat(ItemIds.safe("abc-123_x")).isEqualTo("abc-123_x");
        assertThat(ItemIds.safe("a@b/c")).matches("sa_b_c-[0-9a-f]{12}").isNotEqualTo(ItemIds.safe("a@b:c"));
        assertThat(ItemIds.of("a@b/c", ItemKind.SLACK)).endsWith(".slack");
    }
}
