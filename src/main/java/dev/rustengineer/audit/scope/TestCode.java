package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The one notion of test code every rule uses. A file is test code under tests/, benches/ or examples/, or with
 * `#![cfg(test)]`; build.rs is a build script. Inside a file, test code is an item under a cfg that requires
 * `test` (`#[cfg(test)]`, `#[cfg(all(test, unix))]`, not `#[cfg(any(test, feature = "x"))]`), a function with a
 * test attribute (`#[test]`, `#[tokio::test]`, `#[rstest]`, `#[test_case]`, `#[bench]`, ...; audit/knowledge.yaml),
 * a `mod tests`/`mod test` holding such functions, and the body of proptest!-like macros. `#[cfg(test)] mod x;`
 * makes x's file test code too: that is decided across files ({@link TestModuleFiles}) from {@link #modules()}.
 */
public final class TestCode {
    private static final Set<String> TEST_DIRS = Set.of("tests", "benches", "examples");
    private static final Set<String> SKIPPED = Set.of("attribute_item", "line_comment", "block_comment");
    private static final Pattern PATH_ATTR = Pattern.compile("^#\\s*\\[\\s*path\\s*=\\s*\"([^\"]+)\"\\s*]$");

    private final CodeKind fileKind;
    /** Merged, sorted byte ranges [start, end) of test code. */
    private final List<int[]> ranges;
    private final List<ModuleDecl> modules;

    private TestCode(CodeKind fileKind, List<int[]> ranges, List<ModuleDecl> modules) {
        this.fileKind = fileKind;
        this.ranges = ranges;
        this.modules = modules;
    }

