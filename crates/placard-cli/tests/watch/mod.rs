//! `placard watch`: a saved change is linted and built again, the new finding shown, and the
//! contact sheet told to reload.

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Kills the watcher however the test ends.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_saved_change_is_linted_and_built_again_and_the_contact_sheet_reloads() {
    let project = crate::build::golden_copy();
    let dir = project.path();
    let mut child = Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(["watch", "--debounce", "200"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("placard watch starts");
    let stdout = child.stdout.take().expect("stdout");
    let _watcher = Watcher(child);
    let (lines, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Collects output until a line starts with `until`, or fails after a minute.
    let mut seen = String::new();
    let mut wait_for = |until: &str| -> String {
        let mut block = String::new();
        loop {
            let line = receive
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no line starting with `{until}` within a minute; so far:\n{seen}{block}"));
            block.push_str(&line);
            block.push('\n');
            if line.starts_with(until) {
                seen.push_str(&block);
                return block;
            }
        }
    };

    let first = wait_for("watching ");
    assert!(first.contains("lint: 0 errors, 0 warnings") && first.contains("built 4 files (4 rendered"), "{first}");
    // The folders are listed relative to the project; the fonts come from the repository, which may
    // sort before or after the temporary project, so the order of the list is not asserted.
    let watching = first.lines().find_map(|l| l.strip_prefix("watching ")).expect("watching line");
    let watching = watching.strip_suffix(" (Ctrl-C to stop)").expect("how to stop");
    let mut listed: Vec<&str> = watching.split(", ").collect();
    listed.sort_unstable();
    assert_eq!(listed.len(), 4, "{first}");
    assert!(listed[0].ends_with("assets/fonts"), "the fonts folder is watched: {first}");
    assert_eq!(listed[1..], ["locales", "pipeline.yaml", "templates"], "{first}");
    let index = fs::read_to_string(dir.join("dist/index.html")).expect("contact sheet");
    assert!(index.contains("function placardBuild(id)"), "the page polls for new builds");
    let build_js = || fs::read_to_string(dir.join("dist/build.js")).expect("build.js");
    let before = build_js();
    assert!(index.contains(&before[before.find('"').expect("id")..before.rfind('"').expect("id")]));

    // A translator breaks the helpline in Arabic: the finding appears, Arabic is left out.
    let card = dir.join("locales/ar/card.ftl");
    let good = fs::read_to_string(&card).expect("ftl");
    fs::write(&card, good.replace("{ -helpline-number }\n", "0131 556 353\n")).expect("edit");
    let round = wait_for("built ");
    assert!(
        round.starts_with("\nchanged: locales/ar/card.ftl\n") || round.starts_with("changed: locales/ar/card.ftl"),
        "{round}"
    );
    assert!(round.contains("error[required-text]") && round.contains("--> locales/ar/card.ftl:4:1"), "{round}");
    assert!(round.contains("lint: 1 errors, 0 warnings (1 new, 0 fixed)"), "{round}");
    assert!(round.contains("not built, lint found errors: ar"), "{round}");
    assert!(round.contains("built 3 files (0 rendered, 3 unchanged)"), "only what changed: {round}");
    assert_ne!(build_js(), before, "the open contact sheet sees a new build and reloads");

    // Fixed again: the finding is gone and Arabic is built again.
    fs::write(&card, &good).expect("edit");
    let round = wait_for("built ");
    assert!(round.contains("lint: 0 errors, 0 warnings (0 new, 1 fixed)"), "{round}");
    assert!(round.contains("built 4 files (1 rendered, 3 unchanged)"), "{round}");
}
