package dev.vocadent.livekit.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import dev.vocadent.core.config.Customer;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.livekit.fake.FakeLiveKitServer;
import io.livekit.server.SipServiceClient;
import java.util.List;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipProvisionerTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final SipProvisioner provisioner = new SipProvisioner(
            SipServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET), "vocadent");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsTheClinicsTrunkAndADispatchRuleThatNamesRoomsByClinicAndDispatchesTheAgent() {
        SipProvisioner.Plan plan = provisioner.apply(DemoClinics.westbury(), false);
        assertThat(plan.actions()).hasSize(2).allMatch(a -> a.startsWith("create"));
        assertThat(server.sip().trunks.values()).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("vocadent-westbury");
            assertThat(t.getNumbersList()).containsExactly("+441632960001");
        });
        SIPDispatchRuleInfo rule = server.sip().rules.values().iterator().next();
        assertThat(rule.getRule().getDispatchRuleIndividual().getRoomPrefix()).isEqualTo("westbury.");
        assertThat(rule.getRoomConfig().getAgentsList()).extracting(a -> a.getAgentName()).containsExactly("vocadent");
        assertThat(rule.getTrunkIdsList()).containsExactly(server.sip().trunks.keySet().iterator().next());
    }

    @Test
    void runningItAgainChangesNothing() {
        provisioner.apply(DemoClinics.westbury(), false);
        int mutations = server.sip().mutations.size();
        SipProvisioner.Plan again = provisioner.apply(DemoClinics.westbury(), false);
        assertThat(again.changesNothing()).isTrue();
        assertThat(server.sip().mutations).hasSize(mutations);
        assertThat(server.sip().trunks).hasSize(1);
        assertThat(server.sip().rules).hasSize(1);
    }

    @Test
    void aChangedNumberListUpdatesTheTrunkInPlace() {
        provisioner.apply(DemoClinics.westbury(), false);
        ClinicConfig w = DemoClinics.westbury();
        Customer c = w.customer();
        ClinicConfig moved = ClinicConfigs.validate(new ClinicConfig(w.customerId(),
                new Customer(c.name(), List.of("+441632960001", "+441632960009"), c.address(), c.openingHours(), c.timezone(), c.parking()),
                w.systemPrompt(), w.greeting(), w.consultationTypes(), w.doctors(), w.voice(), w.sttKeyterms(), w.languages(),
                w.slackWebhookRef(), w.slackFullPatientDetails(), w.recordingRetentionDays(), w.frontDeskNumber(),
                w.onCallInstructions(), w.version()));
        SipProvisioner.Plan plan = provisioner.apply(moved, false);
        assertThat(plan.actions()).anyMatch(a -> a.startsWith("update inbound trunk"));
        assertThat(server.sip().trunks.values()).singleElement()
                .satisfies(t -> assertThat(t.getNumbersList()).containsExactlyInAnyOrder("+441632960001", "+441632960009"));
    }

    @Test
    void dryRunSaysWhatItWouldDoAndChangesNothing() {
        SipProvisioner.Plan plan = provisioner.apply(DemoClinics.dental2(), true);
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.actions()).anyMatch(a -> a.contains("create inbound trunk vocadent-dental2"));
        assertThat(server.sip().mutations).isEmpty();
        assertThat(server.sip().trunks).isEmpty();
    }
}
