package dev.vocadent.app;

import dev.vocadent.core.settings.Settings;
import picocli.CommandLine.Command;

/** {@code vocadent config}: the effective settings, secrets redacted. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective settings (reference.conf + environment), secrets redacted.")
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(Settings.dump(Settings.load()));
    }
}
