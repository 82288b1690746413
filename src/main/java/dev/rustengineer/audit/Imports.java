package dev.rustengineer.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A file's `use` declarations as a map from the names they bring in to full paths (`fs` -> `std::fs`). */
final class Imports {
    private final Map<String, String> names = new HashMap<>();

    void add(String useDeclaration) {
        String s = useDeclaration.replaceAll("//[^\\n]*", "").replaceAll("\\s+", "");
        s = s.replaceFirst("^(pub(\\([^)]*\\))?)?use", "").replaceFirst(";$", "");
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
                } else if (!part.isEmpty()) {
                    expand(base, part);
                }
            }
            return;
        }
        String path = tree;
        String alias = null;
        int as = tree.indexOf("as");
        if (tree.matches(".+as[A-Za-z_][A-Za-z0-9_]*") && as > 0) {
            int k = tree.lastIndexOf("as");
            path = tree.substring(0, k);
            alias = tree.substring(k + 2);
        }
        if (path.endsWith("::*") || path.isEmpty()) {
            return;
        }
        String full = join(prefix, path);
        if (alias == null || !alias.equals("_")) {
            names.put(alias != null ? alias : last(full), full);
        }
    }

    private static List<String> splitTop(String s) {
        List<String> parts = new java.util.ArrayList<>();
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

    /** The full path of a path expression as written (turbofish removed), through the imports. */
    String resolve(String written) {
        String p = written.replaceAll("\\s+", "").replaceAll("::<[^()]*>$", "").replaceAll("::<[^()]*>::", "::");
        p = p.replaceFirst("^::", "");
        int i = p.indexOf("::");
        String first = i < 0 ? p : p.substring(0, i);
        String rest = i < 0 ? "" : p.substring(i);
        String mapped = names.get(first);
        return mapped != null ? mapped + rest : p;
    }

    boolean imports(String fullPath) {
        return names.containsValue(fullPath);
    }
}
