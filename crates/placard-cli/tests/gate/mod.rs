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
    ("qr-mismatch/bad", "qr-mismatch"),
    ("qr-mismatch/wrong-number", "qr-mismatch"),
    ("broken-number/too-wide", "overflow"),
    ("line-collision/bad", "line-collision"),
    ("bidi-order/layout-bad", "bidi-order"),
];

/// The (locale, template) pairs `placard lint` rejects: an error naming a locale rejects that
/// locale's asset of the template; one at the template (no locale) rejects it in every locale.
fn rejected_by_lint(dir: &Path) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let output = placard(dir, &["lint", "--format", "json"]);
    assert_eq!(exit_code(&output), 1, "lint rejects {}", dir.display());
    rejected_in(&stdout(&output))
}

/// [`rejected_by_lint`] from the JSON report, and the locales it covers.
fn rejected_in(json: &str) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON");
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

/// A small campaign (en-GB, Gaelic, Polish; one card) with one layout defect, written to a temp
/// folder: `template` is the card's YAML, `ftl` replaces a locale's text where given.
struct Defect {
    name: &'static str,
    code: &'static str,
    template: &'static str,
    ftl: &'static [(&'static str, &'static str)],
}

const GOOD_FTL: &[(&str, &str)] = &[
    ("en-GB", "headline = Think before you click.\nhelpline = Call Stop It Now! 0131 556 3535\n"),
    ("gd", "headline = Smaoinich mus am briog thu.\nhelpline = Cuir fòn gu Stop It Now! 0131 556 3535\n"),
    ("pl", "headline = Pomyśl, zanim klikniesz.\nhelpline = Zadzwoń: Stop It Now! 0131 556 3535\n"),
];

const CARD: &str = "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n    weight: bold\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [28, 16]\n    color: \"#111111\"\n    band: { color: \"#ffd400\", padding: [8, 12] }\n";

/// The twelve defects the issue lists, each alone in its campaign, and the check that must find it.
const DEFECTS: &[Defect] = &[
    Defect {
        name: "a Gaelic headline that overflows at its minimum size",
        code: "overflow",
        template: "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 60]\n    size: [40, 24]\n    weight: bold\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [28, 16]\n    color: \"#111111\"\n    band: { color: \"#ffd400\", padding: [8, 12] }\n",
        ftl: &[(
            "gd",
            "headline = Smaoinich gu cùramach mus cliog thu air ceangal sam bith, oir faodaidh aon bhriogadh a h-uile càil atharrachadh gu bràth, agus chan urrainn dhut a thoirt air ais.\nhelpline = Cuir fòn gu Stop It Now! 0131 556 3535\n",
        )],
    },
    Defect {
        name: "an emoji no committed font has",
        code: "missing-glyph",
        template: CARD,
        ftl: &[("pl", "headline = Pomyśl, zanim klikniesz 🙂\nhelpline = Zadzwoń: Stop It Now! 0131 556 3535\n")],
    },
    Defect {
        name: "Georgian text no committed font has",
        code: "missing-glyph",
        template: CARD,
        ftl: &[("pl", "headline = დაფიქრდი\nhelpline = Zadzwoń: Stop It Now! 0131 556 3535\n")],
    },
    Defect {
        name: "a rare hanzi no committed font has",
        code: "missing-glyph",
        template: CARD,
        ftl: &[("pl", "headline = 𠜎 Pomyśl\nhelpline = Zadzwoń: Stop It Now! 0131 556 3535\n")],
    },
    Defect {
        name: "yellow helpline text on white",
        code: "contrast",
        template: "size: [600, 400]\nbackground: { color: \"#ffffff\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n    color: \"#111111\"\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [28, 16]\n    color: \"#ffd400\"\n",
        ftl: &[],
    },
    Defect {
        name: "white text on a light photo",
        code: "contrast",
        template: "size: [600, 400]\nbackground: { image: light.png }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n    color: \"#ffffff\"\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [28, 16]\n    color: \"#111111\"\n    band: { color: \"#ffd400\", padding: [8, 12] }\n",
        ftl: &[],
    },
    Defect {
        name: "a helpline layer outside the safe area",
        code: "helpline-hidden",
        template: "size: [600, 400]\nsafe: [40, 40, 520, 320]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [40, 40, 520, 160]\n    size: [40, 20]\n  - text: helpline\n    box: [20, 290, 560, 100]\n    size: [28, 16]\n",
        ftl: &[],
    },
    Defect {
        name: "a helpline under a logo image",
        code: "helpline-hidden",
        template: "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [28, 16]\n  - image: light.png\n    box: [400, 300, 150, 80]\n",
        ftl: &[],
    },
    Defect {
        name: "a helpline missing from a template that requires it",
        code: "helpline-hidden",
        template: "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n",
        ftl: &[],
    },
    Defect {
        name: "a helpline squeezed to 6 px",
        code: "too-small",
        template: "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n  - text: helpline\n    box: [20, 280, 560, 100]\n    size: [6, 6]\n",
        ftl: &[],
    },
    Defect {
        name: "a helpline in a band too narrow for the number",
        code: "overflow",
        template: "size: [600, 400]\nbackground: { color: \"#1b1f4a\" }\nrequires: [helpline]\nlayers:\n  - text: headline\n    box: [20, 20, 560, 160]\n    size: [40, 20]\n  - text: helpline\n    box: [480, 280, 110, 100]\n    size: [28, 16]\n    color: \"#111111\"\n    band: { color: \"#ffd400\", padding: [8, 12] }\n",
        ftl: &[],
    },
];

