package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransmuteRuleTest {
    @TempDir
    Path dir;

    @Test
    void stdTransmuteAndTransmuteCopyFireButOtherCratesFunctionsDoNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::mem;
                pub unsafe fn f(x: u32) -> f32 {
                    let a: f32 = std::mem::transmute(x); // fires
                    let b = core::mem::transmute::<u32, f32>(x); // fires
                    let c: f32 = mem::transmute_copy(&x); // fires
                    let d: [u8; 4] = zerocopy::transmute!(x);
                    let e = bytemuck::cast::<u32, f32>(x);
                    a + b + c + e
                }
                mod glob {
                    use std::mem::*;
                    pub unsafe fn g(x: u32) -> f32 { transmute(x) } // fires
                }
                """).firesOnMarkedLines("transmute");
    }
}
