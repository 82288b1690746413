package dev.rustengineer.generate;

import dev.rustengineer.blueprint.Blueprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cargo.lock a generated project ships with: the resolution CI built and tested for that combination
 * (knowledge/locks/SET[-DB-LAYER][+FEATURE].lock, recorded under the package name {@value #BASE_NAME} by
 * {@code mvn test -Dtest=CargoLockTest -Dlocks.update=true}), so `cargo build --locked`, the Dockerfile and the CI
 * workflow work on day one and build exactly what was proven.
 *
 * <p>Only the project's own packages (those without a {@code source}) carry its name. They are renamed here and
 * moved to where Cargo sorts them, and so are the references to them, so that the file is byte for byte what
 * Cargo itself would write and `--locked` accepts it. Cargo.lock is TOML, but a TOML library would not write it
 * back in Cargo's exact layout, hence the line-based edit of its fixed format.
 */
public final class CargoLock {
    /** The package name the recorded lock files use for the project. */
    public static final String BASE_NAME = "lock-base";

    private static final Pattern NAME = Pattern.compile("^name = \"([^\"]+)\"$", Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile("^ \"([^\" ]+)([^\"]*)\",$", Pattern.MULTILINE);

    private CargoLock() {}

    /** The variant key of a blueprint, as the golden files and the integration tests name combinations. */
    public static String key(Blueprint b) {
        StringBuilder key = new StringBuilder(b.template());
        if (b.db() != null) {
            key.append('-').append(b.db()).append('-').append(b.dbLayer());
        }
        b.with().forEach(w -> key.append('+').append(w));
        return key.toString();
    }

    /** The lock file recorded for the blueprint's combination, renamed for its project; empty if none is. */
    public static Optional<String> forBlueprint(Blueprint b) {
        return forBlueprint(b, CargoLock::recorded);
    }

    /** As {@link #forBlueprint(Blueprint)}, the recorded locks read by combination key from {@code recorded}. */
    public static Optional<String> forBlueprint(Blueprint b, Function<String, Optional<String>> recorded) {
        return recorded.apply(key(b)).map(lock -> rename(lock, b.name().name()));
    }

    /** The bundled lock recorded for a combination key. */
    public static Optional<String> recorded(String key) {
        try (InputStream in = CargoLock.class.getResourceAsStream("/knowledge/locks/" + key + ".lock")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames the project's own packages from {@value #BASE_NAME} (or {@value #BASE_NAME}-suffix) to {@code name}. */
    static String rename(String lock, String name) {
        int first = lock.indexOf("[[package]]");
        if (first < 0) {
            return lock;
        }
        String header = lock.substring(0, first);
        List<String> blocks = new ArrayList<>();
        for (String block : lock.substring(first).split("\n(?=\\[\\[package]])")) {
            blocks.add(block.endsWith("\n") ? block : block + "\n");
        }
        Set<String> local = new HashSet<>();
        for (String block : blocks) {
            if (!block.contains("\nsource = ")) {
                local.add(name(block));
            }
        }
        List<String> renamed = new ArrayList<>();
        for (String block : blocks) {
            String b = block;
            if (local.contains(name(b))) {
                b = NAME.matcher(b).replaceFirst(Matcher.quoteReplacement("name = \"" + renamed(name(b), name) + "\""));
            }
            renamed.add(renameDependencies(b, local, name));
        }
        // Cargo orders packages by name (then version and source, which the recorded file already has in order;
        // the sort is stable). Blocks are separated by one empty line.
        renamed.sort(Comparator.comparing(CargoLock::name));
        StringBuilder out = new StringBuilder(header);
        for (int i = 0; i < renamed.size(); i++) {
            String block = renamed.get(i).stripTrailing() + "\n";
            out.append(block).append(i + 1 < renamed.size() ? "\n" : "");
        }
        return out.toString();
    }

    private static String renameDependencies(String block, Set<String> local, String name) {
        int start = block.indexOf("dependencies = [\n");
        if (start < 0) {
            return block;
        }
        int listStart = start + "dependencies = [\n".length();
        int end = block.indexOf("]", listStart);
        List<String[]> entries = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(block.substring(listStart, end));
        while (m.find()) {
            String dep = local.contains(m.group(1)) ? renamed(m.group(1), name) : m.group(1);
            entries.add(new String[] {dep, m.group(2)});
        }
        entries.sort(Comparator.comparing(e -> e[0]));
        StringBuilder list = new StringBuilder();
        for (String[] e : entries) {
            list.append(" \"").append(e[0]).append(e[1]).append("\",\n");
        }
        return block.substring(0, listStart) + list + block.substring(end);
    }

    private static String renamed(String local, String name) {
        return local.equals(BASE_NAME) ? name
                : local.startsWith(BASE_NAME + "-") ? name + local.substring(BASE_NAME.length()) : local;
    }

    private static String name(String block) {
        Matcher m = NAME.matcher(block);
        if (!m.find()) {
            throw new IllegalStateException("a [[package]] of a recorded Cargo.lock has no name:\n" + block);
        }
        return m.group(1);
    }
}
