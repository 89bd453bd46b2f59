//! `placard lsp` driven by a scripted editor, on the repository's own campaign: the server reads
//! the project and never writes, so every edit here lives only in the "editor". What a
//! translator would check: a wrong digit typed is flagged at the term and cleared when fixed,
//! before the file is saved; hover tells them the reference text and how their text fits; go to
//! definition finds the term; the quick fixes make the edits they promise.

pub mod client;

use serde_json::{Value, json};

use crate::support::*;
use client::{Client, has_code};

const CAMPAIGN: &str = "locales/pl/campaign.ftl";
const DETERRENCE: &str = "locales/pl/deterrence.ftl";

fn start() -> Client {
    Client::start(std::path::Path::new(env!("CARGO_BIN_EXE_placard")), &repo())
}

/// The zero-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> u64 {
    text.lines().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix}")) as u64
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or("").to_owned()).collect()
}

#[test]
fn a_wrong_digit_is_flagged_as_it_is_typed_and_cleared_when_fixed() {
    let mut editor = start();
    let text = editor.open(CAMPAIGN, 1);
    let (clean, _) = editor.diagnostics_until(CAMPAIGN, |_| true);
    assert_eq!(codes(&clean), Vec::<String>::new(), "the campaign is clean: {clean:?}");

    let wrong = text.replace("-helpline-number = 0131 556 3535", "-helpline-number = 0131 556 3353");
    assert_ne!(wrong, text);
    editor.change(CAMPAIGN, 2, &wrong);
    let (flagged, _) = editor.diagnostics_until(CAMPAIGN, |d| has_code(d, "required-text"));
    let finding = flagged.iter().find(|d| d["code"] == "required-text").expect("required-text");
    assert_eq!(finding["severity"], 1, "an error");
    let line = line_of(&wrong, "-helpline-number");
    // At the term's value, the digits that are wrong: where the fix goes.
    assert_eq!(finding["range"]["start"]["line"], line, "{finding}");
    assert_eq!(finding["range"]["start"]["character"], "-helpline-number = ".len());
    let message = finding["message"].as_str().expect("message");
    assert!(message.contains("0131 556 3535") && message.contains("0131 556 3353"), "{message}");
    // The messages that show the term are named as related locations, in the other file.
    let related = finding["relatedInformation"].as_array().expect("related locations");
    assert!(
        related.iter().any(|r| r["location"]["uri"].as_str().is_some_and(|u| u.ends_with(DETERRENCE))),
        "{related:?}"
    );

    editor.change(CAMPAIGN, 3, &text);
    let (cleared, _) = editor.diagnostics_until(CAMPAIGN, |d| !has_code(d, "required-text"));
    assert_eq!(codes(&cleared), Vec::<String>::new());
    assert!(editor.shut_down().success(), "placard lsp exits 0 after shutdown and exit");
}

#[test]
fn layout_findings_name_the_template_and_hover_shows_how_the_text_fits() {
    let mut editor = start();
    let text = editor.open(DETERRENCE, 1);
    editor.diagnostics_until(DETERRENCE, |_| true);
    let line = line_of(&text, "helpline-contact");
    let hover = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": editor.uri(DETERRENCE) }, "position": { "line": line, "character": 3 } }),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(shown.contains("Reference (en-GB): “Stop It Now! 0131 556 3535”"), "{shown}");
    assert!(shown.contains("helpline-contact = { -helpline-name } { -helpline-number }"), "{shown}");
    assert!(
        shown.contains("How the pl text fits:") && shown.contains(" px, 1 line: “Stop It Now! 0131 556 3535”"),
        "{shown}"
    );

    // A headline far too long for its box: overflow, at the message, naming template and layer.
    let headline = text.lines().find(|l| l.starts_with("deterrence-headline = ")).expect("a headline").to_owned();
    let long = text.replace(&headline, &format!("{headline}{}", " bardzo długie słowa".repeat(40)));
    editor.change(DETERRENCE, 2, &long);
    let (found, _) = editor.diagnostics_until(DETERRENCE, |d| has_code(d, "overflow"));
    let overflow = found.iter().find(|d| d["code"] == "overflow").expect("overflow");
    assert_eq!(overflow["range"]["start"]["line"], line_of(&long, "deterrence-headline = "));
    let message = overflow["message"].as_str().expect("message");
    assert!(message.contains("(template ") && message.contains("layers["), "{message}");

    // A line typed above it moves the finding with the message (the layout is the same).
    let moved = format!("# A note.\n{long}");
    editor.change(DETERRENCE, 3, &moved);
    let line = line_of(&moved, "deterrence-headline = ");
    let (found, _) = editor.diagnostics_until(DETERRENCE, |d| {
        d.iter().any(|d| d["code"] == "overflow" && d["range"]["start"]["line"] == line)
    });
    assert_eq!(
        found.iter().filter(|d| d["code"] == "overflow").count(),
        codes(&found).iter().filter(|c| *c == "overflow").count()
    );
    // And the shorter text clears it.
    editor.change(DETERRENCE, 4, &text);
    editor.diagnostics_until(DETERRENCE, |d| !has_code(d, "overflow"));
}

#[test]
fn definition_follows_a_term_reference_into_another_file() {
    let mut editor = start();
    let text = editor.open(DETERRENCE, 1);
    let line = text.lines().position(|l| l.starts_with("helpline-contact")).expect("line");
    let column = text.lines().nth(line).and_then(|l| l.find("-helpline-number")).expect("the reference");
    let found = editor.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": editor.uri(DETERRENCE) }, "position": { "line": line, "character": column + 2 } }),
    );
    assert!(found["uri"].as_str().is_some_and(|u| u.ends_with(CAMPAIGN)), "{found}");
    let campaign = std::fs::read_to_string(repo().join(CAMPAIGN)).expect("campaign.ftl");
    assert_eq!(found["range"]["start"]["line"], line_of(&campaign, "-helpline-number"));
}

