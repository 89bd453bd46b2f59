//! `missing-required` and `required-text`: the campaign's non-negotiables. A required message must
//! exist in every locale and show every required string in every form a reader could see. When a
//! string is not there, the message says what is there instead: another digit, a lookalike digit
//! from another script, an invisible character inside.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::forms::{Form, Problem};

use crate::bidi::{self, normalize_space};
use crate::script::{classify, describe, lookalike};
use placard_fluent::walk::{ReferenceKind, references};
use placard_fluent::{EntryKind, EntryRef};
use rustc_hash::FxHashSet;

use crate::unsafe_chars::{self, Covered};
use crate::{LocaleContext, Required};

/// Checks every required rule; returns what the unsafe-char errors covered.
pub fn check<'a>(cx: &LocaleContext<'a, '_>, out: &mut Vec<Diagnostic>) -> Vec<Covered<'a>> {
    cx.rules.required.iter().filter_map(|rule| check_rule(cx, rule, out)).collect()
}

fn check_rule<'a>(cx: &LocaleContext<'a, '_>, rule: &Required, out: &mut Vec<Diagnostic>) -> Option<Covered<'a>> {
    let (id, attribute) = rule.split();
    let Some(entry) = cx.catalog.lookup(id) else {
        out.push(missing(cx, rule, format!("required message `{id}` is missing")));
        return None;
    };
    let pattern = match attribute {
        Some(a) => entry.attribute(a).map(|attr| (&attr.value, cx.span(entry.file, attr.id.name))),
        None => entry.value.map(|value| (value, cx.entry_span(&entry))),
    };
    let Some((pattern, span)) = pattern else {
        let what = match attribute {
            Some(a) => format!("`{id}` has no attribute `.{a}`, which is required"),
            None => format!("`{id}` has no value, which is required"),
        };
        let span = cx.entry_span(&entry);
        out.push(cx.at(Severity::Error, Code::MissingRequired, entry.file, Some(span), what).message_id(&rule.message));
        return None;
    };
    let forms = cx.with_formatter(|f| f.forms(pattern));
    // Enumeration stopped at a limit: say which, and how to raise it.
    let limit_warning = |message: String| {
        cx.at(Severity::Warning, Code::RequiredText, entry.file, Some(span.clone()), message).message_id(&rule.message)
    };
    if forms.truncated {
        out.push(limit_warning(format!(
            "`{}` has more forms than Placard enumerates ({}, limits.forms in pipeline.yaml); only those were checked",
            rule.message, cx.rules.limits.forms
        )));
    }
    if forms.problems.iter().any(|p| matches!(p, Problem::TooDeep)) {
        out.push(limit_warning(format!(
            "`{}` refers to messages or terms nested more than {} deep (limits.reference_depth in pipeline.yaml); \
             Placard did not follow them further",
            rule.message, cx.rules.limits.reference_depth
        )));
    }
    let total = forms.forms.len();
    for needle in &rule.contains {
        let failing: Vec<(usize, &Form)> = forms
            .forms
            .iter()
            .enumerate()
            .filter(|(_, f)| bidi::occurrences(&f.text, &f.inserted, needle).is_empty())
            .collect();
        if let Some(&(n, form)) = failing.first() {
            let shown = form.visible();
            let which = if total == 1 {
                String::new()
            } else {
                format!(" (form {} of {total}, {} failing)", n + 1, failing.len())
            };
            out.push(
                cx.at(
                    Severity::Error,
                    Code::RequiredText,
                    entry.file,
                    Some(span.clone()),
                    format!("`{}` must show \"{needle}\"{which}: {}", rule.message, explain_miss(&shown, needle)),
                )
                .message_id(&rule.message)
                .hint(format!(
                    "The text shown is: \"{}\". Write \"{needle}\" exactly (or use the term the reference uses).",
                    shown.trim()
                )),
            );
            continue;
        }
        for form in &forms.forms {
            if let Some(displayed) = bidi::misordered(&form.text, &form.inserted, needle, cx.rtl) {
                let direction = if cx.rtl { "right-to-left" } else { "left-to-right" };
                out.push(
                    cx.at(
                        Severity::Error,
                        Code::BidiOrder,
                        entry.file,
                        Some(span.clone()),
                        format!(
                            "in a {direction} paragraph \"{needle}\" of `{}` displays as \"{displayed}\"",
                            rule.message
                        ),
                    )
                    .message_id(&rule.message)
                    .hint(bidi::hint(needle)),
                );
                break;
            }
        }
    }
    let chars = unsafe_chars::check_required(cx, entry.file, &span, &rule.message, &forms.forms, &rule.contains, out);
    Some(Covered { entries: reachable(cx, entry), chars })
}

