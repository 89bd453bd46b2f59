//! The gate: `placard build` runs every check `placard lint` runs, on the same composition, and
//! refuses exactly what lint rejects — by default by publishing nothing, with `--skip-failing` by
//! publishing the rest and listing each refused asset with its reason.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::*;

/// A fixture with one layout defect each, and the check that finds it.
const LAYOUT_DEFECTS: &[(&str, &str)] = &[
    ("overflow/bad", "overflow"),
    ("too-small/bad", "too-small"),
    ("missing-glyph/bad", "missing-glyph"),
    ("contrast/bad", "contrast"),
    ("helpline-hidden/bad", "helpline-hidden"),
    ("broken-number/bad", "broken-number"),
    ("bidi-order/layout-bad", "bidi-order"),
];

/// The (locale, template) pairs `placard lint` rejects: an error naming a locale rejects that
/// locale's asset of the template; one at the template (no locale) rejects it in every locale.
fn rejected_by_lint(dir: &Path) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let output = placard(dir, &["lint", "--format", "json"]);
    assert_eq!(exit_code(&output), 1, "lint rejects {}", dir.display());
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let locales: BTreeSet<String> =
        report["summary"]["locales"].as_object().expect("locales").keys().cloned().collect();
    let mut rejected = BTreeSet::new();
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        if d["severity"] != "error" {
            continue;
        }
        let Some(template) = d["template"].as_str() else { continue };
        match d["locale"].as_str() {
            Some(locale) => {
                rejected.insert((locale.to_owned(), template.to_owned()));
            }
            None => rejected.extend(locales.iter().map(|l| (l.clone(), template.to_owned()))),
        }
    }
    (rejected, locales)
}

/// What a `--skip-failing` build said it did not publish, as `(locale, template)`: each asset the
/// layout checks refused, and every asset of a locale whose text failed.
fn refused_by_build(stderr: &str, templates: &[&str]) -> BTreeSet<(String, String)> {
    let mut refused = BTreeSet::new();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("warning: not published: ") {
            let (asset, _) = rest.split_once(':').expect("asset: reason");
            let (locale, template) = asset.split_once('/').expect("locale/template");
            refused.insert((locale.to_owned(), template.to_owned()));
        } else if let Some(rest) = line.strip_prefix("warning: not built, lint found errors: ") {
            let locales = rest.split(" (").next().expect("a list");
            for locale in locales.split(", ") {
                refused.extend(templates.iter().map(|t| (locale.to_owned(), (*t).to_owned())));
            }
        }
    }
    refused
}

#[test]
fn build_refuses_exactly_what_lint_rejects_for_every_layout_check() {
    for &(name, code) in LAYOUT_DEFECTS {
        let dir = fixture(name);
        let (rejected, locales) = rejected_by_lint(&dir);
        assert!(!rejected.is_empty(), "{name}: lint names the assets it rejects");

        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("dist");
        let out_arg = out.to_str().expect("UTF-8");
        let output = placard(&dir, &["build", "--out", out_arg]);
        assert_eq!(exit_code(&output), 1, "{name}: build refuses\n{}", stderr(&output));
        assert!(stdout(&output).contains(&format!("error[{code}]")), "{name}: the finding is shown");
        assert!(stderr(&output).contains("nothing was published"), "{name}: {}", stderr(&output));
        assert!(!out.exists(), "{name}: nothing is written when the build refuses");

        let output = placard(&dir, &["build", "--skip-failing", "--out", out_arg]);
        assert_eq!(exit_code(&output), 0, "{name}: {}", stderr(&output));
        let said = stderr(&output);
        assert_eq!(
            refused_by_build(&said, &["card"]),
            rejected,
            "{name}: the refused assets are the rejected ones\n{said}"
        );
        assert!(said.contains(code) || said.contains("not built, lint found errors"), "{name}: the reason\n{said}");
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest")).expect("JSON");
        let published: BTreeSet<(String, String)> = manifest["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .map(|a| (a["locale"].as_str().unwrap().to_owned(), a["template"].as_str().unwrap().to_owned()))
            .collect();
        let all: BTreeSet<(String, String)> = locales.iter().map(|l| (l.clone(), "card".to_owned())).collect();
        let expected: BTreeSet<_> = all.difference(&rejected).cloned().collect();
        assert_eq!(published, expected, "{name}: everything lint passes is published, nothing it rejects");
        for (locale, template) in &rejected {
            assert!(!out.join(locale).join(format!("{template}.png")).exists(), "{name}: {locale}/{template}");
        }
        let sheet = std::fs::read_to_string(out.join("index.html")).expect("contact sheet");
        assert!(sheet.contains("Not published"), "{name}: the contact sheet lists what was refused");
    }
}

#[test]
fn a_fault_of_the_template_is_reported_once_at_its_layer_naming_the_locales() {
    // Near-white text on a light background fails in both locales: one finding, at the layer.
    let output = placard(&fixture("contrast/bad"), &["lint", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let contrast: Vec<&serde_json::Value> =
        report["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "contrast").collect();
    assert_eq!(contrast.len(), 1, "one finding, not one per locale: {contrast:?}");
    let d = contrast[0];
    assert_eq!(d["file"], "card.yaml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(5), Some(5)), "the line of `- text: headline`");
    assert!(d["locale"].is_null());
    assert!(d["message"].as_str().unwrap().contains("en-GB, pl"), "{d}");

    // A Polish headline that overflows where the English fits stays at the Polish message.
    let output = placard(&fixture("overflow/bad"), &["lint", "--format", "json"]);
    let lines = diagnostic_lines(&stdout(&output));
    assert_eq!(lines, ["error overflow pl locales/pl/main.ftl:1:1 headline"]);
}

#[test]
fn a_no_op_rebuild_reuses_the_checked_assets_and_a_template_change_is_checked_again() {
    let project = crate::build::golden_copy();
    let dir = project.path();
    let first = placard(dir, &["build"]);
    assert_eq!(exit_code(&first), 0, "{}", stderr(&first));
    let again = placard(dir, &["build"]);
    assert_eq!(exit_code(&again), 0);
    assert!(stderr(&again).contains("(0 rendered, 4 unchanged)"), "{}", stderr(&again));

    // The designer makes the headline unreadable: the assets are checked again, and refused.
    let card = dir.join("templates/card.yaml");
    let text = std::fs::read_to_string(&card).expect("read");
    std::fs::write(&card, text.replacen("color: \"#ffffff\"", "color: \"#3b1f5c\"", 1)).expect("write");
    let refused = placard(dir, &["build"]);
    assert_eq!(exit_code(&refused), 1, "{}", stderr(&refused));
    assert!(stdout(&refused).contains("error[contrast]"), "{}", stdout(&refused));
    assert!(stdout(&refused).contains("templates/card.yaml"), "at the template: {}", stdout(&refused));
    // The earlier, good set is still there, whole: nothing was published over it.
    let manifest = std::fs::read_to_string(dir.join("dist/manifest.json")).expect("the old manifest");
    assert_eq!(manifest.matches("\"template\": \"card\"").count(), 4, "{manifest}");
}
