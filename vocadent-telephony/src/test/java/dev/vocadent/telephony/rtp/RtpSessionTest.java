package dev.vocadent.telephony.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.sdp.AudioCodec;
import dev.vocadent.telephony.sdp.Direction;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The media engine against plain UDP sockets: what goes on the wire, symmetric RTP, inactivity. */
class RtpSessionTest {
    private static final InetAddress LOOP = InetAddress.getLoopbackAddress();

    /** Agent talks for frames [10, 30) and [60, 80); silent otherwise. */
    static final class Talker implements MediaSession {
        final AtomicInteger tick = new AtomicInteger();
        final StringBuffer digits = new StringBuffer();

        @Override public void onCallerAudio(short[] frame) { }
        @Override public void onDtmf(char digit) { digits.append(digit); }
        @Override public boolean nextAgentFrame(short[] out) {
            int t = tick.getAndIncrement();
            boolean talk = (t >= 10 && t < 30) || (t >= 60 && t < 80);
            if (talk) {
                java.util.Arrays.fill(out, (short) 5000);
            }
            return talk;
        }
        @Override public void onEnd(EndReason reason) { }
    }

    private static int freePair() throws Exception {
        for (int i = 0; i < 50; i++) {
            int p;
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOP, 0))) {
                p = s.getLocalPort() & ~1;
            }
            try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(LOOP, p));
                 DatagramSocket b = new DatagramSocket(new InetSocketAddress(LOOP, p + 1))) {
                return p;
            } catch (java.net.SocketException taken) {
                // next
            }
        }
        throw new IllegalStateException("no free port pair");
    }

    @Test
    void sendsTwentyMillisecondFramesWithContinuousHeadersAndMarksTalkspurts() throws Exception {
        Talker talker = new Talker();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOP, 0));
             RtpSession s = new RtpSession(LOOP, freePair(), AudioCodec.PCMU, 0, 101, talker, () -> { }, 0,
                     Clock.systemUTC(), 2, 10)) {
            peer.setSoTimeout(2000);
            s.start(new InetSocketAddress(LOOP, peer.getLocalPort()), Direction.SENDRECV);
            List<RtpPacket> got = new ArrayList<>();
            byte[] buf = new byte[512];
            long start = System.nanoTime();
            while (got.size() < 100) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                peer.receive(p);
                RtpPacket h = new RtpPacket();
                assertThat(h.parse(buf, p.getLength())).isTrue();
                assertThat(h.payloadLength).isEqualTo(160);
                got.add(h);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).isBetween(1.5, 3.0); // 100 frames of 20 ms
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).sequence).isEqualTo((got.get(i - 1).sequence + 1) & 0xffff);
                assertThat(got.get(i).timestamp).isEqualTo((got.get(i - 1).timestamp + 160) & 0xffffffffL);
                assertThat(got.get(i).ssrc).isEqualTo(got.getFirst().ssrc);
                assertThat(got.get(i).payloadType).isZero();
            }
            List<Integer> marked = new ArrayList<>();
            for (int i = 0; i < got.size(); i++) {
                if (got.get(i).marker) {
                    marked.add(i);
                }
            }
            assertThat(marked).containsExactly(10, 60); // first frame of each talkspurt
        }
    }

    @Test
    void answersWhereTheCallersMediaComesFromAndDeliversItsDigits() throws Exception {
        Talker talker = new Talker();
        int port = freePair();
        try (DatagramSocket signalled = new DatagramSocket(new InetSocketAddress(LOOP, 0));
             DatagramSocket actual = new DatagramSocket(new InetSocketAddress(LOOP, 0));
             RtpSession s = new RtpSession(LOOP, port, AudioCodec.PCMU, 0, 101, talker, () -> { }, 0,
                     Clock.systemUTC(), 2, 10)) {
            s.start(new InetSocketAddress(LOOP, signalled.getLocalPort()), Direction.SENDRECV);
            byte[] pkt = new byte[16];
            for (int k = 0; k < 4; k++) {
                boolean end = k >= 1;
                RtpPacket.writeHeader(pkt, 101, false, 500 + k, 8000, 42);
                pkt[12] = 9;
                pkt[13] = (byte) (end ? 0x8a : 0x0a);
                pkt[15] = (byte) 160;
                actual.send(new DatagramPacket(pkt, pkt.length, LOOP, port));
            }
            actual.setSoTimeout(2000);
            byte[] buf = new byte[512];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            actual.receive(p); // our media now goes to the caller's real source address
            assertThat(p.getLength()).isEqualTo(172);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (talker.digits.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(talker.digits).hasToString("9");
            assertThat(s.packetsReceived()).isEqualTo(4);
        }
    }

    @Test
    void silenceFromTheCallerTriggersInactivityButNotOnHold() throws Exception {
        CompletableFuture<Boolean> inactive = new CompletableFuture<>();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOP, 0));
             RtpSession s = new RtpSession(LOOP, freePair(), AudioCodec.PCMA, 8, -1, new Talker(),
                     () -> inactive.complete(true), 300, Clock.systemUTC(), 2, 10)) {
            s.start(new InetSocketAddress(LOOP, peer.getLocalPort()), Direction.RECVONLY); // held
            Thread.sleep(600);
            assertThat(inactive).isNotDone();
            s.update(null, Direction.SENDRECV); // unhold: the timeout runs again
            assertThat(inactive.get(2, TimeUnit.SECONDS)).isTrue();
        }
    }
}
