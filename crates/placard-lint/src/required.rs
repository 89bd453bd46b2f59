//! `missing-required` and `required-text`: the campaign's non-negotiables. A required message must
//! exist in every locale and show every required string in every form a reader could see. When a
//! string is not there, the message says what is there instead: another digit, a lookalike digit
//! from another script, an invisible character inside.

use std::collections::BTreeSet;

use placard_core::{Code, Diagnostic, LIMIT_KEYS, Severity, format_bytes};
use placard_fluent::contains::Verdict;
use placard_fluent::forms::{Form, Limit};

use crate::bidi::{self, normalize_space};
use crate::script::{classify, describe, digit_script, lookalike};
use placard_fluent::walk::{ReferenceKind, references};
use placard_fluent::{EntryKind, EntryRef};
use rustc_hash::FxHashSet;

use crate::unsafe_chars::{self, Covered};
use crate::{LocaleContext, Required, RequiredWork};

/// Checks every required rule; returns what the unsafe-char errors covered and the work the
/// analysis took.
pub fn check<'a>(cx: &LocaleContext<'a, '_>, out: &mut Vec<Diagnostic>) -> (Vec<Covered<'a>>, RequiredWork) {
    let (mut covered, mut work) = (Vec::new(), RequiredWork::default());
    let start = out.len();
    for rule in &cx.rules.required {
        if let Some((c, w)) = check_rule(cx, rule, out) {
            covered.push(c);
            work += w;
        }
    }
    one_per_definition(out, start);
    (covered, work)
}

/// One fault, one finding: a wrong term that several required messages show is reported once, at
/// the term, with each message that shows it as a second location.
fn one_per_definition(out: &mut Vec<Diagnostic>, start: usize) {
    let mut kept: Vec<Diagnostic> = Vec::new();
    for d in out.drain(start..) {
        let same = kept.iter_mut().find(|k| {
            k.code == Code::RequiredText
                && d.code == Code::RequiredText
                && !d.related.is_empty()
                && (&k.file, &k.span, &k.message) == (&d.file, &d.span, &d.message)
        });
        match same {
            Some(k) => k.related.extend(d.related),
            None => kept.push(d),
        }
    }
    out.extend(kept);
}

