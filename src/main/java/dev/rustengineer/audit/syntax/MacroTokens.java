package dev.rustengineer.audit.syntax;

import dev.rustengineer.audit.RustLexer;
import dev.rustengineer.audit.scope.AuditKnowledge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * What the rules look for inside macro token trees no syntax tree sees into (the bodies of macro invocations that
 * were not parsed again as items, and the expansions of `macro_rules!`, not their match patterns), read token by
 * token by {@link RustLexer} so strings and comments never count.
 */
public final class MacroTokens {
    public enum Kind { UNSAFE_BLOCK, UNSAFE_FN, UNSAFE_IMPL, UNSAFE_TRAIT, UNWRAP, TRANSMUTE }

    /** One spot: its kind, the byte offset of its first token, the macro it is in (`name!` or `macro_rules!`), a detail. */
    public record Site(Kind kind, int at, String macro, String detail) {}

    private static final Set<String> OPEN = Set.of("(", "[", "{");
    private static final Set<String> CLOSE = Set.of(")", "]", "}");

    private final List<Site> sites = new ArrayList<>();

    private MacroTokens() {}

    public static MacroTokens of(RustFile f, AuditKnowledge k) {
        MacroTokens t = new MacroTokens();
        for (TSNode m : f.all("macro")) {
            if (f.reparsed(m)) {
                continue;
            }
            String name = Nodes.lastSegment(f.text(m.getChildByFieldName("macro")));
            for (int i = m.getChildCount() - 1; i >= 0; i--) {
                TSNode c = m.getChild(i);
                if (c.getType().equals("token_tree")) {
                    t.scan(f, c, name + "!", k.unscannedMacros().contains(name), k);
                    break;
                }
            }
        }
        for (TSNode d : f.all("macro_def")) {
            for (int i = 0; i < d.getNamedChildCount(); i++) {
                TSNode rule = d.getNamedChild(i);
                TSNode right = Nodes.field(rule, "right");
                if (rule.getType().equals("macro_rule") && right != null) {
                    t.scan(f, right, "macro_rules! " + Nodes.name(f, d), false, k);
                }
            }
        }
        return t;
    }

    public List<Site> sites(Kind kind) {
        return sites.stream().filter(s -> s.kind() == kind).toList();
    }

    private void scan(RustFile f, TSNode tree, String label, boolean noUnwrap, AuditKnowledge k) {
        String body = f.text(tree);
        if (!body.contains("unsafe") && !body.contains("unwrap") && !body.contains("expect") && !body.contains("transmute")) {
            return;
        }
        List<RustLexer.Token> toks = RustLexer.tokens(body);
        ByteOffsets bytes = new ByteOffsets(body, tree.getStartByte());
        int quietDepth = noUnwrap ? 0 : -1; // >= 0 while inside a macro whose unwraps are not scanned
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            RustLexer.Token t = toks.get(i);
            String s = t.text();
            String next = i + 1 < toks.size() ? toks.get(i + 1).text() : "";
            if (OPEN.contains(s)) {
                depth++;
            } else if (CLOSE.contains(s)) {
                depth--;
                if (!noUnwrap && quietDepth >= 0 && depth < quietDepth) {
                    quietDepth = -1;
                }
            }
            if (t.kind().equals("ident") && k.unscannedMacros().contains(s) && next.equals("!") && quietDepth < 0) {
                quietDepth = depth + 1;
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
                    sites.add(new Site(kind, bytes.of(t.start()), label, ""));
                }
            }
            if (s.equals(".") && i + 2 < toks.size() && toks.get(i + 2).text().equals("(") && quietDepth < 0
                    && (next.equals("unwrap") && i + 3 < toks.size() && toks.get(i + 3).text().equals(")")
                            || next.equals("expect"))) {
                sites.add(new Site(Kind.UNWRAP, bytes.of(toks.get(i + 1).start()), label, next));
            }
            if ((s.equals("transmute") || s.equals("transmute_copy")) && t.kind().equals("ident")
                    && (next.equals("(") || next.equals(":")) && (i == 0 || !toks.get(i - 1).text().equals("."))) {
                sites.add(new Site(Kind.TRANSMUTE, bytes.of(t.start()), label, s));
            }
        }
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
