package dev.vocadent.app;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"vocadent " + (v == null ? "0.1.0-SNAPSHOT" : v), "Java " + Runtime.version()};
    }
}
