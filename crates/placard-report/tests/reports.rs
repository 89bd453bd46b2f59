//! The CI formats (SARIF, JUnit, GitLab Code Quality) of one report with every kind of finding:
//! errors and warnings, related locations, a layout finding with its template and layer, and
//! one about no file. SARIF is validated against OASIS's schema, JUnit parsed back as XML, and
//! every format is held to the same findings as the JSON reporter.

use placard_core::{Code, Diagnostic, LineIndex};
use placard_report::unusable::Unusable;
use placard_report::{Report, Run, gitlab, json, junit, sarif, unusable};
use serde_json::Value;

const PL: &str = "hello = Zadzwoń { -helpline-number\nhelpline = Stop It Now! 0131 556\u{200F}3535\n";
const RUN: Run<'static> = Run { version: "9.8.7", config: "pipeline.yaml" };

fn source(file: &str) -> Option<&'static str> {
    (file == "locales/pl/main.ftl").then_some(PL)
}

fn report() -> Report {
    let index = LineIndex::new(PL);
    let mut syntax = Diagnostic::error(Code::Syntax, "expected `}` <here> & \"there\"")
        .locale("pl")
        .file("locales/pl/main.ftl")
        .message_id("hello")
        .span(35..35)
        .related(17..18, "placeable opened here")
        .hint("Add `}`.");
    syntax.locate(&index);
    let mark = PL.find('\u{200F}').expect("the mark");
    let mut invisible = Diagnostic::error(Code::UnsafeChar, "U+200F RIGHT-TO-LEFT MARK in \u{1}`helpline`")
        .locale("pl")
        .file("locales/pl/main.ftl")
        .message_id("helpline")
        .span(mark..mark + '\u{200F}'.len_utf8());
    invisible.locate(&index);
    let mut orphan = Diagnostic::warning(Code::Orphan, "one word alone on the last line")
        .locale("de")
        .file("assets/templates/card.yaml")
        .message_id("tagline");
    orphan.line = Some(12);
    orphan.column = Some(5);
    orphan.template = Some("card".to_owned());
    orphan.layer = Some("layers[2] (tagline)".to_owned());
    let whole_file =
        Diagnostic::warning(Code::MissingMessage, "file `extra.ftl` missing").locale("de").file("locales/de/extra.ftl");
    let project = Diagnostic::error(Code::MissingLocale, "locale `fr` has no folder");
    let mut report = Report { diagnostics: vec![project, orphan, whole_file, syntax, invisible], ..Report::default() };
    for (locale, errors, warnings) in [("de", 0, 2), ("en-GB", 0, 0), ("pl", 2, 0)] {
        let summary = placard_lint::LocaleSummary { errors, warnings, ..Default::default() };
        report.summary.locales.insert(locale.to_owned(), summary);
    }
    report.summary.errors = 3;
    report.summary.warnings = 2;
    report
}