fn check_rule<'a>(
    cx: &LocaleContext<'a, '_>,
    rule: &Required,
    out: &mut Vec<Diagnostic>,
) -> Option<(Covered<'a>, RequiredWork)> {
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
    // Whether each string is in every form is decided on the grammar, exactly and in linear
    // time; the reading-order and invisible-character checks need the forms themselves, listed
    // only as far as the limits allow.
    let forms = cx.with_formatter(|f| f.forms(pattern));
    let mut work = RequiredWork { proof: 0, listing: forms.work };
    let mut missed = false;
    let mut unproven = None;
    let total = forms.forms.len();
    for needle in &rule.contains {
        let proof = cx.with_formatter(|f| f.contains(pattern, needle, normalize_space));
        work.proof += proof.work;
        let failing: Vec<(usize, &Form)> = forms
            .forms
            .iter()
            .enumerate()
            .filter(|(_, f)| bidi::occurrences(&f.text, &f.inserted, needle).is_empty())
            .collect();
        // The listed forms, when complete, say which form fails and how many do; past the limits
        // the proof's witness is the form shown. Either finding a miss is a miss: fail closed.
        let shown = match (failing.first(), proof.verdict) {
            (Some(&(n, form)), _) => {
                let which = if total == 1 {
                    String::new()
                } else {
                    format!(" (form {} of {total}, {} failing)", n + 1, failing.len())
                };
                Some((which, form.visible(), false, true))
            }
            (None, Verdict::Missing { witness, clipped }) => {
                Some((" in every form".to_owned(), witness.visible(), clipped, false))
            }
            (None, Verdict::Unproven(limit)) => {
                unproven = Some(limit);
                None
            }
            (None, Verdict::Proven) => None,
        };
        if let Some((which, shown, clipped, listed)) = shown {
            missed = true;
            // An invisible character hiding inside the number is one fault, reported by the
            // unsafe-char check where the character is written (it sees every listed form).
            if listed && unsafe_chars::hides_in(&shown, needle) {
                continue;
            }
            out.push(miss_finding(cx, rule, &entry, &span, needle, &which, &shown, clipped));
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
    // Not proven is not passed. A miss already fails the message: no second error about limits.
    if let Some(limit) = unproven.or(forms.limit)
        && !missed
    {
        out.push(
            cx.at(
                Severity::Error,
                Code::RequiredText,
                entry.file,
                Some(span.clone()),
                unproven_message(cx, rule, limit),
            )
            .message_id(&rule.message)
            .hint(unproven_hint(limit)),
        );
    }
    let chars = unsafe_chars::check_required(cx, entry.file, &span, &rule.message, &forms.forms, &rule.contains, out);
    Some((Covered { entries: reachable(cx, entry), chars }, work))
}

/// The finding for a required string missing from `shown` (a form of the message): at the
/// definition that holds the wrong text when that is a term or another message, with the message
/// that shows it as a second location; a dropped term is named.
#[allow(clippy::too_many_arguments, reason = "one finding's parts, all borrowed from the caller")]
fn miss_finding(
    cx: &LocaleContext<'_, '_>,
    rule: &Required,
    entry: &EntryRef<'_>,
    span: &std::ops::Range<usize>,
    needle: &str,
    which: &str,
    shown: &str,
    clipped: bool,
) -> Diagnostic {
    let ellipsis = if clipped { "…" } else { "" };
    let miss = explain_miss(shown, needle);
    let mut explanation = miss.explanation;
    let mut hint = format!(
        "The text shown is: \"{}{ellipsis}\". Write \"{needle}\" exactly (or use the term the reference uses).",
        shown.trim()
    );
    if miss.found.is_none()
        && let Some(term) = dropped_term(cx, rule, entry, needle)
    {
        let what = if needle.chars().any(char::is_alphabetic) { "the name" } else { "the number" };
        explanation = format!("{what} `{term}` ({needle}) is missing");
        hint = format!("Add {{ {term} }} where the reference has it; the term writes \"{needle}\" for you.");
    }
    // Where the wrong text is written: a term or a referenced message, when it is not the message.
    let defined = miss.found.as_deref().and_then(|found| unsafe_chars::written_at(cx, &rule.message, found));
    let d = match defined {
        Some((file, at, name))
            if !(file == entry.file && unsafe_chars::span_within(&at, cx, entry.file, &rule.message)) =>
        {
            // About the definition, whoever shows it: several required messages showing one wrong
            // term make one finding ([`one_per_definition`]).
            let other = (file != entry.file).then(|| cx.input.files[entry.file].display.to_owned());
            hint = format!("Write \"{needle}\" in `{name}` exactly: every message that uses it then shows it right.");
            let message = format!("`{name}` must show \"{needle}\": {explanation}");
            cx.at(Severity::Error, Code::RequiredText, file, Some(at), message).related_in(
                other,
                span.clone(),
                format!("required message `{}` shows it here", rule.message),
            )
        }
        _ => {
            let message = format!("`{}` must show \"{needle}\"{which}: {explanation}", rule.message);
            cx.at(Severity::Error, Code::RequiredText, entry.file, Some(span.clone()), message)
        }
    };
    d.message_id(&rule.message).hint(hint)
}

/// A term the reference's required message uses to show `needle` that this locale's message
/// does not use at all: the translator dropped it.
fn dropped_term(cx: &LocaleContext<'_, '_>, rule: &Required, entry: &EntryRef<'_>, needle: &str) -> Option<String> {
    let reference = cx.reference?;
    let (id, attribute) = rule.split();
    let theirs = reference.catalog.lookup(id)?;
    let pattern = theirs.pattern(attribute)?;
    let ours = reachable(cx, *entry);
    references(pattern).into_iter().filter(|r| r.kind == ReferenceKind::Term).find_map(|r| {
        if ours.contains(&(EntryKind::Term, r.name)) {
            return None;
        }
        let term = reference.catalog.get(EntryKind::Term, r.name)?;
        let shows = reference.with_formatter(|f| {
            term.value.is_some_and(|value| f.forms(value).forms.iter().any(|form| form.visible().contains(needle)))
        });
        shows.then(|| format!("-{}", r.name))
    })
}

/// Why a required message could not be proven, naming the limit and its pipeline.yaml key.
fn unproven_message(cx: &LocaleContext<'_, '_>, rule: &Required, limit: Limit) -> String {
    let limits = &cx.rules.limits;
    let what = match limit {
        Limit::Forms => format!("has more than {} forms", limits.forms),
        Limit::FormBytes => format!("has a form longer than {}", format_bytes(limits.form_bytes as u64)),
        Limit::ReferenceDepth => {
            format!("refers to messages or terms nested more than {} deep", limits.reference_depth)
        }
    };
    let needles: Vec<String> = rule.contains.iter().map(|n| format!("\"{n}\"")).collect();
    format!(
        "`{}` {what} (limits.{} in pipeline.yaml): Placard cannot prove every form shows {} in reading order",
        rule.message,
        limit.key(),
        needles.join(" and ")
    )
}

fn unproven_hint(limit: Limit) -> String {
    let ceiling = LIMIT_KEYS.iter().find(|k| k.name == limit.key()).map_or(0, |k| k.ceiling);
    let simpler = match limit {
        Limit::Forms => "fewer independent selectors",
        Limit::FormBytes => "shorter text, or fewer references repeated inside one another",
        Limit::ReferenceDepth => "fewer references inside one another",
    };
    format!("Raise `limits.{}` in pipeline.yaml (at most {ceiling}), or give the message {simpler}.", limit.key())
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

/// How a text misses a required string: the explanation, and the text that stands where the
/// string should be, when there is one (to find where it is written).
#[derive(Debug, PartialEq, Eq)]
struct Miss {
    explanation: String,
    found: Option<String>,
}

/// Says how `text` misses `needle`: an invisible character inside it, lookalike characters (digits
/// from another script as one finding), a near miss, or nothing like it.
fn explain_miss(text: &str, needle: &str) -> Miss {
    // The text as written (to find it in the source) and with spaces normalised (to compare).
    let written: Vec<char> = text.chars().collect();
    let as_written = |from: usize, to: usize| Some(written[from..=to].iter().collect::<String>());
    let chars: Vec<char> = written.iter().copied().map(normalize_space).collect();
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
                return Miss {
                    explanation: format!("it is there, but with {} inside", inside.join(", ")),
                    found: as_written(window[0], window[n - 1]),
                };
            }
        }
        // 2. Present once lookalike characters are read as what they look like.
        for start in 0..=kept.len() - n {
            let window = &kept[start..start + n];
            if window.iter().map(|&i| lookalike(chars[i]).unwrap_or(chars[i])).eq(needle_chars.iter().copied()) {
                let found = as_written(window[0], window[n - 1]);
                let swapped: Vec<(char, char)> = window
                    .iter()
                    .zip(&needle_chars)
                    .filter(|&(&i, want)| chars[i] != *want)
                    .map(|(&i, &want)| (chars[i], want))
                    .collect();
                // Digits of one other script are one fault, not one per digit.
                let scripts: BTreeSet<Option<&str>> = swapped.iter().map(|&(c, _)| digit_script(c)).collect();
                if let [Some(script)] = scripts.into_iter().collect::<Vec<_>>()[..] {
                    let written: String = found.clone().unwrap_or_default();
                    return Miss {
                        explanation: format!("it is written in {script} digits ({written}): write {needle}"),
                        found,
                    };
                }
                let swaps: Vec<String> =
                    swapped.iter().map(|&(c, want)| format!("{} instead of '{want}'", describe(c))).collect();
                return Miss { explanation: format!("it uses lookalike characters: {}", swaps.join(", ")), found };
            }
        }
    }
    // 3. A near miss: the closest stretch of text by edit distance, widened to whole words so a
    //    swapped digit shows as the number the reader sees, not a fragment of it.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut rows = Vec::new();
    // Equal length first, so that a swapped digit wins over a dropped one.
    for len in [n, n.saturating_sub(1), n + 1, n.saturating_sub(2), n + 2] {
        if len == 0 || len > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - len {
            let d = edit_distance(&chars[start..start + len], &needle_chars, &mut rows);
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
            let shown: String = window.iter().collect();
            let at = window.iter().zip(&needle_chars).position(|(a, b)| a != b).unwrap_or(window.len().min(n));
            Miss {
                explanation: format!("the closest text is \"{shown}\", which differs at character {}", at + 1),
                found: as_written(start, end - 1),
            }
        }
        _ => Miss { explanation: "it is not there".to_owned(), found: None },
    }
}

