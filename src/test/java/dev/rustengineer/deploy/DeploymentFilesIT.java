package dev.rustengineer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.cli.ServeEnvironment;
import dev.rustengineer.generate.ItSupport;
import dev.rustengineer.web.LogFormat;
import dev.rustengineer.web.ServeLog;
import dev.rustengineer.web.ServeOptions;
import dev.rustengineer.web.WebLimits;
import dev.rustengineer.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    static final ObjectMapper JSON = new ObjectMapper();
    static final int IMAGE_UID = 10001;
    /** Seconds for the JVM to exit after the grace period (shutdown hooks, the log's last line). */
    static final long EXIT_MARGIN_SECONDS = 5;

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
            List<JsonNode> all = objects(files);
            // kubernetes-validate has no schema for a custom resource (the ServiceMonitor): it warns and skips it.
            List<JsonNode> custom = all.stream().filter(o -> o.at("/apiVersion").asText().startsWith("monitoring.coreos.com/")).toList();
            custom.forEach(o -> assertThat(validate.out()).contains("Couldn't find schema for kind " + o.at("/kind").asText()));
            int objects = all.size() - custom.size();
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
        assertThat(texts(container.at("/args"))).containsExactly("serve");
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
        assertThat(env(container)).containsEntry("RUST_ENGINEER_SHUTDOWN_DELAY", "PT5S");
        assertThat(deployment.at("/spec/template/spec/volumes/0/emptyDir/medium").asText()).isEqualTo("Memory");
        JsonNode policy = byKind.get("NetworkPolicy").at("/spec");
        assertThat(policy.toString()).doesNotContain("\"port\":443").contains("\"port\":3128", "ingress-nginx");
        // Scraping on: the pods' prometheus.io annotations and a ServiceMonitor on the Service's named port.
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertThat(annotations.at("/prometheus.io~1scrape").asText()).isEqualTo("true");
        assertThat(annotations.at("/prometheus.io~1port").asText()).isEqualTo("9090");
        assertThat(annotations.at("/prometheus.io~1path").asText()).isEqualTo("/metrics");
        JsonNode monitor = byKind.get("ServiceMonitor");
        // A ServiceMonitor selects Services by their labels, then scrapes the pods behind them.
        Map<String, String> serviceLabels = YAML.convertValue(byKind.get("Service").at("/metadata/labels"), new TypeReference<>() {});
        assertThat(serviceLabels).containsAllEntriesOf(YAML.convertValue(monitor.at("/spec/selector/matchLabels"), new TypeReference<Map<String, String>>() {}));
        assertThat(monitor.at("/spec/endpoints")).singleElement().satisfies(e -> {
            assertThat(e.at("/port").asText()).isEqualTo(byKind.get("Service").at("/spec/ports/0/name").asText());
            assertThat(e.at("/path").asText()).isEqualTo("/metrics");
        });
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    }

    /** Scraping is off unless asked for: no ServiceMonitor (its CRD may not exist) and no prometheus.io annotations. */
    @Test
    void theDefaultValuesDoNotScrape(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> byKind = byKind(render(dir, "values.yaml", KUBERNETES.getLast()));
        assertThat(byKind).doesNotContainKey("ServiceMonitor");
        assertThat(byKind.get("Deployment").at("/spec/template/metadata/annotations").toString()).doesNotContain("prometheus.io");
    }

    /**
     * Every RUST_ENGINEER_* variable the chart sets is one serve reads (the list comes from serve's own options, as
     * ServeConfigTest takes it) and docs/serve.md documents, and serve accepts the values: the rendered environment is
     * parsed by serve's command line. The pod's termination grace period outlasts the shutdown it configures.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"values.yaml", "ci/verify-values.yaml"})
    void theChartSetsOnlyVariablesServeReads(String values, @TempDir Path dir) throws Exception {
        List<String> reads = ServeEnvironment.variables();
        assertThat(reads).contains("RUST_ENGINEER_HOST", "RUST_ENGINEER_PORT");
        String docs = Files.readString(Path.of("docs/serve.md"));
        JsonNode pod = byKind(render(dir, values, KUBERNETES.getLast())).get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        Map<String, String> env = env(container);
        Map<String, String> ours = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("RUST_ENGINEER_")) {
                assertThat(reads).as("%s: serve reads no %s", values, name).contains(name);
                assertThat(docs).as("docs/serve.md documents %s", name).contains("`" + name + "`");
                ours.put(name, value);
            }
        });
        // Every setting values.schema.json allows under config is one of those variables, set or not.
        JsonNode schema = YAML.readTree(CHART.resolve("values.schema.json").toFile());
        schema.at("/properties/config/properties").fieldNames().forEachRemaining(key ->
                assertThat(reads).as("config.%s", key).contains("RUST_ENGINEER_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT)));
        // Nothing on the command line: a flag would win over the same setting in extraEnv.
        assertThat(texts(container.at("/args"))).containsExactly("serve");

        ServeEnvironment.Settings serve = ServeEnvironment.read(ours);
        assertThat(serve.host()).isEqualTo("0.0.0.0");
        assertThat(serve.port()).isEqualTo(container.at("/ports/0/containerPort").asInt());
        if (values.equals("values.yaml")) {
            assertThat(serve.logFormat()).isEqualTo(LogFormat.JSON);
            assertThat(serve.limits()).isEqualTo(WebLimits.defaults());
        } else {
            assertThat(serve.limits().heavy().timeLimit()).isEqualTo(Duration.ofMinutes(5));
        }
        // docs/serve.md: the grace period must be above delay + grace; a preStop sleep comes first and counts too.
        long preStop = container.at("/lifecycle/preStop/exec/command/1").asLong(0);
        long needed = preStop + serve.options().shutdownDelay().toSeconds() + serve.options().shutdownGrace().toSeconds() + EXIT_MARGIN_SECONDS;
        assertThat(pod.at("/terminationGracePeriodSeconds").asLong()).as("preStop %d s + delay + grace + %d s", preStop, EXIT_MARGIN_SECONDS)
                .isGreaterThanOrEqualTo(needed);
    }

    /**
     * The probes ask a real WebServer what Kubernetes would: while it loads, start-up and liveness 200 and readiness
     * 503; once loaded, all 200, and /metrics for a scraper; while it stops, readiness 503 and liveness still 200. The
     * image's HEALTHCHECK command, run by bash as the container would, passes while loading and once loaded.
     */
    @Test
    void theProbePathsAreAnsweredByServe(@TempDir Path dir) throws Exception {
        JsonNode container = byKind(render(dir.resolve("default"), "values.yaml", KUBERNETES.getLast())).get("Deployment").at("/spec/template/spec/containers/0");
        String live = container.at("/livenessProbe/httpGet/path").asText();
        String startup = container.at("/startupProbe/httpGet/path").asText();
        String ready = container.at("/readinessProbe/httpGet/path").asText();
        String scrape = byKind(render(dir.resolve("ci"), "ci/verify-values.yaml", KUBERNETES.getLast())).get("ServiceMonitor")
                .at("/spec/endpoints/0/path").asText();
        List<List<String>> healthchecks = healthchecks(Files.readString(DEPLOY.resolve("Containerfile")));
        assertThat(healthchecks).hasSize(2);

        CountDownLatch loading = new CountDownLatch(1);
        var server = new WebServer(() -> {
            try {
                loading.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return RustEngineer.shared();
        }, WebLimits.defaults(), new ServeOptions(Duration.ofSeconds(1), Duration.ofSeconds(3), new ServeLog.Text()));
        Javalin app = server.listen("127.0.0.1", 0);
        Thread stopping = null;
        try {
            int port = app.port();
            assertThat(get(port, startup).statusCode()).as("startup %s while loading", startup).isEqualTo(200);
            assertThat(get(port, live).statusCode()).as("liveness %s while loading", live).isEqualTo(200);
            var notYet = get(port, ready);
            assertThat(notYet.statusCode()).as("readiness %s while loading: %s", ready, notYet.body()).isEqualTo(503);
            assertThat(notYet.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            for (List<String> healthcheck : healthchecks) {
                assertHealthy(healthcheck, port, "while loading");
            }

            loading.countDown();
            server.awaitLoaded();
            for (String path : List.of(startup, live, ready)) {
                var response = get(port, path);
                assertThat(response.statusCode()).as("GET %s once loaded: %s", path, response.body()).isEqualTo(200);
            }
            var metrics = get(port, scrape);
            assertThat(metrics.statusCode()).as("GET %s", scrape).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("rust_engineer_ready 1.0");
            for (List<String> healthcheck : healthchecks) {
                assertHealthy(healthcheck, port, "once loaded");
            }

            // SIGTERM with a shutdown delay: out of the Service at once, but not restarted.
            stopping = Thread.ofPlatform().start(server::stop);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            int readiness = 200;
            while (readiness == 200 && System.nanoTime() < deadline) {
                readiness = get(port, ready).statusCode();
            }
            assertThat(readiness).as("readiness %s while stopping", ready).isEqualTo(503);
            assertThat(get(port, live).statusCode()).as("liveness %s while stopping", live).isEqualTo(200);
        } finally {
            loading.countDown();
            if (stopping == null) {
                server.stop();
            } else {
                stopping.join();
            }
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
        assertThat(Pattern.compile("^ {4}RUST_ENGINEER_PORT=(\\d+) \\\\$", Pattern.MULTILINE).matcher(containerfile).results()
                .map(m -> m.group(1))).hasSize(2).allMatch(p -> p.equals(values.at("/containerPort").asText()));
        assertThat(healthchecks(containerfile)).hasSize(2).allSatisfy(healthcheck ->
                assertThat(String.join(" ", healthcheck)).contains("GET " + values.at("/probes/liveness/path").asText() + " HTTP/1.1"));
        // The image's own RUST_ENGINEER_* variables: serve's, or one the code reads itself (the model's cache).
        List<String> reads = ServeEnvironment.variables();
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(DeploymentFilesIT::read).reduce("", String::concat);
        }
        var set = Pattern.compile("^ {4}(RUST_ENGINEER_\\w+)=", Pattern.MULTILINE).matcher(containerfile).results().map(m -> m.group(1)).toList();
        assertThat(set).contains("RUST_ENGINEER_HOST", "RUST_ENGINEER_PORT", "RUST_ENGINEER_CACHE");
        assertThat(set).allMatch(v -> reads.contains(v) || sources.contains("getenv(\"" + v + "\")"), "read by serve or by the code");
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

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The exec form of each HEALTHCHECK's CMD (a JSON array on the line after HEALTHCHECK). */
    private static List<List<String>> healthchecks(String containerfile) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        var m = Pattern.compile("^HEALTHCHECK .*\\\\\n\\s+CMD (\\[.*])$", Pattern.MULTILINE).matcher(containerfile);
        while (m.find()) {
            commands.add(JSON.readValue(m.group(1), new TypeReference<List<String>>() {}));
        }
        return commands;
    }

    /** Runs a HEALTHCHECK command as the container would, with the image's port variable pointing at the server. */
    private static void assertHealthy(List<String> command, int port, String when) throws Exception {
        var run = ItSupport.run(Path.of("."), Map.of("RUST_ENGINEER_PORT", Integer.toString(port)), LIMIT, command.toArray(String[]::new));
        assertThat(run.code()).as("HEALTHCHECK %s %s:%n%s", command, when, run.out()).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A container's environment variables with literal values, by name. */
    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.at("/env").forEach(e -> {
            if (e.has("value")) {
                env.put(e.get("name").asText(), e.get("value").asText());
            }
        });
        return env;
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
