// Which sentence-embedding model reads briefs best, run by bench/embedding-models.sh:
//   java -cp target/rust-engineer.jar:MODEL_JARS bench/EmbeddingModelsBench.java minilm|minilm-q|bge-q|e5-q
// For one model: its load time, the embedding's p50/p99 per brief, and 5-fold cross-validation of the whole reader
// over the train and dev splits (the test split is never used to choose).
import dev.rustengineer.*;
import dev.rustengineer.brief.*;
import dev.rustengineer.brief.corpus.*;
import dev.rustengineer.evaluate.*;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.function.Supplier;
public class EmbeddingModelsBench {
  public static void main(String[] a) throws Exception {
    RustEngineer re = RustEngineer.shared();
    var corpus = BriefCorpus.bundled();
    Supplier<EmbeddingModel> f = switch (a[0]) {
      case "minilm" -> dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel::new;
      case "minilm-q" -> dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel::new;
      case "bge-q" -> dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel::new;
      case "e5-q" -> dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel::new;
      default -> throw new IllegalArgumentException();
    };
    Embedder e = new Embedder(f);
    var texts = corpus.all().stream().map(CorpusBrief::text).toList();
    long t0 = System.nanoTime(); e.embed("warm up"); double load = (System.nanoTime() - t0) / 1e6;
    for (int i = 0; i < 200; i++) e.embed(texts.get(i % texts.size()));
    long[] each = new long[600];
    for (int i = 0; i < 600; i++) { long s = System.nanoTime(); e.embed(texts.get(i % texts.size())); each[i] = System.nanoTime() - s; }
    java.util.Arrays.sort(each);
    var s = CrossValidation.run(re.knowledge(), corpus.split(CorpusBrief.Split.TRAIN, CorpusBrief.Split.DEV), 5, 7L, e);
    System.out.printf("%s load %.0f ms, embed p50 %.2f ms p99 %.2f ms; cv fields %.4f invroute %.4f%n", a[0], load, each[300]/1e6, each[594]/1e6, s.fieldAccuracy(), s.invokeAndRouteAccuracy());
  }
}
