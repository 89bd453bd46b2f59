//! The reporters render the same diagnostics: human (with colour only where wanted), JSON in the
//! documented shape, GitHub annotations, and the CI formats (SARIF valid against OASIS's schema,
//! JUnit XML, GitLab Code Quality), for findings and for unusable input alike.

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

/// (code, file, line) of each finding, sorted.
type Findings = Vec<(String, Option<String>, Option<u64>)>;

fn sorted(mut findings: Findings) -> Findings {
    findings.sort();
    findings
}

/// What every format is held to: the JSON report's findings.
fn from_json(report: &serde_json::Value) -> Findings {
    let diagnostics = report["diagnostics"].as_array().expect("array");
    sorted(
        diagnostics
            .iter()
            .map(|d| (text(&d["code"]), d["file"].as_str().map(str::to_owned), d["line"].as_u64()))
            .collect(),
    )
}

fn text(value: &serde_json::Value) -> String {
    value.as_str().expect("a string").to_owned()
}

fn from_sarif(sarif: &str) -> Findings {
    let log: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    sorted(
        results
            .iter()
            .map(|r| {
                let at = &r["locations"][0]["physicalLocation"];
                // A finding about no file is placed at the pipeline file, saying so.
                let placed = r["locations"][0].get("message").is_some();
                let file = (!placed).then(|| text(&at["artifactLocation"]["uri"]));
                (text(&r["ruleId"]), file, at["region"]["startLine"].as_u64())
            })
            .collect(),
    )
}

fn from_junit(xml: &str) -> Findings {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let cases = doc.descendants().filter(|n| n.has_tag_name("testcase"));
    sorted(
        cases
            .filter_map(|case| {
                let code = case.attribute("classname")?.rsplit_once('.')?.1.to_owned();
                let place = case.attribute("name")?.split(' ').next()?;
                let line = case.attribute("file").and_then(|_| place.split(':').nth(1)).and_then(|l| l.parse().ok());
                Some((code, case.attribute("file").map(str::to_owned), line))
            })
            .collect(),
    )
}

/// Code Quality puts a file-less finding at the pipeline file and a line-less one at line 1, so
/// it is compared by code, in order.
fn gitlab_codes(json: &str) -> Vec<String> {
    let issues: serde_json::Value = serde_json::from_str(json).expect("Code Quality is JSON");
    issues.as_array().expect("an array").iter().map(|i| text(&i["check_name"])).collect()
}

#[test]
fn the_same_findings_in_every_format() {
    // Errors with related locations, an error and a warning, a finding without a line.
    for name in ["required-text/bad", "required-text/invisible", "unsafe-char/bad", "obsolete-message/bad"] {
        let dir = fixture(name);
        let json = stdout(&placard(&dir, &["lint", "--format", "json"]));
        let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let human = stdout(&placard(&dir, &["lint"]));
        let github = stdout(&placard(&dir, &["lint", "--format", "github"]));
        let sarif = stdout(&placard(&dir, &["lint", "--format", "sarif"]));
        let junit = stdout(&placard(&dir, &["lint", "--format", "junit"]));
        let gitlab = stdout(&placard(&dir, &["lint", "--format", "gitlab"]));
        let diagnostics = report["diagnostics"].as_array().expect("array");
        assert!(!diagnostics.is_empty(), "{name} has findings");
        for d in diagnostics {
            let message = d["message"].as_str().expect("message");
            assert!(human.contains(message), "{name}: human output lacks {message}");
            if let Some(hint) = d["hint"].as_str() {
                assert!(human.contains(hint), "{name}: human output lacks the hint {hint}");
            }
            assert!(github.contains(&message.replace('%', "%25")), "{name}: annotations lack {message}");
            let file = d["file"].as_str().expect("file");
            let at = match (d["line"].as_u64(), d["column"].as_u64()) {
                (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
                _ => file.to_owned(),
            };
            assert!(human.contains(&at), "{name}: human output lacks {at}");
        }
        let expected = from_json(&report);
        assert_eq!(from_sarif(&sarif), expected, "{name}: SARIF");
        assert_eq!(from_junit(&junit), expected, "{name}: JUnit");
        let codes: Vec<String> = diagnostics.iter().map(|d| text(&d["code"])).collect();
        assert_eq!(gitlab_codes(&gitlab), codes, "{name}: Code Quality");
    }
}

/// The OASIS SARIF 2.1.0 schema, committed beside the reporter's own tests.
fn sarif_schema_errors(sarif: &str) -> Vec<String> {
    let path = repo().join("crates/placard-report/tests/schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    // Through a `$ref` to it, so the schema is used as OASIS wrote it: checked against the draft-07
    // meta-schema, one of its patterns (run.language, which Placard does not write) has a `]`
    // that only JavaScript's Annex B reads as a literal, and the crate refuses it.
    let id = schema["$id"].as_str().expect("$id").to_owned();
    let registry = jsonschema::Registry::new().add(&id, schema).expect("the schema").prepare().expect("a registry");
    let root = serde_json::json!({"$schema": "http://json-schema.org/draft-07/schema#", "$ref": id});
    let validator = jsonschema::options().with_registry(&registry).build(&root).expect("a valid schema");
    let value: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn sarif_is_valid_and_gives_each_rule_its_explanation() {
    let output = placard(&fixture("required-text/invisible"), &["lint", "--format", "sarif"]);
    assert_eq!(exit_code(&output), 1);
    let sarif = stdout(&output);
    assert_eq!(sarif_schema_errors(&sarif), Vec::<String>::new(), "{sarif}");
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("JSON");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for rule in rules {
        let explained = stdout(&placard(&repo(), &["lint", "--explain", rule["id"].as_str().expect("id")]));
        let help = rule["help"]["text"].as_str().expect("help");
        assert!(explained.ends_with(&format!("\n\n{help}\n")), "{} help is not --explain's", rule["id"]);
    }
    let result =
        run["results"].as_array().expect("results").iter().find(|r| r["ruleId"] == "unsafe-char").expect("unsafe-char");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(1), Some(26)));
    assert_eq!(region["endColumn"].as_u64(), Some(27), "the span's end, from the file's text");
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "locales/pl/main.ftl");
    assert_eq!(related["region"]["startLine"], 2);
}

