package dev.rustengineer.audit.syntax;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** Small questions about syntax nodes and paths that several analyses ask. */
public final class Nodes {
    private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");
    private Nodes() {}

    public static boolean present(TSNode n) {
        return n != null && !n.isNull();
    }

    public static TSNode field(TSNode n, String name) {
        if (!present(n)) {
            return null;
        }
        TSNode f = n.getChildByFieldName(name);
        return present(f) ? f : null;
    }

    public static String name(RustFile f, TSNode item) {
        TSNode n = field(item, "name");
        return n == null ? "?" : f.text(n);
    }

    /** The item's text up to its body (or all of it when it has none). */
    public static String signature(RustFile f, TSNode item) {
        TSNode body = field(item, "body");
        int end = body != null ? body.getStartByte() : item.getEndByte();
        return f.src().slice(item.getStartByte(), end);
    }

    /** The last segment of a path, generic arguments removed: `std::mem::transmute::<A, B>` gives `transmute`. */
    public static String lastSegment(String path) {
        String p = path.indexOf('<') < 0 ? path.strip() : GENERICS.matcher(GENERICS.matcher(path).replaceAll("")).replaceAll("").strip();
        if (p.endsWith("::")) {
            p = p.substring(0, p.length() - 2);
        }
        int i = p.lastIndexOf("::");
        return i < 0 ? p : p.substring(i + 2);
    }

    public static int utf8Length(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    public static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("").replaceAll("\\s*\\{?\\s*$", "");
    }
}
