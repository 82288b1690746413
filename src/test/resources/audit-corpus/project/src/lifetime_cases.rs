pub trait Visitor<'de> {
    fn visit(&self, s: &'de str);
}

// Two lifetimes and a bound that mentions one: flagged.
pub fn walk<'a, 'de, V: Visitor<'de>>(v: &'a V, s: &'de str) {
    v.visit(s)
}

// Two lifetimes, bound in a where clause: flagged.
pub struct Parser<'a, 'b, T>
where
    T: Visitor<'b>,
{
    input: &'a str,
    visitor: &'b T,
}

// A higher-ranked bound: flagged.
pub fn apply<F>(f: F)
where
    F: for<'x> Fn(&'x str) -> &'x str,
{
    let _ = f("x");
}

// Two lifetimes, no bounds: not flagged.
pub fn pick<'a, 'b>(a: &'a str, _b: &'b str) -> &'a str {
    a
}

// One lifetime with a bound: not flagged.
pub fn one<'a, T: Visitor<'a>>(t: &T, s: &'a str) {
    t.visit(s)
}
