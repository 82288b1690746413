package dev.rustengineer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.generate.ItSupport;
import dev.rustengineer.web.WebLimits;
import dev.rustengineer.web.WebServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rust-engineer's own deployment files (deploy/), each checked by its own tool as a reviewer would: hadolint on
 * the Containerfile, actionlint on the workflow example, helm lint --strict on the chart, and the chart rendered by
 * helm template and validated by kubernetes-validate --strict against the oldest Kubernetes the chart accepts and
 * the newest kubernetes-validate knows. Each failure shows the tool's own output. Then what the rendered objects
 * must say: the locked-down pod, probes on paths serve really answers, and the NetworkPolicy's few openings.
 * hadolint and actionlint come from scripts/setup.d/35-peer-tools.sh, helm and kubernetes-validate from
 * 40-handoff-tools.sh; a missing tool fails the test. No container is built or run here: there is no engine.
 */
class DeploymentFilesIT {
    static final Path DEPLOY = Path.of("deploy").toAbsolutePath();
    static final Path CHART = DEPLOY.resolve("helm/rust-engineer");
    static final Path PEER_TOOLS = Path.of(System.getenv().getOrDefault("RUST_ENGINEER_PEER_TOOLS",
            System.getProperty("user.home") + "/.cache/rust-engineer/peer-tools"), "bin");
    /** The chart's kubeVersion floor (Chart.yaml) and the newest schemas kubernetes-validate 1.37.0 ships. */
    static final List<String> KUBERNETES = List.of("1.29.0", "1.37.0");
    static final Duration LIMIT = Duration.ofMinutes(2);
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final int IMAGE_UID = 10001;

    @Test
    void theContainerfilePassesHadolint() throws Exception {
        var lint = ItSupport.run(DEPLOY, Map.of(), LIMIT, PEER_TOOLS.resolve("hadolint").toString(), "--no-color", "Containerfile");
        assertThat(lint.code()).as("hadolint:%n%s", lint.out()).isZero();
    }

    @Test
    void theWorkflowPassesActionlint() throws Exception {
        var lint = ItSupport.run(DEPLOY, Map.of(), LIMIT, PEER_TOOLS.resolve("actionlint").toString(), "-no-color", "github/audit.yml");
        assertThat(lint.code()).as("actionlint:%n%s", lint.out()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"values.yaml", "ci/verify-values.yaml"})
    void theChartPassesHelmLintStrict(String values) throws Exception {
        var lint = ItSupport.run(CHART, Map.of(), LIMIT, helm(), "lint", "--strict", ".", "-f", values);
        assertThat(lint.code()).as("helm lint --strict -f %s:%n%s", values, lint.out()).isZero();
        assertThat(lint.out()).contains("1 chart(s) linted, 0 chart(s) failed");
    }

