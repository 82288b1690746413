package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * complex-lifetimes: an item with a higher-ranked `for<'x>` bound (for a struct or enum, also in its field types),
 * or with two or more lifetime parameters and a trait bound that ties a lifetime (`<'a, 'de, V: Visitor<'de>>` with
 * `'de` used again, or in the where clause, or an impl of a trait with a lifetime: `impl<'de: 'a, 'a> Deserialize<'de>
 * for &'a str`); a lifetime named in one bound and nowhere else is local to that bound and ties nothing;
 * plain outlives bounds (`'b: 'a`, `T: 'a`) are no trait bounds, and `for<'de> Deserialize<'de>` is serde's
 * `DeserializeOwned` spelled out, not a higher-ranked bound to review. An impl whose self type borrows nothing and
 * whose lifetimes do not outlive one another only passes a trait's lifetimes through and is not reported
 * (`impl<'a, 'c> Extract<'a, 'c> for usize`). In macro bodies, a `for<'x>` bound is reported
 * at the item it belongs to.
 */
public record ComplexLifetimesRule() implements Rule {
    private static final Pattern LIFETIME = Pattern.compile("'[A-Za-z_]\\w*");
    private static final Pattern OUTLIVES = Pattern.compile("'\\w+\\s*:\\s*'");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
    private static final Pattern HRTB = Pattern.compile("\\bfor\\s*<\\s*'");
    /** `for<'de> Deserialize<'de>`: serde's `DeserializeOwned` spelled out, an owned-data bound with nothing to tie. */
    private static final Pattern OWNED_DESERIALIZE = Pattern.compile("\\bfor\\s*<\\s*'(\\w+)\\s*>\\s*(?:\\w+::)*Deserialize\\s*<\\s*'\\1\\s*>");

