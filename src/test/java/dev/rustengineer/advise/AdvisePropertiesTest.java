package dev.rustengineer.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import dev.rustengineer.knowledge.DecisionTree;
import dev.rustengineer.knowledge.KnowledgeLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any brief yields a complete advice or a usage error, never another exception; every path is a real tree path. */
class AdvisePropertiesTest {
    private static final RustEngineer RE = RustEngineer.shared();

    @Property(tries = 1000)
    void anyStructuredBriefGivesCompleteAdviceOrUsageError(@ForAll("briefs") Map<Field, Object> raw) {
        Advice advice;
        try {
            Brief.Builder b = Brief.builder();
            raw.forEach((f, v) -> b.set(f, v, Evidence.flag(f.flag())));
            advice = RE.advise(b.build());
        } catch (UsageException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertComplete(advice);
    }

    @Property(tries = 150)
    void anyFreeTextGivesCompleteAdviceOrUsageError(@ForAll("texts") String text) {
        Advice advice;
        try {
            advice = RE.advise(RE.readText(text));
        } catch (UsageException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertComplete(advice);
    }

    static void assertComplete(Advice a) {
        assertThat(a.route()).isIn(KnowledgeLoader.ROUTES);
        assertThat(a.invoke()).isEqualTo(a.route().equals("rust-engineer"));
        assertThat(a.decisions()).isNotEmpty();
        assertThat(a.decisions().getFirst().framework()).isEqualTo("invoke");
        for (Decision d : a.decisions()) {
            DecisionTree tree = switch (d.framework()) {
                case "choose-rust" -> RE.knowledge().chooseRust();
                case "web-framework" -> RE.knowledge().webFramework();
                default -> null;
            };
            if (tree != null) {
                assertRealPath(tree, d);
            }
        }
        if (a.invoke()) {
            assertThat(a.stack().target()).isIn("native", "wasm");
        } else {
            assertThat(a.stack()).isEqualTo(Stack.empty());
            assertThat(a.handoffs()).isEmpty();
        }
        a.escalations().forEach(e -> assertThat(e.id()).isIn(KnowledgeLoader.TRIGGER_IDS));
        a.handoffs().forEach(h -> assertThat(h.to()).isIn(KnowledgeLoader.SPECIALISTS));
    }

    /** Follows the recorded answers from the root: each step must be the node reached, and the end the outcome. */
    static void assertRealPath(DecisionTree tree, Decision d) {
        DecisionTree.Node node = tree.rootNode();
        for (int i = 0; i < d.path().size(); i++) {
            Decision.Step step = d.path().get(i);
            assertThat(step.node()).isEqualTo(node.id());
            assertThat(step.question()).isEqualTo(node.question());
            DecisionTree.Branch b = node.branch(step.answer());
            if (b.outcome() != null) {
                assertThat(i).as("the outcome ends the path").isEqualTo(d.path().size() - 1);
                assertThat(d.outcome()).isEqualTo(b.outcome());
                return;
            }
            node = tree.nodes().get(b.next());
        }
        throw new AssertionError("path of " + tree.id() + " ends at a question, not an outcome: " + d.path());
    }

    @Provide
    Arbitrary<Map<Field, Object>> briefs() {
        List<Arbitrary<Map.Entry<Field, Object>>> entries = new ArrayList<>();
        for (Field f : Field.values()) {
            entries.add(value(f).map(v -> Map.entry(f, v)).injectNull(0.6));
        }
        return Combinators.combine(entries).as(list -> {
            Map<Field, Object> m = new java.util.EnumMap<>(Field.class);
            list.stream().filter(java.util.Objects::nonNull).forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    private static Arbitrary<Object> value(Field f) {
        return switch (f.type()) {
            case FieldType.Bool b -> Arbitraries.of(true, false).map(x -> (Object) x);
            case FieldType.Int i -> Arbitraries.integers().between(-5, 5000).map(x -> (Object) x);
            case FieldType.OneOf o -> Arbitraries.oneOf(Arbitraries.of(o.values()), Arbitraries.strings().alpha().ofMaxLength(6))
                    .map(x -> (Object) x);
            case FieldType.SetOf s -> Arbitraries.of(s.values()).list().ofMaxSize(4).map(x -> (Object) x);
            case FieldType.Text t -> Arbitraries.strings().ofMaxLength(20).map(x -> (Object) x);
        };
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of("rust", "go", "api", "REST", "p99", "under", "5", "ms", "cli", "browser",
                "wasm", "C", "library", "wrap", "legacy", "python", "script", "simple", "spring", "boot", "ios", "app",
                "twelve", "microservices", "kafka", "unsafe", "hot", "loop", "lifetimes", "traits", "executor", "custom",
                "postgres", "grpc", "websocket", "quick", "prototype", "not", "performance", "critical", "fine", "µs",
                "0.5", "seconds", "😀", "\u00a0", "—", "(", "'", "\"", "\\", "$", "{{", "}}");
        return Arbitraries.oneOf(words.list().ofMinSize(0).ofMaxSize(14).map(l -> String.join(" ", l)),
                Arbitraries.strings().ofMaxLength(60));
    }
}