/// The entry and every message and term it references, directly or not.
fn reachable<'a>(cx: &LocaleContext<'a, '_>, start: EntryRef<'a>) -> FxHashSet<(EntryKind, &'a str)> {
    let mut seen = FxHashSet::default();
    let mut stack = vec![start];
    while let Some(entry) = stack.pop() {
        if !seen.insert((entry.kind, entry.id.name)) {
            continue;
        }
        for pattern in entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value)) {
            for reference in references(pattern) {
                let kind = match reference.kind {
                    ReferenceKind::Message => EntryKind::Message,
                    ReferenceKind::Term => EntryKind::Term,
                    _ => continue,
                };
                stack.extend(cx.catalog.get(kind, reference.name));
            }
        }
    }
    seen
}

fn missing(cx: &LocaleContext<'_, '_>, rule: &Required, message: String) -> Diagnostic {
    let (id, _) = rule.split();
    let ref_path = cx
        .reference
        .and_then(|r| r.catalog.lookup(id))
        .map(|e| e.file)
        .and_then(|i| cx.reference.map(|r| r.input.files[i].path));
    let broken = cx.input.files.iter().any(|f| !f.parsed.problems().is_empty());
    let hint = if broken {
        "This locale has syntax errors; one of them may have swallowed the message. Fix those first."
    } else {
        "Copy the message from the reference locale and translate it, keeping the required text exactly."
    };
    let d = match ref_path {
        Some(path) => match cx.input.files.iter().position(|f| f.path == path) {
            Some(i) => cx.at(Severity::Error, Code::MissingRequired, i, None, message),
            None => cx.at_path(Severity::Error, Code::MissingRequired, path, message),
        },
        None => Diagnostic::error(Code::MissingRequired, message).locale(cx.input.code),
    };
    d.message_id(&rule.message).hint(hint)
}

/// Says how `text` misses `needle`: an invisible character inside it, lookalike characters, a
/// near miss, or nothing like it.
fn explain_miss(text: &str, needle: &str) -> String {
    let chars: Vec<char> = text.chars().map(normalize_space).collect();
    let needle_chars: Vec<char> = needle.chars().map(normalize_space).collect();
    let n = needle_chars.len();
    // 1. Present once invisible characters are skipped.
    let kept: Vec<usize> = (0..chars.len()).filter(|&i| classify(chars[i]).is_none()).collect();
    if kept.len() >= n {
        for start in 0..=kept.len() - n {
            let window = &kept[start..start + n];
            if window.iter().map(|&i| chars[i]).eq(needle_chars.iter().copied()) {
                let inside: Vec<String> = (window[0]..=window[n - 1])
                    .filter(|&i| classify(chars[i]).is_some())
                    .map(|i| describe(chars[i]))
                    .collect();
                return format!("it is there, but with {} inside", inside.join(", "));
            }
        }
        // 2. Present once lookalike characters are read as what they look like.
        for start in 0..=kept.len() - n {
            let window = &kept[start..start + n];
            if window.iter().map(|&i| lookalike(chars[i]).unwrap_or(chars[i])).eq(needle_chars.iter().copied()) {
                let swaps: Vec<String> = window
                    .iter()
                    .zip(&needle_chars)
                    .filter(|&(&i, want)| chars[i] != *want)
                    .map(|(&i, want)| format!("{} instead of '{want}'", describe(chars[i])))
                    .collect();
                return format!("it uses lookalike characters: {}", swaps.join(", "));
            }
        }
    }
    // 3. A near miss: the closest stretch of text by edit distance, widened to whole words so a
    //    swapped digit shows as the number the reader sees, not a fragment of it.
    let mut best: Option<(usize, usize, usize)> = None;
    // Equal length first, so that a swapped digit wins over a dropped one.
    for len in [n, n.saturating_sub(1), n + 1, n.saturating_sub(2), n + 2] {
        if len == 0 || len > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - len {
            let d = edit_distance(&chars[start..start + len], &needle_chars);
            if best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, start, start + len));
            }
        }
    }
    match best {
        Some((d, mut start, mut end)) if d <= (n / 3).max(1) => {
            while start > 0 && chars[start - 1].is_alphanumeric() && chars[start].is_alphanumeric() {
                start -= 1;
            }
            while end < chars.len() && chars[end].is_alphanumeric() && chars[end - 1].is_alphanumeric() {
                end += 1;
            }
            let window = &chars[start..end];
            let found: String = window.iter().collect();
            let at = window.iter().zip(&needle_chars).position(|(a, b)| a != b).unwrap_or(window.len().min(n));
            format!("the closest text is \"{found}\", which differs at character {}", at + 1)
        }
        _ => "it is not there".to_owned(),
    }
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_each_kind_of_miss() {
        assert_eq!(
            explain_miss("Call 0131 556 5335", "0131 556 3535"),
            "the closest text is \"0131 556 5335\", which differs at character 10"
        );
        assert!(explain_miss("Call 0131 5\u{200B}56 3535", "0131 556 3535").contains("U+200B ZERO WIDTH SPACE inside"));
        assert!(explain_miss("Call ٠١٣١ 556 3535", "0131 556 3535").contains("'٠' U+0660 instead of '0'"));
        assert_eq!(explain_miss("Nothing here at all", "0131 556 3535"), "it is not there");
    }
}
