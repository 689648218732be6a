package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SipRecordingsTest {
    @Test
    void aRecordingReachesThePostCallWorkThatAskedForItAndIsForgottenThen() {
        SipRecordings r = new SipRecordings();
        r.enable();
        CompletableFuture<Path> waiting = r.of("call-1");
        r.recorded("call-1", Path.of("/rec/call-1.ogg"));
        assertThat(r.await("call-1", waiting)).isEqualTo(Path.of("/rec/call-1.ogg"));
        assertThat(r.pending()).isZero();
    }

    @Test
    void recordingsNobodyWaitsForAreNotKept() {
        SipRecordings r = new SipRecordings();
        r.enable();
        r.recorded("never-reached-the-agent", Path.of("/rec/a.ogg"));
        CompletableFuture<Path> timedOut = r.of("call-2");
        timedOut.completeExceptionally(new java.util.concurrent.TimeoutException()); // as if the wait gave up
        assertThat(r.await("call-2", timedOut)).isNull();
        r.recorded("call-2", Path.of("/rec/call-2.ogg")); // arrives late
        assertThat(r.pending()).isZero();
    }

    @Test
    void withoutRecordingThereIsNothingToWaitFor() {
        assertThat(new SipRecordings().of("call-3")).isNull();
    }
}
