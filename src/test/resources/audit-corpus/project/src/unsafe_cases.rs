// Strings and comments never count: "unsafe { }" and unsafe { transmute(x) } here are text.
/* unsafe { } in a block comment, /* nested unsafe { } */ still a comment */
pub fn strings() -> (&'static str, &'static [u8], char, &'static str) {
    ("unsafe { x }", b"unsafe {", '{', r#"unsafe { "quoted" } .unwrap()"#)
}

pub fn documented(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}

pub fn undocumented(p: *const u8) -> u8 {
    unsafe { *p }
}

pub fn same_line(p: *const u8) -> u8 {
    unsafe { *p } // SAFETY: the caller passes a valid pointer
}

/// # Safety
/// `p` must be valid.
pub unsafe fn raw(p: *const u8) -> u8 {
    // SAFETY: forwarded from our own contract.
    unsafe { *p }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn exported(x: u32) -> u32 {
    x
}

unsafe extern "C" {
    pub safe fn labs(x: i64) -> i64;
    pub unsafe fn free(p: *mut u8);
}

extern "C" {
    fn abs(x: i32) -> i32;
}

#[unsafe(no_mangle)]
pub extern "C" fn plain_export() -> u32 {
    7
}

pub struct Token(*mut u8);
// SAFETY: Token owns its pointer exclusively.
unsafe impl Send for Token {}
pub unsafe trait Zeroable {}

pub fn transmutes(x: u32) -> f32 {
    let a: f32 = unsafe { std::mem::transmute(x) };
    let b = unsafe { core::mem::transmute::<u32, f32>(x) };
    a + b
}

use std::mem;
pub fn transmute_imported(x: u32) -> i32 {
    // SAFETY: u32 and i32 have the same size.
    unsafe { mem::transmute(x) }
}

macro_rules! read_ptr {
    ($p:expr) => {
        unsafe { *$p }
    };
}

thread_local! {
    static SEED: u8 = unsafe { 0 };
}

pub fn chars_and_lifetimes<'a>(s: &'a str) -> (char, char, &'a str) {
    let q = '\'';
    let b = '{';
    (q, b, s)
}