    /** Every rendered object passes the schemas; an empty rendering would pass too, so the kinds are counted. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"values.yaml", "ci/verify-values.yaml"})
    void theRenderedChartValidatesAgainstTheKubernetesSchemas(String values, @TempDir Path dir) throws Exception {
        for (String version : KUBERNETES) {
            List<Path> files = render(dir.resolve(version), values, version);
            List<String> command = new ArrayList<>(List.of("python3", "-m", "kubernetes_validate", "--strict", "-k", version));
            files.forEach(f -> command.add(f.toString()));
            var validate = ItSupport.run(dir, Map.of(), LIMIT, command.toArray(String[]::new));
            assertThat(validate.code()).as("kubernetes-validate --strict -k %s (%s):%n%s", version, values, validate.out()).isZero();
            int objects = objects(files).size();
            assertThat(objects).isGreaterThanOrEqualTo(values.equals("values.yaml") ? 6 : 4);
            assertThat(Pattern.compile("passed for resource").matcher(validate.out()).results().count())
                    .as(validate.out()).isEqualTo(objects);
        }
    }

    @Test
    void theDeploymentRunsLockedDown(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> byKind = byKind(render(dir, "values.yaml", KUBERNETES.getLast()));
        JsonNode pod = byKind.get("Deployment").at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(IMAGE_UID);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/automountServiceAccountToken").isBoolean()).isTrue();
        assertThat(pod.at("/automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(pod.at("/containers")).hasSize(1);
        JsonNode container = pod.at("/containers/0");
        JsonNode security = container.at("/securityContext");
        assertThat(security.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(security.at("/privileged").asBoolean()).isFalse();
        assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
        assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
        assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        for (String quantity : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertThat(container.at("/resources" + quantity).asText()).as(quantity).isNotBlank();
        }
        // The only writable path: /tmp from an emptyDir with a size limit.
        assertThat(container.at("/volumeMounts")).hasSize(1);
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        String volume = container.at("/volumeMounts/0/name").asText();
        assertThat(pod.at("/volumes")).singleElement().satisfies(v -> {
            assertThat(v.at("/name").asText()).isEqualTo(volume);
            assertThat(v.at("/emptyDir/sizeLimit").asText()).isNotBlank();
        });
        assertThat(container.at("/args").toString()).contains("\"serve\"", "\"0.0.0.0\"", "\"8080\"");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("http");
            assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(probe).startsWith("/");
        }
        // Autoscaling owns the replica count: a fixed one would fight the HorizontalPodAutoscaler.
        assertThat(byKind.get("Deployment").at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(byKind.get("ServiceAccount").at("/automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void theAutoscalerBudgetAndNetworkPolicyAreThere(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> byKind = byKind(render(dir, "values.yaml", KUBERNETES.getLast()));
        JsonNode hpa = byKind.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(byKind.get("Deployment").at("/metadata/name").asText());
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels"))
                .isEqualTo(byKind.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(byKind.get("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo("http");

        JsonNode policy = byKind.get("NetworkPolicy").at("/spec");
        assertThat(texts(policy.at("/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.at("/ingress")).singleElement().satisfies(rule ->
                assertThat(rule.at("/ports")).singleElement().satisfies(p -> assertThat(p.at("/port").asText()).isEqualTo("http")));
        List<String> egress = new ArrayList<>();
        policy.at("/egress").forEach(rule -> rule.at("/ports").forEach(p -> egress.add(p.at("/protocol").asText() + "/" + p.at("/port").asText())));
        assertThat(egress).containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/443");
    }

    /** The other side of each switch: a fixed replica count, no autoscaler, no HTTPS out, a tmpfs /tmp. */
    @Test
    void theVerifyValuesTurnEachSwitch(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> byKind = byKind(render(dir, "ci/verify-values.yaml", KUBERNETES.getLast()));
        assertThat(byKind).doesNotContainKeys("HorizontalPodAutoscaler", "ServiceAccount");
        JsonNode deployment = byKind.get("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/image").asText()).endsWith(":0.1.0-verify");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(9090);
        assertThat(container.at("/lifecycle").isMissingNode()).isTrue();
        assertThat(deployment.at("/spec/template/spec/volumes/0/emptyDir/medium").asText()).isEqualTo("Memory");
        JsonNode policy = byKind.get("NetworkPolicy").at("/spec");
        assertThat(policy.toString()).doesNotContain("\"port\":443").contains("\"port\":3128", "ingress-nginx");
    }

    /** The probes ask serve for paths it answers 200 on (a renamed health endpoint would restart every pod). */
    @Test
    void theProbePathsAreAnsweredByServe(@TempDir Path dir) throws Exception {
        JsonNode container = byKind(render(dir, "values.yaml", KUBERNETES.getLast())).get("Deployment").at("/spec/template/spec/containers/0");
        Javalin app = new WebServer(RustEngineer.shared(), WebLimits.defaults()).start("127.0.0.1", 0);
        try {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String path = container.at("/" + probe + "/httpGet/path").asText();
                var response = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s GET %s: %s", probe, path, response.body()).isEqualTo(200);
            }
        } finally {
            app.stop();
        }
    }

    /** One version, one user, one port, one health path across the pom, the image and the chart. */
    @Test
    void theImageAndTheChartAgree() throws Exception {
        String containerfile = Files.readString(DEPLOY.resolve("Containerfile"));
        JsonNode chart = YAML.readTree(CHART.resolve("Chart.yaml").toFile());
        JsonNode values = YAML.readTree(CHART.resolve("values.yaml").toFile());
        String pomVersion = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent();
        assertThat(chart.at("/appVersion").asText()).isEqualTo(pomVersion);
        assertThat(containerfile).contains("ARG VERSION=" + pomVersion + "\n");
        assertThat(containerfile.lines().filter(l -> l.startsWith("USER "))).isNotEmpty().allMatch(l -> l.equals("USER " + IMAGE_UID + ":" + IMAGE_UID));
        assertThat(containerfile.lines().filter(l -> l.startsWith("EXPOSE "))).isNotEmpty()
                .allMatch(l -> l.equals("EXPOSE " + values.at("/containerPort").asInt()));
        assertThat(containerfile).contains("/dev/tcp/127.0.0.1/" + values.at("/containerPort").asInt(),
                "GET " + values.at("/probes/liveness/path").asText() + " HTTP/1.1");
    }

    /** The workflow asks for no more than it uses, and every action is pinned to a commit. */
    @Test
    void theWorkflowIsPinnedAndMinimal() throws Exception {
        JsonNode workflow = YAML.readTree(DEPLOY.resolve("github/audit.yml").toFile());
        assertThat(workflow.at("/permissions").isObject()).isTrue();
        assertThat(workflow.at("/permissions")).isEmpty();
        JsonNode job = workflow.at("/jobs/audit");
        assertThat(YAML.convertValue(job.at("/permissions"), Map.class)).isEqualTo(Map.of("contents", "read", "security-events", "write"));
        List<String> uses = new ArrayList<>();
        job.at("/steps").forEach(s -> {
            if (s.has("uses")) {
                uses.add(s.get("uses").asText());
            }
        });
        assertThat(uses).anyMatch(u -> u.startsWith("github/codeql-action/upload-sarif@"))
                .allMatch(u -> u.matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
        assertThat(job.at("/steps").toString()).contains("audit --format sarif");
    }

    private static String helm() {
        String gopath = System.getenv("GOPATH");
        Path go = Path.of(gopath != null ? gopath : System.getProperty("user.home") + "/go", "bin", "helm");
        return Files.isExecutable(go) ? go.toString() : "helm";
    }

    /** helm template into a folder (one file per template, nothing from stderr mixed in); the files it wrote. */
    private static List<Path> render(Path out, String values, String kubernetes) throws Exception {
        var template = ItSupport.run(CHART, Map.of(), LIMIT, helm(), "template", "re", ".", "--namespace", "tools", "-f", values,
                "--kube-version", kubernetes, "--output-dir", out.toString());
        assertThat(template.code()).as("helm template -f %s --kube-version %s:%n%s", values, kubernetes, template.out()).isZero();
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<JsonNode> objects(List<Path> files) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (Path f : files) {
            try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile())) {
                docs.forEachRemaining(d -> {
                    if (d != null && !d.isNull() && !d.isEmpty()) {
                        objects.add(d);
                    }
                });
            }
        }
        return objects;
    }

    private static Map<String, JsonNode> byKind(List<Path> files) throws Exception {
        Map<String, JsonNode> byKind = new HashMap<>();
        for (JsonNode o : objects(files)) {
            assertThat(byKind.put(o.at("/kind").asText(), o)).as("one %s", o.at("/kind").asText()).isNull();
        }
        return byKind;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