#[test]
fn unusable_input_in_the_ci_formats() {
    let dir = repo().join("tests/templates/three-faults");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&placard(&dir, &["lint", "--format", "json"]))).expect("JSON");
    let faults = json["errors"].as_array().expect("errors");
    assert_eq!(faults.len(), 3);

    let output = placard(&dir, &["lint", "--format", "sarif"]);
    assert_eq!(exit_code(&output), 2);
    let sarif = stdout(&output);
    assert_eq!(sarif_schema_errors(&sarif), Vec::<String>::new(), "{sarif}");
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("JSON");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().expect("notifications");
    assert_eq!(notes.len(), faults.len());
    for (note, fault) in notes.iter().zip(faults) {
        assert_eq!(note["message"]["text"], fault["message"]);
        let at = &note["locations"][0]["physicalLocation"];
        assert_eq!(at["artifactLocation"]["uri"], fault["file"]);
        assert_eq!(at["region"]["startLine"], fault["line"]);
        assert_eq!(at["region"]["startColumn"], fault["column"]);
    }

    let output = placard(&dir, &["lint", "--format", "junit"]);
    assert_eq!(exit_code(&output), 2);
    let xml = stdout(&output);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let errors: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("error")).collect();
    assert_eq!(errors.len(), faults.len());
    assert_eq!(doc.root_element().attribute("errors"), Some("3"));
    assert_eq!(errors[0].attribute("message"), faults[0]["message"].as_str());

    let output = placard(&dir, &["lint", "--format", "gitlab"]);
    assert_eq!(exit_code(&output), 2);
    let issues: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let issues = issues.as_array().expect("issues");
    assert_eq!(issues.len(), faults.len());
    for (issue, fault) in issues.iter().zip(faults) {
        assert_eq!(issue["severity"], "blocker");
        assert_eq!(issue["location"]["path"], fault["file"]);
        assert_eq!(issue["location"]["lines"]["begin"], fault["line"]);
    }
}

#[test]
fn junit_counts_a_failure_per_error_and_passes_warnings() {
    let dir = fixture("unsafe-char/bad");
    let xml = stdout(&placard(&dir, &["lint", "--format", "junit"]));
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let root = doc.root_element();
    assert_eq!((root.attribute("tests"), root.attribute("failures")), (Some("3"), Some("1")), "{xml}");
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    let names: Vec<_> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(names, ["en-GB", "pl"]);
    let clean: Vec<_> = suites[0].children().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(clean.len(), 1, "a clean locale passes one case");
    let failure = suites[1].descendants().find(|n| n.has_tag_name("failure")).expect("the error");
    assert_eq!(failure.attribute("type"), Some("unsafe-char"));
    assert!(suites[1].descendants().any(|n| n.has_tag_name("system-out")), "the warning, passing");
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
