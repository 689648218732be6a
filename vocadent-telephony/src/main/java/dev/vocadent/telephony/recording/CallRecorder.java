package dev.vocadent.telephony.recording;

import dev.vocadent.telephony.rtp.RtpSession;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records both sides of a call to Ogg/Opus (RFC 7845) as the call goes: the media clock hands
 * each 20 ms frame pair to {@link #onFrame} (never blocking: a bounded queue, frames dropped and
 * counted if the writer falls behind), a virtual thread encodes them with concentus and writes one
 * Ogg page per Opus packet. Mono mixes caller and agent; stereo puts the caller left, agent right.
 * Only the current frame is ever in memory.
 */
public final class CallRecorder implements RtpSession.AudioTap, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    private static final int FRAME = 160;
    private static final short[] POISON = new short[0];

    private final Path file;
    private final int channels;
    private final BlockingQueue<short[]> queue = new ArrayBlockingQueue<>(256);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final OutputStream out;
    private final OggPageWriter ogg;
    private final OpusEncoder encoder;
    private final int preSkip;
    private volatile IOException failure;

    /** Opens {@code file} and writes the OpusHead and OpusTags pages. */
    public CallRecorder(Path file, boolean stereo) throws IOException {
        this.file = file;
        this.channels = stereo ? 2 : 1;
        try {
            encoder = new OpusEncoder(8000, channels, OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IOException("Opus encoder: " + e.getMessage(), e);
        }
        encoder.setBitrate(stereo ? 32000 : 16000);
        preSkip = encoder.getLookahead() * 6; // in 48 kHz samples
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = new BufferedOutputStream(Files.newOutputStream(file), 8192);
        ogg = new OggPageWriter(out, (int) System.nanoTime());
        byte[] head = new byte[19];
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, head, 0, 8);
        head[8] = 1;
        head[9] = (byte) channels;
        head[10] = (byte) preSkip;
        head[11] = (byte) (preSkip >> 8);
        int rate = 8000;
        head[12] = (byte) rate;
        head[13] = (byte) (rate >> 8);
        head[14] = (byte) (rate >> 16);
        head[15] = (byte) (rate >> 24);
        ogg.writePacket(head, head.length, 0, true, false);
        byte[] vendor = "vocadent (concentus)".getBytes(StandardCharsets.US_ASCII);
        byte[] tags = new byte[8 + 4 + vendor.length + 4];
        System.arraycopy("OpusTags".getBytes(StandardCharsets.US_ASCII), 0, tags, 0, 8);
        tags[8] = (byte) vendor.length;
        System.arraycopy(vendor, 0, tags, 12, vendor.length);
        ogg.writePacket(tags, tags.length, 0, false, false);
        writer = Thread.ofVirtual().name("recorder-" + file.getFileName()).start(this::writeLoop);
    }

    public Path file() {
        return file;
    }

    /** Frames dropped because the disk could not keep up. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void onFrame(short[] caller, short[] agent) {
        short[] f = new short[FRAME * channels];
        for (int i = 0; i < FRAME; i++) {
            int c = caller[i];
            int a = agent == null ? 0 : agent[i];
            if (channels == 1) {
                f[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c + a));
            } else {
                f[2 * i] = (short) c;
                f[2 * i + 1] = (short) a;
            }
        }
        if (!queue.offer(f)) {
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        byte[] packet = new byte[1275];
        long granule = 0;
        short[] pending = null;
        try {
            while (true) {
                short[] f = queue.poll(1, TimeUnit.SECONDS);
                if (f == null) {
                    continue;
                }
                if (f == POISON) {
                    break;
                }
                if (pending != null) {
                    granule = writeFrame(pending, packet, granule, false);
                }
                pending = f;
            }
            if (pending == null) {
                pending = new short[FRAME * channels];
            }
            writeFrame(pending, packet, granule, true);
            out.flush();
        } catch (IOException e) {
            failure = e;
            log.warn("recording {} failed: {}", file.getFileName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
    }

    private long writeFrame(short[] pcm, byte[] packet, long granule, boolean last) throws IOException {
        int n;
        try {
            n = encoder.encode(pcm, 0, FRAME, packet, 0, packet.length);
        } catch (OpusException e) {
            throw new IOException("Opus encode: " + e.getMessage(), e);
        }
        long next = granule + 960; // 20 ms at 48 kHz
        ogg.writePacket(packet, n, next, false, last);
        return next;
    }

    /** Finishes the file (last page marked end-of-stream) and waits for the writer. */
    @Override
    public void close() throws IOException {
        try {
            queue.put(POISON);
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
