// Which sentence-embedding model reads briefs best, run by bench/embedding-models.sh:
//   java -cp target/rust-engineer.jar:MODEL_JARS bench/EmbeddingModelsBench.java minilm|minilm-q|bge-q|e5-q|minilm-q+bge-q [latency]
// For one model: its load time, the embedding's p50/p99 per brief, the dev split read by a reader trained on train
// alone (as `evaluate --split dev`), and 5-fold cross-validation of the whole reader over the train and dev splits
// with the reader's own seed (as `evaluate --folds 5 --tuning-only`). Only train and dev briefs are read, never
// the test split, which is not used to choose. With "latency", only the load and embedding times (a minute, for
// re-timing on a quiet machine). "a+b" concatenates two models' vectors, each scaled by 1/sqrt(2)
// so the joined vector keeps unit length and the features' embedding weight means the same.
import dev.rustengineer.*;
import dev.rustengineer.brief.*;
import dev.rustengineer.brief.corpus.*;
import dev.rustengineer.evaluate.*;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
public class EmbeddingModelsBench {
  static EmbeddingModel one(String name) {
    return switch (name) {
      case "minilm" -> new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel();
      case "minilm-q" -> new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
      case "bge-q" -> new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel();
      case "e5-q" -> new dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel();
      default -> throw new IllegalArgumentException(name);
    };
  }
  /** Two models' unit vectors side by side, each scaled by 1/sqrt(2). */
  record Joined(EmbeddingModel a, EmbeddingModel b) implements EmbeddingModel {
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> x = a.embedAll(segments).content(), y = b.embedAll(segments).content();
      List<Embedding> out = new ArrayList<>();
      float s = (float) (1 / Math.sqrt(2));
      for (int i = 0; i < segments.size(); i++) {
        float[] u = x.get(i).vector(), v = y.get(i).vector(), w = new float[u.length + v.length];
        for (int k = 0; k < u.length; k++) w[k] = u[k] * s;
        for (int k = 0; k < v.length; k++) w[u.length + k] = v[k] * s;
        out.add(Embedding.from(w));
      }
      return Response.from(out);
    }
  }
  public static void main(String[] a) throws Exception {
    RustEngineer re = RustEngineer.shared();
    var corpus = BriefCorpus.bundled();
    String[] parts = a[0].split("\\+");
    Supplier<EmbeddingModel> f = parts.length == 1 ? () -> one(parts[0]) : () -> new Joined(one(parts[0]), one(parts[1]));
    Embedder e = new Embedder(f);
    var tuning = corpus.split(CorpusBrief.Split.TRAIN, CorpusBrief.Split.DEV);
    var texts = tuning.stream().map(CorpusBrief::text).toList();
    long t0 = System.nanoTime(); e.embed("warm up"); double load = (System.nanoTime() - t0) / 1e6;
    for (int i = 0; i < 200; i++) e.embed(texts.get(i % texts.size()));
    long[] each = new long[600];
    for (int i = 0; i < 600; i++) { long s = System.nanoTime(); e.embed(texts.get(i % texts.size())); each[i] = System.nanoTime() - s; }
    Arrays.sort(each);
    if (a.length > 1 && a[1].equals("latency")) {
      System.out.printf("%s load %.0f ms, embed p50 %.2f ms p99 %.2f ms (latency only)%n", a[0], load, each[300]/1e6, each[594]/1e6);
      return;
    }
    var d = CrossValidation.dev(re.knowledge(), corpus.split(CorpusBrief.Split.TRAIN), corpus.split(CorpusBrief.Split.DEV), e);
    var s = CrossValidation.run(re.knowledge(), tuning, 5, BriefModel.SEED, e);
    System.out.printf("%s load %.0f ms, embed p50 %.2f ms p99 %.2f ms; dev fields %.4f invroute %.4f; cv fields %.4f invroute %.4f (%d briefs)%n",
        a[0], load, each[300]/1e6, each[594]/1e6, d.fieldAccuracy(), d.invokeAndRouteAccuracy(), s.fieldAccuracy(), s.invokeAndRouteAccuracy(), tuning.size());
  }
}
