package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The corpus itself: big enough, labelled in the documented vocabulary, its test split pinned and unmemorisable. */
class BriefCorpusTest {
    private static final BriefCorpus CORPUS = BriefCorpus.bundled();
    private static final Map<String, Set<String>> VOCABULARY = Map.of(
            "route", Set.of("rust-engineer", "java-architect", "mobile-developer", "backend-developer", "golang-pro", "generalist"),
            "kind", Set.of("backend", "systems", "cli", "web", "library"),
            "latency", Set.of("<10ms", "10-100ms", ">100ms", "none"),
            "web", Set.of("axum", "hyper", "actix-web", "rocket", "none"),
            "db", Set.of("sqlx", "diesel", "none"),
            "ffi", Set.of("legacy-c-library", "performance-critical-c", "simple-c-algorithm", "os-specific-api",
                    "calling-rust-from-other-languages", "none"),
            "runtime", Set.of("tokio", "smol", "async-std", "none"),
            "target", Set.of("native", "wasm"));

    @Test
    void atLeastSixHundredBriefsFromSeveralSources() {
        assertThat(CORPUS.all()).hasSizeGreaterThanOrEqualTo(600);
        assertThat(CORPUS.all().stream().map(CorpusBrief::source).distinct()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void labelsUseTheDocumentedVocabulary() {
        List<String> bad = new ArrayList<>();
        for (CorpusBrief b : CORPUS.all()) {
            VOCABULARY.forEach((field, allowed) -> {
                if (b.has(field) && !allowed.contains(b.text(field))) {
                    bad.add(b.id() + " " + field + "=" + b.text(field));
                }
            });
            if (!b.has("invoke") || !b.has("route")) {
                bad.add(b.id() + " lacks invoke or route");
            } else if (b.expect().get("invoke").asBoolean() != b.text("route").equals("rust-engineer")) {
                bad.add(b.id() + " invoke and route disagree");
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theTestSplitIsTheOneFixedOnce() throws IOException {
        TreeSet<String> pinned = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/briefs/test-split.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(pinned::add);
        }
        TreeSet<String> now = new TreeSet<>(CORPUS.split(CorpusBrief.Split.TEST).stream().map(CorpusBrief::id).toList());
        assertThat(now).as("briefs are never moved into or out of the test split").isEqualTo(pinned);
    }

    @Test
    void noTestBriefHasANearDuplicateInTrainOrDev() {
        Embedder embedder = Embedder.shared();
        Map<String, float[]> seen = new HashMap<>();
        for (CorpusBrief b : CORPUS.split(CorpusBrief.Split.TRAIN, CorpusBrief.Split.DEV)) {
            seen.put(b.id(), embedder.embed(b.text()));
        }
        List<String> near = new ArrayList<>();
        for (CorpusBrief t : CORPUS.split(CorpusBrief.Split.TEST)) {
            float[] v = embedder.embed(t.text());
            seen.forEach((id, w) -> {
                double s = Embedder.similarity(v, w);
                if (s > 0.9) {
                    near.add(t.id() + " ~ " + id + " (" + s + ")");
                }
            });
        }
        assertThat(near).as("test briefs paraphrased in train or dev (cosine > 0.9)").isEmpty();
    }

    @Test
    void everyBriefHasTheFieldsItsRouteNeeds() {
        for (CorpusBrief b : CORPUS.all()) {
            JsonNode e = b.expect();
            assertThat(e.has("languages")).as(b.id() + " languages").isTrue();
        }
    }
}
