package dev.rustengineer.cli;

import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One CLI flag per brief field, generated from the {@link Field} schema so flags, files and JSON can never
 * disagree about names or values. Booleans are negatable ({@code --go-or-node-ok} / {@code --no-go-or-node-ok}).
 */
final class BriefFlags {
    private BriefFlags() {}

    static CommandLine addTo(CommandLine cmd) {
        for (Field f : Field.values()) {
            OptionSpec.Builder o = OptionSpec.builder(f.flag()).description(f.question()).paramLabel(label(f));
            switch (f.type()) {
                case FieldType.Bool b -> o.type(Boolean.class).negatable(true).arity("0");
                case FieldType.Int i -> o.type(Integer.class);
                case FieldType.OneOf one -> o.type(String.class).completionCandidates(one.values());
                case FieldType.SetOf set -> o.type(String.class).completionCandidates(set.values());
                case FieldType.Text t -> o.type(String.class);
            }
            cmd.getCommandSpec().addOption(o.build());
        }
        return cmd;
    }

    private static String label(Field f) {
        return switch (f.type()) {
            case FieldType.Int i -> "N";
            case FieldType.OneOf o -> String.join("|", o.values());
            case FieldType.SetOf s -> "A,B,..";
            default -> "";
        };
    }

    /** The brief the flags state, each value with the flag that set it as evidence. */
    static Brief read(CommandLine.ParseResult parsed) {
        Brief.Builder b = Brief.builder();
        for (Field f : Field.values()) {
            if (parsed.hasMatchedOption(f.flag())) {
                Object v = parsed.matchedOptionValue(f.flag(), null);
                b.set(f, v, Evidence.flag(f.flag()));
            }
        }
        return b.build();
    }

    static boolean any(CommandLine.ParseResult parsed) {
        for (Field f : Field.values()) {
            if (parsed.hasMatchedOption(f.flag())) {
                return true;
            }
        }
        return false;
    }
}