/// Optimal string alignment distance (edits and adjacent swaps). `rows` is scratch space, kept
/// by the caller: a near-miss search over a long form calls this once per window.
fn edit_distance(a: &[char], b: &[char], rows: &mut Vec<usize>) -> usize {
    let width = b.len() + 1;
    rows.clear();
    rows.resize(3 * width, 0);
    // Rows i-2, i-1 and i of the full table, in rotation.
    let row = |i: usize| (i % 3) * width;
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, before) = (row(i), row(i - 1), row(i.saturating_sub(2)));
        rows[cur] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[prev + j] + 1).min(rows[cur + j - 1] + 1).min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            rows[cur + j] = best;
        }
    }
    rows[row(a.len()) + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_each_kind_of_miss_and_what_stands_in_its_place() {
        let miss = explain_miss("Call 0131 556 5335", "0131 556 3535");
        assert_eq!(miss.explanation, "the closest text is \"0131 556 5335\", which differs at character 10");
        assert_eq!(miss.found.as_deref(), Some("0131 556 5335"));
        let miss = explain_miss("Call 0131 5\u{200B}56 3535", "0131 556 3535");
        assert!(miss.explanation.contains("U+200B ZERO WIDTH SPACE inside"), "{miss:?}");
        assert_eq!(miss.found.as_deref(), Some("0131 5\u{200B}56 3535"));
        // Lookalikes of mixed kinds are listed one by one.
        let miss = explain_miss("Call O131 556 3535", "0131 556 3535");
        assert!(miss.explanation.contains("'O' U+004F"), "{miss:?}");
        assert_eq!(
            explain_miss("Nothing here at all", "0131 556 3535"),
            Miss { explanation: "it is not there".into(), found: None }
        );
    }

    #[test]
    fn digits_of_another_script_are_one_finding_that_says_what_to_write() {
        let miss = explain_miss("اتصل ٠١٣١ ٥٥٦ ٣٥٣٥", "0131 556 3535");
        assert_eq!(miss.explanation, "it is written in Arabic-Indic digits (٠١٣١ ٥٥٦ ٣٥٣٥): write 0131 556 3535");
        assert_eq!(miss.found.as_deref(), Some("٠١٣١ ٥٥٦ ٣٥٣٥"));
        let miss = explain_miss("کال ۰۱۳۱ 556 3535", "0131 556 3535");
        assert!(
            miss.explanation.starts_with("it is written in Extended Arabic-Indic digits (۰۱۳۱ 556 3535)"),
            "{miss:?}"
        );
    }

    #[test]
    fn edit_distance_counts_edits_and_adjacent_swaps() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Vec::new();
        for (a, b, d) in [
            ("", "", 0),
            ("abc", "", 3),
            ("", "ab", 2),
            ("abcd", "abdc", 1),
            ("kitten", "sitting", 3),
            ("ca", "abc", 3),
        ] {
            assert_eq!(edit_distance(&chars(a), &chars(b), &mut rows), d, "{a:?} {b:?}");
        }
    }
}
