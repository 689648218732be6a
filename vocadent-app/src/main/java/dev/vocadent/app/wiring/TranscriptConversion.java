package dev.vocadent.app.wiring;

import dev.vocadent.postcall.TranscriptEntry;
import java.util.List;

/** The session's transcript ({@code CallState.transcript()}) as post-call's entries. */
final class TranscriptConversion {
    private TranscriptConversion() {}

    static List<TranscriptEntry> of(List<dev.vocadent.core.state.TranscriptEntry> entries) {
        return entries.stream().map(TranscriptConversion::of).toList();
    }

    static TranscriptEntry of(dev.vocadent.core.state.TranscriptEntry e) {
        return switch (e.kind()) {
            case CALLER -> TranscriptEntry.caller(e.at(), e.text());
            case AGENT -> TranscriptEntry.agent(e.at(), e.text());
            case TOOL -> TranscriptEntry.tool(e.at(), e.toolName(), e.toolArgs(), Boolean.TRUE.equals(e.toolOk()), e.text(),
                    e.toolData());
            case DTMF -> TranscriptEntry.dtmf(e.at(), e.text());
        };
    }
}
