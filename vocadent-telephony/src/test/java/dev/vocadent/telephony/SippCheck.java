package dev.vocadent.telephony;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** sipp is installed by .ci/run (Debian sip-tester); locally a missing sipp skips, in CI it fails. */
public final class SippCheck {
    private SippCheck() {}

    public static void require() {
        if (!Sipp.available() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("sipp is missing in CI: .ci/run installs the Debian package sip-tester");
        }
        assumeTrue(Sipp.available(), "sipp not installed (apt-get install sip-tester)");
    }
}
