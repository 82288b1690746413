package dev.rustengineer.brief;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a confident learned answer means as brief fields. A learned answer replaces what keywords read for the
 * same question (a keyword cannot tell "a backend for our Android app" from "an Android app"); fields given by
 * flags or a file are laid over the text's reading later and always win.
 */
final class LearnedFields {
    /** The Don't-Invoke answers; a brief is at most one of them. */
    private static final List<Field> DONT_INVOKE = List.of(Field.QUICK_PROTOTYPE, Field.JAVA_BACKEND, Field.MOBILE,
            Field.SIMPLE_SCRIPT);

    private LearnedFields() {}

    /**
     * An FFI row needs something foreign in the text: a language, an OS API or an FFI tool. Without one, a
     * confident row is the corpus's share of FFI briefs speaking, not the brief.
     */
    private static final Pattern FOREIGN = Pattern.compile("(?<![\\w+#])(?:c|c\\+\\+|cpp|python|java|ruby|node(?:\\.js)?|"
            + "go|golang|swift|kotlin|c#|php|lua|windows|win32|winapi|com|abi|ffi|bindgen|cbindgen|pyo3|napi(?:-rs)?|jni|"
            + "ctypes|cffi|cdylib|dll|uniffi|cxx|native|extern|no_mangle|etw|registry|kernel32)(?![\\w+#])",
            Pattern.CASE_INSENSITIVE);

    /** The text rule that reads Rust named in a noun phrase ("a Rust service", "our Rust team"). */
    private static final String RUST_NAMED = "language-rust-named";

