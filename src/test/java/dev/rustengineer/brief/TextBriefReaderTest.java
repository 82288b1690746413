package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;
import dev.rustengineer.knowledge.TextRule;
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
            assertThat(e.source()).isIn("text", "model");
            assertThat(b.text()).containsIgnoringCase(e.words().split("; ")[0].replace("...", ""));
            assertThat(e.rule()).isNotBlank();
            if (e.source().equals("model")) {
                assertThat(e.rule()).startsWith("learned ").contains("probability").contains("nearest corpus briefs");
            }
        });
    }

    @Test
    void durationsAndCountsInWordsAndUnits() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("responses within 2 seconds").get(Field.LATENCY_MS)).isEqualTo(2000);
        assertThat(r.read("latency below 0.5 ms").get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(r.read("a sub-millisecond matching engine").get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(r.read("decode each message in under 80 ns").get(Field.LATENCY_MS)).isEqualTo(1);
        assertThat(r.read("the fan-out has to finish under a tenth of a second").get(Field.LATENCY_MS)).isEqualTo(100);
        assertThat(r.read("half a second per response is fine for the partners").get(Field.LATENCY_MS)).isEqualTo(500);
        assertThat(r.read("An export API. Three seconds is acceptable.").get(Field.LATENCY_MS)).isEqualTo(3000);
        assertThat(r.read("A feed with a heartbeat every 30s and about five thousand calls a second").has(Field.LATENCY_MS))
                .as("a period and a rate are no budget").isFalse();
        assertThat(r.read("a dozen services").get(Field.SERVICES)).isEqualTo(12);
        assertThat(r.read("fifteen micro-services").get(Field.SERVICES)).isEqualTo(15);
    }

    @Test
    void workersBridgesAndRawTcpServersAnswerNoHttp() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("A Rust worker that consumes `orders.placed` from Kafka and writes to Postgres").get(Field.HTTP))
                .isEqualTo(false);
        assertThat(r.read("our MQTT->AMQP bridge in Rust needs reconnect backoff").get(Field.HTTP)).isEqualTo(false);
        assertThat(r.read("order gateway in Rust, FIX over TCP, no HTTP anywhere").get(Field.HTTP)).isEqualTo(false);
        assertThat(r.read("A Rust service that reads from Kafka and serves a REST API for the dashboard").has(Field.HTTP))
                .as("an HTTP API named beside the queue").isFalse();
        assertThat(r.read("A Rust REST API for invoices, p99 under 5 ms").has(Field.HTTP)).isFalse();
    }

    @Test
    void theLanguageTheWriterSaysTheyWillUseIsTheirs() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("A friend said to write it in Rust, but I'd rather use Python for this bot").get(Field.LANGUAGE))
                .isEqualTo("python");
        assertThat(r.read("Nobody knows Rust here, so we'll use Golang for the orders API").get(Field.LANGUAGE)).isEqualTo("go");
        assertThat(r.read("I'll write it in Node.js since that's what I know").get(Field.LANGUAGE)).isEqualTo("node");
    }

    @Test
    void negationsComeBeforeThePlainPhrase() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("an API, not performance critical").get(Field.PERFORMANCE_CRITICAL)).isEqualTo(false);
        assertThat(r.read("Go is not an option, Node is out").get(Field.GO_OR_NODE_OK)).isEqualTo(false);
        assertThat(r.read("Go would be fine").get(Field.GO_OR_NODE_OK)).isEqualTo(true);
        assertThat(r.read("should it be Rust or Go?").has(Field.LANGUAGE)).as("an open choice names no language").isFalse();
    }

    @Test
    void aNegatedPhraseDoesNotSetWhatItNegates() {
        TextBriefReader r = new TextBriefReader(K);
        Brief noDb = r.read("A Rust HTTP API for price quotes, p99 under 5 ms, no database: prices live in memory");
        assertThat(noDb.list(Field.FEATURES)).doesNotContain("database");
        Brief notWasm = r.read("A Rust image resizing service, not WebAssembly and not for the browser, p99 under 20 ms");
        assertThat(notWasm.get(Field.WEB_TARGET)).isNotEqualTo("browser");
        Brief notRust = r.read("We can't use Rust for this one; a service that resizes images for the shop");
        assertThat(notRust.get(Field.RUST_OK)).isEqualTo(false);
        assertThat(notRust.evidence().get(Field.RUST_OK).words()).containsIgnoringCase("rust");
        assertThat(r.read("Someone proposed a Rust port of the importer -- not worth it, it runs once a week.")
                .get(Field.RUST_OK)).as("a suggestion turned down").isEqualTo(false);
        assertThat(r.read("dont write it in Rust, the team only knows Python").get(Field.RUST_OK))
                .as("a negation without its apostrophe").isEqualTo(false);
    }

    @Test
    void aDecisionAgainstRustRulesItOutAndTheLanguageNamedTakesTheWork() {
        TextBriefReader r = new TextBriefReader(K);
        Brief decided = r.read("We considered a Rust rewrite and decided against it. Add the export endpoint to the Go service.");
        assertThat(decided.get(Field.RUST_OK)).isEqualTo(false);
        assertThat(decided.get(Field.LANGUAGE)).isEqualTo("go");
        Brief policy = r.read("R8: the proxy shall be implemented in Go; Rust, C and C++ shall not be used.");
        assertThat(policy.get(Field.RUST_OK)).isEqualTo(false);
        assertThat(policy.get(Field.LANGUAGE)).as("C and C++ are ruled out with Rust, Go is named").isEqualTo("go");
        Brief mobile = r.read("We won't add Rust to the apps; implement the cart rules natively in Swift and Kotlin.");
        assertThat(mobile.get(Field.RUST_OK)).isEqualTo(false);
        assertThat(mobile.get(Field.LANGUAGE)).as("Kotlin here is the mobile app's, not Java's").isNotEqualTo("java");
    }

    @Test
    void aLanguageOnlyMentionedYieldsToAConfidentRustJob() {
        TextBriefReader r = new TextBriefReader(K);
        // The Python named is the tool being replaced: the learned job reads Rust's work, and the mention yields.
        Brief replaced = r.read("Our nightly log rollup is a Python script that now takes six hours. We want a multi-threaded "
                + "command-line tool, shipped as one static binary for the Linux batch hosts, that does the same rollup in minutes.");
        assertThat(replaced.get(Field.LANGUAGE)).isNotEqualTo("python");
        assertThat(replaced.get(Field.PERFORMANCE_AND_SAFETY)).isEqualTo(true);
        // Read as a script's job, the same rule's Python stands.
        assertThat(r.read("A small Python script that renames our holiday photos by the date they were taken").get(Field.LANGUAGE))
                .isEqualTo("python");
    }

    @Test
    void aRustModuleImportedFromAnotherLanguageIsALibrary() {
        TextBriefReader r = new TextBriefReader(K);
        Brief b = r.read("Our Node.js backend team wants a native addon built with napi-rs that the Express services load to verify JWTs faster.");
        assertThat(b.get(Field.FFI)).isEqualTo("calling-rust-from-other-languages");
        assertThat(b.get(Field.KIND)).isEqualTo("library");
    }

    @Test
    void aLanguageStatedAsAConstraintIsTheWorksWhateverTheLearnedJobSays() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("The notification fan-out must answer in 5 ms; our on-call people only know Node.")
                .get(Field.LANGUAGE)).isEqualTo("node");
        assertThat(r.read("A market-data normaliser, under 100 microseconds per tick; it must be Java, like the rest of the desk's code.")
                .get(Field.LANGUAGE)).isEqualTo("java");
        assertThat(r.read("A thumbnail worker for the blog; we need it written in Go.")
                .get(Field.LANGUAGE)).isEqualTo("go");
        assertThat(r.read("A recommendation endpoint, p99 under 20 ms; the team is all Python.").get(Field.LANGUAGE))
                .isEqualTo("python");
        assertThat(r.read("An edge cache, p99 under 3 ms. It doesn't have to be Go, whatever is fastest.").get(Field.LANGUAGE))
                .as("a negated constraint").isNotEqualTo("go");
        assertThat(r.read("A pricing engine in Rust, p99 under 2 ms; the whole team writes Go but this one must be Rust.")
                .get(Field.LANGUAGE)).as("Rust stated for the work comes first").isEqualTo("rust");
    }

    @Test
    void anAdditionToAnExistingPlatformIsItsLanguagesWork() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("Add request logging to our Fastify gateway for the mobile apps.").get(Field.LANGUAGE))
                .isEqualTo("node");
        assertThat(r.read("Add a health endpoint to our Go inventory agent that the load balancer polls.")
                .get(Field.LANGUAGE)).isEqualTo("go");
        assertThat(r.read("Extend the council's existing Spring Boot permits service with a PDF export.").get(Field.LANGUAGE))
                .isEqualTo("java");
        assertThat(r.read("A matching service next to our Go services, which call it over gRPC; p99 under 3 ms.")
                .get(Field.LANGUAGE)).as("placed next to them, not added to them").isNotEqualTo("go");
        TextRule node = K.textRules().stream().filter(t -> t.id().equals("language-addition-node")).findFirst().orElseThrow();
        assertThat(node.pattern().matcher("Move pricing out of our Node.js monolith into its own service").find())
                .as("carved out of it").isFalse();
        assertThat(node.pattern().matcher("a quiz module, built as an extension of our existing Koa app").find()).isTrue();
        TextRule addition = K.textRules().stream().filter(t -> t.id().equals("language-addition-go")).findFirst().orElseThrow();
        assertThat(addition.afterModel()).isTrue();
        assertThat(addition.feature()).isFalse();
        assertThat(r.see("Add an endpoint to our Go service").features()).doesNotContainKey("r:language-addition-go");
    }

    @Test
    void aFallbackRuleIsNoFeatureOfTheLearnedReader() {
        TextRule oneOff = K.textRules().stream().filter(r -> r.id().equals("one-off-or-scheduled-job")).findFirst().orElseThrow();
        assertThat(oneOff.fallback()).isTrue();
        assertThat(oneOff.pattern().matcher("the nightly export runs from my laptop's crontab").find()).isTrue();
        assertThat(oneOff.pattern().matcher("a one-off clean-up of the old buckets").find()).isTrue();
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.see("A one-off clean-up: a small bash script that runs once").features())
                .containsKey("r:simple-script").doesNotContainKey("r:one-off-or-scheduled-job");
    }

    @Test
    void whenTheJobIsUnsureTheOneLanguageNamedIsTheWorks() {
        assertThat(unsure("Retro action: add a Python check to the release pipeline.")).isEqualTo("python");
        assertThat(unsure("Handing over room-bookings: Flask + SQLite, used by the office.")).isEqualTo("python");
        assertThat(unsure("Before I go: the nightly export runs from my crontab.")).as("the verb, not Go").isNull();
        assertThat(unsure("We're still choosing between Rust and Go for a new API.")).as("Rust named too").isNull();
        assertThat(unsure("A report page in Python or Node, whichever.")).as("two named").isNull();
        assertThat(unsure("Windows tray utility for VPN status. Rust please, it's the desktop team's standard.")).isEqualTo("rust");
        assertThat(unsure("Rust please, though the glue around it is Python.")).as("Rust and Python named").isNull();
        assertThat(unsure("A tray utility, not in Rust.")).as("Rust only negated").isNull();
        assertThat(unsure("A WebAssembly module for the browser and Node.js")).as("Node.js hosts the module").isNull();
    }

    private static Object unsure(String text) {
        Brief.Builder b = Brief.builder().text(text);
        LearnedFields.onlyLanguageWhenUnsure(b, text, NegationScope.of(text));
        return b.get(Field.LANGUAGE);
    }

    @Test
    void onlyAGoOrNodeRuledOutInWordsHidesTheNodeNamedWhenRustIsOut() {
        String text = "this isn't a Rust job: our Next.js site needs an API route that proxies search requests";
        Brief.Builder learned = Brief.builder().text(text).set(Field.GO_OR_NODE_OK, false,
                new Evidence("model", text, "learned job: rust, probability 0.68"));
        LearnedFields.onlyNamedLanguage(learned, text, NegationScope.of(text));
        assertThat(learned.get(Field.LANGUAGE)).isEqualTo("node");
        Brief.Builder said = Brief.builder().text(text).set(Field.GO_OR_NODE_OK, false, Evidence.text("Node is out", "go-node-not-ok"));
        LearnedFields.onlyNamedLanguage(said, text, NegationScope.of(text));
        assertThat(said.has(Field.LANGUAGE)).isFalse();
    }

    @Test
    void aCWrapperWithNoApiNamedIsNoServiceWhateverTheLearnedKind() {
        Brief ruled = Brief.builder().set(Field.KIND, "library", Evidence.text("Rust crate", "kind-library")).build();
        Brief.Builder b = Brief.builder().set(Field.KIND, "backend", new Evidence("model", "x", "learned kind: backend"))
                .set(Field.FFI, "legacy-c-library", new Evidence("model", "x", "learned ffi: legacy-c-library"));
        TextBriefReader.wrapperIsNoService(b, ruled);
        assertThat(b.get(Field.KIND)).isEqualTo("library");
        Brief.Builder api = Brief.builder().set(Field.KIND, "backend", new Evidence("model", "x", "learned kind: backend"))
                .set(Field.FFI, "legacy-c-library", new Evidence("model", "x", "learned ffi"))
                .add(Field.FEATURES, "rest", Evidence.text("REST API", "feature-rest"));
        TextBriefReader.wrapperIsNoService(api, ruled);
        assertThat(api.get(Field.KIND)).as("an API named: a service").isEqualTo("backend");
    }

    @Test
    void aForeignLibraryNamedDoesNotHideTheCrateAskedFor() {
        TextRule library = K.textRules().stream().filter(r -> r.id().equals("kind-library")).findFirst().orElseThrow();
        assertThat(library.pattern().matcher("bindings to the camera vendor's C SDK").find()).isFalse();
        assertThat(library.pattern().matcher("a safe Rust crate around the camera vendor's C SDK").find()).isTrue();
        assertThat(library.pattern().matcher("a wrapper library around libhsm, a C++ library").find()).isTrue();
    }

    @Test
    void servicesAreCountedInAnyNumberWord() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("fourteen Rust microservices talking over gRPC and Kafka").get(Field.SERVICES)).isEqualTo(14);
        assertThat(r.read("a platform of twelve or more Rust services").get(Field.SERVICES)).isEqualTo(12);
    }

    @Test
    void aNumberIsReadEvenInsideANegation() {
        TextBriefReader r = new TextBriefReader(K);
        assertThat(r.read("sites drop any API that doesn't answer in under five milliseconds").get(Field.LATENCY_MS)).isEqualTo(5);
        assertThat(r.read("a couple hundred ms is fine").get(Field.LATENCY_MS)).isEqualTo(200);
        assertThat(r.read("single-digit milliseconds at p99").get(Field.LATENCY_MS)).isEqualTo(9);
    }

    @Test
    void negationScopeEndsAtTheClause() {
        NegationScope s = NegationScope.of("no database, but it must be fast");
        String t = "no database, but it must be fast";
        assertThat(s.negated(t.indexOf("database"), t.indexOf("database") + 8)).isTrue();
        assertThat(s.negated(t.indexOf("fast"), t.indexOf("fast") + 4)).isFalse();
        String trailing = "WebAssembly is not needed here";
        assertThat(NegationScope.of(trailing).negated(0, "WebAssembly".length())).isTrue();
        String policy = "It shall be written in Go; C and C++ shall not be used.";
        NegationScope p = NegationScope.of(policy);
        assertThat(p.negated(policy.indexOf("C++"), policy.indexOf("C++") + 3)).isTrue();
        assertThat(p.negated(policy.indexOf("Go"), policy.indexOf("Go") + 2)).isFalse();
    }

    @Test
    void aBriefOverSixtyFourKibIsRefusedBeforeAnyWork() {
        String big = "a fast REST API ".repeat(5000);
        assertThatThrownBy(() -> new TextBriefReader(K).read(big)).isInstanceOf(UsageException.class)
                .hasMessageContaining("at most 64 KiB");
    }

    @Test
    void controlCharactersAndMixedScriptsNeverCrash() {
        TextBriefReader r = new TextBriefReader(K);
        r.read("\u0000\u0007 a REST API \u202e для заказов 注文 API \uD83D\uDE80 p99 < 5 ms");
        r.read("\u0001\u0002\u0003");
        r.read("12345 67 8");
    }
}
