package dev.rustengineer.brief;

import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.TextRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Reads free text into a brief in two halves. The knowledge's text rules read what a phrase says plainly
 * (numbers, durations, named technologies), each match skipped when it lies inside a negation's scope. Then
 * classifiers learned from the labelled corpus ({@link LearnedTarget}) answer the judgements keywords get wrong:
 * what the job is, what kind of project, which FFI row, which web framework leaf, whether a database is needed.
 * A learned answer below its confidence threshold is left open, so the trees ask it as a question.
 */
public final class TextBriefReader {
    /** Briefs are paragraphs; anything longer is refused before any work is done on it. */
    public static final int MAX_BYTES = 64 * 1024;

    private final Knowledge knowledge;
    private final Embedder embedder;
    private final Supplier<BriefCorpus> corpus;
    private volatile BriefModel model;

    public TextBriefReader(Knowledge knowledge) {
        this(knowledge, Embedder.shared(), BriefCorpus::bundled);
    }

    public TextBriefReader(Knowledge knowledge, Embedder embedder, Supplier<BriefCorpus> corpus) {
        this.knowledge = knowledge;
        this.embedder = embedder;
        this.corpus = corpus;
    }

    /** A reader with a model trained elsewhere (cross-validation trains one per fold). */
    public TextBriefReader(Knowledge knowledge, Embedder embedder, BriefModel model) {
        this(knowledge, embedder, () -> {
            throw new IllegalStateException("this reader's model was given");
        });
        this.model = model;
    }

