package dev.rustengineer.audit.syntax;

import dev.rustengineer.audit.RustLexer;
import dev.rustengineer.audit.scope.AuditKnowledge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * What the rules look for inside macro token trees no syntax tree sees into (the bodies of macro invocations that
 * were not parsed again as items, and the expansions of `macro_rules!`, not their match patterns), read token by
 * token by {@link RustLexer} so strings and comments never count. Template macros (quote!) are code for somebody
 * else and are skipped; assertions are not read for unwraps (audit/knowledge.yaml).
 */
public final class MacroTokens {
    public enum Kind { UNSAFE_BLOCK, UNSAFE_FN, UNSAFE_IMPL, UNSAFE_TRAIT, UNWRAP, TRANSMUTE, EXTERN_BLOCK, EXTERN_FN, HIGHER_RANKED, IMPL_FUTURE }

    /** One spot: its kind, the byte offset of its first token, the macro it is in (`name!` or `macro_rules!`), a detail. */
    public record Site(Kind kind, int at, String macro, String detail) {}

    private static final Set<String> OPEN = Set.of("(", "[", "{");
    private static final Set<String> CLOSE = Set.of(")", "]", "}");
    private static final Set<String> ITEMS = Set.of("fn", "impl", "struct", "enum", "trait", "type");

    private final Map<Kind, List<Site>> sites = new EnumMap<>(Kind.class);

    private MacroTokens() {}

    public static MacroTokens of(RustFile f, AuditKnowledge k) {
        MacroTokens t = new MacroTokens();
        for (TSNode m : f.all("macro")) {
            String name = Nodes.lastSegment(f.text(f.macroPath(m)));
            if (f.reparsed(m) || k.templateMacros().contains(name)) {
                continue;
            }
            TSNode body = f.macroBody(m);
            if (body != null) {
                t.scan(f, body, name + "!", k.assertionMacros().contains(name), k);
            }
        }
        for (TSNode d : f.all("macro_def")) {
            for (int i = 0; i < d.getNamedChildCount(); i++) {
                TSNode rule = d.getNamedChild(i);
                TSNode right = Nodes.field(rule, "right");
                if (Nodes.type(rule).equals("macro_rule") && right != null) {
                    t.scan(f, right, "macro_rules! " + Nodes.name(f, d), false, k);
                }
            }
        }
        return t;
    }

    public List<Site> sites(Kind kind) {
        return sites.getOrDefault(kind, List.of());
    }

    private void add(Site s) {
        sites.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }

