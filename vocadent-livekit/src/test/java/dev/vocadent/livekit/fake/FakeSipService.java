package dev.vocadent.livekit.fake;

import com.google.protobuf.Message;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitSip.CreateSIPDispatchRuleRequest;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.DeleteSIPDispatchRuleRequest;
import livekit.LivekitSip.ListSIPDispatchRuleResponse;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.UpdateSIPInboundTrunkRequest;

/** LiveKit's SIP Twirp service (protobuf bodies) kept in memory; records every mutating call. */
public final class FakeSipService {
    public final Map<String, SIPInboundTrunkInfo> trunks = new ConcurrentHashMap<>();
    public final Map<String, SIPDispatchRuleInfo> rules = new ConcurrentHashMap<>();
    public final List<String> mutations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    public volatile boolean refuseTransfers;

    void register(Javalin app, String apiKey, String apiSecret) {
        app.post("/twirp/livekit.RoomService/DeleteRoom", ctx -> {
            var req = livekit.LivekitRoom.DeleteRoomRequest.parseFrom(ctx.bodyAsBytes());
            mutations.add("delete room " + req.getRoom());
            reply(ctx, livekit.LivekitRoom.DeleteRoomResponse.getDefaultInstance());
        });
        app.post("/twirp/livekit.SIP/{method}", ctx -> {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || Jwt.verify(auth.substring(7), apiKey, apiSecret) == null) {
                throw new UnauthorizedResponse();
            }
            byte[] body = ctx.bodyAsBytes();
            switch (ctx.pathParam("method")) {
                case "ListSIPInboundTrunk" -> reply(ctx, ListSIPInboundTrunkResponse.newBuilder().addAllItems(trunks.values()).build());
                case "ListSIPDispatchRule" -> reply(ctx, ListSIPDispatchRuleResponse.newBuilder().addAllItems(rules.values()).build());
                case "CreateSIPInboundTrunk" -> {
                    var req = CreateSIPInboundTrunkRequest.parseFrom(body);
                    String id = "ST_" + ids.incrementAndGet();
                    SIPInboundTrunkInfo t = req.getTrunk().toBuilder().setSipTrunkId(id).build();
                    trunks.put(id, t);
                    mutations.add("create trunk " + t.getName());
                    reply(ctx, t);
                }
                case "UpdateSIPInboundTrunk" -> {
                    var req = UpdateSIPInboundTrunkRequest.parseFrom(body);
                    var old = trunks.get(req.getSipTrunkId());
                    var b = old.toBuilder();
                    if (req.hasUpdate() && req.getUpdate().hasNumbers()) {
                        b.clearNumbers().addAllNumbers(req.getUpdate().getNumbers().getSetList());
                    } else if (req.hasReplace()) {
                        b = req.getReplace().toBuilder().setSipTrunkId(req.getSipTrunkId());
                    }
                    SIPInboundTrunkInfo t = b.build();
                    trunks.put(t.getSipTrunkId(), t);
                    mutations.add("update trunk " + t.getName());
                    reply(ctx, t);
                }
                case "CreateSIPDispatchRule" -> {
                    var req = CreateSIPDispatchRuleRequest.parseFrom(body);
                    String id = "SDR_" + ids.incrementAndGet();
                    SIPDispatchRuleInfo r = req.hasDispatchRule()
                            ? req.getDispatchRule().toBuilder().setSipDispatchRuleId(id).build()
                            : SIPDispatchRuleInfo.newBuilder().setSipDispatchRuleId(id).setName(req.getName())
                                    .setRule(req.getRule()).addAllTrunkIds(req.getTrunkIdsList())
                                    .setRoomConfig(req.getRoomConfig()).putAllAttributes(req.getAttributesMap())
                                    .setMetadata(req.getMetadata()).build();
                    rules.put(id, r);
                    mutations.add("create rule " + r.getName());
                    reply(ctx, r);
                }
                case "DeleteSIPDispatchRule" -> {
                    var req = DeleteSIPDispatchRuleRequest.parseFrom(body);
                    var r = rules.remove(req.getSipDispatchRuleId());
                    mutations.add("delete rule " + (r == null ? "?" : r.getName()));
                    reply(ctx, r == null ? SIPDispatchRuleInfo.getDefaultInstance() : r);
                }
                case "TransferSIPParticipant" -> {
                    var req = livekit.LivekitSip.TransferSIPParticipantRequest.parseFrom(body);
                    mutations.add("transfer " + req.getRoomName() + " " + req.getParticipantIdentity() + " to " + req.getTransferTo());
                    if (refuseTransfers) {
                        ctx.status(412).contentType("application/json").result("{\"code\":\"failed_precondition\",\"msg\":\"busy\"}");
                    } else {
                        reply(ctx, com.google.protobuf.Empty.getDefaultInstance());
                    }
                }
                default -> ctx.status(404).result("unknown method");
            }
        });
    }

    private static void reply(Context ctx, Message m) {
        ctx.contentType("application/protobuf").result(m.toByteArray());
    }
}
