//! The status table for people (aligned columns), machines (JSON) and pull requests (Markdown).

use std::fmt::Write;

use crate::{LocaleStatus, Status, TemplateState};

const HEADERS: [&str; 8] =
    ["locale", "progress", "translated", "missing", "obsolete", "errors", "warnings", "last change"];

/// The cells of one row, in [`HEADERS`] order, then the templates summary.
fn cells(status: &Status, l: &LocaleStatus) -> ([String; 8], String) {
    let code = if l.code == status.reference { format!("{} (reference)", l.code) } else { l.code.clone() };
    let progress = l.progress.map_or_else(|| "?".to_owned(), |p| format!("{p:.1}%"));
    (
        [
            code,
            progress,
            l.translated.to_string(),
            l.missing.to_string(),
            l.obsolete.to_string(),
            l.errors.to_string(),
            l.warnings.to_string(),
            l.last_change.clone().unwrap_or_else(|| "-".to_owned()),
        ],
        templates_summary(l),
    )
}

/// `all 6 build`, `4 of 6 build; fails: x-post, a4-poster`, or `blocked by lint errors`.
fn templates_summary(l: &LocaleStatus) -> String {
    let total = l.templates.len();
    if total == 0 {
        return "-".to_owned();
    }
    if l.templates.iter().any(|t| t.state == TemplateState::Blocked) {
        return "none: blocked by lint errors".to_owned();
    }
    let failing: Vec<&str> =
        l.templates.iter().filter(|t| t.state == TemplateState::Fails).map(|t| t.name.as_str()).collect();
    if failing.is_empty() {
        format!("all {total} build")
    } else {
        format!("{} of {total} build; fails: {}", total - failing.len(), failing.join(", "))
    }
}

/// Aligned columns, worst locale first, then a line of totals.
pub fn render_human(status: &Status) -> String {
    let rows: Vec<([String; 8], String)> = status.locales.iter().map(|l| cells(status, l)).collect();
    let mut widths = HEADERS.map(str::len);
    for (row, _) in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, row: &[String], templates: &str| {
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            // Text columns to the left, numbers to the right.
            if i == 0 || i == 7 {
                let _ = write!(out, "{cell:<width$}  ");
            } else {
                let _ = write!(out, "{cell:>width$}  ");
            }
        }
        let _ = writeln!(out, "{templates}");
    };
    let headers = HEADERS.map(str::to_owned);
    line(&mut out, &headers, "templates");
    for (row, templates) in &rows {
        line(&mut out, row, templates);
    }
    // Clean means publishable: no lint errors, and every template builds (a template's own fault
    // counts against every locale, though no translator's file holds it).
    let done = status
        .locales
        .iter()
        .filter(|l| {
            l.progress == Some(100.0)
                && l.errors == 0
                && l.templates.iter().all(|t| t.state == crate::TemplateState::Builds)
        })
        .count();
    let _ = writeln!(
        out,
        "{} of {} locales complete and clean; {} messages in the reference ({})",
        done,
        status.locales.len(),
        status.reference_messages,
        status.reference
    );
    out
}

/// The whole [`Status`] as one JSON object.
pub fn render_json(status: &Status) -> String {
    let mut out = serde_json::to_string_pretty(status).expect("a status serialises");
    out.push('\n');
    out
}

