package dev.vocadent.telephony.sip;

import dev.vocadent.telephony.rtp.RtpPortAllocator;

/**
 * Settings of the SIP server ({@code vocadent.sip} in reference.conf).
 *
 * @param host               address to bind SIP (UDP + TCP) and RTP to
 * @param port               SIP port (0 → a free port is chosen)
 * @param advertisedAddress  address written into Contact and SDP (null → {@code host})
 * @param ports              RTP port range
 * @param maxCalls           calls at once; more → 503 with Retry-After
 * @param retryAfterSeconds  the Retry-After of that 503
 * @param rtpTimeoutMillis   no RTP for this long → caller gone, BYE (0 → never)
 * @param transferTimeoutMillis how long a transfer may take before it counts as failed
 * @param hangUpDrainMillis  longest wait for the agent's last words before BYE
 * @param jitterMinFrames    jitter buffer lower bound (20 ms frames)
 * @param jitterMaxFrames    jitter buffer upper bound (20 ms frames)
 */
public record SipServerConfig(String host, int port, String advertisedAddress, RtpPortAllocator ports, int maxCalls,
                              int retryAfterSeconds, long rtpTimeoutMillis, long transferTimeoutMillis,
                              long hangUpDrainMillis, int jitterMinFrames, int jitterMaxFrames) {
    public SipServerConfig {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("max-calls must be at least 1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port out of range: " + port);
        }
        if (advertisedAddress == null || advertisedAddress.isBlank()) {
            advertisedAddress = host;
        }
    }

    /** Defaults for tests and the CLI, bound to {@code host:port}. */
    public static SipServerConfig defaults(String host, int port, RtpPortAllocator ports, int maxCalls) {
        return new SipServerConfig(host, port, null, ports, maxCalls, 5, 30_000, 30_000, 10_000, 2, 10);
    }

    public SipServerConfig withRtpTimeout(long millis) {
        return new SipServerConfig(host, port, advertisedAddress, ports, maxCalls, retryAfterSeconds, millis,
                transferTimeoutMillis, hangUpDrainMillis, jitterMinFrames, jitterMaxFrames);
    }
}
