package dev.rustengineer.knowledge;

import java.util.Map;

/**
 * The crates generated projects use, each pinned at a version checked against the crates registry.
 *
 * @param checked the day the versions were checked
 * @param msrv the minimum Rust version the set needs (the highest rust-version among them)
 */
public record CrateCatalogue(String source, String checked, String msrv, Map<String, Crate> crates) {

    /**
     * One pinned crate; which features a project enables is its template set's business (manifest.yaml).
     */
    public record Crate(String name, String version, String why) {}

    public String version(String crate) {
        Crate c = crates.get(crate);
        if (c == null) {
            throw new IllegalStateException("crate '" + crate + "' is not in knowledge/crates.yaml");
        }
        return c.version();
    }
}
