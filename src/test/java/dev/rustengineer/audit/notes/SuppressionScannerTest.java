package dev.rustengineer.audit.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionScannerTest {

    @Test
    void aTrailingCommentCoversItsOwnLine() {
        List<Suppression> s = SuppressionScanner.scan("""
                fn a(x: Option<u8>) -> u8 {
                    x.unwrap() // rust-engineer: allow(unwrap-in-production) checked by the caller
                }
                """);
        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.column()).isEqualTo(16);
            assertThat(x.rules()).containsExactly("unwrap-in-production");
            assertThat(x.reason()).isEqualTo("checked by the caller");
            assertThat(x.firstLine()).isEqualTo(2);
            assertThat(x.lastLine()).isEqualTo(2);
        });
    }

    @Test
    void aCommentOnItsOwnLineCoversTheNextLineOfCodeAndStacks() {
        List<Suppression> s = SuppressionScanner.scan("""
                fn a() {
                    // rust-engineer: allow(blocking-in-async) - startup only
                    // rust-engineer: allow(unwrap-in-production): the file ships with the binary

                    std::fs::read("x").unwrap();
                    other();
                }
                """);
        assertThat(s).hasSize(2);
        assertThat(s).allSatisfy(x -> {
            assertThat(x.covers(5)).isTrue();
            assertThat(x.covers(6)).isFalse();
            assertThat(x.covers(1)).isFalse();
        });
        assertThat(s).extracting(Suppression::reason).containsExactly("startup only", "the file ships with the binary");
    }

    @Test
    void aboveAnAttributeBlockTheWholeItemIsCovered() {
        String text = """
                // rust-engineer: allow(unsafe-block, undocumented-unsafe) FFI glue, reviewed in #12
                #[inline]
                #[allow(dead_code)]
                pub fn c(p: *const u8) -> u8 {
                    let q = p;
                    unsafe { *q }
                }

                pub fn d(p: *const u8) -> u8 {
                    unsafe { *p }
                }
                """;
        Suppression s = SuppressionScanner.scan(text).getFirst();
        assertThat(s.rules()).containsExactly("unsafe-block", "undocumented-unsafe");
        assertThat(s.firstLine()).isEqualTo(1);
        assertThat(s.lastLine()).isEqualTo(7);
        assertThat(s.covers(6)).isTrue();
        assertThat(s.covers(10)).isFalse();
    }

    @Test
    void anAttributeOnAStatementCoversTheAttributesAndTheLineAfter() {
        String text = """
                fn f() {
                    // rust-engineer: allow(unwrap-in-production) the table is static
                    #[allow(clippy::all)]
                    let x = T.get(1).unwrap();
                    let y = T.get(2).unwrap();
                }
                """;
        Suppression s = SuppressionScanner.scan(text).getFirst();
        assertThat(s.covers(4)).isTrue();
        assertThat(s.covers(5)).isFalse();
    }

    @Test
    void missingReasonsAndMalformedDirectivesAreKeptForTheGateToReport() {
        List<Suppression> s = SuppressionScanner.scan("""
                // rust-engineer: allow(transmute)
                // rust-engineer: allow(transmute) -
                // rust-engineer: alow(transmute) typo
                // rust-engineer: allow() nothing
                """);
        assertThat(s).hasSize(4);
        assertThat(s.get(0).wellFormed()).isTrue();
        assertThat(s.get(0).hasReason()).isFalse();
        assertThat(s.get(1).hasReason()).as("a separator alone is no reason").isFalse();
        assertThat(s.get(2).wellFormed()).isFalse();
        assertThat(s.get(3).wellFormed()).isFalse();
    }

    @Test
    void theMarkerInsideAStringIsNotADirective() {
        assertThat(SuppressionScanner.scan("let s = \"// rust-engineer: allow(transmute) no\";\n")).isEmpty();
        assertThat(SuppressionScanner.scan("let c = '\"'; x.unwrap(); // rust-engineer: allow(unwrap-in-production) ok\n")).hasSize(1);
        assertThat(SuppressionScanner.insideString("let s = \"a\\\"b // x", 16)).isTrue();
    }

    @Test
    void theByteScanFindsTheMarkerOrNot() {
        assertThat(SuppressionScanner.mentionsMarker("x // rust-engineer: allow(a) b".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(SuppressionScanner.mentionsMarker("x // rust-engineer allow(a) b".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(SuppressionScanner.mentionsMarker(new byte[0])).isFalse();
    }
}
