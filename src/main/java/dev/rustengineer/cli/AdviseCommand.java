package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.advise.AdviceText;
import dev.rustengineer.brief.Brief;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "advise",
        header = "Decide whether the Rust Engineer takes a task, with which stack, and why.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decide whether the Rust Engineer takes a task, the stack, and why: the path through each of the spec's",
            "decision trees, escalations to oracle, handoffs, and what had to be assumed.",
            "The brief is free text, a YAML/JSON file, field flags, or all three (flags win over the file, the file over text)."
        },
        footer = {"", "Examples:",
            "  rust-engineer advise \"A REST API for payments; p99 under 5 ms; data in PostgreSQL\"",
            "  rust-engineer advise --json --brief-file brief.yaml",
            "  rust-engineer advise --kind backend --latency-ms 40 --go-or-node-ok",
            "  rust-engineer advise --batch briefs.jsonl > advice.jsonl"})
final class AdviseCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The brief in plain words.")
    List<String> words = List.of();

    @Option(names = "--brief-file", paramLabel = "FILE", description = "A YAML or JSON brief (fields by their snake_case names, plus 'text').")
    Path briefFile;

    @Option(names = "--batch", paramLabel = "FILE", description = "JSON lines, one brief per line ('-' for stdin); writes one JSON advice per line.")
    String batch;

    @Option(names = "--json", description = "Print the advice as JSON (the public contract).")
    boolean json;

    AdviseCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() throws IOException {
        // The embedding model loads on its own thread while the knowledge loads and validates.
        Embedder.shared().preload();
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (!words.isEmpty() || briefFile != null || BriefFlags.any(spec.commandLine().getParseResult())) {
                throw new UsageException("--batch reads every brief from its file; give no text, --brief-file or field flags with it");
            }
            return batch(out);
        }
        RustEngineer re = facade.get();
        Brief brief = Brief.empty();
        if (!words.isEmpty()) {
            brief = re.readText(String.join(" ", words));
        }
        if (briefFile != null) {
            brief = brief.overlay(re.readBriefFile(briefFile));
        }
        brief = brief.overlay(BriefFlags.read(spec.commandLine().getParseResult()));
        Advice advice = re.advise(brief);
        out.print(json ? AdviceJson.render(advice, true) + System.lineSeparator() : AdviceText.render(advice));
        out.flush();
        return ExitCode.OK;
    }

    /** One advice per line; a bad line gets an error object in its place, and the exit code says so at the end. */
    private int batch(PrintWriter out) throws IOException {
        RustEngineer re = facade.get();
        int bad = 0;
        try (BufferedReader in = open()) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.println(AdviceJson.render(re.advise(re.readBriefJson(line, "line " + n)), false));
                } catch (UsageException e) {
                    bad++;
                    var err = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                    err.put("line", n);
                    err.put("error", e.getMessage());
                    out.println(err.toString());
                }
            }
        }
        out.flush();
        if (bad > 0) {
            spec.commandLine().getErr().println("rust-engineer: " + bad + " brief(s) in " + batch + " could not be read; see their error lines");
            return ExitCode.USAGE;
        }
        return ExitCode.OK;
    }

    private BufferedReader open() throws IOException {
        if (batch.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(batch), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("batch file not found: " + batch);
        }
    }
}
