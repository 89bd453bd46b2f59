//! The containment proof against brute force: on many small generated catalogs (a fixed seed,
//! so every run checks the same ones), "every form contains the needle" must be exactly what
//! listing every form and searching each says, and a witness must be one of the listed forms.

use std::collections::HashMap;

use placard_core::Limits;
use placard_fluent::contains::Verdict;
use placard_fluent::forms::{Formatter, Value};
use placard_fluent::{Catalog, ParsedFile};

/// xorshift64*: deterministic and dependency-free; quality does not matter here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.below(items.len())]
    }
}

const TEXTS: &[&str] = &["a", "b", "ab", "ba", "c", "x", "a b", "bb"];

/// A pattern for message `index` of `count`: text, selects over known and unknown variables,
/// references to later messages (so no cycles), a term with arguments, literals and numbers.
fn pattern(rng: &mut Rng, index: usize, count: usize, depth: usize) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(4) {
        let choice = if depth > 2 { rng.below(2) } else { rng.below(9) };
        match choice {
            0 | 1 => out.push_str(rng.pick(TEXTS)),
            2 | 8 => {
                let selector = rng.pick(&["$u", "$w", "$known", "$u", "NUMBER($n)", "-g.gender", "-g.none", "-t.alt"]);
                out.push_str(&format!("{{ {selector} ->\n"));
                let variants = 2 + rng.below(2);
                let keys = ["one", "yes", "other"];
                for (v, key) in keys.iter().enumerate().take(variants) {
                    let star = if v == variants - 1 { "*" } else { " " };
                    let body = pattern(rng, index, count, depth + 1);
                    out.push_str(&format!("  {star}[{key}] {body}\n"));
                }
                out.push('}');
            }
            3 if index + 1 < count => out.push_str(&format!("{{ m{} }}", index + 1 + rng.below(count - index - 1))),
            4 => out.push_str(&format!("{{ \"{}\" }}", rng.pick(TEXTS))),
            5 => out.push_str(rng.pick(&["{ $u }", "{ $known }", "{ 7 }"])),
            6 => out.push_str(rng.pick(&["{ -t }", "{ -t(case: \"x\") }", "{ -t(case: \"z\") }", "{ -t(case: 1) }"])),
            _ => out.push_str(rng.pick(&["{ -g }", "{ m-last }"])),
        }
        if rng.below(3) == 0 {
            out.push(' ');
        }
    }
    out
}

fn catalog_source(rng: &mut Rng) -> String {
    let count = 2 + rng.below(4);
    let mut source = String::from(
        "-t = { $case ->\n    [x] ab\n   *[y] b a\n}\n    .alt = x{ $u }\n-g = G\n    .gender = yes\nm-last = a\n",
    );
    for i in 0..count {
        source.push_str(&format!("m{i} = {}\n", pattern(rng, i, count, 0)));
    }
    source
}

/// What the brute force sees: a form's characters outside the inserted marks, normalised.
fn shows(form: &placard_fluent::forms::Form, needle: &str) -> bool {
    let visible: String = form.visible().chars().map(normalize).collect();
    let needle: String = needle.chars().map(normalize).collect();
    visible.contains(&needle)
}

/// Stands in for a caller's normalisation (placard-lint's no-break spaces).
fn normalize(c: char) -> char {
    if c == 'x' { 'a' } else { c }
}

#[test]
fn the_proof_agrees_with_listing_every_form() {
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let variables: HashMap<String, Value> =
        HashMap::from([("known".to_owned(), Value::String("yes".into())), ("n".to_owned(), Value::Number(1.0))]);
    let plural = |n: f64| Some(if n == 1.0 { "one" } else { "other" });
    let limits = Limits { forms: 1 << 16, ..Limits::default() };
    let (mut proven, mut missing, mut several) = (0, 0, 0);
    for case in 0..1000 {
        let source = catalog_source(&mut rng);
        let parsed = ParsedFile::parse(source.clone());
        assert!(
            parsed.problems().is_empty(),
            "case {case}: generated invalid Fluent:\n{source}\n{:?}",
            parsed.problems()
        );
        let catalog = Catalog::new([("gen.ftl", &parsed)]);
        let formatter = Formatter::new(&catalog, &variables).with_plural_rule(&plural).with_limits(limits);
        let pattern = catalog.lookup("m0").and_then(|e| e.value).expect("m0");
        let listed = formatter.forms(pattern);
        assert!(listed.complete(), "case {case}: small enough to list\n{source}");
        several += usize::from(listed.forms.len() > 8);
        for needle in ["ab", "aba", "b a", "ba b", "abab"] {
            let every = listed.forms.iter().all(|f| shows(f, needle));
            let proof = formatter.contains(pattern, needle, normalize);
            match proof.verdict {
                Verdict::Proven => {
                    assert!(every, "case {case}, {needle:?}: proven, but a listed form lacks it\n{source}");
                    proven += 1;
                }
                Verdict::Missing { witness, clipped } => {
                    assert!(!every, "case {case}, {needle:?}: every listed form has it\n{source}");
                    assert!(!clipped);
                    assert!(!shows(&witness, needle), "case {case}: the witness has the needle");
                    assert!(
                        listed.forms.iter().any(|f| f.text == witness.text && f.inserted == witness.inserted),
                        "case {case}, {needle:?}: witness {:?} is not a form\n{source}\n{:#?}",
                        witness.text,
                        listed.forms
                    );
                    missing += 1;
                }
                Verdict::Unproven(limit) => panic!("case {case}: unproven ({limit:?}) without a limit in reach"),
            }
        }
    }
    // The generator must exercise both answers, or the comparison proves little.
    assert!(proven > 300 && missing > 300 && several > 50, "proven {proven}, missing {missing}, several {several}");
}

#[test]
fn a_witness_of_exponential_length_is_capped() {
    // Thirty levels, each showing the next twice: 2^30 copies of "b", and no "a" anywhere.
    let mut source = String::from("m0 = { m1 }{ m1 }\n");
    for i in 1..30 {
        source.push_str(&format!("m{i} = {{ m{} }}{{ m{} }}\n", i + 1, i + 1));
    }
    source.push_str("m30 = b\n");
    let parsed = ParsedFile::parse(source);
    let catalog = Catalog::new([("deep.ftl", &parsed)]);
    let variables = HashMap::new();
    let formatter = Formatter::new(&catalog, &variables);
    let pattern = catalog.lookup("m0").and_then(|e| e.value).expect("m0");
    let proof = formatter.contains(pattern, "a", |c| c);
    let Verdict::Missing { witness, clipped } = proof.verdict else { panic!("no form has an a: {:?}", proof.verdict) };
    assert!(clipped);
    assert_eq!(witness.text.len(), Limits::default().form_bytes);
    assert!(proof.work < 100_000, "work {} is linear in the grammar, not the text", proof.work);
    assert_eq!(formatter.forms(pattern).limit, Some(placard_fluent::forms::Limit::FormBytes));
}
