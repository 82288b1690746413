package dev.rustengineer.brief;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people write them in briefs: digits ("2.5"), words ("eighty", "twenty-five", "two hundred and
 * fifty"), and the vague ones a budget or a count is given in ("a few", "a couple of", "half a", "a", "dozens of",
 * "hundreds of"), and fractions ("a quarter of a", "a hundredth of a").
 */
final class NumberWords {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("few", 3),
            Map.entry("couple", 2), Map.entry("dozen", 12), Map.entry("dozens", 24), Map.entry("hundreds", 200));

    /** A fraction of a unit: "a quarter of a (second)", "a hundredth of a (second)". */
    private static final Pattern FRACTION = Pattern.compile(
            "(a|an|one|two|three)\\s+(half|third|quarter|tenth|hundredth|thousandth)s?(?:\\s+of(?:\\s+an?)?)?");
    private static final Map<String, BigDecimal> DENOMINATORS = Map.of("half", BigDecimal.valueOf(2), "third",
            BigDecimal.valueOf(3), "quarter", BigDecimal.valueOf(4), "tenth", BigDecimal.TEN, "hundredth",
            BigDecimal.valueOf(100), "thousandth", BigDecimal.valueOf(1000));

    private NumberWords() {}

    /** The number, or null when the words are not one. */
    static BigDecimal parse(String words) {
        String w = words.toLowerCase(Locale.ROOT).strip().replace(',', '.');
        if (w.matches("\\d+(?:\\.\\d+)?")) {
            return new BigDecimal(w);
        }
        if (w.equals("half a") || w.equals("half")) {
            return new BigDecimal("0.5");
        }
        Matcher fraction = FRACTION.matcher(w);
        if (fraction.matches()) {
            // "a hundredth of a", "three quarters of a": the count over the fraction's denominator.
            BigDecimal count = parse(fraction.group(1));
            return count == null ? null : count.divide(DENOMINATORS.get(fraction.group(2)), 6, RoundingMode.HALF_UP);
        }
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String token : w.split("[\\s-]+")) {
            switch (token) {
                case "and", "of" -> { }
                case "hundred" -> {
                    current = Math.max(current, 1) * 100;
                    any = true;
                }
                case "thousand" -> {
                    total += Math.max(current, 1) * 1000;
                    current = 0;
                    any = true;
                }
                default -> {
                    Integer n = UNITS.get(token);
                    if (n == null) {
                        return null;
                    }
                    // "a few" and "a couple" are one quantity, not a plus a few.
                    current = (token.equals("few") || token.equals("couple") || token.equals("dozen")) && current == 1 ? n : current + n;
                    any = true;
                }
            }
        }
        return any ? BigDecimal.valueOf(total + current) : null;
    }
}
