package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.settings.Settings;
import dev.vocadent.telephony.sip.SipServerConfig;
import org.junit.jupiter.api.Test;

class SipCommandTest {
    private static SipServerConfig config(String bind, String ports, Integer max) {
        SipCommand c = new SipCommand();
        c.bind = bind;
        c.rtpPorts = ports;
        c.maxCalls = max;
        return c.config(Settings.load().getConfig("sip"));
    }

    @Test
    void defaultsComeFromReferenceConf() {
        SipServerConfig c = config(null, null, null);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(5060);
        assertThat(c.maxCalls()).isEqualTo(50);
        assertThat(c.ports().capacity()).isEqualTo(500);
        assertThat(c.rtpTimeoutMillis()).isEqualTo(30_000);
    }

    @Test
    void flagsOverrideTheSettings() {
        SipServerConfig c = config("[::1]:5080", "30000-30009", 3);
        assertThat(c.host()).isEqualTo("::1");
        assertThat(c.port()).isEqualTo(5080);
        assertThat(c.ports().capacity()).isEqualTo(5);
        assertThat(c.maxCalls()).isEqualTo(3);
    }

    @Test
    void badFlagsAreOneLineUserErrors() {
        assertThatThrownBy(() -> config("localhost", null, null)).isInstanceOf(UserError.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> config("h:x", null, null)).isInstanceOf(UserError.class).hasMessageContaining("number");
        assertThatThrownBy(() -> config("h:70000", null, null)).isInstanceOf(UserError.class).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> config(null, "9-1", null)).isInstanceOf(UserError.class).hasMessageContaining("--rtp-ports");
        assertThatThrownBy(() -> config(null, null, 0)).isInstanceOf(UserError.class).hasMessageContaining("--max-calls");
        assertThat(Main.run("sip", "--bind", "nonsense")).isEqualTo(2);
    }

    @Test
    void theAgentNeedsExactlyOneBackendAndAKnownBrain() {
        assertThat(Main.run("sip", "--bind", "127.0.0.1:0")).as("neither --demo nor --backend-url").isEqualTo(2);
        assertThat(Main.run("sip", "--bind", "127.0.0.1:0", "--demo", "--backend-url", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(Main.run("sip", "--bind", "127.0.0.1:0", "--backend-url", "ftp://x")).isEqualTo(2);
        assertThat(Main.run("sip", "--bind", "127.0.0.1:0", "--demo", "--brain", "psychic")).isEqualTo(2);
    }
}