/// A Markdown table for a pull-request comment: one column per template, with a mark a reviewer
/// can scan (✅ builds, ❌ fails the layout checks, ⛔ blocked by the locale's lint errors).
pub fn render_markdown(status: &Status) -> String {
    let mut out = String::from("### Translation status\n\n");
    let mut header: Vec<String> = HEADERS.iter().map(|h| h.to_string()).collect();
    header.extend(status.templates.iter().map(|t| format!("`{t}`")));
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let align: Vec<&str> = (0..header.len())
        .map(|i| match i {
            0 | 7 => ":--",
            1..7 => "--:",
            _ => ":-:",
        })
        .collect();
    let _ = writeln!(out, "|{}|", align.join("|"));
    for l in &status.locales {
        let (row, _) = cells(status, l);
        let mut row: Vec<String> = row.iter().map(|c| escape(c)).collect();
        row[0] = format!("**{}**", row[0]);
        row.extend(l.templates.iter().map(|t| {
            match t.state {
                TemplateState::Builds => "✅",
                TemplateState::Fails => "❌",
                TemplateState::Blocked => "⛔",
            }
            .to_owned()
        }));
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    let _ = writeln!(
        out,
        "\n{} messages in the reference ({}). ✅ builds · ❌ fails the layout checks · ⛔ blocked by lint errors; \
         run `placard lint --locale CODE` for the details.",
        status.reference_messages, status.reference
    );
    out
}

/// Keeps a cell from breaking the table.
fn escape(cell: &str) -> String {
    cell.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TemplateStatus;

    fn locale(code: &str, progress: f64, states: &[TemplateState]) -> LocaleStatus {
        LocaleStatus {
            code: code.to_owned(),
            direction: "ltr",
            progress: Some(progress),
            translated: 3,
            missing: 1,
            obsolete: 0,
            errors: usize::from(states.contains(&TemplateState::Blocked)),
            warnings: 0,
            last_change: Some("2026-11-28 09:30".to_owned()),
            templates: ["card", "poster"]
                .iter()
                .zip(states)
                .map(|(name, &state)| TemplateStatus { name: (*name).to_owned(), state })
                .collect(),
        }
    }

    fn sample() -> Status {
        Status {
            reference: "en-GB".to_owned(),
            reference_messages: 4,
            templates: vec!["card".to_owned(), "poster".to_owned()],
            locales: vec![
                locale("pl", 75.0, &[TemplateState::Blocked, TemplateState::Blocked]),
                locale("ar", 75.0, &[TemplateState::Builds, TemplateState::Fails]),
                locale("en-GB", 100.0, &[TemplateState::Builds, TemplateState::Builds]),
            ],
        }
    }

    #[test]
    fn human_table_says_which_templates_fail() {
        let out = render_human(&sample());
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("locale") && lines[0].ends_with("templates"), "{out}");
        assert!(lines[1].starts_with("pl ") && lines[1].ends_with("none: blocked by lint errors"), "{out}");
        assert!(lines[2].ends_with("1 of 2 build; fails: poster"), "{out}");
        assert!(lines[3].starts_with("en-GB (reference)") && lines[3].contains("100.0%"), "{out}");
        assert_eq!(lines[4], "1 of 3 locales complete and clean; 4 messages in the reference (en-GB)");
        let progress_end = lines[0].find("progress").expect("column") + "progress".len();
        assert!(lines[1][..progress_end].ends_with("75.0%"), "numbers are right-aligned under their header");
    }

    #[test]
    fn a_complete_locale_whose_template_fails_is_not_clean() {
        let mut status = sample();
        status.locales[2] = locale("en-GB", 100.0, &[TemplateState::Builds, TemplateState::Fails]);
        let out = render_human(&status);
        assert!(out.contains("0 of 3 locales complete and clean"), "{out}");
    }

    #[test]
    fn markdown_is_a_table_with_a_column_per_template() {
        let out = render_markdown(&sample());
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(rows.len(), 2 + 3, "header, alignment and one row per locale:\n{out}");
        let columns = rows[0].matches(" | ").count();
        assert!(rows.iter().all(|r| r.matches('|').count() == columns + 2), "every row has every column:\n{out}");
        assert!(rows[0].ends_with("| `card` | `poster` |"), "{out}");
        assert!(rows[2].starts_with("| **pl** | 75.0% |") && rows[2].ends_with("| ⛔ | ⛔ |"), "{out}");
        assert!(rows[3].ends_with("| ✅ | ❌ |"), "{out}");
    }

    #[test]
    fn json_keeps_every_field() {
        let json: serde_json::Value = serde_json::from_str(&render_json(&sample())).expect("JSON");
        assert_eq!(json["locales"][1]["templates"][1]["state"], "fails");
        assert_eq!(json["locales"][0]["progress"], 75.0);
        assert_eq!(json["reference_messages"], 4);
        assert_eq!(json["locales"][2]["last_change"], "2026-11-28 09:30");
    }
}
