package dev.rustengineer.brief;

import dev.rustengineer.advise.Inferences;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.TextRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reads free text into a brief: the knowledge's text rules first (deterministic, each naming the words that
 * fired it), then, only when they leave the project's kind open, the embedding judgement.
 */
public final class TextBriefReader {
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("a dozen", 12), Map.entry("dozens of", 24), Map.entry("a hundred", 100),
            Map.entry("hundreds of", 200));

    private final Knowledge knowledge;
    private final Inferences inferences;
    private final EmbeddingJudge judge;

    public TextBriefReader(Knowledge knowledge) {
        this(knowledge, new EmbeddingJudge(knowledge.examples()));
    }

    public TextBriefReader(Knowledge knowledge, EmbeddingJudge judge) {
        this.knowledge = knowledge;
        this.inferences = new Inferences(knowledge.inferences());
        this.judge = judge;
    }

    public Brief read(String text) {
        Brief.Builder b = Brief.builder().text(text);
        if (text == null || text.isBlank()) {
            return b.build();
        }
        // Normalise typographic dashes and spaces so "sub‑millisecond" and "p99 < 5 ms" read like plain ASCII.
        String t = text.replaceAll("[\\u2010-\\u2015\\u2212]", "-").replace('\u00a0', ' ');
        for (TextRule rule : knowledge.textRules()) {
            if (rule.unless() != null && rule.unless().matcher(t).find()) {
                continue;
            }
            Matcher m = rule.pattern().matcher(t);
            if (!m.find()) {
                continue;
            }
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
        Brief ruled = b.build();
        // The model needs words to compare; text without a letter in it leaves the judgement open.
        if (t.codePoints().anyMatch(Character::isLetter) && needsJudgement(inferences.apply(ruled))) {
            return judge.judge(t).map(ruled::overlayMissing).orElse(ruled);
        }
        return ruled;
    }

    /** The rules leave the judgement open when neither they nor the inferences tell what is being built. */
    private static boolean needsJudgement(Brief brief) {
        return !brief.has(Field.KIND) && !brief.has(Field.LANGUAGE) && !brief.has(Field.MOBILE)
                && !brief.has(Field.SIMPLE_SCRIPT) && !brief.has(Field.JAVA_BACKEND) && !brief.has(Field.QUICK_PROTOTYPE);
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
        if (s == null) {
            return null;
        }
        String w = s.toLowerCase(Locale.ROOT).strip();
        return w.chars().allMatch(Character::isDigit) ? Integer.valueOf(w) : NUMBER_WORDS.get(w);
    }

    /** Whole milliseconds, rounded up (a 0.3 ms budget is still under 1 ms), never below 1. */
    private static Integer durationMs(String number, String unit) {
        BigDecimal n = new BigDecimal(number);
        String u = unit.toLowerCase(Locale.ROOT);
        BigDecimal ms = switch (u) {
            case "µs", "us", "microsecond", "microseconds" -> n.divide(BigDecimal.valueOf(1000));
            case "s", "sec", "secs", "second", "seconds" -> n.multiply(BigDecimal.valueOf(1000));
            default -> n;
        };
        return Math.max(1, ms.setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
