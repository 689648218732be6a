package dev.vocadent.livekit.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveKitCallControlTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final LiveKitCallControl control = new LiveKitCallControl(
            SipServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
            RoomServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
            "westbury_+447700900123_r1", "sip_caller", ended::add);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void transferAsksLiveKitToReferTheCallerToThePractice() throws Exception {
        assertThat(control.transfer("+441632960100").get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(server.sip().mutations).containsExactly("transfer westbury_+447700900123_r1 sip_caller to tel:+441632960100");
    }

    @Test
    void aRefusedTransferIsReportedAsNotReached() throws Exception {
        server.sip().refuseTransfers = true;
        assertThat(control.transfer("+441632960100").get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void hangingUpClosesTheRoom() {
        control.hangUp("completed");
        assertThat(server.sip().mutations).containsExactly("delete room westbury_+447700900123_r1");
        assertThat(ended).containsExactly("completed");
    }
}
