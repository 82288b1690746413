package dev.rustengineer.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The crates generated projects use, each pinned at a version checked against the crates registry.
 *
 * @param checked the day the versions were checked
 * @param msrv the minimum Rust version the set needs (the highest rust-version among them)
 */
public record CrateCatalogue(String source, String checked, String msrv, Map<String, Crate> crates) {

    /**
     * One pinned crate.
     *
     * @param features the cargo features generated projects enable (for sqlx, besides the database driver, which
     *     each variant adds: `sqlite` or `postgres`)
     * @param defaultFeatures whether the crate's default features stay on
     */
    public record Crate(String name, String version, List<String> features, boolean defaultFeatures, String why) {
        public Crate {
            features = List.copyOf(features);
        }
    }

    public String version(String crate) {
        Crate c = crates.get(crate);
        if (c == null) {
            throw new IllegalStateException("crate '" + crate + "' is not in knowledge/crates.yaml");
        }
        return c.version();
    }
}
