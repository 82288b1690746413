package dev.rustengineer.catalogue;

import org.semver4j.Semver;

/**
 * One published version of a crate, as the registry's index lists it.
 *
 * @param rustVersion the minimum Rust version the release declares ({@code rust-version}); null when it declares none
 */
public record Release(Semver version, boolean yanked, Semver rustVersion) {}
