package dev.vocadent.livekit.room;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.vocadent.livekit.net.BinarySocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's presence in one LiveKit room: LiveKit's signalling protocol (protobuf
 * SignalRequest/SignalResponse over {@code <url>/rtc}) and two WebRTC peer connections as LiveKit
 * clients use them — a subscriber connection the server offers (the caller's audio arrives there)
 * and a publisher connection we offer (the agent's Opus audio leaves there).
 */
public final class RoomConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoomConnection.class);
    static final int PROTOCOL_VERSION = 15;
    private static final String TRACK_CID = "vocadent-agent-audio";
    private static final int RATE = 48_000;

    private final RoomListener listener;
    private final BinarySocket socket;
    private final ExecutorService signalling = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lk-signal").factory());
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lk-ping").daemon().factory());
    private final CompletableFuture<JoinResponse> joined = new CompletableFuture<>();
    private final CompletableFuture<Void> published = new CompletableFuture<>();
    private final Map<String, ParticipantInfo> participants = new ConcurrentHashMap<>();
    private final List<RTCIceCandidate> earlySubscriberCandidates = new ArrayList<>();
    private final List<RTCIceCandidate> publisherCandidates = new ArrayList<>();
    private boolean offerSent;
    private final Object audioLock = new Object();
    private volatile Peer subscriber;
    private Peer publisher;
    private CustomAudioSource source;
    private AudioTrack track;
    private RTCRtpSender sender;
    private List<RTCIceServer> iceServers = List.of();
    private volatile boolean closed;

    private RoomConnection(HttpClient http, String url, String token, RoomListener listener, Duration timeout) {
        this.listener = listener;
        this.socket = BinarySocket.connect(http, signalUri(url, token), null, timeout,
                bytes -> signalling.execute(() -> onSignal(bytes)));
        socket.closed().thenAccept(reason -> {
            if (!closed) {
                listener.disconnected("signalling closed: " + reason);
            }
        });
    }

    /**
     * Joins a room with a join token (as given in a job assignment) and starts publishing an audio
     * track. Returns once joined and the agent's track is published.
     */
    public static RoomConnection join(String url, String token, RoomListener listener, Duration timeout) {
        RoomConnection c = new RoomConnection(HttpClient.newHttpClient(), url, token, listener, timeout);
        try {
            JoinResponse join = c.joined.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
            log.info("joined room {} as {}", join.getRoom().getName(), join.getParticipant().getIdentity());
            c.signalling.execute(c::startPublishing);
            c.published.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static URI signalUri(String url, String token) {
        String base = url.replaceFirst("^http", "ws");
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/rtc?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&auto_subscribe=1&sdk=java&version=0.1.0&protocol=" + PROTOCOL_VERSION + "&adaptive_stream=0");
    }

    /** Remote participants now in the room. */
    public List<ParticipantInfo> participants() {
        return List.copyOf(participants.values());
    }

    /** Waits for the SIP caller to be in the room (kind SIP), e.g. to read {@code sip.phoneNumber}. */
    public Optional<ParticipantInfo> waitForSipParticipant(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !closed) {
            Optional<ParticipantInfo> sip = participants.values().stream()
                    .filter(p -> p.getKind() == ParticipantInfo.Kind.SIP).findFirst();
            if (sip.isPresent()) {
                return sip;
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /**
     * Sends agent audio: 16-bit mono PCM at 48 kHz in multiples of 10 ms (480 samples). Call from one
     * thread, paced in real time (the voice pacer does that).
     */
    public void publishAudio(short[] pcm, int offset, int samples) {
        if (samples % 480 != 0) {
            throw new IllegalArgumentException("audio must come in 10 ms chunks of 480 samples at 48 kHz");
        }
        byte[] chunk = new byte[480 * 2];
        synchronized (audioLock) {
            if (source == null || closed) {
                return;
            }
            for (int start = offset; start < offset + samples; start += 480) {
                ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm, start, 480);
                source.pushAudio(chunk, 16, RATE, 1, 480);
            }
        }
    }

    /** Leaves the room and releases its media. */
    public void leave() {
        if (closed) {
            return;
        }
        try {
            socket.send(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                    .setReason(livekit.LivekitModels.DisconnectReason.CLIENT_INITIATED)
                    .setAction(LeaveRequest.Action.DISCONNECT)).build().toByteArray());
        } catch (RuntimeException ignored) {
            // connection already gone
        }
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pinger.shutdownNow();
        signalling.shutdownNow();
        synchronized (audioLock) {
            if (publisher != null) {
                if (sender != null) {
                    publisher.connection().removeTrack(sender);
                }
                publisher.close();
            }
            if (track != null) {
                track.dispose();
            }
            if (source != null) {
                source.dispose();
            }
            source = null;
        }
        if (subscriber != null) {
            subscriber.close();
        }
        socket.close();
        listener.disconnected("left");
    }

    private void onSignal(byte[] bytes) {
        SignalResponse msg;
        try {
            msg = SignalResponse.parseFrom(bytes);
        } catch (Exception e) {
            log.warn("ignoring malformed signalling message ({} bytes)", bytes.length);
            return;
        }
        try {
            switch (msg.getMessageCase()) {
                case JOIN -> onJoin(msg.getJoin());
                case OFFER -> onSubscriberOffer(msg.getOffer());
                case ANSWER -> publisher.setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, msg.getAnswer().getSdp()));
                case TRICKLE -> onTrickle(msg.getTrickle());
                case TRACK_PUBLISHED -> onTrackPublished();
                case UPDATE -> msg.getUpdate().getParticipantsList().forEach(this::onParticipant);
                case LEAVE -> {
                    log.info("server asked the agent to leave ({})", msg.getLeave().getReason());
                    close();
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            log.warn("signalling step {} failed: {}", msg.getMessageCase(), e.toString());
            if (!joined.isDone()) {
                joined.completeExceptionally(e);
            }
            published.completeExceptionally(e);
        }
    }

    private void onJoin(JoinResponse join) {
        List<RTCIceServer> servers = new ArrayList<>();
        join.getIceServersList().forEach(s -> {
            RTCIceServer server = new RTCIceServer();
            server.urls.addAll(s.getUrlsList());
            server.username = s.getUsername();
            server.password = s.getCredential();
            servers.add(server);
        });
        iceServers = servers;
        join.getOtherParticipantsList().forEach(this::onParticipant);
        if (join.getPingInterval() > 0) {
            pinger.scheduleAtFixedRate(this::ping, join.getPingInterval(), join.getPingInterval(), TimeUnit.SECONDS);
        }
        joined.complete(join);
    }

    private void startPublishing() {
        try {
            MediaFactories media = MediaFactories.get();
            synchronized (audioLock) {
                publisher = new Peer(media.sending(), iceServers,
                        this::publisherCandidate, t -> { });
                source = new CustomAudioSource();
                track = media.sending().createAudioTrack("agent-audio", source);
            }
            socket.send(SignalRequest.newBuilder().setAddTrack(AddTrackRequest.newBuilder()
                    .setCid(TRACK_CID).setName("agent").setType(TrackType.AUDIO)
                    .setSource(TrackSource.MICROPHONE)).build().toByteArray());
        } catch (RuntimeException e) {
            published.completeExceptionally(e);
        }
    }

    private void onTrackPublished() {
        synchronized (audioLock) {
            sender = publisher.connection().addTrack(track, List.of("vocadent-agent"));
        }
        RTCSessionDescription offer = publisher.offer();
        socket.send(SignalRequest.newBuilder().setOffer(SessionDescription.newBuilder()
                .setType("offer").setSdp(offer.sdp)).build().toByteArray());
        List<RTCIceCandidate> gathered;
        synchronized (publisherCandidates) {
            offerSent = true;
            gathered = List.copyOf(publisherCandidates);
            publisherCandidates.clear();
        }
        gathered.forEach(c -> trickle(c, SignalTarget.PUBLISHER));
        published.complete(null);
    }

    private void onSubscriberOffer(SessionDescription offer) {
        if (subscriber == null) {
            subscriber = new Peer(MediaFactories.get().receiving(), iceServers,
                    c -> trickle(c, SignalTarget.SUBSCRIBER), this::onRemoteTrack);
            synchronized (earlySubscriberCandidates) {
                earlySubscriberCandidates.forEach(subscriber::addRemoteCandidate);
                earlySubscriberCandidates.clear();
            }
        }
        RTCSessionDescription answer = subscriber.answer(offer.getSdp());
        socket.send(SignalRequest.newBuilder().setAnswer(SessionDescription.newBuilder()
                .setType("answer").setSdp(answer.sdp)).build().toByteArray());
    }

    private void onRemoteTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack t = transceiver.getReceiver().getTrack();
        if (t instanceof AudioTrack audio) {
            audio.addSink((data, bitsPerSample, sampleRate, channels, frames) -> {
                short[] pcm = new short[frames];
                ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < frames; i++) {
                    pcm[i] = buf.getShort(i * channels * 2); // first channel
                }
                listener.remoteAudio(pcm, sampleRate);
            });
        }
    }

    private void onTrickle(TrickleRequest trickle) {
        RTCIceCandidate candidate = Candidates.fromJson(trickle.getCandidateInit());
        if (trickle.getTarget() == SignalTarget.PUBLISHER) {
            publisher.addRemoteCandidate(candidate);
        } else if (subscriber != null) {
            subscriber.addRemoteCandidate(candidate);
        } else {
            synchronized (earlySubscriberCandidates) {
                earlySubscriberCandidates.add(candidate);
            }
        }
    }

    private void onParticipant(ParticipantInfo p) {
        if (p.getState() == ParticipantInfo.State.DISCONNECTED) {
            if (participants.remove(p.getIdentity()) != null) {
                listener.participantLeft(p);
            }
        } else if (participants.put(p.getIdentity(), p) == null) {
            listener.participantJoined(p);
        }
    }

    /** Gathering starts when the offer is set locally, before it is sent: hold candidates until it is. */
    private void publisherCandidate(RTCIceCandidate c) {
        synchronized (publisherCandidates) {
            if (!offerSent) {
                publisherCandidates.add(c);
                return;
            }
        }
        trickle(c, SignalTarget.PUBLISHER);
    }

    private void trickle(RTCIceCandidate c, SignalTarget target) {
        if (closed) {
            return;
        }
        socket.send(SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(Candidates.toJson(c)).setTarget(target)).build().toByteArray());
    }

    private void ping() {
        try {
            socket.send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder()
                    .setTimestamp(System.currentTimeMillis())).build().toByteArray());
        } catch (RuntimeException e) {
            log.debug("ping failed: {}", e.toString());
        }
    }
}
