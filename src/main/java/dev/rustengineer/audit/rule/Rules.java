package dev.rustengineer.audit.rule;

import java.util.List;

/** Every per-file rule, one instance each (rules hold no state). The workspace rules live in the Auditor. */
public final class Rules {
    private static final List<Rule> ALL = List.of(new UnsafeBlockRule(), new UndocumentedUnsafeRule(), new UnsafeFnRule(),
            new UnsafeImplRule(), new UnsafeTraitRule(), new TransmuteRule(), new FfiBoundaryRule(), new CustomExecutorRule(),
            new ManualFutureRule(), new ComplexLifetimesRule(), new BlockingInAsyncRule(), new LockAcrossAwaitRule(),
            new UnwrapInProductionRule(), new QueryInLoopRule(), new ParseErrorRule(), new NonUtf8Rule());

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }
}