    public Brief read(String text) {
        // No UTF-8 character takes more than four bytes, so shorter text is never counted.
        int bytes = text == null || text.length() <= MAX_BYTES / 4 ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new BriefTooLargeException("the brief is " + bytes / 1024 + " KiB; a brief may be at most 64 KiB");
        }
        if (text == null || text.isBlank()) {
            return Brief.builder().text(text).build();
        }
        String t = normalise(text);
        Reading r = rules(t);
        // The model needs words to compare; text without a letter in it is left to the rules.
        if (!t.codePoints().anyMatch(Character::isLetter)) {
            return r.builder().build();
        }
        // The trained reader first: on a cold start it loads from its cache while the embedding model, started
        // on its own thread, is still loading, instead of after it.
        BriefModel m = model();
        BriefModel.Seen seen = see(t, r);
        Brief ruled = r.builder().build();
        String job = null;
        double jobProbability = 0;
        // The nearest corpus briefs are the same for every learned field: found once, when the first is used.
        List<Map.Entry<BriefModel.Neighbour, Double>> near = null;
        for (LearnedTarget target : LearnedTarget.values()) {
            var prediction = m.predict(target, seen);
            if (prediction.isEmpty()) {
                continue;
            }
            BriefModel.Prediction p = prediction.get();
            if (target == LearnedTarget.JOB) {
                job = p.confident() && !everydayAgainstBudget(p, ruled) && !weakRustJob(p) ? p.label() : null;
                if (job == null) {
                    continue;
                }
                jobProbability = p.probability();
            } else if (target == LearnedTarget.LANGUAGE ? !"other-language".equals(job)
                    : target.flag() == null && job != null && !job.equals("rust") && !job.equals("go-node")) {
                // Rust-side questions mean nothing for a job that is not Rust's.
                continue;
            }
            if (p.confident()) {
                if (near == null) {
                    near = m.nearest(seen.embedding(), 2);
                }
                LearnedFields.apply(p, r.builder(), evidence(p, m.because(p, seen), near, t), t, r.scope());
            }
            if (target == LearnedTarget.LANGUAGE && "other-language".equals(job)) {
                LearnedFields.onlyNamedLanguage(r.builder(), t, r.scope());
            }
            if (target == LearnedTarget.LANGUAGE && "other-language".equals(job) && !r.builder().has(Field.LANGUAGE)) {
                // "Another language's job" without a language named in it is no answer: treat it as unsure.
                job = null;
            }
        }
        if ("rust".equals(job) && jobProbability >= MENTION_YIELDS_AT) {
            mentionYieldsToRust(r.builder());
        }
        // A stated constraint on the work's own language ("the team only knows Go", "it has to be Node.js too")
        // is read whatever the learned job thinks: its other words (a budget, "low latency") may look like Rust's.
        readAfterModel(TextRule::afterModel, t, r);
        if (Boolean.FALSE.equals(r.builder().get(Field.RUST_OK))) {
            // Rust ruled out ("we decided against Rust"): the language the brief does name is the work's.
            LearnedFields.onlyNamedLanguage(r.builder(), t, r.scope());
        }
        if (job == null) {
            // The learned reader could not tell what the job is: a brief that names exactly one language outside
            // a negation ("a Python check", "Flask + SQLite", "a bash wrapper") names the work's language.
            LearnedFields.onlyLanguageWhenUnsure(r.builder(), t, r.scope());
            // The fallback rules speak only where the learned reader could not tell what the job is.
            readAfterModel(TextRule::fallback, t, r);
            noNeedMeansNotRust(r.builder());
        }
        wrapperIsNoService(r.builder(), ruled);
        exportIsLibrary(r.builder());
        if ("go-node".equals(job)) {
            goOrNodeIsBackend(r.builder());
        }
        return r.builder().build();
    }

    /**
     * How sure the learned job must be that the work is Rust's before a language read from a mere mention (a
     * {@code mention} rule: "in Python", "our Node codebase") yields to it. The job classifier weighs those rules'
     * hits among its features; when it still reads Rust's job this surely, the mention named what the work replaces,
     * who calls it or where it runs ("Today it is a Python script ... rebuilt as one binary", "the Node.js BFF stays
     * in Node and calls this service"). Chosen by 5-fold cross-validation over train + dev (docs/advise.md).
     */
    static final double MENTION_YIELDS_AT = Double.parseDouble(System.getProperty("rust-engineer.reader.mention-yields-at", "0.9"));

    /**
     * How sure the learned job must be that the work is Rust's to count as an answer. Below it the job is left
     * unsure, so the language the brief names and the tree's own questions decide: in cross-validation the Rust
     * jobs read under 0.6 that were wrong were everyday work (a one-time migration, a Flask app handed over, a
     * header rewrite done once, a quick experiment). 0.6 chosen by 5-fold cross-validation over train + dev
     * (docs/advise.md, thirteenth round); 0.7 was not finished in time to compare.
     */
    static final double RUST_JOB_AT = Double.parseDouble(System.getProperty("rust-engineer.reader.rust-job-at", "0.6"));

    private static boolean weakRustJob(BriefModel.Prediction p) {
        return p.label().equals("rust") && p.probability() < RUST_JOB_AT;
    }

    private void mentionYieldsToRust(Brief.Builder b) {
        Evidence why = b.evidence(Field.LANGUAGE);
        if (why == null || why.rule() == null || "rust".equals(b.get(Field.LANGUAGE))) {
            return;
        }
        for (TextRule rule : knowledge.textRules()) {
            if (rule.mention() && rule.id().equals(why.rule())) {
                b.remove(Field.LANGUAGE);
                return;
            }
        }
    }

    /**
     * "Go or Node.js would do" is an answer only the tree's backend branch asks for (a service with a budget of
     * 10 ms or more): a brief the learned job reads so is a backend, whatever kind its other words suggest ("an
     * ingestion API for the analytics SDK", "the API the iOS and Android apps poll").
     */
    private static void goOrNodeIsBackend(Brief.Builder b) {
        if (!"backend".equals(b.get(Field.KIND))) {
            b.set(Field.KIND, "backend", b.evidence(Field.GO_OR_NODE_OK));
            if ("browser".equals(b.get(Field.WEB_TARGET))) {
                b.remove(Field.WEB_TARGET);
            }
        }
    }

    /**
     * "An everyday job" means nothing in the brief asks for performance; a latency budget under 100 ms that the words
     * state ("p99 under 5 ms") is such an ask (the tree's own inference), so that reading is no answer: the job is
     * left unsure and the tree decides from what the brief says.
     */
    private static boolean everydayAgainstBudget(BriefModel.Prediction p, Brief ruled) {
        return p.label().equals("everyday") && ruled.integer(Field.LATENCY_MS).filter(ms -> ms < 100).isPresent();
    }

    /**
     * Porting, wrapping or binding C with no API named is not a service, whatever the words around it ("a safe Rust
     * crate around the vendor's C SDK"). The learned kind is read before the learned FFI row, so a backend it read
     * is checked again here, once the row is known, and the kind the rules read ("crate": a library) stands.
     */
    static void wrapperIsNoService(Brief.Builder b, Brief ruled) {
        if (!"backend".equals(b.get(Field.KIND)) || !b.has(Field.FFI) || b.get(Field.FEATURES) != null
                || "backend".equals(ruled.get(Field.KIND))) {
            return;
        }
        if (ruled.has(Field.KIND)) {
            b.set(Field.KIND, ruled.get(Field.KIND), ruled.evidence().get(Field.KIND));
        } else {
            b.remove(Field.KIND);
        }
    }

    /**
     * The FFI table's "Calling Rust from C/Python" row is a library other code loads (a cdylib, a Python or Node
     * module), whatever else the brief's words suggest ("our Node.js backend team", "a command-line workflow").
     */
    private static void exportIsLibrary(Brief.Builder b) {
        if ("calling-rust-from-other-languages".equals(b.get(Field.FFI)) && !"library".equals(b.get(Field.KIND))) {
            b.set(Field.KIND, "library", new Evidence("inference", "calling Rust from another language",
                    "export-means-library"));
        }
    }

    /**
     * When the learned reader cannot tell what the job is, the spec's first question still needs an honest
     * answer: a brief that asks for no performance, no memory safety and no capability only Rust brings is an
     * everyday job, and the tree's "NO" branch sends it to a language optimised for it, rather than the default
     * YES silently making it Rust.
     */
    private static void noNeedMeansNotRust(Brief.Builder b) {
        if (RustNeed.stated(b::has, b::get, b::evidence)) {
            return;
        }
        b.set(Field.PERFORMANCE_AND_SAFETY, false, new Evidence("default", RustNeed.NONE, "an everyday job"));
    }

    /** What the learned half sees of a text: features and embedding (also used to train it). */
    public BriefModel.Seen see(String text) {
        String t = normalise(text);
        return see(t, rules(t));
    }

    /** The trained model, loaded (or trained and cached) on first use. */
    public BriefModel model() {
        BriefModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    BriefCorpus c = corpus.get();
                    m = BriefModelStore.load(c, fingerprint(c), this::see);
                    model = m;
                }
            }
        }
        return m;
    }

    private String fingerprint(BriefCorpus c) {
        StringBuilder rules = new StringBuilder();
        for (TextRule rule : knowledge.textRules()) {
            rules.append(rule.id()).append('=').append(rule.pattern().pattern()).append('|')
                    .append(rule.unless() == null ? "" : rule.unless().pattern()).append(rule.assignments()).append('\n');
        }
        return BriefModelStore.fingerprint(c, rules.toString());
    }

    public Embedder embedder() {
        return embedder;
    }

    private BriefModel.Seen see(String t, Reading r) {
        float[] v = embedder.embed(t);
        return new BriefModel.Seen(BriefFeatures.of(t, r.scope(), r.hits(), r.builder().build(), v), v);
    }

    private record Reading(Brief.Builder builder, NegationScope scope, List<BriefFeatures.RuleHit> hits) {}

    /** Reads the rules read after the learned reader (fallback or after_model): they are no features, so no hits. */
    private void readAfterModel(Predicate<TextRule> which, String t, Reading r) {
        for (TextRule rule : knowledge.textRules()) {
            if (which.test(rule)) {
                read(rule, t, r.scope(), r.builder(), new ArrayList<>());
            }
        }
    }

    private Reading rules(String t) {
        Brief.Builder b = Brief.builder().text(t);
        NegationScope scope = NegationScope.of(t);
        List<BriefFeatures.RuleHit> hits = new ArrayList<>();
        for (TextRule rule : knowledge.textRules()) {
            if (rule.feature()) {
                read(rule, t, scope, b, hits);
            }
        }
        return new Reading(b, scope, hits);
    }

    /** Reads one rule into the brief, noting in {@code hits} whether it fired or matched only inside a negation. */
    private static void read(TextRule rule, String t, NegationScope scope, Brief.Builder b, List<BriefFeatures.RuleHit> hits) {
        if (rule.unless() != null && scope.firstOutside(rule.unless().matcher(t)).isPresent()) {
            return;
        }
        Matcher m = rule.pattern().matcher(t);
        // A number is what it is: "doesn't answer in under five milliseconds" still states a 5 ms budget.
        boolean reads = rule.assignments().stream().anyMatch(a -> a.value() instanceof TextRule.Value.DurationMs
                || a.value() instanceof TextRule.Value.Count);
        boolean matched = false;
        boolean fired = false;
        String negatedWords = null;
        while (m.find()) {
            matched = true;
            // A match inside a negation is not what the brief asks for, unless the pattern reads the cue itself.
            if (!reads && scope.negated(m.start(), m.end()) && !scope.containsCue(m.start(), m.end())) {
                negatedWords = m.group().strip();
                continue;
            }
            fired = true;
            assign(rule, m, b);
            break;
        }
        if (matched) {
            hits.add(new BriefFeatures.RuleHit(rule.id(), !fired));
        }
        if (matched && !fired) {
            for (TextRule.Assignment a : rule.negated()) {
                if (!b.has(a.field())) {
                    b.set(a.field(), ((TextRule.Value.Literal) a.value()).value(), Evidence.text(negatedWords, rule.id() + ", negated"));
                }
            }
        }
    }

    private static void assign(TextRule rule, Matcher m, Brief.Builder b) {
        Evidence why = Evidence.text(m.group().strip(), rule.id());
        for (TextRule.Assignment a : rule.assignments()) {
            Object value = value(a.value(), m);
            if (value == null) {
                continue;
            }
            if (a.add()) {
                b.add(a.field(), value.toString(), why);
            } else if (!b.has(a.field())) {
                b.set(a.field(), value, why);
            }
        }
    }

    private static Evidence evidence(BriefModel.Prediction p, List<Map.Entry<String, Double>> because,
            List<Map.Entry<BriefModel.Neighbour, Double>> near, String text) {
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "learned %s: %s, probability %.2f",
                p.target().name().toLowerCase(Locale.ROOT), p.label(), p.probability()));
        if (!because.isEmpty()) {
            why.append("; weighed most: ").append(String.join(", ", because.stream().map(e -> describe(e.getKey())).toList()));
        }
        if (!near.isEmpty()) {
            why.append("; nearest corpus briefs: ").append(String.join(", ", near.stream().map(e -> String.format(
                    Locale.ROOT, "%s (%.2f)", e.getKey().id(), e.getValue())).toList()));
        }
        return new Evidence("model", snippet(text), why.toString());
    }

    private static String describe(String feature) {
        String body = feature.substring(feature.indexOf(':') + 1).replace('_', ' ');
        return switch (feature.substring(0, feature.indexOf(':') + 1)) {
            case "w:", "b:" -> "\"" + body + "\"";
            case "r:" -> "rule " + body;
            case "¬r:" -> "rule " + body + " negated";
            default -> body;
        };
    }

    /** Typographic dashes and spaces read like plain ASCII: "sub‑millisecond", "p99 < 5 ms". */
    private static String normalise(String text) {
        return text.replaceAll("[\\u2010-\\u2015\\u2212]", "-").replace('\u00a0', ' ').replace('\u2019', '\'');
    }

    private static String snippet(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static Object value(TextRule.Value v, Matcher m) {
        return switch (v) {
            case TextRule.Value.Literal l -> l.value();
            case TextRule.Value.Capture c -> m.group(c.group()) == null ? null : m.group(c.group()).toLowerCase(Locale.ROOT);
            case TextRule.Value.Count c -> count(m.group(c.group()));
            case TextRule.Value.DurationMs d -> durationMs(m.group(d.numberGroup()), m.group(d.unitGroup()));
        };
    }

    private static Integer count(String s) {
        BigDecimal n = s == null ? null : NumberWords.parse(s);
        return n == null ? null : n.intValue();
    }

    /** Whole milliseconds, rounded up (a 0.3 ms budget is still under 1 ms), never below 1. */
    private static Integer durationMs(String number, String unit) {
        if (number == null || unit == null) {
            return null;
        }
        BigDecimal n = NumberWords.parse(number);
        if (n == null) {
            return null;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        BigDecimal ms = switch (u) {
            case "µs", "us", "microsecond", "microseconds" -> n.divide(BigDecimal.valueOf(1000));
            case "ns", "nanosecond", "nanoseconds" -> n.divide(BigDecimal.valueOf(1_000_000));
            case "s", "sec", "secs", "second", "seconds" -> n.multiply(BigDecimal.valueOf(1000));
            default -> n;
        };
        if (ms.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        return Math.max(1, ms.setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
