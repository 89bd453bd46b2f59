//! `--format json`: one object with every diagnostic and the summary.

use placard_lint::Report;

/// The report as pretty-printed JSON, with a trailing newline. Keys keep a fixed order, so the
/// same report always gives the same bytes.
pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("a report always serializes");
    out.push('\n');
    out
}
