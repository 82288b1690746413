package dev.rustengineer.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder with our session settings must give langchain4j's vectors bit for bit: the trained reader, its cache
 * key and every evaluation figure assume the same features whichever class computes them.
 */
class OnnxSentenceEncoderTest {
    @Test
    void sameVectorsAsLangchain4jOverTheCorpusAndPastOneWindow() {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        OnnxSentenceEncoder ours = OnnxSentenceEncoder.load();
        List<String> texts = new ArrayList<>(BriefCorpus.bundled().all().stream().map(CorpusBrief::text).toList());
        // Longer than one 510-token window, so the windows and their weighted average are compared too.
        texts.add(String.join(" ", texts.subList(0, 60)));
        texts.add("Ünïcödé — naïve café «quotes» 東京 and p99 < 5 ms");
        int differ = 0;
        for (String t : texts) {
            if (!Arrays.equals(reference.embed(t).content().vector(), ours.vector(t))) {
                differ++;
            }
        }
        assertThat(differ).as("texts whose vectors differ, of %d", texts.size()).isZero();
    }

    @Test
    void sameVectorsWhateverTheSessionSettings() {
        OnnxSentenceEncoder one = OnnxSentenceEncoder.load(new OnnxSentenceEncoder.Settings(1, false));
        List<OnnxSentenceEncoder.Settings> others = List.of(
                new OnnxSentenceEncoder.Settings(2, true),
                new OnnxSentenceEncoder.Settings(1, false, true, true, true),
                new OnnxSentenceEncoder.Settings(1, false, false, false, true),
                new OnnxSentenceEncoder.Settings(1, false, false, true, false));
        // Two lengths, so a memory pattern planned for the first shape is not simply reused.
        List<String> texts = List.of("A REST API for payments; p99 under 5 ms; data in PostgreSQL",
                "A command-line tool that renames photos by their EXIF date, for a few thousand files at a time");
        for (OnnxSentenceEncoder.Settings settings : others) {
            OnnxSentenceEncoder other = OnnxSentenceEncoder.load(settings);
            for (String text : texts) {
                assertThat(other.vector(text)).as("%s: %s", settings, text).containsExactly(one.vector(text));
            }
        }
    }
}
