package dev.vocadent.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.audio.G711;
import dev.vocadent.core.json.Json;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking ElevenLabs' stream-input protocol: checks xi-api-key, reads the first message
 * (voice_settings) and text chunks, answers each flushed text with audio (a tone, 40 ms a character, in
 * the requested output_format) in two base64 chunks with character alignment, and {"isFinal":true}
 * after {"text":""}. Can fail on demand: an error message, or a dropped connection mid-sentence.
 */
final class FakeElevenLabs implements AutoCloseable {
    static final int MS_PER_CHAR = 40;
    final Javalin app;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger textsAnswered = new AtomicInteger();
    volatile int dropMidText = -1;      // index of the text whose audio stops half-way with a dropped connection
    volatile boolean errorOnFirstText;

    FakeElevenLabs(String key) {
        app = Javalin.create();
        app.wsBeforeUpgrade("/v1/text-to-speech/{voice}/stream-input", ctx -> {
            if (!key.equals(ctx.header("xi-api-key"))) {
                throw new UnauthorizedResponse("invalid api key");
            }
        });
        app.ws("/v1/text-to-speech/{voice}/stream-input", ws -> {
            ws.onConnect(ctx -> {
                paths.add(ctx.pathParam("voice"));
                queries.add(ctx.queryString());
            });
            ws.onMessage(ctx -> {
                JsonNode m = Json.mapper().readTree(ctx.message());
                messages.add(m);
                String text = m.path("text").asText();
                if (text.isEmpty()) {
                    ctx.send("{\"isFinal\":true}");
                    ctx.closeSession(1000, "");
                } else if (!text.isBlank()) {
                    answer(ctx, text);
                }
            });
        });
        app.start("127.0.0.1", 0);
    }

    private void answer(WsContext ctx, String text) {
        int index = textsAnswered.getAndIncrement();
        if (errorOnFirstText) {
            ctx.send("{\"message\":\"You have exceeded your quota\",\"error\":\"quota_exceeded\",\"code\":1008}");
            ctx.closeSession(1008, "quota_exceeded");
            return;
        }
        String format = ctx.queryParam("output_format");
        int rate = Integer.parseInt(format.substring(format.indexOf('_') + 1));
        String chars = text;
        int half = chars.length() / 2;
        send(ctx, format, rate, chars.substring(0, half), index * 1000);
        if (index == dropMidText) {
            ctx.session.disconnect();
            return;
        }
        send(ctx, format, rate, chars.substring(half), index * 1000 + half);
    }

    private static void send(WsContext ctx, String format, int rate, String chars, int phase) {
        int samples = chars.length() * MS_PER_CHAR * rate / 1000;
        byte[] audio = new byte[format.startsWith("ulaw") ? samples : samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) (6000 * Math.sin(2 * Math.PI * 300 * (i + phase) / rate));
            if (format.startsWith("ulaw")) {
                audio[i] = G711.linearToUlaw(s);
            } else {
                audio[2 * i] = (byte) s;
                audio[2 * i + 1] = (byte) (s >> 8);
            }
        }
        ObjectNode msg = Json.mapper().createObjectNode();
        msg.put("audio", Base64.getEncoder().encodeToString(audio));
        msg.putNull("isFinal");
        ObjectNode al = msg.putObject("alignment");
        ArrayNode cs = al.putArray("chars");
        ArrayNode starts = al.putArray("charStartTimesMs");
        ArrayNode durs = al.putArray("charDurationsMs");
        for (int i = 0; i < chars.length(); i++) {
            cs.add(String.valueOf(chars.charAt(i)));
            starts.add(i * MS_PER_CHAR);
            durs.add(MS_PER_CHAR);
        }
        ctx.send(msg.toString());
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.stop();
    }
}
