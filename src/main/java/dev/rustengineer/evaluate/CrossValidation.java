package dev.rustengineer.evaluate;

import dev.rustengineer.advise.Advisor;
import dev.rustengineer.brief.BriefModel;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * k-fold cross-validation over the whole corpus: each fold is read by a model trained on the others (their last
 * fifth as its dev part), so every brief is scored once by a reader that never saw it.
 */
public final class CrossValidation {
    private CrossValidation() {}

    public static Score run(Knowledge knowledge, List<CorpusBrief> corpus, int folds, long seed, Embedder embedder) {
        List<CorpusBrief> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(seed));
        Embedder memo = embedder.memoizing();
        TextBriefReader seer = new TextBriefReader(knowledge, memo, (BriefModel) null);
        Advisor advisor = new Advisor(knowledge);
        Score score = new Score();
        for (int k = 0; k < folds; k++) {
            List<CorpusBrief> held = new ArrayList<>();
            List<CorpusBrief> rest = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == k ? held : rest).add(shuffled.get(i));
            }
            int cut = rest.size() * 4 / 5;
            BriefModel model = BriefModel.train(rest.subList(0, cut), rest.subList(cut, rest.size()), seer::see);
            TextBriefReader reader = new TextBriefReader(knowledge, memo, model);
            BriefEvaluation.score(held, text -> advisor.advise(reader.read(text)), score);
        }
        return score;
    }
}
