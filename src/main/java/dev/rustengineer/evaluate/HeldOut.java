package dev.rustengineer.evaluate;

import dev.rustengineer.brief.BriefModel;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.knowledge.Knowledge;
import java.util.List;

/** A reader trained on some briefs only, so the briefs it is scored on are ones it never saw. */
final class HeldOut {
    private HeldOut() {}

    /**
     * Trains on {@code train} with thresholds set on {@code dev}; with {@code refit} the final classifiers see dev
     * too (cross-validation folds), without it they are the train-only ones (scoring dev itself).
     */
    static TextBriefReader reader(Knowledge knowledge, Embedder embedder, List<CorpusBrief> train, List<CorpusBrief> dev,
            boolean refit) {
        TextBriefReader seer = new TextBriefReader(knowledge, embedder, (BriefModel) null);
        return new TextBriefReader(knowledge, embedder, BriefModel.train(train, dev, seer::see, refit));
    }
}
