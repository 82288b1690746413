package dev.rustengineer.catalogue;

/**
 * A recorded Cargo.lock that no longer satisfies a version the catalogue now pins for a crate its combination
 * declares: `cargo build --locked` (the generated Dockerfile and CI) would refuse it until it is recorded again.
 *
 * @param locked the version the lock resolved, null when the lock does not list the crate at all
 */
public record StaleLock(String combination, String crate, String locked, String pinned) {}
