package dev.rustengineer.evaluate;

import dev.rustengineer.advise.Advisor;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Scores by readers that never saw the briefs they read: the dev split by a reader trained on train alone, and
 * k-fold cross-validation over the whole corpus, where each fold is read by a model trained on the others (their
 * last fifth as its dev part), so every brief is scored once.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /** The dev split, read by a reader trained on train alone (its thresholds still set on dev). */
    public static Score dev(Knowledge knowledge, List<CorpusBrief> train, List<CorpusBrief> dev, Embedder embedder) {
        Advisor advisor = new Advisor(knowledge);
        TextBriefReader reader = HeldOut.reader(knowledge, embedder.memoizing(), train, dev, false);
        return BriefEvaluation.score(dev, text -> advisor.advise(reader.read(text)));
    }

    public static Score run(Knowledge knowledge, List<CorpusBrief> corpus, int folds, long seed, Embedder embedder) {
        List<CorpusBrief> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(seed));
        Embedder memo = embedder.memoizing();
        Advisor advisor = new Advisor(knowledge);
        Score score = new Score();
        for (int k = 0; k < folds; k++) {
            List<CorpusBrief> held = new ArrayList<>();
            List<CorpusBrief> rest = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == k ? held : rest).add(shuffled.get(i));
            }
            int cut = rest.size() * 4 / 5;
            TextBriefReader reader = HeldOut.reader(knowledge, memo, rest.subList(0, cut), rest.subList(cut, rest.size()), true);
            BriefEvaluation.score(held, text -> advisor.advise(reader.read(text)), score);
        }
        return score;
    }
}
