package dev.vocadent.livekit.room;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WebRTC peer connection with blocking offer/answer helpers and buffered remote candidates
 * (candidates that arrive before the remote description are applied right after it).
 */
public final class Peer implements AutoCloseable {
    private static final long TIMEOUT_S = 10;

    private final RTCPeerConnection pc;
    private final List<RTCIceCandidate> early = new ArrayList<>();
    private volatile Consumer<RTCPeerConnectionState> onState = s -> { };
    private boolean remoteSet;

    public Peer(PeerConnectionFactory factory, List<RTCIceServer> iceServers,
                Consumer<RTCIceCandidate> onLocalCandidate, Consumer<RTCRtpTransceiver> onTrack) {
        RTCConfiguration cfg = new RTCConfiguration();
        cfg.iceServers.addAll(iceServers);
        pc = factory.createPeerConnection(cfg, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                onLocalCandidate.accept(candidate);
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                onTrack.accept(transceiver);
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                onState.accept(state);
            }
        });
    }

    public RTCPeerConnection connection() {
        return pc;
    }

    public void onStateChange(Consumer<RTCPeerConnectionState> listener) {
        onState = listener;
    }

    /** Creates an offer and sets it as the local description. */
    public RTCSessionDescription offer() {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), observer(f));
        RTCSessionDescription offer = await(f);
        setLocal(offer);
        return offer;
    }

    /** Applies a remote offer and returns the local answer (already set). */
    public RTCSessionDescription answer(String remoteOfferSdp) {
        setRemote(new RTCSessionDescription(RTCSdpType.OFFER, remoteOfferSdp));
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), observer(f));
        RTCSessionDescription answer = await(f);
        setLocal(answer);
        return answer;
    }

    public void setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setRemoteDescription(description, setObserver(f));
        await(f);
        List<RTCIceCandidate> pending;
        synchronized (early) {
            remoteSet = true;
            pending = List.copyOf(early);
            early.clear();
        }
        pending.forEach(pc::addIceCandidate);
    }

    public void addRemoteCandidate(RTCIceCandidate candidate) {
        synchronized (early) {
            if (!remoteSet) {
                early.add(candidate);
                return;
            }
        }
        pc.addIceCandidate(candidate);
    }

    private void setLocal(RTCSessionDescription description) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setLocalDescription(description, setObserver(f));
        await(f);
    }

    @Override
    public void close() {
        pc.close();
    }

    private static CreateSessionDescriptionObserver observer(CompletableFuture<RTCSessionDescription> f) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException("WebRTC: " + error));
            }
        };
    }

    private static SetSessionDescriptionObserver setObserver(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException("WebRTC: " + error));
            }
        };
    }

    private static <T> T await(CompletableFuture<T> f) {
        return f.orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
    }
}
