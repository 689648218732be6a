package dev.vocadent.livekit.fake;

import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.vocadent.livekit.room.Candidates;
import dev.vocadent.livekit.room.MediaFactories;
import dev.vocadent.livekit.room.Peer;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.ParticipantUpdate;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrackPublishedResponse;
import livekit.LivekitRtc.TrickleRequest;

/**
 * One room of the fake server with a SIP caller in it. The server side holds real WebRTC peers: it
 * offers the caller's audio to the agent (the agent's subscriber connection) and answers the
 * agent's publisher offer, so audio really crosses WebRTC both ways over loopback.
 */
public final class FakeRoom {
    public final String name;
    public final ParticipantInfo caller;
    private final ExecutorService signalling = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final AtomicLong receivedSamples = new AtomicLong();
    private final double[] goertzelWindow = new double[48_000];
    private final AtomicLong windowFill = new AtomicLong();
    private final AtomicLong loudSamples = new AtomicLong();
    private volatile long lastLoudNanos = System.nanoTime();
    public final CompletableFuture<Void> agentLeft = new CompletableFuture<>();
    private volatile WsContext agent;
    private Peer toAgent;
    private Peer fromAgent;
    private CustomAudioSource callerVoice;
    private AudioTrack callerTrack;
    private RTCRtpSender callerSender;

    FakeRoom(String name, Map<String, String> callerAttributes) {
        this.name = name;
        this.caller = ParticipantInfo.newBuilder().setSid("PA_caller").setIdentity("sip_caller")
                .setKind(ParticipantInfo.Kind.SIP).setState(ParticipantInfo.State.ACTIVE)
                .putAllAttributes(callerAttributes)
                .addTracks(TrackInfo.newBuilder().setSid("TR_caller").setType(TrackType.AUDIO).setName("caller"))
                .build();
    }

    void agentConnected(WsContext ws, String identity) {
        agent = ws;
        signalling.execute(() -> {
            send(SignalResponse.newBuilder().setJoin(JoinResponse.newBuilder()
                    .setRoom(Room.newBuilder().setName(name).setSid("RM_" + name))
                    .setParticipant(ParticipantInfo.newBuilder().setIdentity(identity).setSid("PA_agent")
                            .setKind(ParticipantInfo.Kind.AGENT))
                    .addOtherParticipants(caller)
                    .setSubscriberPrimary(true)
                    .setPingInterval(5)
                    .setPingTimeout(15)).build());
            MediaFactories media = MediaFactories.get();
            toAgent = new Peer(media.sending(), List.of(), c -> trickle(c, SignalTarget.SUBSCRIBER), t -> { });
            callerVoice = new CustomAudioSource();
            callerTrack = media.sending().createAudioTrack("caller-audio", callerVoice);
            callerSender = toAgent.connection().addTrack(callerTrack, List.of("caller"));
            RTCSessionDescription offer = toAgent.offer();
            send(SignalResponse.newBuilder().setOffer(SessionDescription.newBuilder().setType("offer").setSdp(offer.sdp)).build());
        });
    }

