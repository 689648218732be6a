package dev.vocadent.livekit.fake;

import com.google.protobuf.util.JsonFormat;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.RoomCompositeEgressRequest;

/**
 * LiveKit's Egress Twirp service as far as room composite recording goes: checks the bearer token's
 * roomRecord grant, records each request and answers with a started egress, in the request's Twirp
 * encoding: protobuf (as the SDK sends) or JSON ({@code application/json}, proto field names).
 */
public final class FakeEgressService {
    public final List<RoomCompositeEgressRequest> roomComposites = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, requests are refused with this HTTP status (a Twirp error). */
    public volatile int refuseWith;

    void register(Javalin app, String apiKey, String apiSecret) {
        app.post("/twirp/livekit.Egress/StartRoomCompositeEgress", ctx -> {
            String auth = ctx.header("Authorization");
            var claims = auth == null || !auth.startsWith("Bearer ") ? null : Jwt.verify(auth.substring(7), apiKey, apiSecret);
            if (claims == null || !claims.path("video").path("roomRecord").asBoolean(false)) {
                throw new UnauthorizedResponse();
            }
            if (refuseWith != 0) {
                ctx.status(refuseWith).contentType("application/json").result("{\"code\":\"unavailable\",\"msg\":\"no egress\"}");
                return;
            }
            boolean json = String.valueOf(ctx.contentType()).startsWith("application/json");
            RoomCompositeEgressRequest req;
            if (json) {
                var b = RoomCompositeEgressRequest.newBuilder();
                JsonFormat.parser().merge(ctx.body(), b);
                req = b.build();
            } else {
                req = RoomCompositeEgressRequest.parseFrom(ctx.bodyAsBytes());
            }
            roomComposites.add(req);
            EgressInfo info = EgressInfo.newBuilder().setEgressId("EG_" + ids.incrementAndGet())
                    .setRoomName(req.getRoomName()).setStatus(EgressStatus.EGRESS_STARTING).build();
            if (json) {
                ctx.contentType("application/json").result(JsonFormat.printer().preservingProtoFieldNames().print(info));
            } else {
                ctx.contentType("application/protobuf").result(info.toByteArray());
            }
        });
    }
}
