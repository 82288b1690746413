package dev.rustengineer.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stretches of a brief are negated. A cue ("no", "not", "without", "instead of", "rather than") negates
 * the words after it up to the end of its clause; a trailing cue ("is not needed", "is ruled out", "is off the
 * table", a requirement's "shall not be used") negates the words before it back to the start of its clause.
 * Clauses end at punctuation (a comma too: "not performance critical, rapid prototyping" negates only the first)
 * and at a contrast ("but", "however"), so "no database, but fast" negates only "database".
 *
 * <p>Written by hand rather than with a parser's dependency tree: briefs are short, often ungrammatical (tickets,
 * chat), and a cue-and-clause scope (the NegEx family of methods) is what holds up on such text.
 */
public final class NegationScope {
    private static final Pattern LEADING = Pattern.compile(
            "\\b(?:no|not|never|without|avoid(?:s|ing)?|instead of|rather than|nor|neither|none of|"
                    + "(?:do|does|did|will|would|should|could|can|must|is|are|was|were|has|have)\\s*(?:n't|not)|"
                    + "won't|can't|cannot|mustn't|isn't|aren't|don't|doesn't|didn't|shouldn't|wouldn't|"
                    // The same without the apostrophe, as chat and tickets often write them ("dont", "isnt").
                    + "dont|doesnt|didnt|isnt|arent|wont|cant|shouldnt|wouldnt|"
                    + "no need (?:for|to)|free of|excluding|except|other than|not using|stay(?:ing)? away from|"
                    + "off the table:?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile(
            "\\b(?:(?:is|are|was|were|would be|'s|'re)\\s+(?:not|n't|never)\\s+(?:needed|required|necessary|"
                    + "wanted|allowed|acceptable|an option|ok|okay|fine|in scope|a goal|a concern|a requirement|"
                    + "involved|planned|important|critical)|(?:isn't|aren't|wasn't)\\s+(?:needed|required|"
                    + "necessary|wanted|allowed|acceptable|an option|ok|okay|in scope|a goal|a concern|a requirement|"
                    + "involved|planned|important|critical)|(?:is|are)\\s+(?:ruled out|off the table|out of the "
                    + "question|out of scope|a non-goal|unnecessary|forbidden|banned|not allowed)|ruled out|off the "
                    + "table|not needed|not required|unnecessary|not wanted|not allowed|out of scope|non-goal|"
                    + "(?:shall|must|may|will|should|can)\\s+not\\s+be\\s+used|(?:won't|can't|cannot|mustn't)\\s+be\\s+used)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Where a clause ends: sentence punctuation, a line break, or a contrast word. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "[.;:!?(),\\n]|\\s[-–—]\\s|\\b(?:but|however|though|although|whereas|yet|instead|only|just)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A cue reaches at most this many characters, so a long run-on sentence is not negated to its end. */
    private static final int MAX_REACH = 60;

    /** One negated stretch of the text, [start, end). */
    public record Span(int start, int end) {
        boolean covers(int from, int to) {
            return from >= start && to <= end;
        }
    }

    private final String text;
    private final List<Span> spans;

    private NegationScope(String text, List<Span> spans) {
        this.text = text;
        this.spans = List.copyOf(spans);
    }

    public static NegationScope of(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher lead = LEADING.matcher(text);
        while (lead.find()) {
            int end = Math.min(text.length(), lead.end() + MAX_REACH);
            Matcher b = BOUNDARY.matcher(text).region(lead.end(), end);
            if (b.find()) {
                end = b.start();
            }
            if (end > lead.end()) {
                spans.add(new Span(lead.end(), end));
            }
        }
        Matcher trail = TRAILING.matcher(text);
        while (trail.find()) {
            int start = Math.max(0, trail.start() - MAX_REACH);
            Matcher b = BOUNDARY.matcher(text).region(start, trail.start());
            while (b.find()) {
                start = b.end();
            }
            if (trail.start() > start) {
                spans.add(new Span(start, trail.start()));
            }
        }
        return new NegationScope(text, spans);
    }

    /** True when the stretch [from, to) lies wholly inside a negated stretch. */
    public boolean negated(int from, int to) {
        for (Span s : spans) {
            if (s.covers(from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first words the matcher finds outside a negation ("not in Rust, in Go" finds Go), or empty: what a brief
     * says it wants, as opposed to what it rules out.
     */
    public Optional<String> firstOutside(Matcher m) {
        while (m.find()) {
            if (!negated(m.start(), m.end())) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** True when the text [from, to) itself holds a cue: a pattern that reads the negation itself. */
    public boolean containsCue(int from, int to) {
        String part = text.substring(from, to);
        return LEADING.matcher(part).find() || TRAILING.matcher(part).find();
    }

    public List<Span> spans() {
        return spans;
    }
}
