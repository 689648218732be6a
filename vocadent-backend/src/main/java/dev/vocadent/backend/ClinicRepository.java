package dev.vocadent.backend;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Clinics (their configs and versions) and the clinics' bearer tokens. Configs and token → clinic
 * answers are cached briefly ({@link #CACHE_TTL}); a config change made through this process is
 * seen at once, one made through another backend process within the TTL.
 */
final class ClinicRepository {
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Cache<String, ClinicConfig> configs;
    private final Cache<String, String> tokens;

    ClinicRepository(Jdbi jdbi) {
        this(jdbi, Ticker.systemTicker());
    }

    ClinicRepository(Jdbi jdbi, Ticker ticker) {
        this.jdbi = jdbi;
        this.configs = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();
        this.tokens = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(CACHE_TTL).maximumSize(100_000).build();
    }

    /** The stored config with its current version. */
    Optional<ClinicConfig> config(String clinicId) {
        ClinicConfig cached = configs.getIfPresent(clinicId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ClinicConfig> loaded = load(clinicId);
        loaded.ifPresent(c -> configs.put(clinicId, c));
        return loaded;
    }

    private Optional<ClinicConfig> load(String clinicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT config::text AS c, version FROM clinics WHERE clinic_id = :id")
                .bind("id", clinicId)
                .map((rs, ctx) -> withVersion(ClinicConfigs.parse(rs.getString("c")), rs.getLong("version")))
                .findOne());
    }

    /** Replaces or creates the clinic's config; returns the new version. */
    long put(ClinicConfig config) {
        ClinicConfig unversioned = withVersion(config, 0L);
        configs.invalidate(config.customerId());
        long version = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO clinics (clinic_id, config) VALUES (:id, CAST(:config AS jsonb))
                        ON CONFLICT (clinic_id) DO UPDATE
                           SET config = EXCLUDED.config, version = clinics.version + 1, updated_at = now()
                        RETURNING version""")
                .bind("id", config.customerId())
                .bind("config", ClinicConfigs.toJson(unversioned))
                .mapTo(Long.class)
                .one());
        configs.invalidate(config.customerId());
        return version;
    }

    /** Creates the clinic with this config if it does not exist yet (demo seeding); true if created. */
    boolean createIfAbsent(ClinicConfig config) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO clinics (clinic_id, config) VALUES (:id, CAST(:config AS jsonb))
                        ON CONFLICT (clinic_id) DO NOTHING""")
                .bind("id", config.customerId())
                .bind("config", ClinicConfigs.toJson(withVersion(config, 0L)))
                .execute()) == 1;
    }

    boolean exists(String clinicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM clinics WHERE clinic_id = :id")
                .bind("id", clinicId).mapTo(Integer.class).findOne().isPresent());
    }

    /** Stores a token's hash for a clinic; idempotent for the same hash. */
    void addToken(String clinicId, byte[] tokenHash, String label, boolean demo) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (token_hash, clinic_id, label, demo) VALUES (:hash, :id, :label, :demo)
                        ON CONFLICT (token_hash) DO NOTHING""")
                .bind("hash", tokenHash).bind("id", clinicId).bind("label", label).bind("demo", demo)
                .execute());
    }

    /** The clinic a token hash belongs to. */
    Optional<String> clinicOfToken(byte[] tokenHash) {
        String key = java.util.HexFormat.of().formatHex(tokenHash);
        String cached = tokens.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = jdbi.withHandle(h -> h.createQuery("SELECT clinic_id, token_hash FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> Tokens.same(rs.getBytes("token_hash"), tokenHash) ? rs.getString("clinic_id") : null)
                .findOne());
        found.ifPresent(c -> tokens.put(key, c));
        return found;
    }

    /** Removes the fixed demo tokens (they exist only while running with --demo). */
    int removeDemoTokens() {
        tokens.invalidateAll();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE demo").execute());
    }

    static ClinicConfig withVersion(ClinicConfig c, long version) {
        return new ClinicConfig(c.customerId(), c.customer(), c.systemPrompt(), c.greeting(), c.consultationTypes(),
                c.doctors(), c.voice(), c.sttKeyterms(), c.languages(), c.slackWebhookRef(), c.slackFullPatientDetails(),
                c.recordingRetentionDays(), c.frontDeskNumber(), c.onCallInstructions(), version);
    }
}
