package dev.rustengineer.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * kubernetes-specialist: the Kubernetes manifests and the Helm chart (with the Dockerfile they deploy),
 * checked with helm lint, helm template and kubernetes-validate against the Kubernetes schemas.
 */
public record KubernetesSpecialist() implements Specialist {

    private static final List<String> MANIFEST_DIRS = List.of("deploy/k8s", "deploy/kubernetes", "k8s", "kubernetes", "manifests");

    @Override
    public String id() {
        return "kubernetes-specialist";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        if (manifests(c.project()).isEmpty() && chart(c.project()) == null) {
            return List.of("no Kubernetes manifests (" + String.join(", ", MANIFEST_DIRS) + ") and no Helm chart (Chart.yaml); add "
                    + c.knowledge().howToAdd("manifests"));
        }
        return List.of();
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        RustProject p = c.project();
        var files = new TreeMap<String, String>();
        List<String> manifests = manifests(p);
        for (String m : manifests) {
            files.put("k8s/" + m.substring(m.lastIndexOf('/') + 1), p.file(m).orElseThrow());
        }
        String chart = chart(p);
        String chartName = null;
        if (chart != null) {
            chartName = chart.contains("/") ? chart.substring(chart.lastIndexOf('/') + 1) : p.name();
            for (String f : p.filesUnder(chart, "")) {
                files.put("helm/" + chartName + f.substring(chart.length()), p.file(f).orElseThrow());
            }
        }
        p.file("Dockerfile").ifPresent(d -> files.put("Dockerfile", d));
        String version = c.knowledge().kubernetesVersion();
        // kubeconform's schemas live on a site this machine cannot reach, and the copies kubernetes-validate (PyPI)
        // ships use references kubeconform's compiler does not resolve: kubernetes-validate checks them itself.
        String validate = "kubernetes-validate --strict -k " + version;
        List<Check> checks = new ArrayList<>();
        if (chartName != null) {
            checks.add(new Check("the chart's structure and templates", "helm", "helm lint --strict helm/" + chartName));
            checks.add(new Check("the chart renders", "helm", "helm template " + p.name() + " helm/" + chartName + " > rendered.yaml"));
            checks.add(new Check("the rendered chart against the Kubernetes " + version + " schemas (strict: no unknown fields)",
                    "kubernetes-validate", validate + " rendered.yaml"));
        }
        if (!manifests.isEmpty()) {
            checks.add(new Check("the manifests against the Kubernetes " + version + " schemas (strict: no unknown fields)",
                    "kubernetes-validate", validate + " k8s/*.yaml"));
        }
        var doc = new HandoffDoc(c);
        if (!manifests.isEmpty()) {
            doc.built("`k8s/`: the project's manifests (" + String.join(", ", manifests) + "): `kubectl apply -f k8s/`.");
        }
        if (chartName != null) {
            doc.built("`helm/" + chartName + "/`: the Helm chart from `" + chart + "`: `helm install " + p.name() + " helm/" + chartName + "`.");
        }
        if (files.containsKey("Dockerfile")) {
            doc.built("`Dockerfile`: builds the image the manifests name, from the project root (`docker build -t IMAGE " + p.root() + "`).");
        }
        doc.contract(contract(files));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    /** The workloads and services the manifests declare: image, ports, probes, env, resources. */
    private static String contract(TreeMap<String, String> files) {
        var md = new StringBuilder();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (var e : files.entrySet()) {
            if (!e.getKey().startsWith("k8s/")) {
                continue;
            }
            try (var it = yaml.readerFor(JsonNode.class).<JsonNode>readValues(e.getValue())) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc == null || doc.isMissingNode() || doc.isNull()) {
                        continue;
                    }
                    md.append("- `").append(e.getKey()).append("`: ").append(doc.path("kind").asText()).append(" `")
                            .append(doc.path("metadata").path("name").asText()).append("`");
                    describe(md, doc);
                    md.append('\n');
                }
            } catch (IOException ex) {
                md.append("- `").append(e.getKey()).append("`: not valid YAML (").append(ex.getMessage().lines().findFirst().orElse(""))
                        .append(")\n");
            }
        }
        if (md.isEmpty()) {
            md.append("The chart's templates are the contract; `helm template` shows what they render.\n");
        }
        md.append("\nValues a deployment is expected to change are in the chart's `values.yaml` (image, replicas, env, resources).");
        return md.toString();
    }

    private static void describe(StringBuilder md, JsonNode doc) {
        for (JsonNode port : doc.path("spec").path("ports")) {
            md.append("; port ").append(port.path("port").asText()).append(" -> ").append(port.path("targetPort").asText());
        }
        for (JsonNode c : doc.path("spec").path("template").path("spec").path("containers")) {
            md.append("; image `").append(c.path("image").asText()).append('`');
            for (JsonNode port : c.path("ports")) {
                md.append(", container port ").append(port.path("containerPort").asText());
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                JsonNode pr = c.path(probe);
                if (!pr.isMissingNode()) {
                    md.append(", ").append(probe).append(' ').append(pr.has("httpGet") ? "GET " + pr.path("httpGet").path("path").asText()
                            : pr.has("grpc") ? "gRPC health" : pr.has("tcpSocket") ? "TCP" : "exec");
                }
            }
            List<String> env = new ArrayList<>();
            c.path("env").forEach(v -> env.add(v.path("name").asText()));
            if (!env.isEmpty()) {
                md.append(", env ").append(String.join(", ", env));
            }
            JsonNode limits = c.path("resources").path("limits");
            if (!limits.isMissingNode()) {
                md.append(", limits cpu ").append(limits.path("cpu").asText()).append(" memory ").append(limits.path("memory").asText());
            }
        }
    }

    private static List<String> manifests(RustProject p) {
        for (String dir : MANIFEST_DIRS) {
            List<String> yaml = new ArrayList<>(p.filesUnder(dir, ".yaml"));
            yaml.addAll(p.filesUnder(dir, ".yml"));
            yaml.removeIf(f -> f.substring(dir.length() + 1).contains("/"));
            if (!yaml.isEmpty()) {
                yaml.sort(null);
                return yaml;
            }
        }
        return List.of();
    }

    /** The folder holding the first Chart.yaml under deploy/, helm/, charts/ or chart/ (relative), or null. */
    private static String chart(RustProject p) {
        for (String dir : List.of("deploy", "helm", "charts", "chart")) {
            for (String f : p.filesUnder(dir, "Chart.yaml")) {
                return f.substring(0, f.length() - "/Chart.yaml".length());
            }
        }
        return null;
    }
}
