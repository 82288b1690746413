package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualFutureRuleTest {
    @TempDir
    Path dir;

    @Test
    void handWrittenFuturesFireAlsoInsideItemMacros() {
        new RuleFixture(dir).file("src/lib.rs", """
                impl Future for Ready { // fires
                    type Output = ();
                    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> { Poll::Ready(()) }
                }
                impl<F: std::future::Future> std::future::Future for Wrapped<F> { // fires
                    type Output = F::Output;
                    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> { todo!() }
                }
                impl Stream for Ticks {
                    type Item = ();
                    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> { Poll::Ready(None) }
                }
                cfg_rt! {
                    impl Future for JoinAll { // fires
                        type Output = ();
                        fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> { Poll::Ready(()) }
                    }
                }
                macro_rules! reader {
                    ($name:ident) => {
                        impl<R: AsyncRead> Future for $name<R> { // fires
                            type Output = ();
                            fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> { Poll::Ready(()) }
                        }
                        impl<R> $name<R> { fn new() {} }
                    };
                }
                pin_project_lite::pin_project! {
                    pub struct Timed<F> { #[pin] inner: F }
                }
                """).firesOnMarkedLines("manual-future");
    }
}
