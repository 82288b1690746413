package dev.rustengineer.generate;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.brief.Brief;
import java.util.List;

/** Blueprints the tests generate, made the way `new` makes them. */
final class Projects {
    private Projects() {}

    static Blueprint blueprint(String name, String briefText, String db, String resource) {
        RustEngineer re = RustEngineer.shared();
        Brief brief = re.readText(briefText);
        Plan plan = re.plan(brief, new NewOptions(name, null, db, null, List.of(), resource, false));
        return ((Plan.Generate) plan).blueprint();
    }

    static GeneratedProject formatted(Blueprint b) {
        RustEngineer re = RustEngineer.shared();
        return re.writer().formatted(re.generate(b));
    }
}
