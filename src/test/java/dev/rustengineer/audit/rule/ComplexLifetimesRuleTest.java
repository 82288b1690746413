package dev.rustengineer.audit.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplexLifetimesRuleTest {
    @TempDir
    Path dir;

    @Test
    void severalLifetimesWithALifetimeBoundOrAHigherRankedBoundFire() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn walk<'a, 'de, V: Visitor<'de>>(v: &'a V, s: &'de str) {} // fires
                pub struct Parser<'a, 'b, T> // fires
                where
                    T: Visitor<'b>,
                {
                    input: &'a str,
                    seed: &'b T,
                }
                pub trait Apply {
                    fn apply<F>(f: F) where F: for<'x> Fn(&'x str) -> &'x str; // fires
                }
                pub fn pick<'a, 'b>(a: &'a str, _b: &'b str) -> &'a str { a }
                pub struct Wrapper<'a, 'b: 'a, T: AsRef<[u8]> + 'b> { a: &'a T, b: &'b T }
                impl<'de: 'a, 'a> Deserialize<'de> for &'a str {} // fires
                pub struct Json<'a, N>(&'a N) where N: for<'w> FormatFields<'w>; // fires
                macro_rules! transform {
                    () => {
                        fn transform_mut<F>(&mut self, f: F) // fires
                        where
                            F: 'static + for<'b> FnOnce(&'b mut Self::Output);
                    };
                }
                pub fn one<'a, T: Visitor<'a>>(t: &T, s: &'a str) {}
                """).firesOnMarkedLines("complex-lifetimes");
    }

    @Test
    void deserializeOwnedSpelledOutIsNotAHigherRankedBound() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub async fn read<T: for<'de> serde::Deserialize<'de>>(q: &str) -> Option<T> { None }
                pub async fn read_with<'c, E: sqlx::Executor<'c>, T: for<'de> Deserialize<'de>>(e: E) -> Option<T> { None }
                pub fn call<F: for<'a> Fn(&'a str) -> &'a str>(f: F) {} // fires
                pub struct Cache<T> where T: for<'x> Deserialize<'x> { items: Vec<T> }
                """).firesOnMarkedLines("complex-lifetimes");
    }

    @Test
    void countsOnlyTheGenericsOwnLifetimes() {
        assertThat(ComplexLifetimesRule.lifetimeParameters("<'a, 'de: 'a, V: Visitor<'de>>")).isEqualTo(2);
        assertThat(ComplexLifetimesRule.lifetimeParameters("<T: Fn(&'static str)>")).isZero();
    }

    @Test
    void anImplThatOnlyPassesATraitsLifetimesThroughIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub trait Extract<'a, 'c> { fn extract(s: &'a str, t: &'c str) -> Self; }
                impl<'a, 'c> Extract<'a, 'c> for usize { fn extract(_: &'a str, _: &'c str) -> Self { 0 } }
                impl<'a, 'c> Extract<'a, 'c> for Vec<std::borrow::Cow<'a, str>> { // fires
                    fn extract(s: &'a str, _: &'c str) -> Self { vec![s.into()] }
                }
                impl<'a: 'c, 'c> Extract<'a, 'c> for String { fn extract(s: &'a str, _: &'c str) -> Self { s.into() } } // fires
                """).firesOnMarkedLines("complex-lifetimes");
    }

    @Test
    void lifetimesEachLocalToOneBoundAreIndependentButABoundWhoseLifetimeIsUsedAgainTies() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub trait Admin {
                    fn add_role_to_user<'user, 'group, U: Nameable<'user, u64> + Send, G: Nameable<'group, u64> + Send>(
                        &self, user: U, role: G) -> Result<(), Error>;
                }
                pub async fn read_batch<'c, 'q, E: sqlx::Executor<'c, Database = Postgres>>(
                    query: Query<'q, Postgres>, queue: &'q str, executor: E) {}
                pub fn visit<'a, 'de, V: Visitor<'de>>(v: V, input: &'de str, out: &'a mut String) {} // fires
                pub fn both<'a, 'b, F>(f: F) where F: Fn(&'a str) -> &'b str {} // fires
                pub struct Listener<St, Sf> {
                    pub state: St,
                    /// Must implement `for<'a> FnMut(&'a mut St) -> impl Stream + 'a`.
                    pub stream: Sf,
                }
                """).firesOnMarkedLines("complex-lifetimes");
    }
}
