package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChatCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    static EmbeddedBackend backend;

    @TempDir
    static Path data;

    @BeforeAll
    static void startBackend() {
        backend = EmbeddedBackend.startDemo(data.resolve("shared"), CLOCK);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    record Run(int exit, String out, String err) {
        List<JsonNode> json() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isBlank()) {
                    lines.add(Json.mapper().readTree(l));
                }
            }
            return lines;
        }
    }

    static Run run(Function<String, Brain> brains, String input, Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        ChatCommand cmd = new ChatCommand(brains, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK, dir);
        int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    static ScriptedBrain bookingBrain() {
        return ScriptedBrain.named("scripted")
                .turn(t -> t.call("update_consultation_type", "{\"consultation_type\":\"check up\"}")
                        .call("update_booking_type", "{\"booking_type\":\"nhs\"}")
                        .call("get_appointment_availability", "{}")
                        .callWith("update_slot_id_and_slot_day_and_timing", ScriptedBrain::firstOfferedSlot)
                        .say("I can offer the first free slot. May I have your name and date of birth?"))
                .turn(t -> t.call("update_name", "{\"name\":\"Jane Smith\"}")
                        .call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}")
                        .call("book_appointment", "{}")
                        .say("You're booked in, Jane."))
                .turn(t -> t.say("Goodbye!").call("end_call", "{}"))
                .build();
    }

    @Test
    void aScriptedConversationBooksARealAppointmentAndPrintsJsonLines() throws Exception {
        ScriptedBrain brain = bookingBrain();
        Run r = run(name -> brain, "I'd like an NHS check-up\nJane Smith, 12 April 1985\nThat's all, thanks\n", null,
                "--clinic", "westbury", "--json", "--backend-url", backend.baseUrl().toString(),
                "--token", DemoClinics.WESTBURY_TOKEN, "--caller", "07700 900123");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).extracting(l -> l.get("type").asText()).containsExactly(
                "agent", "listening",
                "tool", "tool", "tool", "tool", "agent", "listening",
                "tool", "tool", "tool", "outcome", "agent", "listening",
                "tool", "agent", "end");
        assertThat(lines.getFirst().get("text").asText()).isEqualTo(DemoClinics.westbury().greeting());
        JsonNode book = lines.get(10);
        assertThat(book.get("name").asText()).isEqualTo("book_appointment");
        assertThat(book.get("args").isObject()).isTrue();
        assertThat(book.at("/result/ok").asBoolean()).isTrue();
        assertThat(lines.get(2).at("/args/consultation_type").asText()).isEqualTo("check up");
        assertThat(lines.get(11).get("outcome").asText()).isEqualTo("booked");
        JsonNode end = lines.getLast();
        assertThat(end.get("outcome").asText()).isEqualTo("booked");
        assertThat(end.at("/state/name").asText()).isEqualTo("Jane Smith");
        assertThat(end.at("/state/patient_phone").asText()).isEqualTo("+447700900123");
        assertThat(end.at("/state/date_of_birth").asText()).isEqualTo("1985-04-12");
        assertThat(end.at("/state/consultation_type").asText()).isEqualTo("check-up");
        String bookingId = end.get("booking_id").asText();
        assertThat(bookingId).isNotBlank().isEqualTo(book.at("/result/data/booking_id").asText());

        // the booking is real: the slot is gone from the backend and nobody else can take it
        String slotId = end.at("/state/slot_id").asText();
        try (HttpBackendClient client = HttpBackendClient.create(backend.baseUrl(), "westbury", DemoClinics.WESTBURY_TOKEN)) {
            var free = client.checkAvailability(new AvailabilityRequest("check-up", null, BookingType.NHS, null,
                    LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), PartOfDay.ANY, 50));
            assertThat(free.slots()).noneMatch(s -> s.slotId().equals(slotId));
            BackendException taken = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class, () ->
                    client.bookAppointment(new BookingRequest(slotId, new Patient("Other Person", "+447700900999",
                            LocalDate.of(1990, 1, 1)), BookingType.NHS, "check-up", null, null, "other"), "other-key"));
            assertThat(taken.isConflict()).isTrue();
        }
    }

    @Test
    void plainModeWithTheInProcessDemoBackendPrintsTheConversation(@TempDir Path dir) {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.say("We open at 9 on weekdays.")).build();
        Run r = run(name -> brain, "When do you open?\n", dir, "--clinic", "dental2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Riverside Dental Care (dental2): you are the caller.")
                .contains("agent: Good day, Riverside Dental Care, how may I help?")
                .contains("you: When do you open?")
                .contains("agent: We open at 9 on weekdays.")
                .contains("— call ended: hung_up");
    }

    @Test
    void endOfInputAtOnceIsACallerWhoHungUp() throws Exception {
        Run r = run(name -> ScriptedBrain.named("s").build(), "", null, "--clinic", "westbury", "--json",
                "--backend-url", backend.baseUrl().toString(), "--token", DemoClinics.WESTBURY_TOKEN);
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).extracting(l -> l.get("type").asText()).containsExactly("agent", "listening", "outcome", "end");
        assertThat(lines.getLast().get("outcome").asText()).isEqualTo("hung_up");
        assertThat(lines.getLast().get("booking_id").isNull()).isTrue();
    }

    @Test
    void unknownClinicIsAOneLineErrorWithExitCode2() {
        Run r = run(name -> ScriptedBrain.named("s").build(), "", null, "--clinic", "nowhere");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("vocadent: unknown clinic 'nowhere' (the demo backend has: westbury, dental2)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aClinicTheBackendDoesNotKnowIsRefusedWithExitCode2() {
        Run r = run(name -> ScriptedBrain.named("s").build(), "", null, "--clinic", "nowhere",
                "--backend-url", backend.baseUrl().toString(), "--token", DemoClinics.WESTBURY_TOKEN);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("vocadent: ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertThat(run(null, "", null, "--clinic", "westbury", "--brain", "psychic").err())
                .contains("unknown brain 'psychic' (use one of: auto, offline, openai)");
        assertThat(run(null, "", null, "--clinic", "westbury", "--backend-url", "http://127.0.0.1:1").err())
                .contains("needs the clinic's token");
        assertThat(run(null, "", null, "--clinic", "westbury", "--backend-url", "ftp://x", "--token", "t").exit()).isEqualTo(2);
        assertThat(run(null, "", null, "--clinic", "westbury", "--caller", "hello").err()).contains("not a phone number");
    }
}
