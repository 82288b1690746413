package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeImplRuleTest {
    @TempDir
    Path dir;

    @Test
    void unsafeImplsFireInCodeItemMacrosAndMacroExpansions() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub struct Token(*mut u8);
                unsafe impl Send for Token {} // fires
                impl Clone for Token { fn clone(&self) -> Self { Token(self.0) } }
                cfg_rt! {
                    unsafe impl Sync for Token {} // fires
                }
                macro_rules! send {
                    ($t:ty) => { unsafe impl Send for $t {} }; // fires
                }
                """).firesOnMarkedLines("unsafe-impl");
    }
}
