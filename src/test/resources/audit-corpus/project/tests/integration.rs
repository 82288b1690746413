#[test]
fn unwrap_is_fine_here() {
    Some(1).unwrap();
}
