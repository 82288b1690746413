package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a need for Rust when the default NO ("an everyday job") is settled against the other answers. */
class RustNeedTest {
    private static final Evidence DEFAULT_NO = new Evidence("default", RustNeed.NONE, "an everyday job");

    private static Brief everydayWithKind(Evidence kind) {
        return Brief.builder().text("Every Friday, copy the week's invoices into a dated folder")
                .set(Field.PERFORMANCE_AND_SAFETY, false, DEFAULT_NO)
                .set(Field.KIND, "library", kind)
                .build();
    }

    @Test
    void aKindOnlyTheLearnedReaderGaveIsNoNeed() {
        Brief b = everydayWithKind(new Evidence("model", "Every Friday...", "learned kind: library, probability 0.71"));
        assertThat(RustNeed.settle(b).get(Field.PERFORMANCE_AND_SAFETY)).isEqualTo(false);
    }

    @Test
    void aKindTheWordsOrAFlagSaidIsANeed() {
        assertThat(RustNeed.settle(everydayWithKind(Evidence.text("crate", "kind-library"))).has(Field.PERFORMANCE_AND_SAFETY))
                .as("the words say 'crate'").isFalse();
        assertThat(RustNeed.settle(everydayWithKind(Evidence.flag("--kind"))).has(Field.PERFORMANCE_AND_SAFETY))
                .as("--kind library").isFalse();
    }

    @Test
    void theLearnedWebKindsBrowserTargetIsTheSameGuess() {
        Evidence learned = new Evidence("model", "...", "learned kind: web, probability 0.9");
        Brief b = Brief.builder().text("a page for the office").set(Field.PERFORMANCE_AND_SAFETY, false, DEFAULT_NO)
                .set(Field.KIND, "web", learned).set(Field.WEB_TARGET, "browser", learned).build();
        assertThat(RustNeed.settle(b).get(Field.PERFORMANCE_AND_SAFETY)).isEqualTo(false);
    }

    @Test
    void aLooseBudgetIsStillAPerformanceAsk() {
        // The tree then asks whether Go or Node.js would do (yes past 10 ms), instead of the default NO.
        Brief b = Brief.builder().text("a notification fan-out service, bursts of 20k/s, 300 ms per message is fine")
                .set(Field.PERFORMANCE_AND_SAFETY, false, DEFAULT_NO)
                .set(Field.LATENCY_MS, 300, Evidence.text("300 ms per message is fine", "latency-any-ms"))
                .build();
        assertThat(RustNeed.settle(b).has(Field.PERFORMANCE_AND_SAFETY)).isFalse();
    }

    @Test
    void aLooseBudgetForAnythingButAServiceIsNoAsk() {
        // A learned CLI kind would lead the tree to a Rust leaf; the loose budget does not make it a need.
        Brief b = Brief.builder().text("a tool that lists last month's invoices; a second or two is fine")
                .set(Field.PERFORMANCE_AND_SAFETY, false, DEFAULT_NO)
                .set(Field.LATENCY_MS, 2000, Evidence.text("a second or two is fine", "latency-seconds-accepted"))
                .set(Field.KIND, "cli", new Evidence("model", "a tool...", "learned kind: cli, probability 0.8"))
                .build();
        assertThat(RustNeed.settle(b).get(Field.PERFORMANCE_AND_SAFETY)).isEqualTo(false);
    }
}