    /**
     * Scans one token tree. Inside it, a nested template macro (quote!) is skipped whole and a nested assertion
     * is not read for unwraps: each is tracked by the depth of its delimiters.
     */
    private void scan(RustFile f, TSNode tree, String label, boolean inAssertion, AuditKnowledge k) {
        String body = f.text(tree);
        if (!body.contains("unsafe") && !body.contains("unwrap") && !body.contains("expect") && !body.contains("transmute")
                && !body.contains("extern") && !body.contains("for<") && !body.contains("for <") && !body.contains("Future")) {
            return;
        }
        List<RustLexer.Token> toks = RustLexer.tokens(body);
        ByteOffsets bytes = new ByteOffsets(body, Nodes.start(tree));
        int depth = 0;
        int templateDepth = -1; // >= 0 while inside a nested quote!
        int assertionDepth = inAssertion ? 0 : -1; // >= 0 while inside an assertion
        int item = -1; // the last item keyword (fn, impl, struct, ...): where a higher-ranked bound is reported
        int reportedItem = -2;
        for (int i = 0; i < toks.size(); i++) {
            RustLexer.Token t = toks.get(i);
            String s = t.text();
            String next = i + 1 < toks.size() ? toks.get(i + 1).text() : "";
            if (OPEN.contains(s)) {
                depth++;
            } else if (CLOSE.contains(s)) {
                depth--;
                templateDepth = templateDepth >= 0 && depth < templateDepth ? -1 : templateDepth;
                assertionDepth = !inAssertion && assertionDepth >= 0 && depth < assertionDepth ? -1 : assertionDepth;
            }
            if (t.kind().equals("ident") && next.equals("!")) {
                if (templateDepth < 0 && k.templateMacros().contains(s)) {
                    templateDepth = depth + 1;
                } else if (assertionDepth < 0 && k.assertionMacros().contains(s)) {
                    assertionDepth = depth + 1;
                }
            }
            if (templateDepth >= 0) {
                continue;
            }
            if (s.equals("unsafe") && t.kind().equals("ident")) {
                Kind kind = switch (next) {
                    case "{" -> Kind.UNSAFE_BLOCK;
                    case "fn" -> Kind.UNSAFE_FN;
                    case "impl" -> Kind.UNSAFE_IMPL;
                    case "trait", "auto" -> Kind.UNSAFE_TRAIT;
                    case "extern" -> i + 3 < toks.size() && toks.get(i + 3).text().equals("fn") ? Kind.UNSAFE_FN : null;
                    default -> null;
                };
                if (kind != null) {
                    add(new Site(kind, bytes.of(t.start()), label, ""));
                }
            }
            if (s.equals(".") && i + 2 < toks.size() && toks.get(i + 2).text().equals("(") && assertionDepth < 0
                    && (next.equals("unwrap") && i + 3 < toks.size() && toks.get(i + 3).text().equals(")")
                            || next.equals("expect"))) {
                add(new Site(Kind.UNWRAP, bytes.of(toks.get(i + 1).start()), label, next));
            }
            if (s.equals("extern") && t.kind().equals("ident")) {
                int j = i + 1;
                String abi = j < toks.size() && toks.get(j).kind().equals("literal") ? toks.get(j++).text() : "\"C\"";
                String after = j < toks.size() ? toks.get(j).text() : "";
                String named = j + 1 < toks.size() ? toks.get(j + 1).kind() : "";
                if (!abi.equals("\"Rust\"") && after.equals("{")) {
                    add(new Site(Kind.EXTERN_BLOCK, bytes.of(t.start()), label, abi));
                } else if (!abi.equals("\"Rust\"") && after.equals("fn") && (named.equals("ident") || j + 1 < toks.size() && toks.get(j + 1).text().equals("$"))) {
                    add(new Site(Kind.EXTERN_FN, bytes.of(t.start()), label, abi));
                }
            }
            if (ITEMS.contains(s) && t.kind().equals("ident")) {
                item = i;
            }
            if (s.equals("impl") && t.kind().equals("ident") && "Future".equals(implementedTrait(toks, i))) {
                add(new Site(Kind.IMPL_FUTURE, bytes.of(t.start()), label, ""));
            }
            if (s.equals("for") && next.equals("<") && i + 2 < toks.size() && toks.get(i + 2).kind().equals("lifetime")
                    && reportedItem != item) {
                reportedItem = item;
                add(new Site(Kind.HIGHER_RANKED, bytes.of(toks.get(item < 0 ? i : item).start()), label, ""));
            }
            if ((s.equals("transmute") || s.equals("transmute_copy")) && t.kind().equals("ident")
                    && (next.equals("(") || next.equals(":")) && (i == 0 || !toks.get(i - 1).text().equals("."))) {
                add(new Site(Kind.TRANSMUTE, bytes.of(t.start()), label, s));
            }
        }
    }

    /** The last segment of the trait in `impl<..> path::Trait<..> for Type`, or null for an inherent impl. */
    private static String implementedTrait(List<RustLexer.Token> toks, int impl) {
        int depth = 0;
        String last = null;
        for (int j = impl + 1; j < toks.size() && j < impl + 64; j++) {
            String s = toks.get(j).text();
            if (s.equals("<")) {
                depth++;
            } else if (s.equals(">") && !toks.get(j - 1).text().equals("-")) {
                depth--;
            } else if (depth == 0 && (s.equals("{") || s.equals(";") || s.equals("where"))) {
                return null;
            } else if (depth == 0 && s.equals("for")) {
                return last;
            } else if (depth == 0 && toks.get(j).kind().equals("ident")) {
                last = s;
            }
        }
        return null;
    }

    /** Byte offsets of increasing char offsets in one text, without re-encoding the prefix each time. */
    private static final class ByteOffsets {
        private final String text;
        private final int base;
        private int chars;
        private int bytes;

        ByteOffsets(String text, int base) {
            this.text = text;
            this.base = base;
        }

        int of(int charIndex) {
            if (charIndex < chars) {
                return base + text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
            }
            bytes += text.substring(chars, charIndex).getBytes(StandardCharsets.UTF_8).length;
            chars = charIndex;
            return base + bytes;
        }
    }
}
