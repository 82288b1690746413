package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;

class TextBriefReaderTest {
    private static final Knowledge K = KnowledgeLoader.loadBundled();

    @Test
    void everyFieldFromTextNamesTheWordsThatSetIt() {
        Brief b = new TextBriefReader(K).read("Rewrite the C++ allocator; p99 under 250µs; 12 microservices on Kubernetes");
        assertThat(b.get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(b.evidence().get(Field.LATENCY_MS).words()).isEqualTo("p99 under 250µs");
        assertThat(b.get(Field.SERVICES)).isEqualTo(12);
        assertThat(b.evidence().get(Field.SERVICES).words()).isEqualTo("12 microservices");
        assertThat(b.get(Field.C_REPLACEMENT)).isEqualTo(true);
        assertThat(b.list(Field.DEPLOY)).containsExactly("kubernetes");
        b.values().keySet().forEach(f -> {
            Evidence e = b.evidence().get(f);
            assertThat(e.source()).isEqualTo("text");
            assertThat(b.text()).containsIgnoringCase(e.words().split("; ")[0]);
            assertThat(e.rule()).isNotBlank();
        });
    }

    @Test
    void durationsAndCountsInWordsAndUnits() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("responses within 2 seconds").get(Field.LATENCY_MS)).isEqualTo(2000);
        assertThat(r.read("latency below 0.5 ms").get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(r.read("a sub-millisecond matching engine").get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(r.read("a dozen services").get(Field.SERVICES)).isEqualTo(12);
        assertThat(r.read("fifteen micro-services").get(Field.SERVICES)).isEqualTo(15);
    }

    @Test
    void negationsComeBeforeThePlainPhrase() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("an API, not performance critical").get(Field.PERFORMANCE_CRITICAL)).isEqualTo(false);
        assertThat(r.read("Go is not an option, Node is out").get(Field.GO_OR_NODE_OK)).isEqualTo(false);
        assertThat(r.read("Go would be fine").get(Field.GO_OR_NODE_OK)).isEqualTo(true);
        assertThat(r.read("should it be Rust or Go?").has(Field.LANGUAGE)).as("an open choice names no language").isFalse();
    }
}
