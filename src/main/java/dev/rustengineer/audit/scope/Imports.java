package dev.rustengineer.audit.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The `use` declarations of one scope (a file, an inline module, a block) as a map from the names they bring in
 * to full paths (`fs` -> `std::fs`), plus their glob imports (`diesel::prelude::*`).
 */
final class Imports {
    /** Comments and attributes inside a `use`, which carry no path. */
    private static final Pattern NOISE = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|#\\[[^]]*]", Pattern.DOTALL);
    private static final Pattern ALIAS = Pattern.compile("\\s+as\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern HEAD = Pattern.compile("^(pub(\\([^)]*\\))?)?use");
    private final Map<String, String> names = new HashMap<>();
    private final List<String> globs = new ArrayList<>();

    void add(String useDeclaration) {
        String s = NOISE.matcher(useDeclaration).replaceAll("");
        s = SPACE.matcher(ALIAS.matcher(s).replaceAll("@")).replaceAll("");
        s = HEAD.matcher(s).replaceFirst("");
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        expand("", s);
    }

    private void expand(String prefix, String tree) {
        int brace = tree.indexOf('{');
        if (brace >= 0 && tree.endsWith("}")) {
            String head = tree.substring(0, brace);
            String base = join(prefix, head.endsWith("::") ? head.substring(0, head.length() - 2) : head);
            for (String part : splitTop(tree.substring(brace + 1, tree.length() - 1))) {
                if (part.equals("self")) {
                    names.put(last(base), base);
                } else if (part.startsWith("self@")) {
                    names.put(part.substring("self@".length()), base);
                } else if (!part.isEmpty()) {
                    expand(base, part);
                }
            }
            return;
        }
        String path = tree;
        String alias = null;
        int at = tree.indexOf('@');
        if (at > 0) {
            path = tree.substring(0, at);
            alias = tree.substring(at + 1);
        }
        if (path.endsWith("::*")) {
            globs.add(join(prefix, path.substring(0, path.length() - 3)));
            return;
        }
        if (path.isEmpty()) {
            return;
        }
        String full = join(prefix, path);
        if (alias == null || !alias.equals("_")) {
            names.put(alias != null ? alias : last(full), full);
        }
    }

    private static List<String> splitTop(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "::" + b;
    }

    private static String last(String path) {
        int i = path.lastIndexOf("::");
        return i < 0 ? path : path.substring(i + 2);
    }

    /** The full path a name was imported as, or null. */
    String lookup(String name) {
        return names.get(name);
    }

    List<String> globs() {
        return globs;
    }

    /** Every name brought in, with its full path as written (`frame::get` for `pub use frame::get`). */
    Map<String, String> names() {
        return names;
    }

    Iterable<String> paths() {
        return names.values();
    }
}
