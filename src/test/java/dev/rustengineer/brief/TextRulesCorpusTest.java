package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.knowledge.KnowledgeLoader;
import dev.rustengineer.knowledge.TextRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text rules read general phrasing, not the corpus: no rule may exist only to match one brief of the train
 * and dev splits (a rule tailored to one sentence scores that sentence and nothing else).
 */
class TextRulesCorpusTest {
    @Test
    void noRuleMatchesExactlyOneCorpusBrief() {
        List<CorpusBrief> briefs = BriefCorpus.bundled().split(CorpusBrief.Split.TRAIN, CorpusBrief.Split.DEV);
        List<String> tailored = new ArrayList<>();
        for (TextRule r : KnowledgeLoader.loadBundled().textRules()) {
            List<String> hits = briefs.stream().filter(b -> r.pattern().matcher(b.text()).find()).map(CorpusBrief::id).toList();
            if (hits.size() == 1) {
                tailored.add(r.id() + " matches only " + hits.getFirst());
            }
        }
        assertThat(tailored).isEmpty();
    }
}
