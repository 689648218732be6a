package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.core.state.CallState;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.telephony.caller.CallerReplies;
import dev.vocadent.telephony.caller.DemoCaller;
import dev.vocadent.telephony.caller.SipCaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one phone call {@code vocadent demo} places to the agent: a synthetic caller (espeak-ng, en-us,
 * 8 kHz) over SIP and G.711 RTP on loopback, answering the agent with the replies of
 * {@code demo/caller-westbury.txt}; then it waits for the call's post-call report.
 */
final class DemoCall {
    static final String CALLER_NUMBER = "+447700900123";
    private static final String SCRIPT = "/demo/caller-westbury.txt";

    private final PrintStream out;
    private final DemoWatch watch;
    private final Config settings;

    DemoCall(PrintStream out, DemoWatch watch, Config settings) {
        this.out = out;
        this.watch = watch;
        this.settings = settings;
    }

    /** Places the call and waits for its report; a failure is printed, not thrown (the demo keeps serving). */
    CallState place(int sipPort, String dialled) throws InterruptedException {
        long t0 = System.nanoTime();
        out.println();
        out.println("Placing the demo call: a synthetic caller (espeak-ng) rings " + dialled + " over SIP and books a check-up...");
        out.flush();
        EspeakTts voice = OfflineVoice.callerVoice(settings.getConfig("voice"));
        AtomicReference<String> callId = new AtomicReference<>();
        DemoCaller caller = new DemoCaller(voice, replies(), () -> watch.takeAgentWords(callId.get()),
                line -> out.println("caller says: " + line));
        try (SipCaller sip = SipCaller.start("127.0.0.1")) {
            caller.call(sip, new InetSocketAddress("127.0.0.1", sipPort), dialled, CALLER_NUMBER, c -> callId.set(c.callId()));
            CallState state = watch.reported(callId.get()).get(60, TimeUnit.SECONDS);
            out.printf("Demo call done in %.0f s.%n", (System.nanoTime() - t0) / 1e9);
            return state;
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(DemoCall.class).warn("demo call failed", e);
            out.println("demo call failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return null;
        } finally {
            out.flush();
        }
    }

    static CallerReplies replies() {
        try (InputStream in = DemoCall.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return CallerReplies.parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
    }
}
