package dev.rustengineer.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The edits of every kind a project's owners make after day one, applied to a generated project: a handler
 * changed, a route added, a dependency added, files deleted, and files the next generator also changes edited
 * (one in other lines than the generator's, one on the same line). Each edit says what it did, for the checks.
 *
 * @param handler the Rust file whose function the user changed (the generator does not change it)
 * @param library the library root the user added a function to (the generator changes its first line)
 * @param manifest the Cargo.toml the user added a dependency to (the generator bumps a crate's version there)
 * @param dependency the dependency line the user added
 */
record UserEdits(String handler, String library, String manifest, String dependency) {
    static final String HANDLER_LINE = "// Tuned by the user: keep this.";
    static final String ROUTE = """

            /// Added by the user: a route of the team's own.
            pub fn user_added_route() -> &'static str {
                "user route"
            }
            """;
    static final String README_LINE = "Maintained by the orders team (a line the user added).";
    static final String USER_IGNORE = "/target/";
    /** Deleted by the user; the newer generator changed it. */
    static final String DELETED_CHANGED = ".github/workflows/ci.yml";
    /** Deleted by the user; the newer generator did not change it. */
    static final String DELETED = "rust-toolchain.toml";

    private static final Pattern FN_LINE = Pattern.compile("(?m)^( *)(pub(\\([a-z]+\\))? )?(async )?fn [a-z_0-9]+\\(.*\\).*\\{$");
    private static final List<String> SMALL_CRATES = List.of("cfg-if", "itoa", "memchr", "once_cell", "libc");

    /** Applies every edit to the project in {@code dir}, generated as {@code name}. */
    static UserEdits apply(Path dir, String name, String olderCrate) throws IOException {
        String library = Files.exists(dir.resolve("src/lib.rs")) ? "src/lib.rs" : name + "/src/lib.rs";
        Path src = dir.resolve(library).getParent();
        String handler = handler(dir, src);
        Path h = dir.resolve(handler);
        String code = Files.readString(h);
        Matcher fn = FN_LINE.matcher(code);
        if (!fn.find()) {
            throw new IllegalStateException("no one-line fn in " + handler);
        }
        Files.writeString(h, code.substring(0, fn.end()) + "\n" + fn.group(1) + "    " + HANDLER_LINE + code.substring(fn.end()));

        Files.writeString(dir.resolve(library), Files.readString(dir.resolve(library)) + ROUTE);

        String manifest = manifestDeclaring(dir, olderCrate);
        String toml = Files.readString(dir.resolve(manifest));
        String dependency = dependencyLine(dir, toml);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(olderCrate) + " = .*$").matcher(toml);
        if (!line.find()) {
            throw new IllegalStateException(olderCrate + " is not declared in " + manifest);
        }
        Files.writeString(dir.resolve(manifest), toml.substring(0, line.end()) + "\n" + dependency + toml.substring(line.end()));

        Files.delete(dir.resolve(DELETED_CHANGED));
        Files.delete(dir.resolve(DELETED));

        List<String> readme = new ArrayList<>(Files.readAllLines(dir.resolve("README.md")));
        readme.add(1, README_LINE);
        Files.write(dir.resolve("README.md"), readme, StandardCharsets.UTF_8);

        List<String> ignore = new ArrayList<>(Files.readAllLines(dir.resolve(".gitignore")));
        ignore.set(0, USER_IGNORE);
        Files.write(dir.resolve(".gitignore"), ignore, StandardCharsets.UTF_8);
        return new UserEdits(handler, library, manifest, dependency);
    }

    /**
     * The largest Rust file beside the library root (not the root or main) with a one-line fn signature; in a crate
     * that is all library root (the C rewrite), the largest such test.
     */
    private static String handler(Path dir, Path src) throws IOException {
        Path tests = src.resolveSibling("tests");
        try (Stream<Path> files = Stream.concat(Files.list(src), Files.isDirectory(tests) ? Files.list(tests) : Stream.empty())) {
            return files.filter(p -> p.toString().endsWith(".rs"))
                    .filter(p -> !Set.of("lib.rs", "main.rs").contains(p.getFileName().toString()))
                    .filter(p -> FN_LINE.matcher(read(p)).find())
                    .max(Comparator.comparing((Path p) -> p.startsWith(src)).thenComparingLong(p -> read(p).length()))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .orElseThrow(() -> new IllegalStateException("no Rust file with a function beside " + src));
        }
    }

    private static String manifestDeclaring(Path dir, String crate) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals("Cargo.toml"))
                    .filter(p -> Pattern.compile("(?m)^" + Pattern.quote(crate) + " = ").matcher(read(p)).find())
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Cargo.toml declares " + crate));
        }
    }

    /** A small crate the project's Cargo.lock already has, at that version: cargo builds it without a download. */
    private static String dependencyLine(Path dir, String manifest) throws IOException {
        String lock = Files.exists(dir.resolve("Cargo.lock")) ? Files.readString(dir.resolve("Cargo.lock")) : "";
        for (String crate : SMALL_CRATES) {
            if (Pattern.compile("(?m)^" + Pattern.quote(crate) + "[ .]").matcher(manifest).find()) {
                continue;
            }
            Matcher m = Pattern.compile("name = \"" + Pattern.quote(crate) + "\"\nversion = \"([^\"]+)\"").matcher(lock);
            if (m.find()) {
                return crate + " = \"" + m.group(1) + "\"";
            }
        }
        return "cfg-if = \"1\"";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
