pub fn production(x: Option<u32>, y: Result<u32, String>) -> u32 {
    let a = x.unwrap();
    let b = y.expect("y is set");
    let c = x.unwrap_or(0) + x.unwrap_or_default() + x.unwrap_or_else(|| 1);
    println!("{}", x.unwrap());
    a + b + c
}

#[cfg(test)]
mod tests {
    #[test]
    fn in_tests() {
        assert_eq!(Some(1).unwrap(), 1);
    }
}

#[test]
fn a_test_fn() {
    Some(2).expect("two");
}

#[tokio::test]
async fn an_async_test() {
    Some(3).unwrap();
}
