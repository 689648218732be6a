package dev.vocadent.telephony.recording;

import dev.vocadent.telephony.CallInfo;
import java.nio.file.Path;

/** Told, once per answered call and after the call has ended, where its Ogg/Opus recording is. */
@FunctionalInterface
public interface RecordingListener {
    void recorded(CallInfo call, Path file);
}
