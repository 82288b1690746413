package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.catalogue.RefreshReport;
import dev.rustengineer.catalogue.Repository;
import dev.rustengineer.catalogue.SparseIndex;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "catalogue", mixinStandardHelpOptions = true, subcommands = CatalogueCommand.Refresh.class,
        description = "The crate catalogue generated projects pin (knowledge/crates.yaml), for rust-engineer's maintainers and CI.")
final class CatalogueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"In rust-engineer's repository: read the crates index (cargo's sparse protocol) for every crate of "
                + "the catalogue, propose the newest release generated projects can use (not yanked, not a pre-release, "
                + "building on the catalogue's minimum Rust version), write the semver-compatible ones (with --breaking "
                + "the others too) into src/main/resources/knowledge/crates.yaml, regenerate every golden file with them, "
                + "and say which template sets they change and which recorded Cargo.lock files no longer satisfy them, "
                + "with the commands that prove those sets again."},
            footer = {"", "Examples (at the repository's root):",
                "  ./rust-engineer catalogue refresh --dry-run     # what would move, and what that changes",
                "  ./rust-engineer catalogue refresh               # write the catalogue and the golden files",
                "  ./rust-engineer catalogue refresh --locks       # and record the stale Cargo.lock files with cargo"})
    static final class Refresh implements Callable<Integer> {
        private final Supplier<RustEngineer> facade;

        @Spec
        CommandSpec spec;

        @Option(names = "--repo", paramLabel = "DIR", description = "rust-engineer's repository (default: the current directory).",
                defaultValue = ".")
        Path repo;

        @Option(names = "--dry-run", description = "Report the proposals and what they change; write nothing.")
        boolean dryRun;

        @Option(names = "--breaking", description = "Also move crates outside their pinned version's caret range (templates may need changes).")
        boolean breaking;

        @Option(names = "--hold", split = ",", paramLabel = "CRATE", description = "Keep these crates at their pinned version "
                + "(e.g. a move cargo cannot resolve with the rest).")
        List<String> hold = List.of();

        @Option(names = "--locks", description = "Record the Cargo.lock files the new versions leave stale with `cargo "
                + "generate-lockfile` (needs cargo and the registry) before the golden files are rendered.")
        boolean locks;

        @Option(names = "--index", paramLabel = "URL", description = "A sparse crates index (default: ${DEFAULT-VALUE}).",
                defaultValue = "https://index.crates.io/")
        URI index;

        Refresh(Supplier<RustEngineer> facade) {
            this.facade = facade;
        }

        @Override
        public Integer call() {
            if (!index.isAbsolute() || !List.of("http", "https").contains(index.getScheme())) {
                throw new UsageException("--index " + index + " is not an http(s) URL (default " + SparseIndex.CRATES_IO + ")");
            }
            Repository repository = Repository.at(repo);
            RefreshReport report = facade.get().refreshRepository(repository, index, breaking, !dryRun, Set.copyOf(hold), locks);
            PrintWriter out = spec.commandLine().getOut();
            new RefreshText(out).print(report, breaking);
            out.flush();
            return ExitCode.OK;
        }
    }
}
