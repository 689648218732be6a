package dev.vocadent.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated caller's script: one line per caller turn. {@code !words} starts speaking while the agent
 * is still talking (barge-in); {@code dtmf: 0770…#} presses keys; blank lines and {@code #} comments are skipped.
 */
record CallerScript(List<Line> lines) {
    enum Kind { SPEECH, BARGE_IN, DTMF }

    record Line(Kind kind, String text) {}

    static CallerScript read(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read --caller-script " + file + ": " + e.getMessage());
        }
        return parse(raw, file.toString());
    }

    static CallerScript parse(List<String> raw, String name) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.toLowerCase().startsWith("dtmf:")) {
                String keys = l.substring(5).replaceAll("\\s+", "");
                if (!keys.matches("[0-9*#A-Da-d]+")) {
                    throw new UserError(name + " line " + (i + 1) + ": dtmf keys must be 0-9 * # A-D, got '" + keys + "'");
                }
                lines.add(new Line(Kind.DTMF, keys.toUpperCase()));
            } else if (l.startsWith("!")) {
                String words = l.substring(1).strip();
                if (words.isEmpty()) {
                    throw new UserError(name + " line " + (i + 1) + ": '!' needs words after it");
                }
                lines.add(new Line(Kind.BARGE_IN, words));
            } else {
                lines.add(new Line(Kind.SPEECH, l));
            }
        }
        if (lines.isEmpty()) {
            throw new UserError(name + ": the caller script has no lines");
        }
        return new CallerScript(List.copyOf(lines));
    }
}
