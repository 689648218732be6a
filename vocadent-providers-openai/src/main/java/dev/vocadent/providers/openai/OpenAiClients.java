package dev.vocadent.providers.openai;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import java.time.Duration;

/** Builds the openai-java client for OpenAI, an OpenAI-compatible base URL, or Azure OpenAI. */
final class OpenAiClients {
    private OpenAiClients() {}

    static OpenAIClient create(OpenAiSettings s) {
        // The turn timeout bounds every request on our side; the SDK's own timeouts are a backstop
        // so that a request abandoned by a timed-out turn never holds a connection for long.
        Duration backstop = s.turnTimeout().plusSeconds(5).compareTo(s.analysisTimeout()) > 0
                ? s.turnTimeout().plusSeconds(5)
                : s.analysisTimeout().plusSeconds(5);
        OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder()
                .baseUrl(s.baseUrl())
                .maxRetries(s.maxRetries())
                .timeout(Timeout.builder()
                        .connect(s.firstTokenTimeout())
                        .read(backstop)
                        .write(backstop)
                        .request(backstop)
                        .build());
        if (s.kind() == OpenAiSettings.Kind.AZURE) {
            // deployments path: {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…
            b.credential(AzureApiKeyCredential.create(s.apiKey()))
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString(s.azureApiVersion()))
                    .azureUrlPathMode(AzureUrlPathMode.LEGACY);
        } else {
            b.apiKey(s.apiKey());
        }
        return b.build();
    }
}
