package dev.vocadent.backend;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bearer-token authentication. Clinic tokens are looked up by their SHA-256 hash; the admin token(s)
 * are compared in constant time. Clinic endpoints refuse the admin token (403) and admin endpoints
 * refuse clinic tokens (403); no or unknown token → 401.
 */
final class Auth {
    static final Set<String> OPEN_PATHS = Set.of("/healthz", "/metrics", "/openapi.json");

    private final ClinicRepository clinics;
    private final List<byte[]> adminHashes;

    Auth(ClinicRepository clinics, List<String> adminTokens) {
        this.clinics = clinics;
        this.adminHashes = new ArrayList<>();
        for (String t : adminTokens) {
            if (t != null && !t.isBlank()) {
                adminHashes.add(Tokens.hash(t));
            }
        }
    }

    void authenticate(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiException(401, "unauthorized", "an Authorization: Bearer <token> header is required", null);
        }
        byte[] hash = Tokens.hash(header.substring(7).trim());
        Principal who = null;
        boolean admin = false;
        for (byte[] a : adminHashes) {
            admin |= Tokens.same(a, hash);
        }
        if (admin) {
            who = Principal.administrator();
        } else {
            who = clinics.clinicOfToken(hash).map(Principal::clinic).orElse(null);
        }
        if (who == null) {
            throw new ApiException(401, "unauthorized", "the bearer token is not valid", null);
        }
        boolean adminPath = ctx.path().startsWith("/admin/");
        if (adminPath && !who.admin()) {
            throw new ApiException(403, "forbidden", "this endpoint needs the admin token", null);
        }
        if (!adminPath && who.admin()) {
            throw new ApiException(403, "forbidden", "this endpoint needs a clinic token", null);
        }
        ctx.attribute(Principal.ATTRIBUTE, who);
    }

    /** The clinic of the calling clinic token. */
    static String clinicOf(Context ctx) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        if (p == null || p.clinicId() == null) {
            throw new ApiException(401, "unauthorized", "a clinic token is required", null);
        }
        return p.clinicId();
    }
}
