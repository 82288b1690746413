package dev.rustengineer.audit.scope;

/** What a piece of code is for: each rule's policy (rules.yaml `tests:`, `build:`) says what happens outside production. */
public enum CodeKind {
    PRODUCTION, TEST, BUILD_SCRIPT
}
