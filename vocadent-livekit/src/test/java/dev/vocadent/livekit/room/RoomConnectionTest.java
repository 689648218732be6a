package dev.vocadent.livekit.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import dev.vocadent.livekit.fake.FakeRoom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomConnectionTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static short[] tone(double hz, double seconds) {
        short[] pcm = new short[(int) (48_000 * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 48_000));
        }
        return pcm;
    }

    static double toneRatio(List<short[]> chunks, double hz) {
        int n = chunks.stream().mapToInt(c -> c.length).sum();
        double k = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        double total = 0;
        for (short[] c : chunks) {
            for (short v : c) {
                total += (double) v * v;
                double s = v + k * s1 - s2;
                s2 = s1;
                s1 = s;
            }
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return total == 0 ? 0 : power / (total * n / 2.0);
    }

    @Test
    void audioCrossesWebRtcBothWaysBetweenTheAgentAndTheSipCaller() throws Exception {
        FakeRoom room = server.createRoom("westbury_+447700900123_r1", Map.of("sip.phoneNumber", "+447700900123"));
        List<short[]> heard = new CopyOnWriteArrayList<>();
        AtomicLong heardSamples = new AtomicLong();
        List<ParticipantInfo> left = new CopyOnWriteArrayList<>();
        RoomListener listener = new RoomListener() {
            @Override
            public void remoteAudio(short[] pcm, int sampleRate) {
                assertThat(sampleRate).isEqualTo(48_000);
                heardSamples.addAndGet(pcm.length);
                if (heard.size() < 200) {
                    heard.add(pcm);
                }
            }

            @Override
            public void participantLeft(ParticipantInfo p) {
                left.add(p);
            }
        };
        try (RoomConnection agent = RoomConnection.join(server.url(), server.joinToken(room.name, "agent-J1"), listener, Duration.ofSeconds(15))) {
            ParticipantInfo caller = agent.waitForSipParticipant(Duration.ofSeconds(5)).orElseThrow();
            assertThat(caller.getAttributesMap()).containsEntry("sip.phoneNumber", "+447700900123");

            // caller → agent: 1.5 s of 440 Hz
            Thread callerThread = Thread.ofVirtual().start(() -> {
                try {
                    room.callerSays(tone(440, 1.5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // agent → caller: 1.5 s of 620 Hz, paced in real time as the voice pacer would
            short[] agentTone = tone(620, 1.5);
            long next = System.nanoTime();
            for (int i = 0; i < agentTone.length; i += 960) {
                agent.publishAudio(agentTone, i, 960);
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            callerThread.join();
            Thread.sleep(300);

            assertThat(heardSamples.get()).as("agent received caller audio").isGreaterThan(24_000);
            List<short[]> loud = heard.stream().filter(c -> rms(c) > 1000).toList();
            assertThat(loud).as("caller audio had energy at the agent").isNotEmpty();
            assertThat(toneRatio(loud, 440)).as("agent hears 440 Hz").isGreaterThan(0.5);
            assertThat(room.heardSamples()).as("caller received agent audio").isGreaterThan(24_000);
            assertThat(room.heardToneRatio(620)).as("caller hears 620 Hz").isGreaterThan(0.3);

            room.callerHangsUp();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(left).extracting(ParticipantInfo::getIdentity).containsExactly("sip_caller");
            agent.leave();
            room.agentLeft.get(5, TimeUnit.SECONDS);
        }
    }

    static double rms(short[] c) {
        double sum = 0;
        for (short v : c) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / Math.max(1, c.length));
    }

    @Test
    void aTokenForAnotherRoomOrForgedIsRefused() {
        server.createRoom("westbury_a", Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                RoomConnection.join(server.url(), server.joinToken("no_such_room", "agent"), new RoomListener() { }, Duration.ofSeconds(5)))
                .isInstanceOf(RuntimeException.class);
    }
}
