package dev.vocadent.telephony.sip;

import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between the media engine and the handler's session: the session is bound once the handler
 * has opened it; a session that throws is logged (once per kind) instead of stopping the media
 * clock; {@link #onEnd} reaches it exactly once.
 */
final class MediaSessionGuard implements MediaSession {
    private static final Logger log = LoggerFactory.getLogger(MediaSessionGuard.class);
    private final String callId;
    private volatile MediaSession delegate;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();

    MediaSessionGuard(String callId, MediaSession delegate) {
        this.callId = callId;
        this.delegate = delegate;
    }

    MediaSessionGuard bind(MediaSession session) {
        this.delegate = session;
        return this;
    }

    @Override
    public void onCallerAudio(short[] frame) {
        MediaSession d = delegate;
        if (d != null && !ended.get()) {
            try {
                d.onCallerAudio(frame);
            } catch (RuntimeException e) {
                warn(e);
            }
        }
    }

    @Override
    public void onDtmf(char digit) {
        MediaSession d = delegate;
        if (d != null && !ended.get()) {
            try {
                d.onDtmf(digit);
            } catch (RuntimeException e) {
                warn(e);
            }
        }
    }

    @Override
    public boolean nextAgentFrame(short[] out) {
        return nextAgentFrame(out, 0);
    }

    @Override
    public boolean nextAgentFrame(short[] out, long lateNanos) {
        MediaSession d = delegate;
        if (d == null || ended.get()) {
            return false;
        }
        try {
            return d.nextAgentFrame(out, lateNanos);
        } catch (RuntimeException e) {
            warn(e);
            return false;
        }
    }

    @Override
    public void onEnd(EndReason reason) {
        MediaSession d = delegate;
        if (d != null && ended.compareAndSet(false, true)) {
            d.onEnd(reason);
        }
    }

    private void warn(RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            log.warn("call {}: media session failed (further failures not logged)", callId, e);
        }
    }
}
