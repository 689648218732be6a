package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** No Docker engine runs here, so the deployment files are checked by reading them. */
class DeploymentFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> COMMANDS = new CommandLine(new Main()).getSubcommands().keySet();

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void dockerfileBuildsAJlinkedRuntimeAndRunsAsANonRootUserWithAHealthCheck() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2);
        assertThat(String.join("\n", lines)).contains("jlink --add-modules").contains("jdeps");
        int runStage = lines.lastIndexOf(lines.stream().filter(l -> l.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow());
        List<String> run = lines.subList(runStage, lines.size());
        assertThat(run).anyMatch(l -> l.matches("USER (?!0\\b|root\\b)\\S+"));
        assertThat(run).anyMatch(l -> l.startsWith("HEALTHCHECK"));
        // what the image copies is what the Maven build produces
        String appPom = Files.readString(ROOT.resolve("vocadent-app/pom.xml"));
        assertThat(appPom).contains("<finalName>vocadent-app</finalName>").contains("${project.build.directory}/lib");
        assertThat(run).anyMatch(l -> l.contains("/src/vocadent-app/target/vocadent-app.jar"))
                .anyMatch(l -> l.contains("/src/vocadent-app/target/lib"));
        String runText = String.join("\n", run);
        String entry = runText.substring(runText.indexOf("ENTRYPOINT"), runText.indexOf("\nCMD"));
        assertThat(entry).contains("\"" + Main.class.getName() + "\"]");
        String cmd = run.stream().filter(l -> l.startsWith("CMD")).findFirst().orElseThrow();
        assertThat(COMMANDS).contains(cmd.replaceAll(".*\\[\"([a-z]+)\".*", "$1"));
    }

    @Test
    void composeRunsEveryServiceWithARealCommand() throws Exception {
        Map<String, Object> compose = map(new Yaml().load(Files.readString(ROOT.resolve("deploy/compose.yaml"))));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("postgres", "redis", "azurite", "backend", "sip-worker", "livekit-worker");
        for (String app : List.of("backend", "sip-worker", "livekit-worker")) {
            Map<String, Object> s = map(services.get(app));
            List<?> command = (List<?>) s.get("command");
            assertThat(COMMANDS).as(app + " command").contains((String) command.getFirst());
            assertThat(map(s.get("environment"))).containsKey("VOCADENT_DB_URL");
        }
        assertThat(map(services.get("postgres"))).containsKey("healthcheck");
        assertThat(map(services.get("livekit-worker")).get("stop_grace_period")).isEqualTo("30m");
    }

    @Test
    void kubernetesWorkerDrainsLongerThanACallAndIsReadyOnlyWhenRegistered() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String f : List.of("deploy/k8s/livekit-worker.yaml", "deploy/k8s/backend.yaml")) {
            new Yaml().loadAll(Files.readString(ROOT.resolve(f))).forEach(d -> docs.add(map(d)));
        }
        Map<String, Object> worker = docs.stream().filter(d -> "vocadent-livekit-worker".equals(map(d.get("metadata")).get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> pod = map(map(map(worker.get("spec")).get("template")).get("spec"));
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(1800);
        Map<String, Object> container = map(((List<?>) pod.get("containers")).getFirst());
        assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/readyz");
        assertThat(COMMANDS).contains((String) ((List<?>) container.get("args")).getFirst());
        assertThat(docs).anyMatch(d -> "Service".equals(d.get("kind")));
    }
}