    /** The kind a path alone gives: tests/, benches/, examples/ are test code, build.rs outside src/ is a build script. */
    public static CodeKind kindOfPath(String relPath) {
        String[] parts = relPath.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (TEST_DIRS.contains(parts[i])) {
                return CodeKind.TEST;
            }
        }
        boolean inSrc = false;
        for (int i = 0; i < parts.length - 1; i++) {
            inSrc |= parts[i].equals("src");
        }
        return parts[parts.length - 1].equals("build.rs") && !inSrc ? CodeKind.BUILD_SCRIPT : CodeKind.PRODUCTION;
    }

    public static TestCode of(RustFile f, AuditKnowledge k) {
        CodeKind kind = kindOfPath(f.path());
        List<int[]> ranges = new ArrayList<>();
        for (TSNode a : f.all("inner_attr")) {
            if (!requiresTest(f, a, k, false)) {
                continue;
            }
            TSNode parent = f.parent(a);
            if (parent != null && Nodes.type(parent).equals("source_file") && kind == CodeKind.PRODUCTION) {
                kind = CodeKind.TEST;
            } else if (parent != null && Nodes.type(parent).equals("declaration_list")) {
                TSNode owner = f.parent(parent);
                ranges.add(new int[] {Nodes.start(owner != null ? owner : parent), Nodes.end(parent)});
            } else if (parent != null && Nodes.type(parent).equals("macro_invocation")) {
                ranges.add(new int[] {Nodes.start(parent), Nodes.end(parent)}); // tokio-util's feature! { #![cfg(..)] .. }
            }
        }
        for (TSNode a : f.all("attr")) {
            if (!requiresTest(f, a, k, true)) {
                continue;
            }
            TSNode item = itemAfter(a);
            if (item == null) {
                continue;
            }
            ranges.add(new int[] {Nodes.start(a), Nodes.end(item)});
            if (Nodes.type(item).equals("function_item")) {
                TSNode mod = enclosingModule(f, item);
                String name = mod == null ? "" : Nodes.name(f, mod);
                if (name.equals("tests") || name.equals("test")) {
                    ranges.add(new int[] {Nodes.start(mod), Nodes.end(mod)});
                }
            }
        }
        for (TSNode m : f.all("macro")) {
            if (k.testMacros().contains(Nodes.lastSegment(f.text(Nodes.childByField(m, "macro"))))) {
                ranges.add(new int[] {Nodes.start(m), Nodes.end(m)});
            }
        }
        TestCode partial = new TestCode(kind, merge(ranges), List.of());
        List<ModuleDecl> modules = new ArrayList<>();
        for (TSNode m : f.all("mod")) {
            if (Nodes.field(m, "body") != null) {
                continue;
            }
            modules.add(new ModuleDecl(Nodes.name(f, m), inlinePath(f, m), pathAttribute(f, m),
                    partial.kindAt(Nodes.start(m)) == CodeKind.TEST));
        }
        return new TestCode(kind, partial.ranges, List.copyOf(modules));
    }

    /** `#[cfg(<requires test>)]` or, for outer attributes, a test attribute such as `#[tokio::test]`. */
    private static boolean requiresTest(RustFile f, TSNode attr, AuditKnowledge k, boolean outer) {
        String t = f.text(attr);
        if (!t.contains("test") && k.testAttributes().stream().noneMatch(t::contains)) {
            return false; // #[inline], #[derive(..)], #[cfg(unix)]: most attributes, answered without reading them
        }
        int open = t.indexOf('[');
        int close = t.lastIndexOf(']');
        if (open < 0 || close <= open) {
            return false;
        }
        String body = t.substring(open + 1, close).strip();
        if (body.startsWith("cfg") && body.substring(3).stripLeading().startsWith("(")) {
            String inner = body.substring(body.indexOf('(') + 1, body.lastIndexOf(')') > 0 ? body.lastIndexOf(')') : body.length());
            return CfgPredicate.requiresTest(inner);
        }
        if (!outer) {
            return false;
        }
        int end = body.length();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(' || c == '=' || Character.isWhitespace(c)) {
                end = i;
                break;
            }
        }
        return k.testAttributes().contains(Nodes.lastSegment(body.substring(0, end)));
    }

    private static TSNode itemAfter(TSNode attr) {
        TSNode item = Nodes.nextNamedSibling(attr);
        while (Nodes.present(item) && SKIPPED.contains(Nodes.type(item))) {
            item = Nodes.nextNamedSibling(item);
        }
        return Nodes.present(item) ? item : null;
    }

    private static TSNode enclosingModule(RustFile f, TSNode n) {
        for (TSNode p = f.parent(n); p != null; p = f.parent(p)) {
            if (Nodes.type(p).equals("mod_item")) {
                return p;
            }
        }
        return null;
    }

    private static List<String> inlinePath(RustFile f, TSNode mod) {
        List<String> names = new ArrayList<>();
        for (TSNode p = f.parent(mod); p != null; p = f.parent(p)) {
            if (Nodes.type(p).equals("mod_item")) {
                names.addFirst(Nodes.name(f, p));
            }
        }
        return names;
    }

    private static String pathAttribute(RustFile f, TSNode mod) {
        for (TSNode a = Nodes.prevNamedSibling(mod); Nodes.present(a) && SKIPPED.contains(Nodes.type(a)); a = Nodes.prevNamedSibling(a)) {
            Matcher m = PATH_ATTR.matcher(f.text(a).strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static List<int[]> merge(List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : ranges) {
            if (!out.isEmpty() && r[0] <= out.getLast()[1]) {
                out.getLast()[1] = Math.max(out.getLast()[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out;
    }

    public CodeKind fileKind() {
        return fileKind;
    }

    /** The kind of the code at a byte offset. */
    public CodeKind kindAt(int byteOffset) {
        if (fileKind != CodeKind.PRODUCTION) {
            return fileKind;
        }
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = ranges.get(mid);
            if (byteOffset < r[0]) {
                hi = mid - 1;
            } else if (byteOffset >= r[1]) {
                lo = mid + 1;
            } else {
                return CodeKind.TEST;
            }
        }
        return CodeKind.PRODUCTION;
    }

    /** The file's `mod name;` declarations, each marked when it is test code. */
    public List<ModuleDecl> modules() {
        return modules;
    }
}
