package dev.rustengineer.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.evaluate.Expected;
import dev.rustengineer.evaluate.Score;
import org.junit.jupiter.api.Test;

/**
 * The measurement of how well advise reads briefs nobody here tuned on: the corpus's test split, read by the
 * model trained on train and dev, scored field by field. Prints per-field accuracy, invoke+route accuracy and the
 * confusion of route.
 *
 * <p>The goal is 95% of fields and 97% on invoke + route. The floors below are what the reader reaches
 * today; they only ever go up (a change that reads worse fails here), and the goal is not met yet. The one
 * exception is a new round of briefs: the corpus's fourth round (four new sources, 380 briefs, 76 of them dealt
 * into the test split by the seeded shuffle) made the test split harder, from 94.4% / 93.0% on 285 briefs to
 * 93.6% / 91.4% on 361, and the floors were set again from that measurement, not from a tuned reader. The fifth
 * round changed the reader only (tuned on the dev split and cross-validation over train and dev, the test split
 * read once at the end) and measured 94.7% / 93.9%: the floors rose to 0.94 / 0.93. The sixth round (a brief
 * field for "no HTTP", a stated language preference; dev up 1.0 / 1.6 points) measured 94.4% / 93.6%, lower than
 * the fifth but above the floors, which stay where they are. A fifth round of briefs (two new sources, 190 briefs,
 * 38 dealt into the test split) read 94.1% / 92.2% on 399 with the ninth round's reader retrained on the new train
 * briefs, below the invoke + route floor; the tenth round (the trainer) and the eleventh (readings), chosen on
 * cross-validation over train and dev, read 94.5% / 93.5%, and with the job's threshold at 0.5 or more, 94.6% /
 * 93.7%: the floors stay where they are. A sixth round of briefs (five new sources by independent authors, 465
 * briefs, 92 dealt into the test split) read 95.1% / 94.5% on 435 briefs with the first two of them and the
 * eleventh round's reader; the twelfth round (a language only mentioned gives way to a confident Rust job; any
 * latency budget of a service is a performance need; chosen on cross-validation over train and dev) with all five
 * read 96.0% / 95.1% on 491: the floors rose to 0.95 / 0.95 (the fields goal is met; invoke + route is not). Two
 * more sources (118 briefs, 23 in the test split) and the thirteenth round read 95.9% / 95.1% on 514.
 */
class BriefReadingEvaluationTest {
    static final double FIELDS_GOAL = 0.95;
    static final double INVOKE_ROUTE_GOAL = 0.97;
    static final double FIELDS_FLOOR = 0.95;
    static final double INVOKE_ROUTE_FLOOR = 0.95;

    @Test
    void theTestSplitIsReadAsTheSpecDecides() {
        Score score = RustEngineer.shared().evaluateBriefs(CorpusBrief.Split.TEST);
        System.out.print(score.report("brief corpus, test split"));
        System.out.printf("  goal: fields %.0f%%, invoke+route %.0f%%%n", FIELDS_GOAL * 100, INVOKE_ROUTE_GOAL * 100);
        // The misses of the test split are not printed: nobody tunes the reader on them.
        assertThat(score.briefs()).isGreaterThanOrEqualTo(120);
        assertThat(score.fieldAccuracy()).as("field accuracy on the test split").isGreaterThanOrEqualTo(FIELDS_FLOOR);
        assertThat(score.invokeAndRouteAccuracy()).as("invoke+route accuracy on the test split")
                .isGreaterThanOrEqualTo(INVOKE_ROUTE_FLOOR);
        assertThat(score.accuracy(Expected.LATENCY)).as("latency buckets").isGreaterThanOrEqualTo(0.9);
    }
}
