package dev.rustengineer.catalogue;

import dev.rustengineer.generate.TemplateSets;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.semver4j.Semver;

/**
 * For every crate of the catalogue, the newest release the registry has that generated projects can use: not
 * yanked, not a pre-release, and building on the catalogue's minimum Rust version (its own rust-version no
 * higher). Each proposal says whether cargo's caret range of the pinned version already admits it, and which
 * template sets declare the crate, so the maintainers know what to prove again.
 */
public final class CatalogueRefresh {
    private CatalogueRefresh() {}

    public static List<Proposal> propose(CrateCatalogue catalogue, TemplateSets sets, Function<String, List<Release>> index) {
        Semver msrv = Semver.coerce(catalogue.msrv());
        List<Proposal> proposals = new ArrayList<>();
        for (var crate : new TreeMap<>(catalogue.crates()).values()) {
            Semver pinned = Semver.coerce(crate.version());
            List<Release> usable = index.apply(crate.name()).stream().filter(r -> !r.yanked() && r.version().getPreRelease().isEmpty())
                    .sorted(Comparator.comparing(Release::version)).toList();
            Optional<Release> newest = usable.stream().filter(r -> r.rustVersion() == null || !r.rustVersion().isGreaterThan(msrv))
                    .reduce((a, b) -> b);
            Optional<Release> newestOfAll = usable.stream().reduce((a, b) -> b);
            Semver proposed = newest.map(Release::version).filter(v -> v.isGreaterThan(pinned)).orElse(pinned);
            Proposal.Change change = proposed.equals(pinned) ? Proposal.Change.NONE
                    : proposed.satisfies("^" + pinned.getVersion()) ? Proposal.Change.COMPATIBLE : Proposal.Change.BREAKING;
            String heldBack = newestOfAll.filter(r -> r.version().isGreaterThan(proposed))
                    .map(r -> r.version().getVersion() + " (needs Rust " + r.rustVersion().getVersion() + ")").orElse(null);
            proposals.add(new Proposal(crate.name(), crate.version(), proposed.equals(pinned) ? crate.version() : proposed.getVersion(),
                    change, heldBack, users(sets, crate.name())));
        }
        return List.copyOf(proposals);
    }

    /** The sets whose manifest declares the crate. */
    private static List<String> users(TemplateSets sets, String crate) {
        return sets.ids().stream().filter(id -> sets.get(id).crates().stream().anyMatch(c -> c.name().equals(crate))).toList();
    }
}
