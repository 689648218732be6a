package dev.vocadent.providers.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.vocadent.agent.brain.BrainException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One streaming Chat Completions request, read on a virtual thread while the caller's thread waits
 * with two deadlines: the first token (text or tool call) and the end of the answer. Text deltas are
 * handed to {@code onText} on the caller's thread as they arrive; tool-call deltas are accumulated by
 * index. A request past a deadline is cancelled (its stream closed) and reported as a BrainException.
 */
final class ChatStream {
    private static final Object END = new Object();
    private static final AtomicInteger READING = new AtomicInteger();

    /** What the model answered in one request. */
    record Answer(String text, List<ToolCall> toolCalls, String finishReason, CompletionUsage usage, long firstTokenNanos) {}

    private final String provider;

    ChatStream(String provider) {
        this.provider = provider;
    }

    /**
     * @param firstTokenTimeout longest wait from sending the request until the first text or tool call
     * @param budget            longest time the whole answer may take
     * @param idPrefix          prefix of the ids given to tool calls the server sent without one
     */
    Answer run(OpenAIClient client, ChatCompletionCreateParams params, Duration firstTokenTimeout, Duration budget,
               String idPrefix, Consumer<String> onText) throws BrainException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamResponse<ChatCompletionChunk>> open = new AtomicReference<>();
        READING.incrementAndGet();
        Thread reader = Thread.ofVirtual().name("openai-stream").start(() -> read(client, params, events, open));
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        long firstDeadline = Math.min(end, start + firstTokenTimeout.toNanos());
        StringBuilder text = new StringBuilder();
        ToolCallAccumulator calls = new ToolCallAccumulator();
        String finish = null;
        CompletionUsage usage = null;
        long firstToken = -1;
        boolean done = false;
        try {
            while (!done) {
                long deadline = firstToken < 0 ? firstDeadline : end;
                Object event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw firstToken < 0 && firstDeadline < end
                            ? new BrainException(provider + ": no answer within the first-token timeout of " + millis(firstTokenTimeout))
                            : new BrainException(provider + ": answer not finished within the turn timeout of " + millis(budget));
                }
                if (event == END) {
                    done = true;
                } else if (event instanceof Throwable t) {
                    throw failure(t);
                } else if (event instanceof ChatCompletionChunk chunk) {
                    StringBuilder piece = new StringBuilder();
                    try {
                        if (chunk.usage().isPresent()) {
                            usage = chunk.usage().get();
                        }
                        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                            if (choice.index() != 0) {
                                continue;
                            }
                            ChatCompletionChunk.Choice.Delta delta = choice.delta();
                            delta.content().ifPresent(piece::append);
                            List<ChatCompletionChunk.Choice.Delta.ToolCall> toolDeltas = delta.toolCalls().orElse(List.of());
                            toolDeltas.forEach(calls::add);
                            if (choice.finishReason().isPresent()) {
                                finish = choice.finishReason().get().asString();
                            }
                            if (firstToken < 0 && (!piece.isEmpty() || !toolDeltas.isEmpty() || finish != null)) {
                                firstToken = System.nanoTime() - start;
                            }
                        }
                    } catch (RuntimeException e) {
                        // the SDK reads chunk fields lazily: a chunk out of protocol fails here
                        throw new BrainException(provider + ": malformed chunk in the answer stream: "
                                + e.getClass().getSimpleName(), e);
                    }
                    if (!piece.isEmpty()) {
                        text.append(piece);
                        onText.accept(piece.toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrainException(provider + ": interrupted while waiting for the model", e);
        } finally {
            if (!done) {
                cancel(reader, open);
            }
        }
        if (finish == null) {
            throw new BrainException(provider + ": the answer stream ended before the model finished (connection dropped?)");
        }
        return new Answer(text.toString(), calls.calls(idPrefix), finish, usage, firstToken);
    }

    /** Requests whose reader thread is still running (abandoned ones included until their stream closes). */
    static int reading() {
        return READING.get();
    }

    private static void read(OpenAIClient client, ChatCompletionCreateParams params, BlockingQueue<Object> events,
                             AtomicReference<StreamResponse<ChatCompletionChunk>> open) {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            open.set(response);
            response.stream().forEach(chunk -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledException();
                }
                events.add(chunk);
            });
            events.add(END);
        } catch (CancelledException e) {
            // the turn gave up on this request
        } catch (Throwable t) {
            events.add(t);
        } finally {
            READING.decrementAndGet();
        }
    }

    private static void cancel(Thread reader, AtomicReference<StreamResponse<ChatCompletionChunk>> open) {
        reader.interrupt();
        StreamResponse<ChatCompletionChunk> response = open.get();
        if (response != null) {
            try {
                response.close();
            } catch (RuntimeException ignored) {
                // closing a stream another thread is reading may complain; the request is abandoned anyway
            }
        }
    }

    private BrainException failure(Throwable t) {
        if (t instanceof SseException e) {
            return new BrainException(provider + ": error event in the answer stream" + e.code().map(c -> " (" + c + ")").orElse(""), e);
        }
        if (t instanceof OpenAIServiceException e) {
            String what = switch (e.statusCode()) {
                case 401, 403 -> " (key rejected)";
                case 404 -> " (unknown model, deployment or URL)";
                case 429 -> " (rate limited)";
                default -> e.statusCode() >= 500 ? " (server error)" : "";
            };
            return new BrainException(provider + ": HTTP " + e.statusCode() + what, e);
        }
        if (t instanceof OpenAIIoException e) {
            return new BrainException(provider + ": connection failed: " + rootMessage(e), e);
        }
        return new BrainException(provider + ": request failed: " + rootMessage(t), t);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super(null, null, false, false);
        }
    }
}
