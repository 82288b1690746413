pub fn production(text: &str, o: Option<u32>) -> u32 {
    let a: u32 = text.parse().unwrap();
    let b = text.parse::<u32>().expect("digits");
    let c = o.unwrap_or(0) + o.unwrap_or_default() + o.unwrap_or_else(|| 1) + o.unwrap();
    println!("{}", text.parse::<u32>().unwrap());
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
