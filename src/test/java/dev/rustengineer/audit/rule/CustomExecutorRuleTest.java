package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomExecutorRuleTest {
    @TempDir
    Path dir;

    @Test
    void wakersVtablesAndHandWrittenBlockOnLoopsFireButNotInTests() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::task::{Context, Poll, RawWakerVTable, Wake, Waker};
                use std::sync::Arc;
                struct Flag;
                impl Wake for Flag { fn wake(self: Arc<Self>) {} } // fires
                static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop); // fires
                pub fn run<F: Future>(mut fut: F) -> F::Output { // fires
                    let waker = Waker::from(Arc::new(Flag));
                    let mut cx = Context::from_waker(&waker);
                    let mut fut = std::pin::pin!(fut);
                    loop {
                        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                            return v;
                        }
                        std::thread::park();
                    }
                }
                pub fn block_on<F: Future>(fut: F) -> F::Output { // fires
                    let mut fut = std::pin::pin!(fut);
                    let mut cx = Context::from_waker(Waker::noop());
                    match fut.as_mut().poll(&mut cx) { Poll::Ready(v) => v, Poll::Pending => panic!() }
                }
                fn run_executor<T, F: FnMut(&mut Context<'_>) -> Poll<T>>(mut f: F) -> T { // fires
                    NOTIFY.with(|notify| {
                        let waker = waker_ref(notify);
                        let mut cx = Context::from_waker(&waker);
                        loop {
                            if let Poll::Ready(t) = f(&mut cx) {
                                return t;
                            }
                            std::thread::park();
                        }
                    })
                }
                pub fn spins_without_parking(items: &mut Vec<u8>) {
                    loop { if items.pop().is_none() { break; } }
                }
                #[cfg(test)]
                mod tests {
                    struct Noop;
                    impl std::task::Wake for Noop { fn wake(self: std::sync::Arc<Self>) {} }
                }
                """).firesOnMarkedLines("custom-executor");
    }
}
