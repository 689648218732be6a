package dev.vocadent.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import dev.vocadent.core.config.InvalidConfigException;
import io.javalin.http.Context;

/**
 * Admin endpoints (admin token only): {@code PUT /admin/clinics/{id}/config} replaces or creates a
 * clinic's config and bumps its version; {@code POST /admin/clinics/{id}/tokens} issues a new clinic
 * token, shown once and stored hashed.
 */
final class AdminRoutes {
    private final ClinicRepository clinics;
    private final ConfigPublisher publisher;
    private final int maxBody;

    AdminRoutes(ClinicRepository clinics, ConfigPublisher publisher, int maxBody) {
        this.clinics = clinics;
        this.publisher = publisher;
        this.maxBody = maxBody;
    }

    void register(Routes r) {
        r.put("/admin/clinics/{id}/config", this::putConfig);
        r.post("/admin/clinics/{id}/tokens", this::newToken);
    }

    /** Answer of the token endpoint; the token is shown only in this answer. */
    record IssuedToken(String clinicId, String token, String label) {}

    /** Body of the token endpoint (optional). */
    record TokenRequest(String label) {}

    private String clinicId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ClinicConfigs.CLINIC_ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "must be lower-case letters, digits, '-' or '_'");
        }
        return id;
    }

    private void putConfig(Context ctx) {
        String id = clinicId(ctx);
        JsonNode tree = Bodies.parse(ctx, JsonNode.class, maxBody);
        if (!(tree instanceof ObjectNode obj)) {
            throw ApiException.badRequest("$", "a JSON object is required");
        }
        JsonNode given = obj.get("customer_id");
        if (given == null || given.isNull()) {
            obj.put("customer_id", id);
        } else if (!id.equals(given.asText())) {
            throw ApiException.badRequest("customer_id", "must be the clinic id of the URL ('" + id + "')");
        }
        ClinicConfig config;
        try {
            config = ClinicConfigs.fromTree(obj);
        } catch (InvalidConfigException e) {
            throw new ApiException(400, "bad_request", String.join("; ", e.problems()), e.firstField());
        }
        long version = clinics.put(config);
        publisher.configChanged(id);
        Routes.json(ctx, version == 1 ? 201 : 200, ClinicRepository.withVersion(config, version));
    }

    private void newToken(Context ctx) {
        String id = clinicId(ctx);
        byte[] body = Bodies.read(ctx, maxBody);
        String label = null;
        if (body.length > 0) {
            TokenRequest tr = Bodies.parse(body, TokenRequest.class);
            label = tr.label();
            if (label != null && label.length() > 200) {
                throw ApiException.badRequest("label", "is longer than 200 characters");
            }
        }
        if (!clinics.exists(id)) {
            throw ApiException.notFound("no such clinic: create it first with PUT /admin/clinics/" + id + "/config");
        }
        String token = Tokens.generate();
        clinics.addToken(id, Tokens.hash(token), label, false);
        Routes.json(ctx, 201, new IssuedToken(id, token, label));
    }
}
