package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;

/**
 * One audit rule: it reads one file through its {@link FileContext} and reports what it finds. Whether a finding
 * in test code or a build script is kept, lowered or dropped, and how generated files are summarised, is decided
 * once for every rule outside it (rules.yaml `tests:`/`build:`), so a rule only says where its pattern is.
 * A rule is switched off with `enabled: false` in rules.yaml or {@code AuditRules.withDisabled}.
 */
public sealed interface Rule permits UnsafeBlockRule, UndocumentedUnsafeRule, UnsafeFnRule, UnsafeImplRule, UnsafeTraitRule,
        TransmuteRule, FfiBoundaryRule, CustomExecutorRule, ManualFutureRule, ComplexLifetimesRule, BlockingInAsyncRule,
        LockAcrossAwaitRule, UnwrapInProductionRule, QueryInLoopRule, ParseErrorRule, NonUtf8Rule {

    /** The rule's id in rules.yaml (part of the JSON and SARIF contract). */
    String id();

    void check(FileContext file, Report report);
}
