package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.evaluate.Score;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate",
        header = "Measure how well advise reads briefs, on the labelled corpus written apart from the reader.", mixinStandardHelpOptions = true,
        description = {"Measure how well advise reads briefs: the labelled corpus of knowledge/briefs/ (written apart from the reader), scored field by field.",
            "By default the test split, read by the model trained on train and dev; --folds K runs K-fold cross-validation over the whole corpus instead."})
final class EvaluateCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Option(names = "--split", description = "Which split to score: train, dev or test (default: ${DEFAULT-VALUE}).", defaultValue = "test")
    CorpusBrief.Split split;

    @Option(names = "--folds", description = "Cross-validate with this many folds instead (each trained on the rest).")
    Integer folds;

    @Option(names = "--tuning-only", description = "With --folds: cross-validate over the train and dev splits alone, never reading the test split (for tuning the reader).")
    boolean tuningOnly;

    @Option(names = "--misses", description = "Also list every brief with a wrong field.")
    boolean misses;

    EvaluateCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        if (folds != null && folds < 2) {
            throw new UsageException("--folds must be at least 2, not " + folds);
        }
        if (tuningOnly && folds == null) {
            throw new UsageException("--tuning-only needs --folds");
        }
        RustEngineer re = facade.get();
        Score score = folds != null ? re.crossValidateBriefs(folds, tuningOnly) : re.evaluateBriefs(split);
        PrintWriter out = spec.commandLine().getOut();
        out.print(score.report(folds != null ? folds + "-fold cross-validation" + (tuningOnly ? " over train+dev" : "") : split.name().toLowerCase(Locale.ROOT) + " split"));
        if (misses) {
            score.misses().forEach(m -> out.println("  MISS " + m));
        }
        out.flush();
        return ExitCode.OK;
    }
}
