//! Pseudo-localisation: the reference's own files turned into a made-up locale whose text is
//! accented and about 40% longer ([`Pseudo::Accented`], `en-XA`) or, on top of that, shown right
//! to left ([`Pseudo::Mirrored`], `ar-XB`), so a designer sees text that will not fit, or a layout
//! that does not mirror, before any translator starts.
//!
//! Only the text of messages changes. Ids, variables, selectors, variant keys and terms (names and
//! numbers such as the helpline, which a translation keeps as they are) stay exactly as they were,
//! so every required string is still shown, in order.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, Resource};

use crate::ParsedFile;

/// Which pseudo-locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    /// Accented letters, vowels doubled: `Ţĥîîñķ ƀééƒööŕéé`.
    Accented,
    /// The accented text, displayed right to left (each run between RIGHT-TO-LEFT OVERRIDE and POP
    /// DIRECTIONAL FORMATTING, as Android's `ar-XB` does), in a right-to-left paragraph.
    Mirrored,
}

impl Pseudo {
    /// Both, in a stable order.
    pub const ALL: [Pseudo; 2] = [Pseudo::Accented, Pseudo::Mirrored];

    /// The locale code: private-use regions of BCP 47, as Android and Chromium use them.
    pub const fn code(self) -> &'static str {
        match self {
            Pseudo::Accented => "en-XA",
            Pseudo::Mirrored => "ar-XB",
        }
    }

    /// The locale that `code` names, if it is a pseudo-locale.
    pub fn from_code(code: &str) -> Option<Pseudo> {
        Pseudo::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// The Fluent source of `file` with every message's text pseudo-localised. Comments, terms and
/// everything inside placeables but text in select variants are kept. `None` when the file has
/// parse errors (a pseudo-locale is made from a clean reference only).
pub fn pseudo_source(file: &ParsedFile, pseudo: Pseudo) -> Option<String> {
    if !file.problems().is_empty() {
        return None;
    }
    // First the new texts, in the order the walk below meets them; then a copy of the tree whose
    // text elements borrow them.
    let mut texts = Vec::new();
    for_each_text(file.ast(), &mut |value: &str| texts.push(transform(value, pseudo)));
    let mut resource: Resource<&str> = file.ast().clone();
    let mut next = texts.iter();
    for entry in &mut resource.body {
        let Entry::Message(message) = entry else { continue };
        let patterns = message.value.iter_mut().chain(message.attributes.iter_mut().map(|a| &mut a.value));
        for pattern in patterns {
            replace_texts(pattern, &mut || next.next().map(String::as_str).expect("one text per element"));
        }
    }
    Some(fluent_syntax::serializer::serialize(&resource))
}

fn for_each_text(resource: &Resource<&str>, f: &mut dyn FnMut(&str)) {
    for entry in &resource.body {
        let Entry::Message(message) = entry else { continue };
        for pattern in message.value.iter().chain(message.attributes.iter().map(|a| &a.value)) {
            visit(pattern, f);
        }
    }
}

fn visit(pattern: &Pattern<&str>, f: &mut dyn FnMut(&str)) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => f(value),
            PatternElement::Placeable { expression } => visit_expression(expression, f),
        }
    }
}

fn visit_expression(expression: &Expression<&str>, f: &mut dyn FnMut(&str)) {
    match expression {
        Expression::Select { variants, .. } => variants.iter().for_each(|v| visit(&v.value, f)),
        Expression::Inline(InlineExpression::Placeable { expression }) => visit_expression(expression, f),
        Expression::Inline(_) => {}
    }
}

fn replace_texts<'a>(pattern: &mut Pattern<&'a str>, next: &mut dyn FnMut() -> &'a str) {
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => *value = next(),
            PatternElement::Placeable { expression } => replace_in_expression(expression, next),
        }
    }
}

fn replace_in_expression<'a>(expression: &mut Expression<&'a str>, next: &mut dyn FnMut() -> &'a str) {
    match expression {
        Expression::Select { variants, .. } => variants.iter_mut().for_each(|v| replace_texts(&mut v.value, next)),
        Expression::Inline(InlineExpression::Placeable { expression }) => replace_in_expression(expression, next),
        Expression::Inline(_) => {}
    }
}

/// Accents letters and doubles vowels, line by line; the mirrored locale wraps each line's run.
fn transform(text: &str, pseudo: Pseudo) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let accented: String = line.chars().flat_map(accent).collect();
        match pseudo {
            Pseudo::Accented => out.push_str(&accented),
            Pseudo::Mirrored if accented.trim().is_empty() => out.push_str(&accented),
            Pseudo::Mirrored => {
                out.push('\u{202E}');
                out.push_str(&accented);
                out.push('\u{202C}');
            }
        }
    }
    out
}

/// One letter as its accented look-alike, vowels twice (which makes English about 40% longer);
/// everything else as it is.
fn accent(c: char) -> impl Iterator<Item = char> {
    const FROM: &str = "abcdefghijklnoprstuwyzABCDEGHIJKLNORSTUWYZ";
    const TO: &str = "åƀçðéƒĝĥîĵķļñöþŕšţüŵýžÅƁÇÐÉĜĤÎĴĶĻÑÖŔŠŢÜŴÝŽ";
    let accented = FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c);
    let twice = matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u');
    std::iter::once(accented).chain(twice.then_some(accented))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pseudo(source: &str, which: Pseudo) -> String {
        pseudo_source(&ParsedFile::parse(source.to_owned()), which).expect("a clean file")
    }

    #[test]
    fn only_message_text_changes() {
        let out = pseudo(
            "# Comment\n-brand = Stop It Now!\nhello = Hello { $name }, call { -brand }\n    .alt = Think\ncount = { $n ->\n    [one] One item\n   *[other] Many items\n}\n",
            Pseudo::Accented,
        );
        assert!(out.contains("-brand = Stop It Now!"), "terms are kept:\n{out}");
        assert!(out.contains("hello = Ĥééļļöö { $name }, çååļļ { -brand }"), "{out}");
        assert!(out.contains(".alt = Ţĥîîñķ"), "{out}");
        assert!(out.contains("[one] ÖÖñéé îîţéém") && out.contains("*[other] Mååñý îîţéémš"), "{out}");
        assert!(out.contains("# Comment"));
        let reparsed = ParsedFile::parse(out);
        assert!(reparsed.problems().is_empty(), "{:?}", reparsed.problems());
    }

    #[test]
    fn mirrored_runs_are_overridden_right_to_left_and_numbers_kept() {
        let out = pseudo("helpline = Call 0131 556 3535 now\n", Pseudo::Mirrored);
        assert_eq!(out, "helpline = \u{202E}Çååļļ 0131 556 3535 ñööŵ\u{202C}\n");
    }

    #[test]
    fn english_grows_by_about_forty_percent() {
        let text = "Worried about your thoughts? Get confidential help before it's too late.";
        let grown = transform(text, Pseudo::Accented).chars().count() as f64 / text.chars().count() as f64;
        assert!((1.3..=1.5).contains(&grown), "{grown}");
    }
}