fn sarif_errors(sarif: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json")).expect("the schema");
    // Through a `$ref` to it, so the schema is used as OASIS wrote it: checked against the draft-07
    // meta-schema, one of its patterns (run.language, which Placard does not write) has a `]`
    // that only JavaScript's Annex B reads as a literal, and the crate refuses it.
    let id = schema["$id"].as_str().expect("$id").to_owned();
    let registry = jsonschema::Registry::new().add(&id, schema).expect("the schema").prepare().expect("a registry");
    let root = serde_json::json!({"$schema": "http://json-schema.org/draft-07/schema#", "$ref": id});
    let validator = jsonschema::options().with_registry(&registry).build(&root).expect("a valid schema");
    let value: Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn sarif_is_valid_against_the_oasis_schema() {
    let text = sarif::render(&report(), &RUN, &source);
    assert_eq!(sarif_errors(&text), Vec::<String>::new(), "{text}");
    // The schema does bite: a result without its message is refused.
    let mut broken: Value = serde_json::from_str(&text).expect("JSON");
    broken["runs"][0]["results"][0].as_object_mut().expect("a result").remove("message");
    assert!(!sarif_errors(&broken.to_string()).is_empty(), "the schema checks results");
    assert!(text.ends_with("}\n"));
    assert_eq!(text, sarif::render(&report(), &RUN, &source), "the same bytes every time");
}

#[test]
fn sarif_rules_are_every_check_with_its_explanation() {
    let log: Value = serde_json::from_str(&sarif::render(&report(), &RUN, &source)).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], sarif::SCHEMA);
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "placard");
    assert_eq!(run["tool"]["driver"]["version"], "9.8.7");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert_eq!(rule["fullDescription"]["text"], code.explanation());
        assert_eq!(rule["help"]["text"], code.explanation());
        assert!(rule["help"]["markdown"].as_str().is_some_and(|m| !m.is_empty()));
    }
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn sarif_results_carry_every_field_of_the_diagnostic() {
    let log: Value = serde_json::from_str(&sarif::render(&report(), &RUN, &source)).expect("JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let syntax = results.iter().find(|r| r["ruleId"] == "syntax").expect("syntax");
    assert_eq!(syntax["level"], "error");
    assert_eq!(syntax["message"]["text"], "[pl] expected `}` <here> & \"there\"\nhint: Add `}`.");
    let physical = &syntax["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "locales/pl/main.ftl");
    assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(
        physical["region"],
        serde_json::json!({"startLine": 1, "startColumn": 35, "endLine": 1, "endColumn": 35})
    );
    let related = &syntax["relatedLocations"][0];
    assert_eq!(related["message"]["text"], "placeable opened here");
    assert_eq!(related["physicalLocation"]["region"]["startColumn"], 17);
    assert_eq!(related["physicalLocation"]["region"]["endColumn"], 18);
    assert_eq!(syntax["properties"], serde_json::json!({"locale": "pl", "messageId": "hello"}));
    let invisible = results.iter().find(|r| r["ruleId"] == "unsafe-char").expect("unsafe-char");
    let region = &invisible["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startColumn"].as_u64(), region["endColumn"].as_u64()), (Some(33), Some(34)), "one code point");
    let orphan = results.iter().find(|r| r["ruleId"] == "orphan").expect("orphan");
    assert_eq!(orphan["level"], "warning");
    assert_eq!(orphan["properties"]["template"], "card");
    assert_eq!(orphan["properties"]["layer"], "layers[2] (tagline)");
    assert_eq!(
        orphan["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 12, "startColumn": 5})
    );
    let whole = results.iter().find(|r| r["ruleId"] == "missing-message").expect("missing-message");
    assert!(whole["locations"][0]["physicalLocation"].get("region").is_none(), "no line, no region");
    let project = results.iter().find(|r| r["ruleId"] == "missing-locale").expect("missing-locale");
    assert_eq!(project["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "pipeline.yaml");
    assert!(project.get("properties").is_none());
    let fingerprints: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r["partialFingerprints"]["placardFinding/v1"].as_str().expect("fingerprint")).collect();
    assert_eq!(fingerprints.len(), results.len(), "one fingerprint per finding");
}

#[test]
fn sarif_of_unusable_input_is_valid_and_names_every_fault() {
    let problems = [
        Unusable {
            file: Some("assets/templates/card.yaml".into()),
            line: Some(4),
            column: Some(3),
            message: "size [0, 1]".into(),
        },
        Unusable { file: None, line: None, column: None, message: "no pipeline.yaml".into() },
    ];
    let text = unusable::sarif(&problems, &RUN);
    assert_eq!(sarif_errors(&text), Vec::<String>::new(), "{text}");
    let log: Value = serde_json::from_str(&text).expect("JSON");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().expect("notifications");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(notes[0]["descriptor"]["id"], "unusable-input");
    assert_eq!(notes[0]["message"]["text"], "size [0, 1]");
    let physical = &notes[0]["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "assets/templates/card.yaml");
    assert_eq!(physical["region"], serde_json::json!({"startLine": 4, "startColumn": 3}));
    assert!(notes[1].get("locations").is_none());
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

/// The elements named `name` under `node`, at any depth.
fn all<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.descendants().filter(|n| n.has_tag_name(name)).collect()
}

fn count(node: roxmltree::Node<'_, '_>, attribute: &str) -> usize {
    node.attribute(attribute).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{attribute} on {node:?}"))
}

#[test]
fn junit_is_well_formed_with_a_suite_per_locale_and_a_failure_per_error() {
    let text = junit::render(&report());
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites = all(root, "testsuite");
    let names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(names, ["project", "de", "en-GB", "pl"]);
    for suite in &suites {
        assert_eq!(count(*suite, "tests"), all(*suite, "testcase").len());
        assert_eq!(count(*suite, "failures"), all(*suite, "failure").len());
    }
    assert_eq!(count(root, "tests"), 6, "five findings and the clean locale's case");
    assert_eq!(count(root, "failures"), 3, "one per error");
    assert_eq!(count(root, "errors"), 0);
    let clean = suites[2].first_element_child().expect("a case");
    assert_eq!(clean.attribute("name"), Some("no findings"));
    let pl = all(suites[3], "failure");
    assert_eq!(pl[0].attribute("type"), Some("syntax"));
    assert_eq!(pl[0].attribute("message"), Some("expected `}` <here> & \"there\""));
    let body = pl[0].text().expect("body");
    assert!(body.starts_with("locales/pl/main.ftl:1:35: error: [pl] expected"), "{body}");
    assert!(body.contains("\nhint: Add `}`.\nlocales/pl/main.ftl:1:17: placeable opened here"), "{body}");
    assert!(pl[1].attribute("message").is_some_and(|m| m.contains("<U+0001>")), "a control character XML cannot hold");
    let warnings = all(suites[1], "system-out");
    assert_eq!(warnings.len(), 2, "warnings pass, with their text");
    let case = warnings[0].parent().expect("case");
    assert_eq!(case.attribute("classname"), Some("de.orphan"));
    assert_eq!(case.attribute("name"), Some("assets/templates/card.yaml:12:5 tagline"));
    assert_eq!(case.attribute("file"), Some("assets/templates/card.yaml"));
    assert!(warnings[0].text().is_some_and(|t| t.ends_with("\ntemplate: card\nlayer: layers[2] (tagline)")));
}

#[test]
fn junit_of_a_clean_run_and_of_unusable_input() {
    let mut clean = Report::default();
    clean.summary.locales.insert("pl".to_owned(), placard_lint::LocaleSummary::default());
    let text = junit::render(&clean);
    let doc = roxmltree::Document::parse(&text).expect("XML");
    assert_eq!((count(doc.root_element(), "tests"), count(doc.root_element(), "failures")), (1, 0));

    let problems = [Unusable {
        file: Some("pipeline.yaml".into()),
        line: Some(2),
        column: Some(1),
        message: "bad \u{0}key".into(),
    }];
    let text = unusable::junit(&problems);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let root = doc.root_element();
    assert_eq!((count(root, "tests"), count(root, "errors"), count(root, "failures")), (1, 1, 0));
    let error = all(root, "error")[0];
    assert_eq!(error.attribute("type"), Some("unusable-input"));
    assert_eq!(error.text(), Some("pipeline.yaml:2:1: bad <U+0000>key"));
}

#[test]
fn gitlab_has_the_code_quality_shape_and_unique_fingerprints() {
    let issues: Value = serde_json::from_str(&gitlab::render(&report(), &RUN)).expect("JSON");
    let issues = issues.as_array().expect("an array");
    assert_eq!(issues.len(), 5);
    for issue in issues {
        let mut keys: Vec<&str> = issue.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["check_name", "description", "fingerprint", "location", "severity"], "{issue}");
        assert!(["critical", "minor"].contains(&issue["severity"].as_str().expect("severity")));
        assert!(issue["location"]["path"].is_string());
        assert!(issue["location"]["lines"]["begin"].as_u64().is_some_and(|l| l >= 1));
    }
    let fingerprints: std::collections::BTreeSet<&str> =
        issues.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
    assert_eq!(fingerprints.len(), issues.len());
    let problems = [
        Unusable { file: Some("pipeline.yaml".into()), line: Some(2), column: None, message: "a".into() },
        Unusable { file: Some("pipeline.yaml".into()), line: Some(7), column: None, message: "b".into() },
    ];
    let blockers: Value = serde_json::from_str(&unusable::gitlab(&problems, &RUN)).expect("JSON");
    assert_eq!(blockers[1]["severity"], "blocker");
    assert_eq!(blockers[1]["location"]["lines"]["begin"], 7);
    assert_ne!(blockers[0]["fingerprint"], blockers[1]["fingerprint"]);
}

/// Every format has each finding of the JSON report once: its code, file and line.
#[test]
fn every_format_has_the_same_findings() {
    let report = report();
    let json: Value = serde_json::from_str(&json::render(&report)).expect("JSON");
    let expected: Vec<(String, Option<String>, Option<u64>)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (d["code"].as_str().expect("code").to_owned(), d["file"].as_str().map(str::to_owned), d["line"].as_u64())
        })
        .collect();
    let sorted = |mut v: Vec<(String, Option<String>, Option<u64>)>| {
        v.sort();
        v
    };

    let log: Value = serde_json::from_str(&sarif::render(&report, &RUN, &source)).expect("SARIF");
    let from_sarif = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let physical = &r["locations"][0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
            let placed = r["locations"][0].get("message").is_some();
            (
                r["ruleId"].as_str().expect("rule").to_owned(),
                (!placed).then(|| uri.to_owned()),
                physical["region"]["startLine"].as_u64(),
            )
        })
        .collect();
    assert_eq!(sorted(from_sarif), sorted(expected.clone()), "SARIF");

    let issues: Value = serde_json::from_str(&gitlab::render(&report, &RUN)).expect("Code Quality");
    let from_gitlab: Vec<_> = issues
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| i["check_name"].as_str().expect("check").to_owned())
        .collect();
    let codes: Vec<String> = expected.iter().map(|(code, _, _)| code.clone()).collect();
    assert_eq!(from_gitlab, codes, "Code Quality, in the report's order");

    let text = junit::render(&report);
    let doc = roxmltree::Document::parse(&text).expect("XML");
    let from_junit: Vec<_> = all(doc.root_element(), "testcase")
        .iter()
        .filter_map(|case| {
            let code = case.attribute("classname")?.rsplit_once('.')?.1.to_owned();
            let line = case.attribute("name")?.split(' ').next()?.split(':').nth(1).and_then(|l| l.parse().ok());
            Some((code, case.attribute("file").map(str::to_owned), line))
        })
        .collect();
    assert_eq!(sorted(from_junit), sorted(expected), "JUnit");
}
