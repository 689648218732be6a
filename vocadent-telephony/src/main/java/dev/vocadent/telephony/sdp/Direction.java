package dev.vocadent.telephony.sdp;

/** SDP media direction (RFC 3264), from the point of view of the side that wrote it. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** Whether the writer of this direction sends media. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** Whether the writer of this direction receives media. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction an answerer writes for this offered direction. */
    public Direction answer() {
        return switch (this) {
            case SENDRECV -> SENDRECV;
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
        };
    }

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
