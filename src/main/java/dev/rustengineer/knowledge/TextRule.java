package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Field;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A deterministic reading of free text: when {@code pattern} matches (and {@code unless} does not), each
 * assignment sets or adds a field; when it matches only inside a negation's scope, {@code negated} is set instead.
 * A {@code fallback} rule is read only after the learned reader, and only when it could not tell what the job is:
 * it is no feature of the learned reader, so adding one changes no other brief's reading. An {@code afterModel} rule
 * is read after the learned reader whatever it found: a statement the learned job must not outvote (the work's own
 * language stated as a constraint, "it has to be Node.js too"); it is no feature of the learned reader either.
 * A {@code mention} rule reads a language from words that mention it ("in Python", "our Node codebase") rather than
 * state it as the work's: what it sets yields to a confident learned reading of the job as Rust's, since a brief
 * names the language it replaces, the code that calls the work and the platform it runs beside in the same words.
 */
public record TextRule(String id, Pattern pattern, Pattern unless, List<Assignment> assignments, List<Assignment> negated,
        boolean fallback, boolean afterModel, boolean mention) {

    /** Whether the rule is read with the others, before the learned reader, and is one of its features. */
    public boolean feature() {
        return !fallback && !afterModel;
    }

    public record Assignment(Field field, Value value, boolean add) {}

    /** How an assignment's value is read: a literal, or from the match's capture groups. */
    public sealed interface Value {
        record Literal(Object value) implements Value {}

        /** The text of capture group {@code group}. */
        record Capture(int group) implements Value {}

        /** A duration: the number in {@code numberGroup} in the unit of {@code unitGroup}, in whole milliseconds. */
        record DurationMs(int numberGroup, int unitGroup) implements Value {}

        /** A count written as digits or a word ("twelve", "a dozen"). */
        record Count(int group) implements Value {}
    }
}
