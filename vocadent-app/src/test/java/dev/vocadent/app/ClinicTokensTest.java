package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicTokensTest {
    @TempDir
    Path dir;

    @Test
    void environmentWinsOverTheTokensFile() throws Exception {
        Path f = Files.writeString(dir.resolve("tokens"), "# clinic=token\nwestbury = from-file\nnorth-leeds=nl-token\n");
        Map<String, String> env = Map.of("VOCADENT_CLINIC_TOKENS_FILE", f.toString(), "VOCADENT_TOKEN_WESTBURY", "from-env");
        ClinicTokens tokens = ClinicTokens.from(env::get);
        assertThat(tokens.tokenOf("westbury")).contains("from-env");
        assertThat(tokens.tokenOf("north-leeds")).contains("nl-token");
        assertThat(tokens.tokenOf("dental2")).isEmpty();
        assertThat(ClinicTokens.envName("north-leeds")).isEqualTo("VOCADENT_TOKEN_NORTH_LEEDS");
    }

    @Test
    void aMalformedLineNamesTheLineButNotItsContent() throws Exception {
        Path f = Files.writeString(dir.resolve("tokens"), "westbury=ok\nsecret-without-equals\n");
        assertThatThrownBy(() -> ClinicTokens.from(Map.of("VOCADENT_CLINIC_TOKENS_FILE", f.toString())::get))
                .isInstanceOf(UserError.class).hasMessageEndingWith("line 2: expected clinic=token")
                .hasMessageNotContaining("secret-without-equals");
    }
}