    @Override
    public String id() {
        return "complex-lifetimes";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        for (TSNode n : f.all("fn")) {
            check(c, n, "fn " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("fn_sig")) {
            check(c, n, "fn " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("impl")) {
            check(c, n, "impl", report);
        }
        for (TSNode n : f.all("trait")) {
            check(c, n, "trait " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("struct")) {
            check(c, n, "struct " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("enum")) {
            check(c, n, "enum " + Nodes.name(f, n), report);
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.HIGHER_RANKED)) {
            report.atByte(s.at(), "a higher-ranked `for<'_>` bound inside macro `" + s.macro() + "`");
        }
    }

    private void check(FileContext c, TSNode item, String what, Report report) {
        // A struct's or enum's field types are part of its declaration (and a tuple struct's where clause follows
        // its fields); a function's body is not.
        String kind = Nodes.type(item);
        boolean type = kind.equals("struct_item") || kind.equals("enum_item");
        if (!type && !c.src().hasLifetimeBeforeBody(Nodes.start(item))) {
            return; // no lifetime in the signature: most functions, answered from the bytes alone
        }
        // Comments are prose: a field's doc saying "must implement `for<'a> FnMut(&'a mut St)`" declares nothing.
        String sig = owned(COMMENT.matcher(type ? c.text(item) : Nodes.signature(c.file(), item)).replaceAll(" "));
        if (sig.indexOf('\'') < 0) {
            return;
        }
        TSNode params = Nodes.field(item, "type_parameters");
        String generics = params == null ? "" : owned(c.text(params));
        if (HRTB.matcher(sig).find()) {
            report.at(item, "`" + what + "` has a higher-ranked `for<'_>` bound");
            return;
        }
        int count = lifetimeParameters(generics);
        if (count < 2) {
            return;
        }
        int w = sig.lastIndexOf("where");
        String where = w >= 0 ? sig.substring(w + "where".length()) : "";
        TSNode trait = kind.equals("impl_item") ? Nodes.field(item, "trait") : null;
        if (lifetimeTraitBound(generics, sig) || lifetimeTraitBound(where, sig) || trait != null && LIFETIME.matcher(c.text(trait)).find()
                && tiesTheTraitsLifetimes(c, item, generics)) {
            report.at(item, "`" + what + "` declares " + count + " lifetimes and a trait bound that mentions one");
        }
    }

    /**
     * An impl of a trait with lifetimes ties something only when its self type borrows (`for Vec<Cow<'a, str>>`)
     * or its lifetimes outlive one another (`<'de: 'a, 'a>`): `impl<'a, 'c> Extract<'a, 'c> for usize` only passes
     * the trait's parameters through, boilerplate with nothing to review.
     */
    private static boolean tiesTheTraitsLifetimes(FileContext c, TSNode impl, String generics) {
        TSNode self = Nodes.field(impl, "type");
        return self == null || LIFETIME.matcher(c.text(self)).find() || OUTLIVES.matcher(generics).find();
    }

    private static String owned(String text) {
        return text.indexOf("Deserialize") < 0 ? text : OWNED_DESERIALIZE.matcher(text).replaceAll("DeserializeOwned");
    }

    /**
     * Whether a generics list or where clause has a trait bound that ties a lifetime (`V: Visitor<'de>` with `'de`
     * also in a parameter, `F: Fn(&'a str) -> &'b str`); outlives bounds (`'b: 'a`, `T: 'a`) are not trait bounds.
     * A bound ties when it names two lifetimes or its lifetime appears elsewhere in the signature: `U: Nameable<'user>`
     * and `G: Nameable<'group>` with neither lifetime used again are two independent borrows, each local to its
     * bound (bonsaidb's `add_role_to_user<'user, 'group, ..>`), nothing a reader has to follow.
     */
    static boolean lifetimeTraitBound(String predicates, String signature) {
        String p = predicates.strip();
        if (p.startsWith("<") && p.endsWith(">")) {
            p = p.substring(1, p.length() - 1);
        }
        int brace = p.indexOf('{');
        if (brace >= 0) {
            p = p.substring(0, brace);
        }
        for (String predicate : splitTop(p, ',')) {
            int colon = topLevelColon(predicate);
            if (colon < 0) {
                continue;
            }
            for (String bound : splitTop(predicate.substring(colon + 1), '+')) {
                String b = bound.strip();
                if (!b.startsWith("'") && !b.startsWith("?") && LIFETIME.matcher(b).find() && ties(b, signature)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The bound names two lifetimes, or one it names appears in the signature beyond the bound and its declaration. */
    private static boolean ties(String bound, String signature) {
        Set<String> named = new HashSet<>();
        Matcher m = LIFETIME.matcher(bound);
        while (m.find()) {
            if (!m.group().equals("'static")) {
                named.add(m.group());
            }
        }
        if (named.size() != 1) {
            return named.size() > 1;
        }
        String lifetime = named.iterator().next();
        return occurrences(signature, lifetime) > occurrences(bound, lifetime) + 1;
    }

    private static int occurrences(String text, String lifetime) {
        Matcher m = Pattern.compile(Pattern.quote(lifetime) + "(?!\\w)").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> splitTop(String s, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '<' || ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == '>' && (i == 0 || s.charAt(i - 1) != '-')) || ch == ')' || ch == ']') {
                depth--;
            } else if (ch == sep && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The ':' that starts a predicate's bounds (not one of a path's '::'), at depth 0. */
    private static int topLevelColon(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '<' || ch == '(' || ch == '[') {
                depth++;
            } else if (ch == '>' || ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ':' && depth == 0) {
                if (i + 1 < s.length() && s.charAt(i + 1) == ':') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    /** How many of the generics' own parameters are lifetimes (`<'a, 'b: 'a, T: Foo<'a>>` has two). */
    public static int lifetimeParameters(String generics) {
        String g = generics.strip();
        if (!g.startsWith("<") || !g.endsWith(">")) {
            return 0;
        }
        int count = 0;
        int depth = 0;
        boolean atStart = true;
        for (int i = 1; i < g.length() - 1; i++) {
            char ch = g.charAt(i);
            if (ch == '<' || ch == '(' || ch == '[') {
                depth++;
            } else if (ch == '>' || ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                atStart = true;
                continue;
            }
            if (atStart && !Character.isWhitespace(ch)) {
                if (ch == '\'' && depth == 0) {
                    count++;
                }
                atStart = false;
            }
        }
        return count;
    }
}
