package dev.vocadent.telephony.rtp;

import dev.vocadent.agent.audio.G711;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.dtmf.DtmfEventDetector;
import dev.vocadent.telephony.sdp.AudioCodec;
import dev.vocadent.telephony.sdp.Direction;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's RTP/RTCP: a socket pair bound to an allocated even port, a receive thread (RTP into
 * the jitter buffer and the DTMF detector, latching the caller's address: symmetric RTP) and a
 * media clock that every 20 ms, on an absolute schedule, plays one caller frame into the
 * {@link MediaSession} and sends one agent frame (silence when the agent is quiet, marker on the
 * first frame of each talkspurt). RTCP SR/RR every ~5 s and BYE on close. No RTP for
 * {@code inactivity} while the call is not on hold → {@link Listener#onInactive}.
 */
public final class RtpSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final long FRAME_NANOS = 20_000_000L;
    private static final long RTCP_INTERVAL_NANOS = 5_000_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Events of the session for the SIP side. */
    public interface Listener {
        /** No RTP arrived for the inactivity timeout. Called once, from the clock thread. */
        void onInactive();
    }

    /** Taps both directions' audio (for recording); called on the clock thread every 20 ms. */
    public interface AudioTap {
        /** {@code agent} is null when the agent was silent in this frame. */
        void onFrame(short[] caller, short[] agent);
    }

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final AudioCodec codec;
    private final int payloadType;
    private final int telephoneEventPt;
    private final MediaSession media;
    private final Listener listener;
    private final long inactivityNanos;
    private final InstantSource wallClock;
    private final JitterBuffer jitter;
    private final DtmfEventDetector dtmf;
    private final long ssrc = RANDOM.nextInt() & 0xffffffffL;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong lastReceiveNanos = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final String cname;
    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress remoteRtcp;
    private volatile Direction direction = Direction.SENDRECV;
    private volatile AudioTap tap;
    private volatile Runnable drainAction;
    private volatile long drainDeadline;
    private Thread clockThread;
    private Thread receiveThread;
    private Thread rtcpThread;
    // sender state (clock thread only)
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xffffffffL;
    private boolean talking;
    private long octetsSent;
    private DatagramPacket sendPacket;
    // receiver state (receive thread only)
    private long remoteSsrc = -1;
    private int maxSeq;
    private int cycles;
    private int baseSeq;
    private long expectedPrior;
    private long receivedPrior;

    /**
     * Binds {@code port} (RTP) and {@code port + 1} (RTCP) on {@code bind}. Throws when either is
     * taken (the caller then allocates another pair).
     */
    public RtpSession(InetAddress bind, int port, AudioCodec codec, int payloadType, int telephoneEventPt,
                      MediaSession media, Listener listener, long inactivityMillis, InstantSource wallClock,
                      int jitterMinFrames, int jitterMaxFrames) throws SocketException {
        this.rtp = new DatagramSocket(new InetSocketAddress(bind, port));
        try {
            this.rtcp = new DatagramSocket(new InetSocketAddress(bind, port + 1));
        } catch (SocketException e) {
            rtp.close();
            throw e;
        }
        this.codec = codec;
        this.payloadType = payloadType;
        this.telephoneEventPt = telephoneEventPt;
        this.media = media;
        this.listener = listener;
        this.inactivityNanos = TimeUnit.MILLISECONDS.toNanos(inactivityMillis);
        this.wallClock = wallClock;
        this.jitter = new JitterBuffer(jitterMinFrames, jitterMaxFrames);
        this.dtmf = new DtmfEventDetector(media::onDtmf);
        this.cname = "vocadent-" + Long.toHexString(ssrc) + "@" + bind.getHostAddress();
    }

    public int localPort() {
        return rtp.getLocalPort();
    }

    /** Starts receiving and the 20 ms clock, sending to {@code remote} (until the caller's own address is learnt). */
    public synchronized void start(InetSocketAddress remote, Direction ourDirection) {
        if (clockThread != null) {
            throw new IllegalStateException("already started");
        }
        this.remote = remote;
        this.remoteRtcp = new InetSocketAddress(remote.getAddress(), remote.getPort() + 1);
        this.direction = ourDirection;
        lastReceiveNanos.set(System.nanoTime());
        receiveThread = Thread.ofVirtual().name("rtp-recv-" + localPort()).start(this::receiveLoop);
        rtcpThread = Thread.ofVirtual().name("rtcp-recv-" + localPort()).start(this::rtcpLoop);
        clockThread = Thread.ofVirtual().name("rtp-clock-" + localPort()).start(this::clockLoop);
    }

    /** A re-INVITE changed the remote address or direction (hold / unhold). */
    public void update(InetSocketAddress newRemote, Direction ourDirection) {
        if (newRemote != null && !newRemote.getAddress().isAnyLocalAddress() && newRemote.getPort() != 0) {
            this.remote = newRemote;
            this.remoteRtcp = new InetSocketAddress(newRemote.getAddress(), newRemote.getPort() + 1);
        }
        this.direction = ourDirection;
        lastReceiveNanos.set(System.nanoTime());
    }

    public Direction direction() {
        return direction;
    }

    public void setTap(AudioTap tap) {
        this.tap = tap;
    }

    /** Runs {@code action} (once) when the agent's queued audio has been sent, or after {@code maxMillis}. */
    public void whenDrained(Runnable action, long maxMillis) {
        drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        drainAction = action;
    }

    public long packetsReceived() {
        return packetsReceived.get();
    }

    public long packetsSent() {
        return packetsSent.get();
    }

    public JitterBuffer jitterBuffer() {
        return jitter;
    }

    private void receiveLoop() {
        byte[] buf = new byte[2048];
        short[] pcm = new short[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        RtpPacket h = new RtpPacket();
        long startNanos = System.nanoTime();
        while (!closed.get()) {
            try {
                packet.setLength(buf.length);
                rtp.receive(packet);
            } catch (IOException e) {
                if (!closed.get()) {
                    log.warn("RTP receive on port {} failed: {}", localPort(), e.toString());
                }
                return;
            }
            if (!h.parse(buf, packet.getLength())) {
                continue;
            }
            lastReceiveNanos.set(System.nanoTime());
            packetsReceived.incrementAndGet();
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            if (!from.equals(remote)) {
                remote = from; // symmetric RTP: answer where the caller's media comes from
                remoteRtcp = new InetSocketAddress(from.getAddress(), from.getPort() + 1);
            }
            trackReception(h);
            if (h.payloadType == telephoneEventPt) {
                dtmf.onPacket(h.timestamp, buf, h.payloadOffset, h.payloadLength);
            } else if (h.payloadType == payloadType) {
                int n = Math.min(h.payloadLength, pcm.length);
                if (codec == AudioCodec.PCMU) {
                    G711.decodeUlaw(buf, h.payloadOffset, pcm, 0, n);
                } else {
                    G711.decodeAlaw(buf, h.payloadOffset, pcm, 0, n);
                }
                long arrival = (System.nanoTime() - startNanos) / 125_000L; // 8 kHz units
                jitter.put(h.sequence, h.timestamp, arrival, pcm, Math.min(n, MediaSession.FRAME_SAMPLES));
            }
        }
    }

    private void trackReception(RtpPacket h) {
        if (remoteSsrc != h.ssrc) {
            remoteSsrc = h.ssrc;
            baseSeq = h.sequence;
            maxSeq = h.sequence;
            cycles = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            return;
        }
        int delta = (h.sequence - maxSeq) & 0xffff;
        if (delta > 0 && delta < 0x8000) {
            if (h.sequence < maxSeq) {
                cycles += 0x10000;
            }
            maxSeq = h.sequence;
        }
    }

    private void rtcpLoop() {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closed.get()) {
            try {
                packet.setLength(buf.length);
                rtcp.receive(packet);
                if (packet.getLength() >= 8 && (buf[0] & 0xc0) == 0x80) {
                    remoteRtcp = (InetSocketAddress) packet.getSocketAddress();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void clockLoop() {
        short[] callerFrame = new short[MediaSession.FRAME_SAMPLES];
        short[] agentFrame = new short[MediaSession.FRAME_SAMPLES];
        short[] silence = new short[MediaSession.FRAME_SAMPLES];
        byte[] packet = new byte[12 + MediaSession.FRAME_SAMPLES];
        sendPacket = new DatagramPacket(packet, packet.length);
        byte[] rtcpBuf = new byte[512];
        long start = System.nanoTime();
        long tick = 0;
        long nextRtcp = start + RTCP_INTERVAL_NANOS;
        while (!closed.get()) {
            long due = start + tick * FRAME_NANOS;
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            if (now - due > 10 * FRAME_NANOS) {
                // far behind (machine stalled): drop the missed ticks instead of bursting
                long missed = (now - due) / FRAME_NANOS;
                tick += missed;
                timestamp += missed * MediaSession.FRAME_SAMPLES;
                continue;
            }
            tick++;
            try {
                tickOnce(callerFrame, agentFrame, silence, packet, now - due);
            } catch (RuntimeException e) {
                log.warn("media tick failed on port {}", localPort(), e);
            }
            if (now >= nextRtcp) {
                nextRtcp = now + RTCP_INTERVAL_NANOS;
                sendRtcp(rtcpBuf, false);
            }
            if (inactivityNanos > 0 && direction == Direction.SENDRECV
                    && System.nanoTime() - lastReceiveNanos.get() > inactivityNanos) {
                log.info("no RTP for {} ms on port {}: caller gone", TimeUnit.NANOSECONDS.toMillis(inactivityNanos), localPort());
                lastReceiveNanos.set(Long.MAX_VALUE / 2);
                listener.onInactive();
            }
        }
    }

    private void tickOnce(short[] callerFrame, short[] agentFrame, short[] silence, byte[] packet, long lateNanos) {
        jitter.take(callerFrame);
        media.onCallerAudio(callerFrame);
        boolean speaking = media.nextAgentFrame(agentFrame, lateNanos);
        AudioTap t = tap;
        if (t != null) {
            t.onFrame(callerFrame, speaking ? agentFrame : null);
        }
        Runnable drain = drainAction;
        if (drain != null && (!speaking || System.nanoTime() > drainDeadline)) {
            drainAction = null;
            drain.run();
        }
        if (direction.sends()) {
            short[] src = speaking ? agentFrame : silence;
            if (codec == AudioCodec.PCMU) {
                G711.encodeUlaw(src, 0, packet, 12, MediaSession.FRAME_SAMPLES);
            } else {
                G711.encodeAlaw(src, 0, packet, 12, MediaSession.FRAME_SAMPLES);
            }
            boolean marker = speaking && !talking;
            RtpPacket.writeHeader(packet, payloadType, marker, sequence, timestamp, ssrc);
            try {
                sendPacket.setSocketAddress(remote);
                rtp.send(sendPacket);
                packetsSent.incrementAndGet();
                octetsSent += MediaSession.FRAME_SAMPLES;
            } catch (IOException e) {
                log.debug("RTP send failed: {}", e.toString());
            }
            sequence = (sequence + 1) & 0xffff;
        }
        talking = speaking;
        timestamp = (timestamp + MediaSession.FRAME_SAMPLES) & 0xffffffffL;
    }

    private void sendRtcp(byte[] buf, boolean bye) {
        Rtcp.Reception reception = null;
        long rs = remoteSsrc;
        if (rs >= 0) {
            long extMax = cycles + maxSeq;
            long expected = extMax - baseSeq + 1;
            long received = packetsReceived.get();
            long expectedInterval = expected - expectedPrior;
            long receivedInterval = received - receivedPrior;
            expectedPrior = expected;
            receivedPrior = received;
            long lostInterval = expectedInterval - receivedInterval;
            int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
            reception = new Rtcp.Reception(rs, fraction, (int) Math.max(0, expected - received), extMax,
                    (long) (jitter.jitterMillis() * 8));
        }
        int len = Rtcp.compound(buf, ssrc, packetsSent.get() > 0, wallClock.millis(), timestamp, packetsSent.get(),
                octetsSent, reception, cname, bye);
        try {
            rtcp.send(new DatagramPacket(buf, len, remoteRtcp));
        } catch (IOException e) {
            log.debug("RTCP send failed: {}", e.toString());
        }
    }

    /** Sends RTCP BYE, flushes a pending DTMF digit, stops the threads and closes both sockets. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread clock = clockThread;
        if (clock != null) {
            try {
                clock.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (remoteRtcp != null) {
                sendRtcp(new byte[512], true);
            }
        }
        rtp.close();
        rtcp.close();
        for (Thread t : new Thread[] {receiveThread, rtcpThread}) {
            if (t != null) {
                try {
                    t.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        dtmf.flush();
    }
}
