package dev.vocadent.telephony.sdp;

/** The audio codecs we speak: G.711 μ-law and A-law, 8 kHz, 20 ms. */
public enum AudioCodec {
    PCMU(0), PCMA(8);

    private final int staticPayloadType;

    AudioCodec(int staticPayloadType) {
        this.staticPayloadType = staticPayloadType;
    }

    public int staticPayloadType() {
        return staticPayloadType;
    }
}
