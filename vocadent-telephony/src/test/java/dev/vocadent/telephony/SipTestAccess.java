package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The SIP test fixtures (package-private) for tests in other packages. */
public final class SipTestAccess {
    private SipTestAccess() {}

    public static void requireSipp() {
        SippCheck.require();
    }

    /** One sipp call (1 s of tone, 3 s, BYE) to {@code number} on a test server answered by {@code handler}. */
    public static void callOnce(Path dir, CallHandler handler, String number) throws Exception {
        try (var t = new TestServer(4, 30_000, 0, handler)) {
            Pcap.tone(1000, 8000, 1.0).write(dir.resolve("audio.pcap"));
            var r = Sipp.run("uac_call.xml", t.port(), dir, number);
            assertThat(r.ok()).as(r.output()).isTrue();
            t.awaitIdle();
            assertThat(t.server.activeCalls()).isZero();
            assertThat(t.ports.inUse()).isZero();
        }
    }
}
