package dev.rustengineer.audit.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockAcrossAwaitRuleTest {
    @TempDir
    Path dir;

    @Test
    void aHeldSyncGuardAtAnAwaitFiresButTemporariesDroppedGuardsAndAsyncLocksDoNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::sync::{Mutex, RwLock};
                pub async fn held(m: &Mutex<u8>) {
                    let guard = m.lock().unwrap(); // fires
                    tokio::task::yield_now().await;
                }
                pub async fn underscore_named_holds(m: &Mutex<u8>) {
                    let _guard = m.lock().unwrap(); // fires
                    tokio::task::yield_now().await;
                }
                pub async fn read_guard(l: &RwLock<u8>) {
                    let r = l.read().unwrap(); // fires
                    tokio::task::yield_now().await;
                }
                pub async fn temporary(m: &Mutex<Vec<u8>>) {
                    let copy = m.lock().unwrap().clone();
                    let _ = m.lock();
                    tokio::task::yield_now().await;
                }
                pub async fn dropped(m: &Mutex<u8>) {
                    let guard = m.lock().unwrap();
                    drop(guard);
                    tokio::task::yield_now().await;
                }
                pub async fn scoped(m: &Mutex<u8>) {
                    {
                        let guard = m.lock().unwrap();
                    }
                    tokio::task::yield_now().await;
                }
                pub async fn spawned(m: &Mutex<u8>) {
                    let guard = m.lock().unwrap();
                    tokio::spawn(async { tokio::task::yield_now().await });
                }
                pub async fn async_mutex(m: &tokio::sync::Mutex<u8>) {
                    let guard = m.lock().await;
                    tokio::task::yield_now().await;
                }
                pub async fn recovered_from_poison(m: &Mutex<u8>) {
                    let guard = m.lock().unwrap_or_else(std::sync::PoisonError::into_inner); // fires
                    tokio::task::yield_now().await;
                }
                pub async fn match_scrutinee(m: &Mutex<Vec<u8>>) {
                    match m.lock().unwrap().first().copied() { // fires
                        Some(_) => tokio::task::yield_now().await,
                        None => {}
                    }
                    if let Some(_) = m.lock().unwrap().last() { // fires
                        tokio::task::yield_now().await;
                    }
                    let last = m.lock().unwrap().last().copied();
                    if let Some(_) = last {
                        tokio::task::yield_now().await;
                    }
                    if m.lock().unwrap().is_empty() {
                        tokio::task::yield_now().await;
                    }
                    match m.lock().unwrap().len() {
                        0 => {}
                        _ => tokio::spawn(async { tokio::task::yield_now().await }).abort(),
                    }
                }
                pub async fn async_scrutinee(m: &tokio::sync::Mutex<Vec<u8>>) {
                    if let Some(_) = m.lock().await.first() {
                        tokio::task::yield_now().await;
                    }
                }
                pub fn not_async(m: &Mutex<u8>) {
                    let guard = m.lock().unwrap();
                }
                pub fn borrowed_by_a_blocked_on_block(m: &Mutex<Vec<u8>>) {
                    let mut cache = m.lock().expect("not poisoned"); // fires
                    futures::executor::block_on(async {
                        cache.push(connect().await);
                    });
                }
                """).firesOnMarkedLines("lock-across-await");
    }

    @Test
    void inTestCodeAHeldGuardIsStillReportedAtInfo() {
        RuleFixture fixture = new RuleFixture(dir).file("tests/ui.rs", """
                use std::sync::Mutex;
                async fn f() {}
                #[tokio::test]
                async fn holds() {
                    let m = Mutex::new(());
                    let _guard = m.lock().unwrap(); // fires
                    f().await;
                }
                """);
        fixture.firesOnMarkedLines("lock-across-await");
        assertThat(fixture.findings("lock-across-await")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("(test code)");
        });
    }
}
