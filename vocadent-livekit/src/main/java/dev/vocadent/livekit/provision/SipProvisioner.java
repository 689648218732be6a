package dev.vocadent.livekit.provision;

import dev.vocadent.core.config.ClinicConfig;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.SipServiceClient;
import io.livekit.server.UpdateSipInboundTrunkOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Creates or updates, idempotently, a clinic's LiveKit SIP set-up with the official server SDK: an
 * inbound trunk named {@code vocadent-<clinic>} for the clinic's numbers, and a dispatch rule of the
 * same name that puts each call in its own room named {@code <clinic>._<caller>_<random>} (the
 * agent core's default room pattern {@code <clinic>.<call id>} finds the clinic: '.' never occurs in a clinic id) and dispatches the Vocadent agent into it.
 */
public final class SipProvisioner {
    private final SipServiceClient sip;
    private final String agentName;

    public SipProvisioner(SipServiceClient sip, String agentName) {
        this.sip = sip;
        this.agentName = agentName;
    }

    /** What {@link #apply} did or, with {@code dryRun}, would do: one line per action. */
    public record Plan(List<String> actions, boolean dryRun) {
        public boolean changesNothing() {
            return actions.stream().allMatch(a -> a.startsWith("unchanged"));
        }
    }

    public static String resourceName(String clinicId) {
        return "vocadent-" + clinicId;
    }

    /** The room prefix of a clinic's calls; LiveKit appends the caller and a random suffix. */
    public static String roomPrefix(String clinicId) {
        return clinicId + ".";
    }

    public Plan apply(ClinicConfig clinic, boolean dryRun) {
        String name = resourceName(clinic.customerId());
        List<String> numbers = clinic.customer().phoneNumbers();
        List<String> actions = new ArrayList<>();

        Optional<SIPInboundTrunkInfo> trunk = execute(sip.listSipInboundTrunk()).stream()
                .filter(t -> t.getName().equals(name)).findFirst();
        String trunkId;
        if (trunk.isEmpty()) {
            actions.add("create inbound trunk " + name + " for " + numbers);
            trunkId = dryRun ? "<new trunk>" : execute(sip.createSipInboundTrunk(name, numbers,
                    new CreateSipInboundTrunkOptions(clinic.customerId(), null, null, null, null))).getSipTrunkId();
        } else {
            trunkId = trunk.get().getSipTrunkId();
            if (new HashSet<>(trunk.get().getNumbersList()).equals(new HashSet<>(numbers))) {
                actions.add("unchanged inbound trunk " + name + " (" + trunkId + ")");
            } else {
                actions.add("update inbound trunk " + name + " (" + trunkId + ") numbers " + trunk.get().getNumbersList() + " -> " + numbers);
                if (!dryRun) {
                    execute(sip.updateSipInboundTrunk(trunkId,
                            new UpdateSipInboundTrunkOptions(name, numbers, clinic.customerId(), null, null, null, null)));
                }
            }
        }

        Optional<SIPDispatchRuleInfo> rule = execute(sip.listSipDispatchRule()).stream()
                .filter(r -> r.getName().equals(name)).findFirst();
        if (rule.isPresent() && matches(rule.get(), clinic.customerId(), trunkId)) {
            actions.add("unchanged dispatch rule " + name + " (" + rule.get().getSipDispatchRuleId() + ")");
        } else {
            if (rule.isPresent()) {
                actions.add("replace dispatch rule " + name + " (" + rule.get().getSipDispatchRuleId() + ")");
                if (!dryRun) {
                    execute(sip.deleteSipDispatchRule(rule.get().getSipDispatchRuleId()));
                }
            } else {
                actions.add("create dispatch rule " + name + ": rooms " + roomPrefix(clinic.customerId()) + "…, agent '" + agentName + "'");
            }
            if (!dryRun) {
                CreateSipDispatchRuleOptions opts = new CreateSipDispatchRuleOptions(name, clinic.customerId(),
                        List.of(trunkId), false, Map.of("vocadent.clinic", clinic.customerId()), null,
                        RoomConfiguration.newBuilder()
                                .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agentName))
                                .build());
                execute(sip.createSipDispatchRule(new SipDispatchRuleIndividual(roomPrefix(clinic.customerId()), null), opts));
            }
        }
        return new Plan(List.copyOf(actions), dryRun);
    }

    private boolean matches(SIPDispatchRuleInfo r, String clinicId, String trunkId) {
        return r.getRule().hasDispatchRuleIndividual()
                && r.getRule().getDispatchRuleIndividual().getRoomPrefix().equals(roomPrefix(clinicId))
                && r.getTrunkIdsList().equals(List.of(trunkId))
                && r.hasRoomConfig()
                && r.getRoomConfig().getAgentsList().stream().anyMatch(a -> a.getAgentName().equals(agentName));
    }

    private static <T> T execute(Call<T> call) {
        try {
            Response<T> response = call.execute();
            if (!response.isSuccessful()) {
                throw new ProvisioningException("LiveKit answered " + response.code());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("LiveKit unreachable: " + e.getMessage(), e);
        }
    }

    /** LiveKit refused a provisioning call. */
    public static final class ProvisioningException extends RuntimeException {
        public ProvisioningException(String message) {
            super(message);
        }
    }
}
