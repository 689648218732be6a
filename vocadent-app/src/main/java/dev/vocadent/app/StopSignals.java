package dev.vocadent.app;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a graceful stop once on SIGTERM or SIGINT, instead of the JVM's default (run shutdown hooks, exit
 * 143/130): the command drains and returns normally, so its exit code says whether the drain was clean.
 * A shutdown hook runs the same stop for any other way the JVM ends; whichever comes first does the work.
 * A second signal while stopping exits at once (status 1), running the JVM's shutdown hooks only.
 */
final class StopSignals {
    private StopSignals() {}

    static void install(Runnable stop) {
        AtomicBoolean started = new AtomicBoolean();
        Runnable once = () -> {
            if (started.compareAndSet(false, true)) {
                stop.run();
            }
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    if (started.get()) {
                        System.err.println("vocadent: SIG" + name + " again, stopping without waiting for calls");
                        Thread.ofPlatform().name("exit-on-SIG" + name).start(() -> System.exit(1));
                    } else {
                        Thread.ofPlatform().name("stop-on-SIG" + name).start(once);
                    }
                });
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or the JVM reserves it): the shutdown hook still stops
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(once, "stop-on-exit"));
    }
}
