package dev.rustengineer.blueprint;

import dev.rustengineer.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cargo package name, checked against cargo's own rules so `cargo new` would accept it too.
 *
 * @param name the package name as given (binary and Docker image name)
 */
public record ProjectName(String name) {
    private static final Set<String> KEYWORDS = Set.of(
            "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false",
            "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
            "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
            "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
            "virtual", "yield", "try");
    private static final Set<String> RESERVED = Set.of("test", "std", "core", "alloc", "proc_macro", "proc-macro",
            "build", "deps", "examples", "incremental");
    private static final Set<String> WINDOWS = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    public ProjectName {
        if (name == null || name.isEmpty()) {
            throw new UsageException("the project name is empty; cargo needs a name such as 'orders'");
        }
        if (name.length() > 64) {
            throw new UsageException("project name '" + name + "' is longer than 64 characters (cargo's limit)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                throw new UsageException("project name '" + name + "' has '" + c
                        + "': cargo allows only ASCII letters, digits, '-' and '_'");
            }
        }
        if (Character.isDigit(name.charAt(0))) {
            throw new UsageException("project name '" + name + "' starts with a digit, which cargo does not allow");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new UsageException("project name '" + name + "' has upper-case letters; cargo packages are lower-case (try '"
                    + name.toLowerCase(Locale.ROOT) + "')");
        }
        if (KEYWORDS.contains(name.replace('-', '_'))) {
            throw new UsageException("project name '" + name + "' is a Rust keyword, which cargo does not allow");
        }
        if (RESERVED.contains(name)) {
            throw new UsageException("project name '" + name + "' is reserved by cargo or the standard library");
        }
        if (WINDOWS.contains(name)) {
            throw new UsageException("project name '" + name + "' is a reserved file name on Windows, which cargo refuses");
        }
    }

    /**
     * Every name refused although it has cargo's characters (keywords, reserved and Windows device names), for
     * schemas that should say so before a request is sent.
     */
    public static List<String> refused() {
        return Stream.of(KEYWORDS, RESERVED, WINDOWS).flatMap(Set::stream).sorted().toList();
    }

    /** The name as a Rust identifier (how other code refers to the library crate). */
    public String crateName() {
        return name.replace('-', '_');
    }

    /** The crate name in PascalCase ({@code OrdersSync} for orders-sync): C type and Java class names. */
    public String pascal() {
        return ResourceName.pascal(crateName());
    }

    /** The name as a Kubernetes object name (DNS-1123 label). */
    public String k8sName() {
        return name.replace('_', '-');
    }
}
