package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Embedder;
import java.util.ArrayList;
import java.util.List;

/** Prints all loaded knowledge: the rules, the trees drawn as the spec draws them, the tables, triggers, patterns. */
public final class KnowledgeText {
    private KnowledgeText() {}

    public static String render(Knowledge k) {
        List<String> out = new ArrayList<>();
        InvokeRules inv = k.invoke();
        section(out, "When to Use", inv.source());
        inv.whenToUse().forEach(s -> out.add("- " + s));
        out.add("");
        out.add("Invoke When");
        inv.invokeWhen().forEach(r -> out.add("- " + r.label() + "    [" + r.id() + ": " + r.when().describe() + "]"));
        out.add("");
        out.add("Don't Invoke When");
        inv.dontInvoke().forEach(r -> out.add("- " + r.label() + " -> " + r.route() + " " + r.languages()
                + "    [" + r.id() + ": " + r.when().describe() + "]"));
        out.add("");
        out.add("A language named plainly: " + inv.languageRoutes());

        for (DecisionTree tree : List.of(k.chooseRust(), k.webFramework())) {
            section(out, tree.title(), tree.source());
            out.addAll(TreeDrawing.draw(tree));
            out.add("");
            out.add("Fields asked: " + String.join(", ", tree.nodes().values().stream()
                    .map(n -> n.field().key() + " (default " + n.defaultAnswer() + ")").toList()));
        }

        RuntimeTable rt = k.asyncRuntime();
        section(out, rt.title(), rt.source());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Aspect"));
        rt.columns().forEach(c -> header.add(c.label()));
        rows.add(header);
        rt.aspects().forEach(a -> {
            List<String> row = new ArrayList<>(List.of(a.aspect()));
            rt.columns().forEach(c -> row.add(withMeasured(a.values().get(c.id()), a.measured().get(c.id()))));
            rows.add(row);
        });
        out.addAll(table(rows));
        out.add("");
        out.add("Recommendation: " + rt.recommendation());
        rt.columns().stream().filter(c -> c.advisory() != null).forEach(c ->
                out.add("Advisory (" + c.label() + "): " + c.advisory().text() + " [" + c.advisory().reference() + ", " + c.advisory().date() + "]"));
        out.add("Choosing a column (first match wins):");
        rt.rules().forEach(r -> out.add("  " + r.id() + ": when " + r.when().describe() + " -> "
                + (r.choose() != null ? r.choose() : "the brief's " + r.chooseFromField()) + " (" + r.rationale() + ")"));

        FfiTable ffi = k.ffi();
        section(out, ffi.title(), ffi.source());
        List<List<String>> frows = new ArrayList<>();
        frows.add(List.of("Situation", "Decision", "Rationale"));
        ffi.rows().forEach(r -> frows.add(List.of(r.label(), r.decisionLabel(), r.rationale())));
        out.addAll(table(frows));
        ffi.rows().stream().filter(r -> r.advisory() != null).forEach(r ->
                out.add("Advisory (" + r.label() + "): " + r.advisory().text() + " [" + r.advisory().reference() + "]"));

        section(out, "Escalation Triggers", k.triggersSource());
        out.add("Red Flags -> Escalate to `oracle`:");
        k.triggers().forEach(t -> out.add("- " + t.text() + "    [" + t.id() + ": " + t.when().describe() + "]"));

        section(out, "Integration Patterns", k.patternsSource());
        for (IntegrationPattern p : k.patterns()) {
            out.add(p.to() + ":");
            out.add("  Handoff: " + p.handoff());
            out.add("  Tools: " + String.join(", ", p.tools()));
            out.add("  Applies when: " + p.when().describe());
            out.add("  Artifacts: " + String.join("; ", p.artifacts()));
        }

        section(out, "Inferences", "rust-engineer");
        k.inferences().forEach(i -> out.add("- " + i.id() + ": " + (i.add() ? "add " : "set ") + i.field().key() + " = "
                + i.value() + " when " + i.when().describe() + " (" + i.because() + ")"));
        out.add("Contradictions:");
        k.contradictions().forEach(c -> out.add("- " + c.id() + ": " + c.message()));

        Measurements m = k.measurements();
        section(out, "Measured", "knowledge/measurements.yaml");
        for (Measurements.Source s : m.sources()) {
            out.add("Source " + s.id() + ": " + s.command() + ", " + s.date() + ", " + s.machine()
                    + (s.rustc() != null ? ", " + s.rustc() : ""));
            if (s.notes() != null) {
                out.add("  " + s.notes());
            }
        }
        m.cells().forEach(c -> out.add("- " + c.table() + " / " + c.row() + " / " + c.column() + ": "
                + measuredLine(c.measured())));
        m.figures().forEach(f -> out.add("- " + f.label() + " [" + f.id() + "]: " + measuredLine(f.measured())));

        section(out, "Reading free text", "rust-engineer");
        out.add(k.textRules().size() + " text rules read what a phrase says plainly (numbers, named technologies), each"
                + " skipped inside a negation's scope; classifiers over " + Embedder.MODEL + " sentence embeddings, words and"
                + " rule hits, trained on the labelled briefs of knowledge/briefs/, answer what the job is, its kind, FFI row,"
                + " web framework leaf and database need, and abstain below a confidence set on the dev split.");
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** A spec value with the measured one beside it: {@code ~300KB (measured: 167 KiB, bench/x.sh 2026-12-01)}. */
    static String withMeasured(String spec, Measurements.Measured measured) {
        return measured == null ? spec : spec + " (measured: " + measured.value() + ", " + measured.source().brief() + ")";
    }

    private static String measuredLine(Measurements.Measured m) {
        return m.value() + (m.detail() != null ? " (" + m.detail() + ")" : "") + " [source " + m.source().id() + "]";
    }

    private static void section(List<String> out, String title, String source) {
        if (!out.isEmpty()) {
            out.add("");
        }
        out.add("## " + title + "    (" + source + ")");
        out.add("");
    }

    /** A Markdown table with padded columns, as the spec prints its tables. */
    static List<String> table(List<List<String>> rows) {
        int cols = rows.getFirst().size();
        int[] width = new int[cols];
        rows.forEach(r -> {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder("|");
            for (int i = 0; i < cols; i++) {
                sb.append(' ').append(pad(rows.get(r).get(i), width[i])).append(" |");
            }
            out.add(sb.toString());
            if (r == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int i = 0; i < cols; i++) {
                    sep.append('-').append("-".repeat(width[i])).append("-|");
                }
                out.add(sep.toString());
            }
        }
        return out;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
