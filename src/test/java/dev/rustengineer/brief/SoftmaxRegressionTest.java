package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.brief.SoftmaxRegression.Example;
import dev.rustengineer.brief.SoftmaxRegression.Training;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
    /** The penalty on every weight once per pass, the tenth round's lever that lets a dense feature learn. */
    private static final Training EVERY_EPOCH = new Training(BriefModel.L2, BriefModel.EPOCHS, BriefModel.SEED, 0, true);

    /**
     * Briefs as the reader sees them: a dense feature that tells the labels apart (the embedding), words every brief
     * has of its own, and one brief of label "a" that reads like a "b" and holds a word no other brief holds.
     */
    private static List<Example> briefs() {
        List<Example> data = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < 300; i++) {
            String label = i % 2 == 0 ? "a" : "b";
            Map<String, Double> f = new HashMap<>();
            f.put("e:0", (label.equals("a") ? 0.1 : -0.1) + r.nextGaussian() * 0.05);
            f.put("w:own" + i, 1.0);
            f.put("w:common" + i % 7, 1.0);
            data.add(new Example(f, label));
        }
        data.add(new Example(Map.of("e:0", -0.1, "w:drive", 1.0, "w:own-odd", 1.0), "a"));
        return data;
    }

    @Test
    void withThePenaltyOnEveryWeightTheDenseFeatureLearnsThoughEveryBriefHasWordsOfItsOwn() {
        SoftmaxRegression m = SoftmaxRegression.train(briefs(), EVERY_EPOCH);
        assertThat(m.probabilities(Map.of("e:0", -0.1)).get("b")).isGreaterThan(0.6);
        assertThat(m.probabilities(Map.of("e:0", 0.1)).get("a")).isGreaterThan(0.6);
    }

    @Test
    void withThePenaltyOnEveryWeightAWordOneBriefHeldDoesNotOutweighTheDenseFeature() {
        SoftmaxRegression m = SoftmaxRegression.train(briefs(), EVERY_EPOCH);
        assertThat(m.probabilities(Map.of("e:0", -0.1, "w:drive", 1.0)).firstEntry().getKey()).isEqualTo("b");
    }

    @Test
    void theTrainerUpToTheNinthRoundLetTheWordsLearnEverything() {
        // Why the trainer changed: with full first steps and a penalty only on features seen, the briefs' own words
        // separate the training set and the dense feature is left near zero.
        SoftmaxRegression m = SoftmaxRegression.train(briefs(), Training.lazy(BriefModel.L2, BriefModel.EPOCHS, BriefModel.SEED));
        assertThat(m.probabilities(Map.of("e:0", -0.1)).get("b")).isBetween(0.4, 0.6);
        assertThat(m.probabilities(Map.of("e:0", -0.1, "w:drive", 1.0)).firstEntry().getKey()).isEqualTo("a");
    }

    @Test
    void theSameDataAndSettingsGiveTheSameModel() {
        Map<String, Double> q = Map.of("e:0", 0.02, "w:common3", 1.0);
        for (Training t : List.of(BriefModel.TRAINING, EVERY_EPOCH, new Training(1, 50, 3, 3, false))) {
            assertThat(SoftmaxRegression.train(briefs(), t).probabilities(q)).isEqualTo(SoftmaxRegression.train(briefs(), t).probabilities(q));
        }
    }

    @Test
    void wordsFewerBriefsHoldThanTheMinimumAreLeftOutAndTheRestStays() {
        List<Example> examples = List.of(
                new Example(Map.of("w:rare", 1.0, "w:both", 1.0, "r:rule", 1.0, "e:0", 0.5), "a"),
                new Example(Map.of("w:both", 1.0, "b:both_x", 1.0, "e:0", 0.1), "b"));
        List<Example> kept = BriefModel.common(examples, 2);
        assertThat(kept.get(0).features()).containsOnlyKeys("w:both", "r:rule", "e:0");
        assertThat(kept.get(1).features()).containsOnlyKeys("w:both", "e:0");
        assertThat(kept.get(0).label()).isEqualTo("a");
        assertThat(BriefModel.common(examples, 1)).isEqualTo(examples);
    }
}
