pub fn latin1() -> &'static str {
    "café"
}
