package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeTraitRuleTest {
    @TempDir
    Path dir;

    @Test
    void unsafeTraitsFire() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub unsafe trait Zeroable {} // fires
                pub(crate) unsafe trait Pod {} // fires
                pub trait Safe { unsafe fn f(&self); }
                """).firesOnMarkedLines("unsafe-trait");
    }
}
