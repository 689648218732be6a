package dev.vocadent.bench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtpTimingTest {
    @TempDir
    Path dir;

    @Test
    void evenlyPacedStreamHasNoJitterNoLateAndNoMissingPackets() {
        RtpTiming t = new RtpTiming();
        for (int i = 0; i < 100; i++) {
            t.packet(1, 1_000_000 + i * 20_000L, i, i * 160L);
        }
        RtpTiming.Result r = t.result();
        assertThat(r.all().intervals()).isEqualTo(99);
        assertThat(r.all().p99Micros()).isZero();
        assertThat(r.all().late()).isZero();
        assertThat(r.all().missing()).isZero();
        assertThat(r.all().skippedTicks()).isZero();
    }

    @Test
    void aSequenceGapIsMissingAStalledIntervalIsLateAndATimestampJumpIsSkippedTicks() {
        RtpTiming t = new RtpTiming();
        long at = 0;
        int seq = 65_530; // wraps
        long ts = 0;
        for (int i = 0; i < 50; i++) {
            if (i == 10) {
                seq += 2; // two packets never sent
                ts += 320;
            }
            if (i == 20) {
                at += 45_000; // sender stalled 45 ms: one late packet
            }
            if (i == 30) {
                ts += 3 * 160; // clock dropped three ticks without a sequence gap
            }
            t.packet(7, at, seq & 0xffff, ts);
            at += 20_000;
            seq++;
            ts += 160;
        }
        RtpTiming.Figures f = t.result().all();
        assertThat(f.missing()).isEqualTo(2);
        assertThat(f.late()).isEqualTo(1);
        assertThat(f.maxMicros()).isEqualTo(45_000);
        assertThat(f.skippedTicks()).isEqualTo(3);
        assertThat(f.reordered()).isZero();
    }

    @Test
    void lateTogetherInOneMomentIsAStallLateAloneIsNot() {
        RtpTiming t = new RtpTiming();
        for (int s = 0; s < 8; s++) {
            long at = 0;
            for (int i = 0; i < 100; i++) {
                if (i == 50 && s < 4) {
                    at += 30_000; // half the streams held up together at the same moment
                }
                if (i == 70 && s == 7) {
                    at += 30_000; // one stream alone
                }
                t.packet(s, at, i, i * 160L);
                at += 20_000;
            }
        }
        RtpTiming.Figures f = t.result().all();
        assertThat(f.late()).isEqualTo(5);
        assertThat(f.stalls()).isEqualTo(1);
        assertThat(f.lateInStalls()).isEqualTo(4);
    }

    @Test
    void fullLoadWindowIsWhereEveryStreamRunsAndCountsTheMostStreamsAtOnce() {
        RtpTiming t = new RtpTiming();
        for (int s = 0; s < 3; s++) {
            long start = s * 1_000_000L;
            for (int i = 0; i < 250; i++) { // 5 s each, started 1 s apart
                t.packet(s, start + i * 20_000L, i, i * 160L);
            }
        }
        RtpTiming.Result r = t.result();
        assertThat(r.maxConcurrent()).isEqualTo(3);
        assertThat(r.windowFrom()).isEqualTo(2_000_000L);
        assertThat(r.windowTo()).isEqualTo(4_980_000L);
        assertThat(r.fullLoad().intervals()).isLessThan(r.all().intervals());
    }

    @Test
    void callerPcapReadsBackAsOneEvenlyPacedStreamWithItsSpeechPackets() throws Exception {
        short[] cycle = new short[16_000]; // 1 s of silence, then 1 s of tone
        for (int i = 8000; i < cycle.length; i++) {
            cycle[i] = (short) (8000 * Math.sin(i * 0.3));
        }
        Path pcap = dir.resolve("caller.pcap");
        CallerPcap.write(cycle, 4, pcap);
        RtpTiming.Result r = WireCapture.read(pcap).result();
        assertThat(r.streams()).isEqualTo(1);
        assertThat(r.packets()).isEqualTo(200);
        assertThat(r.voicedPackets()).isEqualTo(100);
        assertThat(r.all().p99Micros()).isZero();
        assertThat(r.all().missing()).isZero();
    }
}
