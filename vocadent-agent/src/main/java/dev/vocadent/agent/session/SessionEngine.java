package dev.vocadent.agent.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.BrainException;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.state.TranscriptEntry;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tools.Tool;
import dev.vocadent.core.tools.ToolResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one call, always on the session thread: turns, history, transcript, DTMF, the end.
 * {@link CallSession} queues events onto that thread; nothing here is thread-safe on purpose.
 */
final class SessionEngine implements BrainContext, ReplySink {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);
    static final String APOLOGY = "Sorry, I didn't quite catch that. Could you say it again?";
    static final String GIVE_UP = "I'm sorry, I'm having technical trouble on my side.";

    /** One piece of agent text already in the history (and transcript) during the last agent turn. */
    private record Segment(int historyIndex, int transcriptIndex, String text) {}

    private final CallState state;
    private final Brain brain;
    private final Clock clock;
    private final CallControl control;
    private final Listeners listeners;
    private final SessionToolbox toolbox;
    private final int maxBrainFailures;
    private final List<HistoryItem> history = new ArrayList<>();
    private final List<HistoryItem> historyView = Collections.unmodifiableList(history);
    private final StringBuilder agentText = new StringBuilder();
    private final List<Segment> lastTurn = new ArrayList<>();
    private final StringBuilder dtmf = new StringBuilder();
    private final CompletableFuture<CallOutcome> ended = new CompletableFuture<>();
    private final String systemPrompt;
    private final Timer turnTimer;

    private Brain.Conversation conversation;
    private boolean started;
    private String pendingHangUp;
    private boolean finished;
    private int brainFailures;
    private volatile ExpectedAnswer expected = ExpectedAnswer.FREE;
    /** Turn counter, read by other threads to drop text after a barge-in. */
    private volatile long turn;
    private volatile long interruptedTurn = -1;

    SessionEngine(CallState state, BackendClient backend, Brain brain, Clock clock, CallControl control,
                  List<SessionListener> listeners, List<Tool> tools, int maxBrainFailures, MeterRegistry meters) {
        this.state = state;
        this.brain = brain;
        this.clock = clock;
        this.control = control;
        this.listeners = new Listeners(listeners);
        this.maxBrainFailures = maxBrainFailures;
        this.turnTimer = Timer.builder("vocadent.session.turn").description("one agent turn: brain and tools, no audio")
                .register(meters);
        this.toolbox = new SessionToolbox(this, tools, backend, clock, new CallControl() {
            @Override
            public void hangUp(String reason) {
                pendingHangUp = reason; // after the agent's last words of this turn
            }

            @Override
            public CompletableFuture<Boolean> transfer(String number) {
                return control.transfer(number);
            }
        }, meters);
        this.systemPrompt = SystemPrompt.build(state.customerContext(), clock);
        state.systemPrompt(systemPrompt);
    }

    // ---- events (session thread) -------------------------------------------------------------

    void start() {
        if (started || finished) {
            return;
        }
        runTurn(true);
    }

    void callerSaid(String text) {
        if (finished || text == null || text.isBlank()) {
            return;
        }
        addPendingDigits();
        String said = text.strip();
        history.add(HistoryItem.caller(said, clock.instant()));
        state.addTranscript(TranscriptEntry.caller(clock.instant(), said));
        runTurn(false);
    }

    /** A key was pressed: '#' ends the entry, '*' clears it, anything else is collected. */
    boolean dtmf(char key) {
        if (finished) {
            return false;
        }
        if (key == '#') {
            digitsDone();
            return false;
        }
        if (key == '*') {
            dtmf.setLength(0);
            return false;
        }
        if ("0123456789ABCDabcd".indexOf(key) < 0) {
            return false;
        }
        dtmf.append(Character.toUpperCase(key));
        return true;
    }

    /** The caller stopped keying (terminator or pause): the digits become a caller turn. */
    void digitsDone() {
        if (finished || !addPendingDigits()) {
            return;
        }
        runTurn(false);
    }

    private boolean addPendingDigits() {
        if (dtmf.isEmpty()) {
            return false;
        }
        String digits = dtmf.toString();
        dtmf.setLength(0);
        history.add(new HistoryItem(HistoryItem.Role.DTMF, digits, null, null, null, clock.instant()));
        state.addTranscript(TranscriptEntry.dtmf(clock.instant(), digits));
        return true;
    }

    /** The voice layer played only {@code heard} of the last agent turn (barge-in): history is cut to it. */
    void agentHeard(String heard) {
        int keep = heard == null ? 0 : heard.length();
        List<Segment> segments = new ArrayList<>(lastTurn);
        int[] keepPer = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            keepPer[i] = Math.min(keep, segments.get(i).text().length());
            keep -= keepPer[i];
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment seg = segments.get(i);
            if (keepPer[i] == seg.text().length()) {
                continue;
            }
            String cut = seg.text().substring(0, keepPer[i]).strip();
            if (cut.isEmpty()) {
                history.remove(seg.historyIndex());
                state.removeTranscript(seg.transcriptIndex());
            } else {
                HistoryItem old = history.get(seg.historyIndex());
                history.set(seg.historyIndex(), HistoryItem.agent(cut, old.at()));
                state.replaceTranscript(seg.transcriptIndex(), state.transcript().get(seg.transcriptIndex()).withText(cut));
            }
        }
        lastTurn.clear();
    }

    void callerLeft() {
        finish("caller_left", CallOutcome.HUNG_UP, false);
    }

    void end() {
        finish("ended", CallOutcome.HUNG_UP, false);
    }

    // ---- turns ---------------------------------------------------------------------------------

    private void runTurn(boolean greeting) {
        long t0 = System.nanoTime();
        turn++;
        started = true;
        lastTurn.clear();
        expected = ExpectedAnswer.FREE;
        try {
            if (conversation == null) {
                conversation = brain.newConversation(this);
            }
            if (greeting) {
                conversation.greet(this);
            } else {
                conversation.respond(this);
            }
            brainFailures = 0;
        } catch (BrainException | RuntimeException e) {
            brainFailures++;
            log.warn("brain {} failed in session {} ({} in a row): {}", brain.name(), state.sessionId(), brainFailures,
                    e.toString());
            if (greeting && agentText.isEmpty()) {
                text(state.customerContext().greeting()); // the greeting needs no brain
            } else if (!finished) {
                recover();
            }
        }
        flushAgentText();
        turnTimer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        if (finished) {
            return;
        }
        if (pendingHangUp != null) {
            finish(pendingHangUp, CallOutcome.ENQUIRY_ONLY, true);
        } else {
            listeners.listening();
        }
    }

    /** The brain could not answer: apologise, and after too many failures leave a callback request and end. */
    private void recover() {
        if (brainFailures < maxBrainFailures) {
            text((agentText.isEmpty() ? "" : " ") + APOLOGY);
            return;
        }
        text((agentText.isEmpty() ? "" : " ") + GIVE_UP);
        if (state.patientPhone() != null && state.callOutcome() == null) {
            ToolResult r = toolbox.call("handle_callback_request_and_forward_message_to_team",
                    Json.mapper().createObjectNode()
                            .put("message", "The call could not be completed because of a technical problem; please call back.")
                            .put("reason", "agent_error"), null);
            text(r.ok() ? " I've asked the team to call you back. Goodbye." : " Please call the practice again later. Goodbye.");
        } else {
            text(" Please call the practice again later. Goodbye.");
        }
        pendingHangUp = "agent_error";
    }

    void flushAgentText() {
        if (agentText.isEmpty()) {
            return;
        }
        String text = agentText.toString();
        agentText.setLength(0);
        if (text.isBlank()) {
            return;
        }
        history.add(HistoryItem.agent(text, clock.instant()));
        state.addTranscript(TranscriptEntry.agent(clock.instant(), text));
        lastTurn.add(new Segment(history.size() - 1, state.transcript().size() - 1, text));
    }

    void recordTool(String name, JsonNode args, String toolCallId, ToolResult r) {
        history.add(SessionToolbox.historyItem(name, args, toolCallId, r, clock));
        state.addTranscript(SessionToolbox.transcriptEntry(name, args, r, clock));
        listeners.toolCalled(name, args, r.ok(), r.message(), r.data());
    }

    private void finish(String reason, CallOutcome ifNone, boolean hangUp) {
        if (finished) {
            return;
        }
        finished = true;
        flushAgentText();
        addPendingDigits();
        if (state.callOutcome() == null) {
            state.recordOutcome(ifNone);
            listeners.outcome(state.callOutcome());
        }
        log.info("session {} ended: {} → {}", state.sessionId(), reason, state.callOutcome().wireName());
        if (hangUp) {
            try {
                control.hangUp(reason);
            } catch (RuntimeException e) {
                log.warn("hang-up of session {} failed", state.sessionId(), e);
            }
        }
        listeners.ended(state.callOutcome(), state);
        ended.complete(state.callOutcome());
    }

    // ---- ReplySink -------------------------------------------------------------------------

    @Override
    public void text(String delta) {
        if (delta == null || delta.isEmpty() || finished || interruptedTurn == turn) {
            return;
        }
        agentText.append(delta);
        listeners.agentText(delta);
    }

    @Override
    public void expect(ExpectedAnswer expected) {
        this.expected = expected == null ? ExpectedAnswer.FREE : expected;
    }

    @Override
    public BrainContext context() {
        return this;
    }

    // ---- BrainContext ------------------------------------------------------------------------

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public List<HistoryItem> history() {
        return historyView;
    }

    @Override
    public Toolbox tools() {
        return toolbox;
    }

    @Override
    public String systemPrompt() {
        return systemPrompt;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void brainSwitched(String from, String to, String reason) {
        listeners.brainSwitched(from, to, reason);
    }

    // ---- for CallSession -----------------------------------------------------------------------

    /** Called from any thread: drop the rest of the current turn's text (the caller barged in). */
    void interruptCurrentTurn() {
        interruptedTurn = turn;
    }

    boolean isEnded() {
        return finished;
    }

    Listeners listeners() {
        return listeners;
    }

    ExpectedAnswer expected() {
        return expected;
    }

    CompletableFuture<CallOutcome> endedFuture() {
        return ended;
    }
}