    void onAgentMessage(SignalRequest req) {
        signalling.execute(() -> {
            switch (req.getMessageCase()) {
                case ANSWER -> toAgent.setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, req.getAnswer().getSdp()));
                case ADD_TRACK -> send(SignalResponse.newBuilder().setTrackPublished(TrackPublishedResponse.newBuilder()
                        .setCid(req.getAddTrack().getCid())
                        .setTrack(TrackInfo.newBuilder().setSid("TR_agent").setType(TrackType.AUDIO).setName(req.getAddTrack().getName())))
                        .build());
                case OFFER -> {
                    fromAgent = new Peer(MediaFactories.get().receiving(), List.of(),
                            c -> trickle(c, SignalTarget.PUBLISHER), tr -> {
                                if (tr.getReceiver().getTrack() instanceof AudioTrack a) {
                                    a.addSink((data, bits, rate, channels, frames) -> hear(data, channels, frames));
                                }
                            });
                    RTCSessionDescription answer = fromAgent.answer(req.getOffer().getSdp());
                    send(SignalResponse.newBuilder().setAnswer(SessionDescription.newBuilder().setType("answer").setSdp(answer.sdp)).build());
                }
                case TRICKLE -> {
                    var c = Candidates.fromJson(req.getTrickle().getCandidateInit());
                    (req.getTrickle().getTarget() == SignalTarget.PUBLISHER ? fromAgent : toAgent).addRemoteCandidate(c);
                }
                case LEAVE -> agentLeft.complete(null);
                default -> { }
            }
        });
    }

    /** The caller speaks: 16-bit mono 48 kHz, pushed in 10 ms chunks in real time. */
    public void callerSays(short[] pcm48k) throws InterruptedException {
        byte[] chunk = new byte[960];
        long next = System.nanoTime();
        for (int i = 0; i + 480 <= pcm48k.length; i += 480) {
            ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm48k, i, 480);
            callerVoice.pushAudio(chunk, 16, 48_000, 1, 480);
            next += 10_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** The caller hangs up: the server tells the agent the SIP participant left. */
    public void callerHangsUp() {
        send(SignalResponse.newBuilder().setUpdate(ParticipantUpdate.newBuilder()
                .addParticipants(caller.toBuilder().setState(ParticipantInfo.State.DISCONNECTED))).build());
    }

    /** Samples of agent audio the caller has heard (48 kHz). */
    public long heardSamples() {
        return receivedSamples.get();
    }

    /** Power of {@code hz} relative to total power over the last second the caller heard. */
    public synchronized double heardToneRatio(double hz) {
        int n = (int) Math.min(windowFill.get(), goertzelWindow.length);
        if (n == 0) {
            return 0;
        }
        double k = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double x = goertzelWindow[i];
            total += x * x;
            double s = x + k * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return total == 0 ? 0 : power / (total * n / 2.0);
    }

    /** Samples of agent audio the caller has heard in 10 ms chunks louder than {@link #LOUD_RMS}. */
    public long heardLoudSamples() {
        return loudSamples.get();
    }

    /** Milliseconds since the caller last heard a loud chunk (agent speech), or since the room was created. */
    public long millisSinceHeardLoud() {
        return (System.nanoTime() - lastLoudNanos) / 1_000_000;
    }

    /** RMS above which a 10 ms chunk the caller hears counts as agent speech (silence and comfort noise are far below). */
    public static final double LOUD_RMS = 300;

    private synchronized void hear(byte[] data, int channels, int frames) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        double energy = 0;
        for (int i = 0; i < frames; i++) {
            short s = b.getShort(i * channels * 2);
            energy += (double) s * s;
            int at = (int) (windowFill.getAndIncrement() % goertzelWindow.length);
            goertzelWindow[at] = s;
        }
        receivedSamples.addAndGet(frames);
        if (frames > 0 && Math.sqrt(energy / frames) > LOUD_RMS) {
            loudSamples.addAndGet(frames);
            lastLoudNanos = System.nanoTime();
        }
    }

    private void trickle(dev.onvoid.webrtc.RTCIceCandidate c, SignalTarget target) {
        send(SignalResponse.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(Candidates.toJson(c)).setTarget(target)).build());
    }

    private void send(SignalResponse msg) {
        WsContext ws = agent;
        if (ws != null && ws.session.isOpen()) {
            ws.send(ByteBuffer.wrap(msg.toByteArray()));
        }
    }

    void close() {
        signalling.shutdownNow();
        if (toAgent != null) {
            if (callerSender != null) {
                toAgent.connection().removeTrack(callerSender);
            }
            toAgent.close();
        }
        if (fromAgent != null) {
            fromAgent.close();
        }
        if (callerTrack != null) {
            callerTrack.dispose();
        }
        if (callerVoice != null) {
            callerVoice.dispose();
        }
    }
}
