pub fn fine() -> u32 {
    1
}

pub fn broken( -> {
    unsafe { 2 }
}

pub fn also_fine() -> u32 {
    3
}
