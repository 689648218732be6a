package dev.vocadent.agent.voice;

/** A TTS provider failed (connection, protocol, process). The message never contains the text spoken. */
public class TtsException extends Exception {
    private final String provider;

    public TtsException(String provider, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
    }

    public TtsException(String provider, String message) {
        this(provider, message, null);
    }

    public String provider() {
        return provider;
    }
}
