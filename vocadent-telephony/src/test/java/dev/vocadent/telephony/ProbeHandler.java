package dev.vocadent.telephony;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A test {@link CallHandler}: plays a 600 Hz tone while {@link #speak} is on, measures the caller's
 * audio energy, collects digits and the end reason of each call.
 */
final class ProbeHandler implements CallHandler {
    final List<Probe> probes = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, Probe> byCall = new ConcurrentHashMap<>();
    volatile boolean speak = true;
    /** Frames of tone per call before the agent falls silent (-1: no limit). */
    volatile int speakFrames = -1;
    volatile BiConsumer<CallInfo, TelephonyCallControl> onOpen = (c, ctl) -> { };

    @Override
    public MediaSession open(CallInfo call, TelephonyCallControl control) {
        Probe p = new Probe(call, control);
        probes.add(p);
        byCall.put(call.callId(), p);
        onOpen.accept(call, control);
        return p;
    }

    Probe only() {
        if (probes.size() != 1) {
            throw new AssertionError("expected one call, got " + probes.size());
        }
        return probes.getFirst();
    }

    final class Probe implements MediaSession {
        final CallInfo call;
        final TelephonyCallControl control;
        final StringBuffer digits = new StringBuffer();
        final CompletableFuture<EndReason> ended = new CompletableFuture<>();
        final List<Double> frameRms = new ArrayList<>();
        volatile int framesIn;
        volatile int loudFramesIn;
        volatile int framesOut;
        volatile CompletableFuture<Boolean> transfer;
        private int phase;

        Probe(CallInfo call, TelephonyCallControl control) {
            this.call = call;
            this.control = control;
        }

        @Override
        public void onCallerAudio(short[] frame) {
            double sum = 0;
            for (short s : frame) {
                sum += (double) s * s;
            }
            double rms = Math.sqrt(sum / frame.length);
            framesIn++;
            if (rms > 1000) {
                loudFramesIn++;
            }
        }

        @Override
        public void onDtmf(char digit) {
            digits.append(digit);
        }

        @Override
        public boolean nextAgentFrame(short[] out) {
            if (!speak || (speakFrames >= 0 && framesOut >= speakFrames)) {
                return false;
            }
            framesOut++;
            for (int i = 0; i < FRAME_SAMPLES; i++, phase++) {
                out[i] = (short) (6000 * Math.sin(2 * Math.PI * 600 * phase / 8000.0));
            }
            return true;
        }

        @Override
        public void onEnd(EndReason reason) {
            ended.complete(reason);
        }
    }
}
