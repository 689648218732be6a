package dev.vocadent.providers.openai;

import static dev.vocadent.providers.openai.FakeChatServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.vocadent.core.tools.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Azure OpenAI: deployment path, api-version query parameter, api-key header, from the llm settings. */
class AzureOpenAiBrainTest {
    private static final String AZURE_KEY = "azure-key-abcdef0123";

    private FakeChatServer server;
    private OpenAiBrain brain;

    @BeforeEach
    void start() {
        server = new FakeChatServer();
        brain = OpenAiBrainFactory.create(ConfigFactory.parseMap(Map.of(
                "llm.provider", "auto",
                "llm.azure.api-key", AZURE_KEY,
                "llm.azure.endpoint", server.endpoint(),
                "llm.azure.deployment", "vocadent-gpt4o",
                "llm.azure.api-version", "2024-10-21",
                "llm.openai.api-key", "sk-must-not-be-used"))).orElseThrow();
    }

    @AfterEach
    void stop() {
        brain.close();
        server.close();
    }

    @Test
    void requestGoesToTheDeploymentPathWithApiVersionAndApiKeyHeader() throws Exception {
        TestCall call = new TestCall().caller("Hello?");
        server.enqueue(sse(Chunks.answer(20, 4, "Hello, ", "Westbury Dental.")));

        brain.newConversation(call).respond(call);

        FakeChatServer.Received r = server.request(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/openai/deployments/vocadent-gpt4o/chat/completions");
        assertThat(r.query()).isEqualTo("api-version=2024-10-21");
        assertThat(r.headers().get("api-key")).isEqualTo(AZURE_KEY);
        assertThat(r.headers()).doesNotContainKey("authorization");
        assertThat(r.body().path("stream").asBoolean()).isTrue();
        // Azure speaks max_completion_tokens (api-version 2024-09-01 and later)
        assertThat(r.body().path("max_completion_tokens").asLong()).isEqualTo(300);
        assertThat(r.body().has("max_tokens")).isFalse();
        assertThat(call.spoken()).isEqualTo("Hello, Westbury Dental.");
        assertThat(brain.name()).isEqualTo("azure-openai");
    }

    @Test
    void callAnalyzerUsesTheAnalysisDeployment() {
        server.enqueue(FakeChatServer.json(Chunks.completion("A caller booked a check-up for Tuesday.", 90, 12)));
        try (OpenAiCallAnalyzer analyzer = OpenAiBrainFactory.analyzer(ConfigFactory.parseMap(Map.of(
                "llm.azure.api-key", AZURE_KEY,
                "llm.azure.endpoint", server.endpoint(),
                "llm.azure.deployment", "vocadent-gpt4o",
                "llm.azure.analysis-deployment", "vocadent-mini",
                "llm.azure.api-version", "2024-10-21")), UsageListener.NONE).orElseThrow()) {

            assertThat(analyzer.summary("caller: I'd like a check-up on Tuesday.")).isEqualTo("A caller booked a check-up for Tuesday.");
        }
        assertThat(server.request(0).path()).isEqualTo("/openai/deployments/vocadent-mini/chat/completions");
        assertThat(server.request(0).query()).isEqualTo("api-version=2024-10-21");
        assertThat(server.request(0).headers().get("api-key")).isEqualTo(AZURE_KEY);
    }

    @Test
    void toolRoundTripWorksOnAzureToo() throws Exception {
        TestCall call = new TestCall().caller("I'm Ann.");
        call.tools.answer("update_name", args -> ToolResult.ok("Name saved."));
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_az", "update_name"), Chunks.toolArgs(0, "{\"name\":\"Ann\"}"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "Thanks Ann.")));

        brain.newConversation(call).respond(call);

        assertThat(server.received()).hasSize(2);
        assertThat(server.request(1).path()).isEqualTo("/openai/deployments/vocadent-gpt4o/chat/completions");
        assertThat(server.request(1).body().path("messages").get(3).path("tool_call_id").asText()).isEqualTo("call_az");
        assertThat(call.tools.calls()).hasSize(1);
    }
}
