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
    // The wrong number is in the term: the first finding is there, with the message as `related`.
    assert_eq!(report["diagnostics"][0].as_object().expect("object").len(), 10);
    assert_eq!(report["diagnostics"][0]["related"][0]["line"], 3);
    assert_eq!(report["diagnostics"][1].as_object().expect("object").len(), 9, "no `related` key when none");
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
    // The wrong digit at the term that holds it; the dropped name at the message.
    for (line, at) in lines[..2].iter().zip([
        "line=1,col=20,title=required-text::[pl] `-helpline-number` must show",
        "line=3,col=1,title=required-text::[pl] `helpline` must show",
    ]) {
        assert!(line.starts_with(&format!("::error file=locales/pl/main.ftl,{at}")), "{line}");
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

/// The diagnostics of `placard lint --format json` in `dir`.
fn json_diagnostics(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&placard(dir, &["lint", "--format", "json"]))).expect("JSON");
    report["diagnostics"].as_array().expect("diagnostics").clone()
}

/// Issue 11: an unclosed `{` was reported on the next entry's line, and the message it cost was
/// reported again as not translated. The finding is now where the `}` goes, says what it cost,
/// and is the only one. (Fixtures of issue 11 live one level down, run from here.)
#[test]
fn issue_11_unclosed_placeable_is_reported_where_the_brace_goes() {
    let dir = fixture("syntax/issue-11/unclosed-placeable");
    check_fixture("syntax/issue-11/unclosed-placeable");
    let diagnostics = json_diagnostics(&dir);
    assert_eq!(diagnostics.len(), 1, "one finding, no missing-message: {diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("syntax"), Some(3), Some(35)));
    let message = d["message"].as_str().expect("message");
    assert!(message.contains("placeable opened at column 17"), "{message}");
    assert!(message.ends_with("message `hello` was not read"), "{message}");
    let human = stdout(&placard(&dir, &["lint"]));
    assert!(human.contains(" --> locales/pl/main.ftl:3:35\n"), "{human}");
    let source = human.lines().position(|l| l == "3 | hello = Zadzwoń { -helpline-number").expect("the line");
    let caret = human.lines().nth(source + 1).expect("the caret line");
    assert_eq!(caret.chars().nth("  | ".len() + 34), Some('^'), "caret after the last character:\n{human}");
}

/// The hint says what to type and the opening brace is drawn as a related location. Needs
/// `placard-lint/src/syntax.rs` to pass on `ParseProblem::hint` and `related`.
#[test]
fn issue_11_unclosed_placeable_hint_says_what_to_type() {
    let dir = fixture("syntax/issue-11/unclosed-placeable");
    let d = &json_diagnostics(&dir)[0];
    assert_eq!(d["hint"], "Add `}` to close the placeable opened at column 17.");
    assert_eq!(d["related"][0]["column"], 17);
    let human = stdout(&placard(&dir, &["lint"]));
    assert!(human.contains("placeable opened here"), "{human}");
}

/// Issue 11: a right-to-left mark in the phone number was invisible in the snippet and the caret
/// sat at column 1. The unsafe-char error now points at the mark, shown as `<U+200F>`.
#[test]
fn issue_11_rlm_in_the_number_is_shown_with_the_caret_on_it() {
    let dir = fixture("unsafe-char/issue-11/rlm-in-number");
    check_fixture("unsafe-char/issue-11/rlm-in-number");
    let diagnostics = json_diagnostics(&dir);
    let unsafe_chars: Vec<_> = diagnostics.iter().filter(|d| d["code"] == "unsafe-char").collect();
    assert_eq!(unsafe_chars.len(), 1, "one finding for the mark, not an error and a warning: {diagnostics:#?}");
    let d = unsafe_chars[0];
    assert_eq!((d["severity"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("error"), Some(2), Some(41)));
    assert!(d["message"].as_str().expect("message").starts_with("U+200F RIGHT-TO-LEFT MARK in place of a space in"));
    let human = stdout(&placard(&dir, &["lint"]));
    assert!(human.contains(" --> locales/pl/main.ftl:2:41\n"), "the column an editor shows:\n{human}");
    assert!(
        human.contains("2 | helpline = Stop It Now! Zadzwoń 0131 556<U+200F>3535\n  |                                         ^^^^^^^^\n"),
        "{human}"
    );
    assert!(!human.contains('\u{200F}'), "no raw mark anywhere in the human output:\n{human}");
    let github = stdout(&placard(&dir, &["lint", "--format", "github"]));
    assert!(github.contains("file=locales/pl/main.ftl,line=2,col=41,title=unsafe-char::"), "{github}");
}

/// One finding per fault: the required-text error for the same mark goes once required.rs leaves
/// a miss that unsafe-char explains to it (issue 11).
#[test]
fn issue_11_rlm_in_the_number_is_one_finding() {
    let diagnostics = json_diagnostics(&fixture("unsafe-char/issue-11/rlm-in-number"));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
}

/// A related location is drawn in the human output and named in JSON, and GitHub annotates only
/// the primary one.
#[test]
fn related_locations_in_every_format() {
    let dir = fixture("required-text/invisible");
    let diagnostics = json_diagnostics(&dir);
    let d = diagnostics.iter().find(|d| d["code"] == "unsafe-char").expect("the unsafe-char error");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(1), Some(26)), "at the mark, in the term");
    assert_eq!(
        d["related"],
        serde_json::json!([{"file": "locales/pl/main.ftl", "line": 2, "column": 1, "message": "required message `helpline` shows it"}])
    );
    let human = stdout(&placard(&dir, &["lint"]));
    assert!(human.contains("::: locales/pl/main.ftl:2:1"), "{human}");
    assert!(human.contains("required message `helpline` shows it"), "{human}");
    let github = stdout(&placard(&dir, &["lint", "--format", "github"]));
    let line = github.lines().find(|l| l.contains("title=unsafe-char")).expect("annotation");
    assert!(line.starts_with("::error file=locales/pl/main.ftl,line=1,col=26,"), "{line}");
    assert!(!line.contains("shows it"), "{line}");
}
