package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfiBoundaryRuleTest {
    @TempDir
    Path dir;

    @Test
    void externBlocksExternFnsAndFixedSymbolExportsFireOncePerItem() {
        new RuleFixture(dir).file("src/lib.rs", """
                extern "C" { // fires
                    fn abs(x: i32) -> i32;
                }
                #[no_mangle]
                pub extern "C" fn exported() -> u32 { 7 } // fires
                #[unsafe(no_mangle)]
                pub static VERSION: u32 = 1; // fires
                #[export_name = "rs_add"]
                pub fn add(a: u32, b: u32) -> u32 { a + b } // fires
                pub extern "Rust" fn rust_abi() {}
                macro_rules! extern_c {
                    ($(fn $name:ident();)*) => {
                        extern "C-unwind" { $(fn $name();)* } // fires
                    };
                    ($name:ident) => {
                        extern "C" fn $name() {} // fires
                    };
                }
                pub fn plain() {}
                """).firesOnMarkedLines("ffi-boundary");
    }
}
