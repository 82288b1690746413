package dev.rustengineer.audit.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one notion of test code, seen through two policies: unwrap-in-production drops findings in test code and
 * build scripts, unsafe-block keeps them at info.
 */
class TestScopeTest {
    @TempDir
    Path dir;

    @Test
    void inlineTestModulesAndTestFunctionsOfEveryFrameworkAreTestCode() {
        RuleFixture f = new RuleFixture(dir).file("src/lib.rs", """
                pub fn prod(x: Option<u8>) -> u8 {
                    x.unwrap() // fires
                }
                #[cfg(test)]
                mod tests {
                    fn helper(o: Option<u8>) -> u8 { o.unwrap() }
                }
                #[cfg(all(test, unix))]
                fn unix_only_test_helper(o: Option<u8>) { o.unwrap(); }
                #[cfg(any(test, feature = "serde"))]
                pub fn shipped_with_a_feature(o: Option<u8>) { o.unwrap(); } // fires
                #[cfg(not(test))]
                pub fn not_test(o: Option<u8>) { o.unwrap(); } // fires
                #[test]
                fn plain(o: Option<u8>) { o.unwrap(); }
                #[tokio::test]
                async fn tokio_test(o: Option<u8>) { o.unwrap(); }
                #[rstest]
                fn with_rstest(o: Option<u8>) { o.unwrap(); }
                #[test_case(1)]
                fn with_test_case(o: Option<u8>) { o.unwrap(); }
                #[bench]
                fn bench(o: Option<u8>) { o.unwrap(); }
                mod tests_without_cfg {
                }
                mod test {
                    fn helper_of_tests(o: Option<u8>) -> u8 { o.unwrap() }
                    #[test]
                    fn t() { helper_of_tests(None); }
                }
                proptest! {
                    fn prop(o in any::<Option<u8>>()) { o.unwrap(); }
                }
                """);
        f.firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void aCfgTestModuleDeclaredInAnotherFileMakesThatFileAndItsModulesTestCode() {
        RuleFixture f = new RuleFixture(dir)
                .file("src/lib.rs", """
                        pub mod net;
                        #[cfg(test)]
                        mod tests;
                        """)
                .file("src/tests.rs", """
                        mod helpers;
                        fn t(o: Option<u8>) { o.unwrap(); }
                        """)
                .file("src/tests/helpers.rs", "pub fn h(o: Option<u8>) { o.unwrap(); }\n")
                .file("src/net.rs", """
                        #[cfg(test)]
                        mod test;
                        pub fn connect(o: Option<u8>) { o.unwrap(); } // fires
                        """)
                .file("src/net/test.rs", "fn t(o: Option<u8>) { o.unwrap(); }\n")
                .file("src/other.rs", "pub fn not_declared_by_a_test_module(o: Option<u8>) { o.unwrap(); } // fires\n");
        f.firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void testDirectoriesAndCfgTestFilesAreTestCode() {
        RuleFixture f = new RuleFixture(dir)
                .file("tests/it.rs", "fn t(o: Option<u8>) { o.unwrap(); }\n")
                .file("benches/b.rs", "fn b(o: Option<u8>) { o.unwrap(); }\n")
                .file("examples/e.rs", "fn main() { std::env::args().next().unwrap(); }\n")
                .file("src/only_in_tests.rs", "#![cfg(test)]\nfn t(o: Option<u8>) { o.unwrap(); }\n")
                .file("src/main.rs", "fn main() { std::env::args().next().unwrap(); } // fires\n");
        f.firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void codeBehindATestSupportFeatureIsTestCode() {
        RuleFixture f = new RuleFixture(dir)
                .file("src/lib.rs", """
                        #[cfg(feature = "testing")]
                        pub mod tests_cfg;
                        #[cfg(any(test, feature = "test-util"))]
                        pub fn pause(o: Option<u8>) -> u8 { o.unwrap() }
                        #[cfg(feature = "tls")]
                        pub fn tls(o: Option<u8>) -> u8 { o.unwrap() } // fires
                        """)
                .file("src/tests_cfg.rs", "pub fn seed(o: Option<u8>) -> u8 { o.unwrap() }\n");
        f.firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void buildScriptsAreTheirOwnCategory() {
        RuleFixture f = new RuleFixture(dir)
                .file("build.rs", "fn main() { std::env::var(\"OUT_DIR\").unwrap(); let _ = unsafe { 1 }; }\n")
                .file("src/build.rs", "pub fn not_the_build_script(o: Option<u8>) { o.unwrap(); } // fires\n");
        f.firesOnMarkedLines("unwrap-in-production");
        assertThat(f.findings("unsafe-block")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).endsWith("(build script)");
        });
    }

    @Test
    void unsafeInTestCodeIsKeptAtInfoWithoutEscalation() {
        RuleFixture f = new RuleFixture(dir).file("src/lib.rs", """
                pub fn prod(p: *const u8) -> u8 { unsafe { *p } }
                #[cfg(test)]
                mod tests {
                    fn t(p: *const u8) -> u8 { unsafe { *p } }
                }
                """);
        assertThat(f.findings("undocumented-unsafe")).extracting(Finding::line, Finding::severity, Finding::escalation)
                .containsExactly(tuple(1, Severity.MEDIUM, "unsafe-performance"),
                        tuple(4, Severity.INFO, null));
    }
}