/// The code actions offered for `range` of `rel` with `diagnostics` in context.
fn actions(editor: &mut Client, rel: &str, line: u64, diagnostics: &[Value]) -> Vec<Value> {
    let result = editor.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": editor.uri(rel) },
            "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 0 } },
            "context": { "diagnostics": diagnostics }
        }),
    );
    result.as_array().cloned().unwrap_or_default()
}

/// `text` with `action`'s edits to `uri` applied (edits do not overlap).
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let edits = action["edit"]["changes"][uri].as_array().expect("edits to the file");
    let offset = |p: &Value| {
        let line = p["line"].as_u64().expect("line") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let units = p["character"].as_u64().expect("character") as usize;
        let mut seen = 0;
        let line_text = &text[start..];
        start
            + line_text
                .char_indices()
                .find(|(_, c)| {
                    let here = seen >= units;
                    seen += c.len_utf16();
                    here
                })
                .map_or(line_text.len(), |(i, _)| i)
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().expect("text")))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn a_typed_helpline_number_becomes_its_term() {
    let mut editor = start();
    let text = editor.open(DETERRENCE, 1);
    let typed = text.replace(
        "helpline-contact = { -helpline-name } { -helpline-number }",
        "helpline-contact = { -helpline-name } 0131 556 3353",
    );
    editor.change(DETERRENCE, 2, &typed);
    let (found, _) = editor.diagnostics_until(DETERRENCE, |d| has_code(d, "required-text"));
    let line = line_of(&typed, "helpline-contact");
    let offered = actions(&mut editor, DETERRENCE, line, &found);
    let fix = offered
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Use { -helpline-number }")))
        .unwrap_or_else(|| panic!("{offered:?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(apply(&typed, fix, &editor.uri(DETERRENCE)), text, "the fix restores the term");
}

#[test]
fn a_number_in_a_right_to_left_locale_is_wrapped_in_isolation_marks() {
    let mut editor = start();
    let rel = "locales/ar/campaign.ftl";
    let text = editor.open(rel, 1);
    let bare = text.replace("{ \"\\u2066\" }0131 556 3535{ \"\\u2069\" }", "0131 556 3535");
    assert_ne!(bare, text, "the Arabic number term is isolated");
    editor.change(rel, 2, &bare);
    editor.diagnostics_until(rel, |_| true);
    let line = line_of(&bare, "-helpline-number");
    let offered = actions(&mut editor, rel, line, &[]);
    let wrap = offered
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Wrap 0131 556 3535 in isolation marks")))
        .unwrap_or_else(|| panic!("{offered:?}"));
    assert_eq!(apply(&bare, wrap, &editor.uri(rel)), text, "the fix writes the marks the campaign uses");
    // A left-to-right locale is not offered the marks.
    let pl = editor.open(CAMPAIGN, 1);
    let offered = actions(&mut editor, CAMPAIGN, line_of(&pl, "-helpline-number"), &[]);
    assert!(!offered.iter().any(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Wrap"))), "{offered:?}");
}

#[test]
fn a_missing_message_is_inserted_from_the_reference_commented_out() {
    let mut editor = start();
    let text = editor.open(DETERRENCE, 1);
    let line = text.lines().find(|l| l.starts_with("helpline-lead = ")).expect("helpline-lead").to_owned();
    let without = text.replace(&format!("{line}\n"), "");
    editor.change(DETERRENCE, 2, &without);
    let (found, _) = editor.diagnostics_until(DETERRENCE, |d| has_code(d, "missing-message"));
    let missing: Vec<Value> = found.iter().filter(|d| d["code"] == "missing-message").cloned().collect();
    let offered = actions(&mut editor, DETERRENCE, 0, &missing);
    let insert = offered
        .iter()
        .find(|a| a["title"] == "Insert `helpline-lead` from en-GB, commented out, to translate")
        .unwrap_or_else(|| panic!("{offered:?}"));
    let inserted = apply(&without, insert, &editor.uri(DETERRENCE));
    let reference = std::fs::read_to_string(repo().join("locales/en-GB/deterrence.ftl")).expect("reference");
    let english = reference.lines().find(|l| l.starts_with("helpline-lead = ")).expect("reference line");
    assert!(inserted.contains(&format!("\n# {english}\n")), "{inserted}");
    assert!(inserted.starts_with(&without), "inserted at the end, nothing else changed");
}

#[test]
fn a_broken_pipeline_is_shown_on_pipeline_yaml_and_the_server_keeps_running() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("locales/en-GB")).expect("mkdir");
    std::fs::write(dir.path().join("locales/en-GB/main.ftl"), "hello = Hello\n").expect("write");
    std::fs::write(dir.path().join("pipeline.yaml"), "reference: en-GB\nlocales:\n  dir: [locales\n").expect("write");
    let mut editor = Client::start(std::path::Path::new(env!("CARGO_BIN_EXE_placard")), dir.path());
    let (found, _) = editor.diagnostics_until("pipeline.yaml", |d| !d.is_empty());
    assert_eq!(found[0]["code"], "unusable-input");
    assert!(found[0]["range"]["start"]["line"].as_u64().is_some(), "{found:?}");
    // Hover on a file of the broken project still answers (nothing to say).
    editor.open("locales/en-GB/main.ftl", 1);
    let hover = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": editor.uri("locales/en-GB/main.ftl") }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(hover, Value::Null);
    assert!(editor.shut_down().success());
}
