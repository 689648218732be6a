package dev.vocadent.livekit.room;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * The process-wide WebRTC factories. Measured on a headless server (see shared notes): the default
 * factory aborts without a sound card; sending needs a dummy-audio module, receiving a headless
 * module whose playout thread drives decoding (started after the factory exists). Factories leak
 * native threads when recreated, so there is exactly one of each per process.
 */
public final class MediaFactories {
    private static volatile MediaFactories instance;

    private final PeerConnectionFactory sending;
    private final PeerConnectionFactory receiving;

    private MediaFactories() {
        sending = new PeerConnectionFactory(new AudioDeviceModule(AudioLayer.kDummyAudio));
        HeadlessAudioDeviceModule playout = new HeadlessAudioDeviceModule();
        receiving = new PeerConnectionFactory(playout);
        playout.initPlayout();
        playout.startPlayout();
    }

    public static MediaFactories get() {
        MediaFactories f = instance;
        if (f == null) {
            synchronized (MediaFactories.class) {
                f = instance;
                if (f == null) {
                    f = new MediaFactories();
                    instance = f;
                }
            }
        }
        return f;
    }

    /** For peer connections that publish pushed audio. */
    public PeerConnectionFactory sending() {
        return sending;
    }

    /** For peer connections that receive and decode remote audio. */
    public PeerConnectionFactory receiving() {
        return receiving;
    }
}
