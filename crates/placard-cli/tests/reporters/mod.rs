//! The three reporters render the same diagnostics: human (with colour only where wanted), JSON
//! in the documented shape, and GitHub annotations.

use crate::support::*;

#[test]
fn json_has_the_documented_shape() {
    let output = placard(&fixture("required-text/bad"), &["lint", "--format", "json"]);
    let text = stdout(&output);
    let report: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    // Keys come in the documented order (serde_json's Value sorts them, so read the text).
    let in_order = |scope: &str, keys: &[&str]| {
        let positions: Vec<usize> = keys.iter().map(|k| scope.find(&format!("\"{k}\":")).expect(k)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "keys out of order: {keys:?}");
    };
    in_order(&text, &["diagnostics", "summary"]);
    let first = &text[..text.find('}').expect("end of the first diagnostic")];
    in_order(first, &["severity", "code", "locale", "file", "line", "column", "message_id", "message", "hint"]);
    assert_eq!(report["diagnostics"][0].as_object().expect("object").len(), 9);
    let summary = &report["summary"];
    assert_eq!(summary["errors"], 2);
    assert_eq!(summary["warnings"], 0);
    let pl = &text[text.find("\"pl\": {").expect("pl summary")..];
    in_order(pl, &["messages", "missing", "obsolete", "errors", "warnings"]);
    assert_eq!(summary["locales"]["pl"]["errors"], 2);
}

#[test]
fn github_annotations_point_at_file_and_line() {
    let output = placard(&fixture("required-text/bad"), &["lint", "--format", "github"]);
    assert_eq!(exit_code(&output), 1);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for line in &lines[..2] {
        assert!(
            line.starts_with(
                "::error file=locales/pl/main.ftl,line=3,col=1,title=required-text::[pl] `helpline` must show"
            ),
            "{line}"
        );
    }
    assert_eq!(lines[2], "::notice title=placard lint::2 errors, 0 warnings in 2 locales");
}

#[test]
fn the_same_findings_in_every_format() {
    let dir = fixture("required-text/bad");
    let json = stdout(&placard(&dir, &["lint", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let human = stdout(&placard(&dir, &["lint"]));
    let github = stdout(&placard(&dir, &["lint", "--format", "github"]));
    for d in report["diagnostics"].as_array().expect("array") {
        let message = d["message"].as_str().expect("message");
        assert!(human.contains(message), "human output lacks {message}");
        let hint = d["hint"].as_str().expect("hint");
        assert!(human.contains(hint), "human output lacks the hint {hint}");
        assert!(github.contains(&message.replace('%', "%25")), "annotations lack {message}");
        let at = format!("{}:{}:{}", d["file"].as_str().expect("file"), d["line"], d["column"]);
        assert!(human.contains(&at), "human output lacks {at}");
    }
}

#[test]
fn colour_only_when_wanted() {
    let dir = fixture("required-text/bad");
    let forced = stdout(&placard_with_env(&dir, &["lint"], &[("CLICOLOR_FORCE", "1")]));
    assert!(forced.contains('\u{1b}'), "CLICOLOR_FORCE gives colour");
    let piped = stdout(&placard_with_env(&dir, &["lint"], &[]));
    assert!(!piped.contains('\u{1b}'), "no colour when stdout is not a terminal");
    let no_color = stdout(&placard_with_env(&dir, &["lint"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!no_color.contains('\u{1b}'), "NO_COLOR always wins");
    let json = stdout(&placard_with_env(&dir, &["lint", "--format", "json"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!json.contains('\u{1b}'), "machine formats are never coloured");
}

#[test]
fn locale_filter_restricts_the_report_but_still_compares() {
    let dir = fixture("required-text/bad");
    let only_reference = stdout(&placard(&dir, &["lint", "--format", "json", "--locale", "en-GB"]));
    let report: serde_json::Value = serde_json::from_str(&only_reference).expect("JSON");
    assert_eq!(report["summary"]["locales"].as_object().expect("locales").len(), 1);
    assert_eq!(report["summary"]["errors"], 0);
    let output = placard(&dir, &["lint", "--format", "json", "--locale", "xx"]);
    assert_eq!(exit_code(&output), 1, "an unknown --locale is reported");
    assert!(stdout(&output).contains("--locale xx: no such locale"));
}
