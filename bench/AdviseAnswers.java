// Every corpus brief's answer, to prove a speed change left them all the same:
//   java -cp target/rust-engineer.jar bench/AdviseAnswers.java OUT.jsonl
//   (the same with the other build's jar, then: cmp or diff the two files)
// One line per brief: its id, the whole advice as `advise --json` prints it (route, stack, decisions, evidence with
// each learned field's probability and the features that weighed most, nearest corpus briefs), then every learned
// target's label and probability to 12 decimals. Nothing is scored here: the file is only compared with another.
import dev.rustengineer.RustEngineer;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.brief.BriefModel;
import dev.rustengineer.brief.LearnedTarget;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

public class AdviseAnswers {
    public static void main(String[] args) throws Exception {
        RustEngineer re = RustEngineer.shared();
        TextBriefReader reader = new TextBriefReader(re.knowledge());
        BriefModel model = reader.model();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (CorpusBrief b : BriefCorpus.bundled().all()) {
                StringBuilder line = new StringBuilder(b.id()).append('\t')
                        .append(AdviceJson.render(re.advise(re.readText(b.text())), false));
                BriefModel.Seen seen = reader.see(b.text());
                for (LearnedTarget t : LearnedTarget.values()) {
                    model.predict(t, seen).ifPresent(p -> line.append('\t').append(t).append('=').append(p.label())
                            .append(String.format(Locale.ROOT, ":%.12f", p.probability())));
                }
                out.println(line);
            }
        }
    }
}
