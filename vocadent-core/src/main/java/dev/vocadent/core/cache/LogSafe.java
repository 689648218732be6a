package dev.vocadent.core.cache;

/** Makes untrusted text safe for a log line or message: no digits runs (phone numbers), no control characters, short. */
final class LogSafe {
    private LogSafe() {}

    /** At most 40 characters; digits become '#', anything outside {@code [A-Za-z_.:-]} becomes '?'. */
    static String preview(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append('#');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == ':' || c == '-') {
                b.append(c);
            } else {
                b.append('?');
            }
        }
        return s.length() > 40 ? b + "…(" + s.length() + " chars)" : b.toString();
    }
}
