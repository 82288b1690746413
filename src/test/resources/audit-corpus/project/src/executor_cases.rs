use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Wake, Waker};

struct Flag;

impl Wake for Flag {
    fn wake(self: Arc<Self>) {}
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);

unsafe fn clone(_: *const ()) -> RawWaker {
    RawWaker::new(std::ptr::null(), &VTABLE)
}

unsafe fn noop(_: *const ()) {}

pub struct Ready;

impl Future for Ready {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

pub fn waker() -> Waker {
    Arc::new(Flag).into()
}
