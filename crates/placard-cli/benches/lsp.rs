//! How long a translator waits, in `placard lsp`, between typing a wrong digit and seeing it
//! flagged, and between fixing it and seeing the finding go: the real binary, driven by the
//! scripted editor of the tests, on the repository's campaign (eight templates, so every change
//! runs the text checks and lays the locale out in every template). The target is 300 ms each.
//!
//! Every round types a number never typed before (`0131 556 3000`, `… 3001`, …), so nothing of
//! it was checked yet: each template that shows the helpline is laid out and checked again
//! ("cold"). The fix goes back to the right number with a wording never seen before (the
//! hashtag term, shown on the cards, gains the round's number): cold too. Then the same fix
//! again: the text the server checked a moment ago ("warm"; what undo costs). Beside them, for
//! scale, the same check as a whole process: `placard lint --locale pl`.
//!
//! `cargo bench -p placard-cli --bench lsp` (ROUNDS=n for more rounds than 20).

#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

#[path = "../tests/lsp/client.rs"]
mod client;

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo");
    let file = "locales/pl/campaign.ftl";
    let (number, hashtag) = ("-helpline-number = 0131 556 3535", "-campaign-hashtag = #NotMyFriend");
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let binary = Path::new(env!("CARGO_BIN_EXE_placard"));

    let mut editor = client::Client::start(binary, &root);
    let text = editor.open(file, 1);
    assert!(text.contains(number) && text.contains(hashtag), "{file} holds the campaign's terms");
    let (_, first) = editor.diagnostics_until(file, |_| true);
    let (mut flag, mut clear, mut warm) = (Vec::new(), Vec::new(), Vec::new());
    let mut version = 1;
    for round in 0..rounds {
        let wrong = text.replacen(number, &format!("-helpline-number = 0131 556 {}", 3000 + round), 1);
        let fixed = text.replacen(hashtag, &format!("{hashtag}{round}"), 1);
        for (text, wanted, times) in [
            (&wrong, true, &mut flag),
            (&fixed, false, &mut clear),
            (&wrong, true, &mut Vec::new()),
            (&fixed, false, &mut warm),
        ] {
            version += 1;
            editor.change(file, version, text);
            let (_, took) = editor.diagnostics_until(file, |d| client::has_code(d, "required-text") == wanted);
            times.push(took);
        }
    }
    assert!(editor.shut_down().success());

    let mut lint = Vec::new();
    for _ in 0..rounds.min(10) {
        let started = Instant::now();
        let output = std::process::Command::new(binary)
            .args(["lint", "--locale", "pl", "--format", "json"])
            .current_dir(&root)
            .output()
            .expect("placard lint runs");
        lint.push(started.elapsed());
        assert!(output.status.code().is_some());
    }

    println!("placard lsp on {} ({file}), {rounds} rounds", root.display());
    println!("  first check after opening: {:.0} ms", ms(first));
    report("wrong digit typed → flagged (cold)", &mut flag);
    report("digit fixed → cleared (cold)", &mut clear);
    report("the same fix again → cleared (warm)", &mut warm);
    report("placard lint --locale pl (process)", &mut lint);
    let median = |v: &[Duration]| ms(v[v.len() / 2]);
    println!("  ratio, flagged (cold) ÷ lint process, medians: {:.2}", median(&flag) / median(&lint));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "  {what}: median {:.0} ms, p95 {:.0} ms, max {:.0} ms (min {:.0} ms)",
        ms(times[times.len() / 2]),
        ms(p95),
        ms(times[times.len() - 1]),
        ms(times[0])
    );
}
