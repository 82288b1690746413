package dev.rustengineer.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Scores advice against labelled corpus briefs, as the suite and {@code bench/advise.sh} do. */
public final class BriefEvaluation {
    private BriefEvaluation() {}

    /**
     * Advises on each brief's text and compares every labelled field. An advice refused as bad input counts every
     * field of that brief wrong.
     */
    public static Score score(List<CorpusBrief> briefs, Function<String, Advice> advise) {
        return score(briefs, advise, new Score());
    }

    /** As {@link #score(List, Function)}, adding to {@code score} (the folds of a cross-validation). */
    public static Score score(List<CorpusBrief> briefs, Function<String, Advice> advise, Score score) {
        for (CorpusBrief b : briefs) {
            Advice a;
            try {
                a = advise.apply(b.text());
            } catch (UsageException e) {
                a = null;
            }
            StringBuilder wrong = new StringBuilder();
            for (Expected f : Expected.all()) {
                JsonNode want = b.expect().get(f.key());
                if (want == null || want.isNull()) {
                    continue;
                }
                boolean right = a != null && f.matches(want, a);
                score.count(f, right);
                if (!right) {
                    wrong.append(' ').append(f.key()).append('=').append(a == null ? "(refused)" : f.actual(a))
                            .append(" want ").append(want.isArray() ? want.toString() : want.asText()).append(';');
                }
            }
            boolean invokeRight = a != null && b.expect().path("invoke").asBoolean() == a.invoke();
            boolean routeRight = a != null && b.expect().path("route").asText().equals(a.route());
            score.brief(b.expect().path("route").asText(), a == null ? "(refused)" : a.route(), invokeRight && routeRight);
            if (!wrong.isEmpty()) {
                score.miss(b.id() + " \"" + b.text() + "\":" + wrong + (a == null ? "" : " read: " + reading(a)));
            }
        }
        return score;
    }

    /** How the reader filled the brief's fields, each with where it came from: what a miss is diagnosed by. */
    private static String reading(Advice a) {
        return a.brief().values().entrySet().stream().map(e -> {
            Evidence why = a.brief().evidence().get(e.getKey());
            String rule = why == null || why.rule() == null ? "" : why.rule();
            int cut = rule.indexOf(';');
            return e.getKey().key() + "=" + e.getValue() + " [" + (why == null ? "?" : why.source()) + " "
                    + (cut < 0 ? rule : rule.substring(0, cut)) + "]";
        }).collect(Collectors.joining(" "));
    }
}
