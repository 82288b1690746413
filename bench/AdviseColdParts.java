// The parts of a cold advise's start, one after another in one fresh JVM, run by bench/advise.sh:
//   javac -d DIR -cp target/rust-engineer.jar bench/AdviseColdParts.java
//   java -cp DIR:target/rust-engineer.jar AdviseColdParts ours|langchain4j
// Prints each part's wall time and the calling thread's CPU time. "langchain4j" loads the embedding model the way
// the code before OnnxSentenceEncoder did (and runs against an older jar, given BASE in bench/advise.sh).
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.brief.OnnxSentenceEncoder;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

public class AdviseColdParts {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static long wall = System.nanoTime();
    static long cpu = MX.getCurrentThreadCpuTime();

    public static void main(String[] args) {
        if (args[0].equals("langchain4j")) {
            new AllMiniLmL6V2QuantizedEmbeddingModel().embed("warm");
        } else {
            OnnxSentenceEncoder.load().vector("warm");
        }
        lap("embedding model ready, " + args[0]);
        Knowledge knowledge = KnowledgeLoader.loadBundled();
        lap("knowledge");
        BriefCorpus.bundled().digest();
        lap("corpus read for the reader's cache key");
        new TextBriefReader(knowledge, Embedder.shared(), BriefCorpus::bundled).model();
        lap("trained reader from its cache");
    }

    static void lap(String part) {
        long w = System.nanoTime();
        long c = MX.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "%-40s %7.1f ms wall %7.1f ms CPU%n", part, (w - wall) / 1e6, (c - cpu) / 1e6);
        wall = w;
        cpu = c;
    }
}
