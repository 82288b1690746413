package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.catalogue.CatalogueFile;
import dev.rustengineer.catalogue.Proposal;
import dev.rustengineer.catalogue.SparseIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
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
            description = {"Read the crates index (cargo's sparse protocol) for every crate of the catalogue and propose the "
                + "newest release generated projects can use: not yanked, not a pre-release, building on the catalogue's "
                + "minimum Rust version. Says which template sets declare each crate, so what changes is proven again.",
                "With --write FILE, writes the semver-compatible proposals (and with --breaking the others too) into that "
                + "crates.yaml, keeping its comments, and today's date as `checked`."},
            footer = {"", "Example (in rust-engineer's repository):",
                "  rust-engineer catalogue refresh --write src/main/resources/knowledge/crates.yaml"})
    static final class Refresh implements Callable<Integer> {
        private final Supplier<RustEngineer> facade;

        @Spec
        CommandSpec spec;

        @Option(names = "--index", paramLabel = "URL", description = "A sparse crates index (default: ${DEFAULT-VALUE}).",
                defaultValue = "https://index.crates.io/")
        URI index;

        @Option(names = "--write", paramLabel = "FILE", description = "The crates.yaml to write the proposals into.")
        Path write;

        @Option(names = "--breaking", description = "Also write proposals outside the pinned versions' caret range (templates may need changes).")
        boolean breaking;

        Refresh(Supplier<RustEngineer> facade) {
            this.facade = facade;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (write != null && !Files.isRegularFile(write)) {
                throw new UsageException(write + " is not a file (give the catalogue to update, e.g. src/main/resources/knowledge/crates.yaml)");
            }
            if (!index.isAbsolute() || !List.of("http", "https").contains(index.getScheme())) {
                throw new UsageException("--index " + index + " is not an http(s) URL (default " + SparseIndex.CRATES_IO + ")");
            }
            List<Proposal> proposals = facade.get().refreshCatalogue(index);
            out.println(String.format("%-28s %-10s %-10s %-11s %s", "crate", "pinned", "proposed", "change", "held back"));
            Map<String, String> writes = new LinkedHashMap<>();
            TreeSet<String> sets = new TreeSet<>();
            for (Proposal p : proposals) {
                if (p.change() == Proposal.Change.NONE && p.heldBack() == null) {
                    continue;
                }
                out.println(String.format("%-28s %-10s %-10s %-11s %s", p.crate(), p.pinned(), p.proposed(),
                        p.change().name().toLowerCase(Locale.ROOT), p.heldBack() == null ? "" : p.heldBack()));
                if (p.change() == Proposal.Change.COMPATIBLE || p.change() == Proposal.Change.BREAKING && breaking) {
                    writes.put(p.crate(), p.proposed());
                    sets.addAll(p.sets());
                }
            }
            long compatible = proposals.stream().filter(p -> p.change() == Proposal.Change.COMPATIBLE).count();
            long breakingCount = proposals.stream().filter(p -> p.change() == Proposal.Change.BREAKING).count();
            out.println(proposals.size() + " crates read: " + compatible + " can move within their caret range, " + breakingCount
                    + " to a release outside it" + (breaking || breakingCount == 0 ? "" : " (written only with --breaking)") + ".");
            if (write == null || writes.isEmpty()) {
                out.flush();
                return ExitCode.OK;
            }
            String checked = LocalDate.now(ZoneOffset.UTC).toString();
            write(write, CatalogueFile.rewrite(read(write), writes, checked));
            out.println("Wrote " + writes.size() + " version(s) into " + write + " (checked: " + checked + ").");
            out.println("Prove again the template sets that declare them: " + String.join(", ", sets));
            out.println("  mvn test -Dtest=GeneratorTest -Dgolden.update=true      # the golden files");
            out.println("  mvn test -Dtest=CargoLockTest -Dlocks.update=true       # the Cargo.lock each combination ships");
            out.println("  mvn verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.sets=" + String.join(",", sets)
                    + "   # cargo on them");
            out.flush();
            return ExitCode.OK;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Written beside the file and moved over it, so a failure leaves the catalogue as it was. */
        private static void write(Path file, String text) {
            try {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".crates-", ".yaml");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