fn write_campaign(defect: &Defect) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let fonts = repo().join("assets/fonts");
    std::fs::write(
        root.join("pipeline.yaml"),
        format!(
            "locales:\n  dir: locales\n  reference: en-GB\nrequired:\n  - message: helpline\n    contains: [\"Stop It Now!\", \"0131 556 3535\"]\nfonts:\n  dir: {}\n  families: {{ default: Noto Sans }}\ntemplates: [card.yaml]\n",
            fonts.display()
        ),
    )
    .expect("write");
    std::fs::write(root.join("card.yaml"), defect.template).expect("write");
    // A light "photo": a pale gradient, drawn here.
    let photo =
        image::RgbaImage::from_fn(300, 200, |x, y| image::Rgba([235 + (x % 20) as u8, 230 + (y % 25) as u8, 220, 255]));
    photo.save(root.join("light.png")).expect("write the photo");
    for &(locale, text) in GOOD_FTL {
        let text = defect.ftl.iter().find(|(l, _)| *l == locale).map_or(text, |(_, t)| t);
        std::fs::create_dir_all(root.join("locales").join(locale)).expect("mkdir");
        std::fs::write(root.join("locales").join(locale).join("main.ftl"), text).expect("write");
    }
    dir
}

#[test]
fn each_layout_defect_is_found_by_lint_and_refused_by_build() {
    let mut failures = Vec::new();
    for defect in DEFECTS {
        let project = write_campaign(defect);
        let dir = project.path();
        let lint = placard(dir, &["lint", "--format", "json"]);
        let (rejected, locales) = rejected_in(&stdout(&lint));
        if exit_code(&lint) != 1 || !stdout(&lint).contains(&format!("\"code\": \"{}\"", defect.code)) {
            failures.push(format!("{}: lint does not report {}:\n{}", defect.name, defect.code, stdout(&lint)));
            continue;
        }
        let refused = placard(dir, &["build"]);
        if exit_code(&refused) != 1 || dir.join("dist").exists() {
            failures.push(format!("{}: build published it (exit {})", defect.name, exit_code(&refused)));
            continue;
        }
        let partial = placard(dir, &["build", "--skip-failing"]);
        let said = refused_by_build(&stderr(&partial), &["card"]);
        if exit_code(&partial) != 0 || said != rejected {
            failures.push(format!("{}: --skip-failing refused {said:?}, lint rejected {rejected:?}", defect.name));
            continue;
        }
        for locale in &locales {
            let published = dir.join("dist").join(locale).join("card.png").is_file();
            let should = !rejected.contains(&(locale.clone(), "card".to_owned()));
            if published != should {
                failures.push(format!("{}: {locale} published: {published}, should be: {should}", defect.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_small_campaign_without_a_defect_builds_whole() {
    let project = write_campaign(&Defect { name: "none", code: "", template: CARD, ftl: &[] });
    let lint = placard(project.path(), &["lint"]);
    assert_eq!(exit_code(&lint), 0, "{}", stdout(&lint));
    let build = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&build), 0, "{}", stderr(&build));
    for locale in ["en-GB", "gd", "pl"] {
        assert!(project.path().join("dist").join(locale).join("card.png").is_file(), "{locale}");
    }
}