    private static final Pattern RUST = Pattern.compile("\\brust\\b", Pattern.CASE_INSENSITIVE);
    /** A WebAssembly module: the language named beside it ("for the browser and Node.js") is its host, not its source. */
    private static final Pattern WASM = Pattern.compile("\\b(?:web\\s?assembly|wasm)\\b", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Pattern> NAMED = Map.of(
            "go", Pattern.compile("\\b(?:go|golang)\\b", Pattern.CASE_INSENSITIVE),
            "node", Pattern.compile("\\b(?:node(?:\\.js)?|typescript|javascript|express|nestjs|next\\.?js|deno|bun|ts|js)\\b",
                    Pattern.CASE_INSENSITIVE),
            "java", Pattern.compile("\\b(?:java|spring|kotlin|jvm|quarkus|micronaut)\\b", Pattern.CASE_INSENSITIVE),
            "python", Pattern.compile("\\b(?:python|django|flask|fastapi|pandas|jupyter|pip)\\b", Pattern.CASE_INSENSITIVE),
            "bash", Pattern.compile("\\b(?:bash|shell|sh|zsh)\\b|\\.sh\\b", Pattern.CASE_INSENSITIVE),
            "c", Pattern.compile("(?<![\\w+#])c(?![\\w+#])", Pattern.CASE_INSENSITIVE),
            "cpp", Pattern.compile("\\bc\\+\\+|\\bcpp\\b", Pattern.CASE_INSENSITIVE),
            // Swift and Kotlin are the mobile specialist's: named beside another language, they leave it unsure.
            "mobile", Pattern.compile("\\b(?:swift|kotlin)\\b", Pattern.CASE_INSENSITIVE));

    static void apply(BriefModel.Prediction p, Brief.Builder b, Evidence why, String text, NegationScope scope) {
        switch (p.target()) {
            case JOB -> job(p.label(), b, why);
            case LANGUAGE -> {
                // A job is only another language's when the brief names that language, and not to rule it out.
                if (!b.has(Field.LANGUAGE) && named(text, scope, b).containsKey(p.label())) {
                    b.set(Field.LANGUAGE, p.label(), why);
                }
            }
            case KIND -> {
                // Porting, wrapping or exporting C with no API named is not a service, whatever the words around it.
                if (p.label().equals("backend") && b.has(Field.FFI) && b.get(Field.FEATURES) == null) {
                    return;
                }
                // A library or crate named as the deliverable ("a safe wrapper library", "a parsing library") is a
                // library, though the words around it (C, parsing, zero-copy) sound like systems work.
                if (p.label().equals("systems") && "library".equals(b.get(Field.KIND))) {
                    return;
                }
                b.set(Field.KIND, p.label(), why);
                if (p.label().equals("web")) {
                    b.set(Field.WEB_TARGET, "browser", why);
                } else if ("browser".equals(b.get(Field.WEB_TARGET))) {
                    b.remove(Field.WEB_TARGET);
                }
            }
            case FFI -> {
                // The FFI rules name things plainly (PyO3, bindgen, windows-rs, "called from C"): they stand, and
                // the learned row only fills a brief they left open.
                if (!p.label().equals("none") && !b.has(Field.FFI) && FOREIGN.matcher(text).find()) {
                    b.set(Field.FFI, p.label(), why);
                }
            }
            case WEB -> {
                // A framework named, "rapid prototyping" or "not performance critical" said plainly stand; the
                // learned leaf answers only the questions they left open.
                boolean critical = p.label().equals("axum") || p.label().equals("hyper");
                setIfOpen(b, Field.PERFORMANCE_CRITICAL, critical, why);
                if (Boolean.TRUE.equals(b.get(Field.PERFORMANCE_CRITICAL))) {
                    setIfOpen(b, Field.ADVANCED_ROUTING, !p.label().equals("hyper"), why);
                } else {
                    setIfOpen(b, Field.RAPID_PROTOTYPING, p.label().equals("actix-web"), why);
                }
            }
            default -> {
                // An escalation target raises its flag; its "no" is not trusted to lower one a rule raised, since
                // the corpus holds few cases of each trigger and a negated phrase never fires its rule anyway.
                if (p.label().equals("yes")) {
                    b.set(p.target().flag(), true, why);
                }
            }
        }
    }

    /**
     * The languages the brief names for the work, each with the words that name it: each named at least once
     * outside a negation ("not in Python"), and Go or Node.js not where the brief says they will not do ("Go is
     * out").
     */
    static SortedMap<String, String> named(String text, NegationScope scope, Brief.Builder b) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Pattern> e : NAMED.entrySet()) {
            if ((e.getKey().equals("go") || e.getKey().equals("node")) && goAndNodeSaidOut(b)) {
                continue;
            }
            scope.firstOutside(e.getValue().matcher(text)).ifPresent(words -> out.put(e.getKey(), words));
        }
        return out;
    }

    /**
     * True when the brief rules Go and Node.js out. A "no" the learned job gave (reading the brief as Rust's job) is
     * no such word: when Rust is then ruled out ("this isn't a Rust job: our Next.js site needs..."), the Node.js
     * the brief names is still the work's.
     */
    private static boolean goAndNodeSaidOut(Brief.Builder b) {
        Evidence why = b.evidence(Field.GO_OR_NODE_OK);
        return Boolean.FALSE.equals(b.get(Field.GO_OR_NODE_OK)) && (why == null || !"model".equals(why.source()));
    }

    /**
     * Another language's job whose language the classifier could not tell, or work Rust is ruled out of: when the
     * brief names exactly one other language for it, that is the one (it replaces a Rust the brief rules out).
     */
    static void onlyNamedLanguage(Brief.Builder b, String text, NegationScope scope) {
        SortedMap<String, String> named = named(text, scope, b);
        if (named.containsKey("mobile")) {
            return;
        }
        // C and C++ in a brief name what the work binds to, replaces or sits beside far more often than the
        // language it is to be written in, and no specialist takes them: they never decide alone.
        named.remove("c");
        named.remove("cpp");
        boolean open = !b.has(Field.LANGUAGE)
                || "rust".equals(b.get(Field.LANGUAGE)) && Boolean.FALSE.equals(b.get(Field.RUST_OK));
        if (open && named.size() == 1) {
            b.set(Field.LANGUAGE, named.firstKey(), Evidence.text(named.get(named.firstKey()), "only-language-named"));
        }
    }

    /**
     * When the learned job is unsure, the one language a brief names is the work's, Rust included; Rust named beside
     * another (a brief weighing Rust against Go) names two, and a lower-case "go" is the verb ("before I go"). A brief
     * that builds a WebAssembly module names its host ("for the browser and Node.js"), not the module's language.
     */
    static void onlyLanguageWhenUnsure(Brief.Builder b, String text, NegationScope scope) {
        if (scope.firstOutside(WASM.matcher(text)).isPresent()) {
            return;
        }
        Optional<String> rust = scope.firstOutside(RUST.matcher(text));
        if (rust.isPresent()) {
            // Rust named and no other language ("Rust please, it's the desktop team's standard"): Rust's.
            SortedMap<String, String> others = named(text, scope, b);
            others.remove("c");
            others.remove("cpp");
            if (others.isEmpty() && !b.has(Field.LANGUAGE) && !Boolean.FALSE.equals(b.get(Field.RUST_OK))) {
                b.set(Field.LANGUAGE, "rust", Evidence.text(rust.get(), "only-language-named"));
            } else if (others.size() == 1 && !others.containsKey("mobile") && !"go".equals(others.get("go"))
                    && rustOnlyNamed(b) && !b.has(Field.FFI)) {
                b.set(Field.LANGUAGE, others.firstKey(), Evidence.text(others.get(others.firstKey()), "only-language-named"));
            }
            return;
        }
        if ("go".equals(named(text, scope, b).get("go"))) {
            return;
        }
        onlyNamedLanguage(b, text, scope);
    }

    private static boolean rustOnlyNamed(Brief.Builder b) {
        Evidence why = b.evidence(Field.LANGUAGE);
        return "rust".equals(b.get(Field.LANGUAGE)) && why != null && RUST_NAMED.equals(why.rule());
    }

    private static void setIfOpen(Brief.Builder b, Field field, Object value, Evidence why) {
        if (!b.has(field)) {
            b.set(field, value, why);
        }
    }

    private static void job(String label, Brief.Builder b, Evidence why) {
        Field dont = switch (label) {
            case "prototype" -> Field.QUICK_PROTOTYPE;
            case "java" -> Field.JAVA_BACKEND;
            case "mobile" -> Field.MOBILE;
            case "script" -> Field.SIMPLE_SCRIPT;
            default -> null;
        };
        // "Everyday job" is the weakest reading: a Don't-Invoke case the rules named plainly ("an Android app")
        // stands beside it. Any other reading replaces what keywords said about the job (context words).
        if (!label.equals("everyday")) {
            for (Field f : DONT_INVOKE) {
                if (f != dont) {
                    b.remove(f);
                }
            }
        }
        // Read, with the words "Rust service" among its features, as another job than Rust's: Rust named only in a
        // noun phrase is context ("our Rust service is fine, it's the logs"). Rust named as the language to write in stands.
        Evidence rust = b.evidence(Field.LANGUAGE);
        if (!label.equals("rust") && "rust".equals(b.get(Field.LANGUAGE)) && rust != null
                && RUST_NAMED.equals(rust.rule())) {
            b.remove(Field.LANGUAGE);
        }
        switch (label) {
            case "rust" -> {
                b.set(Field.PERFORMANCE_AND_SAFETY, true, why);
                // Read as Rust's job: past 10 ms the tree asks whether Go or Node.js would do, and this reading says no.
                if (!b.has(Field.GO_OR_NODE_OK)) {
                    b.set(Field.GO_OR_NODE_OK, false, why);
                }
            }
            case "go-node" -> {
                b.set(Field.PERFORMANCE_AND_SAFETY, true, why);
                b.set(Field.GO_OR_NODE_OK, true, why);
            }
            case "everyday" -> b.set(Field.PERFORMANCE_AND_SAFETY, false, why);
            case "other-language" -> { }
            default -> b.set(dont, true, why);
        }
    }
}
