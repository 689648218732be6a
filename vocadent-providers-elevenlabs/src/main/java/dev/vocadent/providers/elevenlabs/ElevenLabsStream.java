package dev.vocadent.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.audio.G711;
import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.agent.voice.WsClient;
import dev.vocadent.core.config.VoiceConfig;
import dev.vocadent.core.config.VoiceSettings;
import dev.vocadent.core.json.Json;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One agent turn on one stream-input connection. */
final class ElevenLabsStream implements TextToSpeech.Stream, WsClient.Handler {
    private final ElevenLabsTts owner;
    private final TextToSpeech.Listener listener;
    private final boolean ulaw;
    private final Resampler resampler;
    private final List<String> queued = new ArrayList<>();      // messages before the socket opened
    private final ArrayDeque<String> texts = new ArrayDeque<>(); // pushed, not yet fully voiced
    private final ArrayDeque<Long> textEnds = new ArrayDeque<>(); // cumulative non-space chars at each text's end
    private long sentChars;
    private long alignedChars;
    private WsClient ws;
    private boolean ended;
    private boolean finished;
    private volatile boolean cancelled;
    private short[] pcm = new short[4096];
    private short[] out = new short[8192];

    ElevenLabsStream(ElevenLabsTts owner, VoiceConfig voice, int rate, TextToSpeech.Listener listener) {
        this.owner = owner;
        this.listener = listener;
        String format = ElevenLabsTts.outputFormat(rate);
        this.ulaw = format.startsWith("ulaw");
        int fr = ElevenLabsTts.formatRate(format);
        this.resampler = fr == rate ? null : new Resampler(fr, rate);
        ElevenLabsOptions o = owner.options();
        String voiceId = voice != null && voice.voiceId() != null && !voice.voiceId().isBlank() ? voice.voiceId() : o.defaultVoiceId();
        String model = voice != null && voice.model() != null && !voice.model().isBlank() ? voice.model() : o.defaultModel();
        VoiceSettings s = voice == null ? VoiceSettings.DEFAULTS : voice.settings();
        ObjectNode first = Json.mapper().createObjectNode().put("text", " ");
        first.putObject("voice_settings").put("stability", s.stability()).put("similarity_boost", s.similarityBoost())
                .put("speed", s.speed()).put("use_speaker_boost", s.useSpeakerBoost());
        queued.add(first.toString());
        WsClient.connect(owner.http(), owner.uri(voiceId, model, format), Map.of("xi-api-key", o.apiKey()),
                o.connectTimeout(), this).whenComplete((c, err) -> {
                    if (err == null) {
                        opened(c);
                    } else {
                        Throwable t = err;
                        while (t.getCause() != null && !(t instanceof WebSocketHandshakeException)) {
                            t = t.getCause();
                        }
                        String why = t instanceof WebSocketHandshakeException h
                                ? "HTTP " + h.getResponse().statusCode() : t.toString();
                        fail("connect failed: " + why);
                    }
                });
    }

    private synchronized void opened(WsClient c) {
        if (cancelled) {
            c.abort();
            return;
        }
        ws = c;
        queued.forEach(c::sendText);
        queued.clear();
    }

    private synchronized void send(String message) {
        if (ws != null) {
            ws.sendText(message);
        } else {
            queued.add(message);
        }
    }

    @Override
    public void pushText(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            texts.add(text);
            sentChars += visible(text);
            textEnds.add(sentChars);
        }
        // a sentence per call: flush makes the server synthesise it now rather than wait for more text
        send(Json.mapper().createObjectNode().put("text", text.strip() + " ").put("try_trigger_generation", true)
                .put("flush", true).toString());
    }

    @Override
    public void endInput() {
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            ended = true;
        }
        send("{\"text\":\"\"}");
    }

    @Override
    public void cancel() {
        WsClient c;
        synchronized (this) {
            cancelled = true;
            c = ws;
        }
        if (c != null) {
            c.abort();
        }
    }

    @Override
    public void text(String message) {
        JsonNode m;
        try {
            m = Json.mapper().readTree(message);
        } catch (Exception e) {
            fail("unreadable message");
            return;
        }
        if (m.hasNonNull("audio") && !m.path("audio").asText().isEmpty()) {
            audio(Base64.getDecoder().decode(m.path("audio").asText()));
        }
        JsonNode chars = m.path("alignment").path("chars");
        if (chars.isArray()) {
            long n = 0;
            for (JsonNode ch : chars) {
                n += visible(ch.asText());
            }
            aligned(n);
        }
        if (m.path("isFinal").asBoolean(false)) {
            aligned(Long.MAX_VALUE / 2);
            boolean done;
            synchronized (this) {
                done = ended && !cancelled && !finished;
                finished = true;
            }
            if (done) {
                listener.done();
            }
        } else if (!m.has("audio") && (m.has("error") || m.has("message"))) {
            fail("error " + m.path("error").asText("") + ": " + m.path("message").asText(""));
        }
    }

    private void aligned(long n) {
        List<String> done = new ArrayList<>();
        synchronized (this) {
            alignedChars += n;
            while (!textEnds.isEmpty() && textEnds.peek() <= alignedChars) {
                textEnds.poll();
                done.add(texts.poll());
            }
        }
        for (String t : done) {
            if (!cancelled) {
                listener.textDone(t);
            }
        }
    }

    /** Called on the connection's listener thread only (one message at a time): no lock needed. */
    private void audio(byte[] bytes) {
        if (cancelled) {
            return;
        }
        int n = ulaw ? bytes.length : bytes.length / 2;
        if (pcm.length < n) {
            pcm = new short[n];
        }
        if (ulaw) {
            G711.decodeUlaw(bytes, 0, pcm, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
            }
        }
        if (resampler == null) {
            listener.audio(pcm, 0, n);
        } else {
            if (out.length < resampler.maxOutput(n)) {
                out = new short[resampler.maxOutput(n)];
            }
            int m = resampler.process(pcm, 0, n, out, 0);
            if (m > 0) {
                listener.audio(out, 0, m);
            }
        }
    }

    @Override
    public void closed(int code, String reason) {
        synchronized (this) {
            if (cancelled || finished) {
                return;
            }
        }
        fail("connection closed mid-turn (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")");
    }

    private void fail(String why) {
        synchronized (this) {
            if (cancelled || finished) {
                return;
            }
            finished = true;
        }
        WsClient c = ws;
        if (c != null) {
            c.abort();
        }
        listener.failed(new TtsException("elevenlabs", why));
    }

    private static long visible(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
