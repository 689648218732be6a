package dev.vocadent.telephony;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.telephony.routing.DidRouter;
import dev.vocadent.telephony.rtp.RtpPortAllocator;
import dev.vocadent.telephony.sip.SipServer;
import dev.vocadent.telephony.sip.SipServerConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A SIP server on 127.0.0.1 with a free port, routing the demo clinics, answered by a {@link ProbeHandler}. */
final class TestServer implements AutoCloseable {
    final ProbeHandler handler = new ProbeHandler();
    final RtpPortAllocator ports;
    final SipServer server;
    final List<String> lookups = new CopyOnWriteArrayList<>();
    /** Routing as in production: core's TenantRouter over a directory of the demo clinics. */
    final ClinicDirectory routingDirectory;

    TestServer(int maxCalls, long rtpTimeoutMillis, long lookupDelayMillis) throws Exception {
        this(maxCalls, rtpTimeoutMillis, lookupDelayMillis, null);
    }

    /** @param answer the handler answering calls; null → {@link #handler} (the probe) */
    TestServer(int maxCalls, long rtpTimeoutMillis, long lookupDelayMillis, CallHandler answer) throws Exception {
        int base = 20000 + (int) (ProcessHandle.current().pid() % 200) * 100 + (int) (Math.random() * 40) * 2;
        ports = new RtpPortAllocator(base, base + 99);
        SipServerConfig cfg = SipServerConfig.defaults("127.0.0.1", 0, ports, maxCalls).withRtpTimeout(rtpTimeoutMillis);
        Map<String, ClinicConfig> clinics = Map.of(DemoClinics.WESTBURY, DemoClinics.westbury(), DemoClinics.DENTAL2, DemoClinics.dental2());
        ClinicLookup lookup = id -> {
            lookups.add(id);
            return CompletableFuture.supplyAsync(() -> clinics.get(id),
                    CompletableFuture.delayedExecutor(lookupDelayMillis, TimeUnit.MILLISECONDS));
        };
        routingDirectory = ClinicDirectory.builder(id -> Optional.ofNullable(clinics.get(id))).build();
        TenantRouter router = TenantRouter.builder(routingDirectory).servedClinics(List.copyOf(clinics.keySet())).build();
        router.warmUp().get(10, TimeUnit.SECONDS);
        server = new SipServer(cfg, DidRouter.of(router), lookup, answer != null ? answer : handler,
                Clock.systemUTC());
        server.start();
    }

    TestServer() throws Exception {
        this(4, 30_000, 0);
    }

    int port() {
        return server.port();
    }

    /** Waits until no call is active (calls end asynchronously after the last SIP message). */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((server.activeCalls() > 0 || ports.inUse() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.close();
        routingDirectory.close();
    }
}
