package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.knowledge.KnowledgeJson;
import dev.rustengineer.knowledge.KnowledgeText;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "knowledge",
        header = "Print the loaded knowledge: invoke rules, decision trees, tables, triggers and patterns.", mixinStandardHelpOptions = true,
        description = "Print the loaded knowledge: invoke rules, the decision trees drawn as in the spec, the tables, escalation triggers and integration patterns.")
final class KnowledgeCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print it as JSON.")
    boolean json;

    KnowledgeCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        var k = facade.get().knowledge();
        spec.commandLine().getOut().print(json ? KnowledgeJson.render(k) + System.lineSeparator() : KnowledgeText.render(k));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
