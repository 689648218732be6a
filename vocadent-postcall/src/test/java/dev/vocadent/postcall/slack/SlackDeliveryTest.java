package dev.vocadent.postcall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vocadent.postcall.FakeBackend;
import dev.vocadent.postcall.Fixtures;
import dev.vocadent.postcall.MutableClock;
import dev.vocadent.postcall.PostCall;
import dev.vocadent.postcall.SlackServer;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The clinic's Slack through the real SDK against a local webhook server. */
class SlackDeliveryTest {
    @TempDir Path dir;
    SlackServer slack;
    MutableClock clock;
    Map<String, String> env;
    PostCall postCall;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() {
        slack = new SlackServer();
        clock = new MutableClock(Fixtures.T0.plusSeconds(80));
        env = new HashMap<>(Map.of(Fixtures.SLACK_ENV, slack.url()));
        postCall = PostCall.builder(Fixtures.settings(dir)).backend(id -> new FakeBackend()).clock(clock)
                .random(() -> 0.5).env(env::get).build();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        postCall.close();
        slack.close();
    }

    OutboxItem slackItem() {
        return postCall.journal().pending().stream().filter(i -> i.kind() == ItemKind.SLACK).findFirst().orElse(null);
    }

    @Test
    void serverErrorThenRateLimitThenOkDeliversExactlyOnce() {
        slack.then(500, null, "internal_error").then(429, "7", "rate_limited");
        postCall.submit(Fixtures.booked("s-1", Fixtures.westbury(), null));

        postCall.sender().runOnce();                    // analyse + first attempt: 500
        assertThat(slackItem().lastError()).isEqualTo("slack answered 500 internal_error");
        clock.advance(Duration.ofSeconds(5));           // backoff (base 5 s, jitter 0.5 → 2.5 s) elapsed
        postCall.sender().runOnce();                    // 429, Retry-After 7
        assertThat(slackItem().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(7));
        clock.advance(Duration.ofSeconds(6));
        postCall.sender().runOnce();                    // not yet
        assertThat(slack.requests.get()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        postCall.sender().runOnce();                    // 200
        clock.advance(Duration.ofMinutes(10));
        postCall.sender().runOnce();

        assertThat(slack.requests.get()).isEqualTo(3);
        assertThat(slack.delivered).hasSize(1);
        assertThat(slackItem()).isNull();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(slack.url())
                || e.getFormattedMessage().contains("127.0.0.1:"));
    }

    @Test
    void aWebhookThatNoLongerExistsIsParkedNotRetried() {
        slack.then(404, null, "no_service");
        postCall.submit(Fixtures.booked("s-2", Fixtures.westbury(), null));
        postCall.sender().runOnce();
        clock.advance(Duration.ofHours(1));
        postCall.sender().runOnce();

        assertThat(slack.requests.get()).isEqualTo(1);
        assertThat(postCall.journal().parked()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ItemKind.SLACK);
            assertThat(p.parkedReason()).isEqualTo("slack answered 404 no_service");
        });
        // fixed (say the channel was restored): retry-parked delivers it
        postCall.journal().retryParked(clock.instant());
        postCall.sender().runOnce();
        assertThat(slack.delivered).hasSize(1);
    }

    @Test
    void anUnsetWebhookSecretParksTheItemWithoutSayingTheSecret() {
        env.remove(Fixtures.SLACK_ENV);
        postCall.submit(Fixtures.booked("s-3", Fixtures.westbury(), null));
        postCall.sender().runOnce();

        assertThat(postCall.journal().parked()).singleElement().extracting(OutboxItem::parkedReason)
                .isEqualTo("slack webhook of clinic westbury: environment variable VOCADENT_SLACK_WEBHOOK_WESTBURY is not set");
        assertThat(slack.requests.get()).isZero();
    }

    @Test
    void secretReferencesResolveFromEnvOrFileAndRejectAnythingElse(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("hook");
        java.nio.file.Files.writeString(f, "https://hooks.example/abc\n");
        SecretRefs refs = new SecretRefs(Map.of("HOOK", "https://hooks.example/env")::get);
        assertThat(refs.resolve("env:HOOK")).isEqualTo("https://hooks.example/env");
        assertThat(refs.resolve("file:" + f)).isEqualTo("https://hooks.example/abc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refs.resolve("https://hooks.example/raw"))
                .hasMessage("secret reference must be env:NAME or file:/path, got 'https:…'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refs.resolve("file:" + tmp.resolve("none")))
                .hasMessageStartingWith("cannot read secret file");
    }
}
