package dev.vocadent.core.cache;

import dev.vocadent.core.config.ClinicConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A config source held in memory: can fail, can hold a load until released, counts loads. */
public final class FakeSource implements ClinicConfigSource {
    private final Map<String, ClinicConfig> configs = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile RuntimeException failure;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);

    public FakeSource with(ClinicConfig... cs) {
        for (ClinicConfig c : cs) {
            configs.put(c.customerId(), c);
        }
        return this;
    }

    public void remove(String id) {
        configs.remove(id);
    }

    public void failWith(RuntimeException e) {
        this.failure = e;
    }

    public void recover() {
        this.failure = null;
    }

    /** Loads from now on wait until {@link #release()}. */
    public void hold() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits until a held load has started. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no load started");
        }
    }

    public int loads() {
        return loads.get();
    }

    @Override
    public Optional<ClinicConfig> load(String clinicId) throws Exception {
        loads.incrementAndGet();
        entered.countDown();
        CountDownLatch g = gate;
        if (g != null && !g.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test gate never released");
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        return Optional.ofNullable(configs.get(clinicId));
    }
}
