package dev.vocadent.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** One fake time source as both a Caffeine ticker and a Clock; moves only when told. */
public final class FakeTime {
    private static final Instant START = Instant.parse("2026-03-29T00:30:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public Ticker ticker() {
        return nanos::get;
    }

    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return START.plusNanos(nanos.get());
            }
        };
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
