package dev.vocadent.agent.audio;

/**
 * ITU-T G.711 μ-law (PCMU, RTP payload 0) and A-law (PCMA, payload 8) codecs between 8-bit code
 * words and 16-bit linear PCM. Decoding is a table look-up; encoding is branch-light arithmetic.
 * All methods work on caller-supplied arrays so the hot path allocates nothing.
 */
public final class G711 {
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawDecode((byte) i);
            ALAW_TO_LINEAR[i] = alawDecode((byte) i);
        }
    }

    private G711() {}

    public static short ulawToLinear(byte b) {
        return ULAW_TO_LINEAR[b & 0xff];
    }

    public static short alawToLinear(byte b) {
        return ALAW_TO_LINEAR[b & 0xff];
    }

    public static byte linearToUlaw(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static byte linearToAlaw(short sample) {
        int pcm = sample;
        int sign = ((~pcm) >> 8) & 0x80;
        if (sign == 0) {
            pcm = -pcm;
        }
        if (pcm > 32767) {
            pcm = 32767;
        }
        if (pcm < -32767) {
            pcm = -32767;
        }
        pcm = Math.abs(pcm);
        int encoded;
        if (pcm >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 1; mask >>= 1) {
                exponent--;
            }
            int mantissa = (pcm >> (exponent + 3)) & 0x0f;
            encoded = (exponent << 4) | mantissa;
        } else {
            encoded = pcm >> 4;
        }
        return (byte) ((encoded | sign) ^ 0x55);
    }

    /** Decodes {@code n} μ-law bytes from {@code in[inOff..]} into {@code out[outOff..]}. */
    public static void decodeUlaw(byte[] in, int inOff, short[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = ULAW_TO_LINEAR[in[inOff + i] & 0xff];
        }
    }

    public static void decodeAlaw(byte[] in, int inOff, short[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = ALAW_TO_LINEAR[in[inOff + i] & 0xff];
        }
    }

    public static void encodeUlaw(short[] in, int inOff, byte[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = linearToUlaw(in[inOff + i]);
        }
    }

    public static void encodeAlaw(short[] in, int inOff, byte[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = linearToAlaw(in[inOff + i]);
        }
    }

    private static short ulawDecode(byte b) {
        int u = ~b & 0xff;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0f;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) (sign != 0 ? -magnitude : magnitude);
    }

    private static short alawDecode(byte b) {
        int a = (b & 0xff) ^ 0x55;
        int sign = a & 0x80;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0f;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? magnitude : -magnitude);
    }
}
