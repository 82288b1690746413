package dev.rustengineer.generate;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.brief.Brief;
import java.util.List;

/** Blueprints the tests generate, made the way `new` makes them, and every combination the template sets offer. */
public final class Projects {
    private Projects() {}

    static Blueprint blueprint(String name, String briefText, String db, String resource) {
        return plan(briefText, new NewOptions(name, null, null, db, null, List.of(), resource, false));
    }

    public static Blueprint plan(String briefText, NewOptions options) {
        RustEngineer re = RustEngineer.shared();
        Brief brief = re.readText(briefText);
        Plan plan = re.plan(brief, options);
        return ((Plan.Generate) plan).blueprint();
    }

    static GeneratedProject formatted(Blueprint b) {
        RustEngineer re = RustEngineer.shared();
        return re.writer().formatted(re.generate(b));
    }

    /**
     * One offered combination (see {@link Combination}, which names and briefs it the same way for the tests and
     * for `catalogue refresh`).
     */
    public record Variant(Offer offer, String db, String dbLayer, List<String> with) {
        public Combination combination() {
            return new Combination(offer, db, dbLayer, with);
        }

        public String id() {
            return combination().id();
        }

        public String name() {
            return combination().name();
        }

        /** The resource the generated project manages. */
        public String resource() {
            return combination().resource();
        }

        public String brief() {
            return combination().brief();
        }

        /** The `new` arguments after the name that generate this variant. */
        public List<String> newArguments() {
            return combination().newArguments();
        }

        public Blueprint blueprint() {
            return plan(brief(), combination().options(name()));
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Every combination the template sets offer (each engine x layer, plus each optional feature alone). */
    public static List<Variant> variants() {
        return Combination.all(RustEngineer.shared().offers()).stream()
                .map(c -> new Variant(c.offer(), c.db(), c.dbLayer(), c.with())).toList();
    }

    /**
     * The variants of the given kind that an integration test runs; `-Dit.sets=a,b` keeps only those sets (for
     * working on one set), `-Dit.variants=id,...` only those variant ids.
     */
    public static List<Variant> variantsToRun(ProjectKind kind) {
        List<String> sets = listProperty("it.sets");
        List<String> ids = listProperty("it.variants");
        return variants().stream().filter(v -> v.offer().kind() == kind)
                .filter(v -> sets.isEmpty() || sets.contains(v.offer().set()))
                .filter(v -> ids.isEmpty() || ids.contains(v.id())).toList();
    }

    private static List<String> listProperty(String name) {
        String v = System.getProperty(name, "").strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s*,\\s*"));
    }
}
