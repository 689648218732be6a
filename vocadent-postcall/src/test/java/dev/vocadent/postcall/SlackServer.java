package dev.vocadent.postcall;

import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server standing in for a Slack incoming webhook: records every request and answers from a
 * script (status, Retry-After, body), 200 "ok" when the script is empty. {@link #delivered} holds the
 * bodies it answered 200 to.
 */
public final class SlackServer implements AutoCloseable {
    public record Answer(int status, String retryAfter, String body) {}

    public final List<String> delivered = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final Javalin app;

    public SlackServer() {
        app = Javalin.create(c -> c.showJavalinBanner = false).post("/services/hook", ctx -> {
            requests.incrementAndGet();
            Answer a = script.pollFirst();
            if (a == null) {
                a = new Answer(200, null, "ok");
            }
            if (a.retryAfter() != null) {
                ctx.header("Retry-After", a.retryAfter());
            }
            if (a.status() == 200) {
                delivered.add(ctx.body());
            }
            ctx.status(a.status()).result(a.body());
        }).start("127.0.0.1", 0);
    }

    public SlackServer then(int status, String retryAfter, String body) {
        script.addLast(new Answer(status, retryAfter, body));
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + app.port() + "/services/hook";
    }

    @Override
    public void close() {
        app.stop();
    }
}
