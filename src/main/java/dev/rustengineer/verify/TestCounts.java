package dev.rustengineer.verify;

/**
 * What the test harness counted, summed over every test binary cargo ran (unit, integration and doc tests),
 * read from its "test result:" lines.
 */
public record TestCounts(int passed, int failed, int ignored, int measured, int filteredOut) {
    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0, 0);

    TestCounts plus(TestCounts o) {
        return new TestCounts(passed + o.passed, failed + o.failed, ignored + o.ignored, measured + o.measured,
                filteredOut + o.filteredOut);
    }

    public int total() {
        return passed + failed + ignored;
    }
}
