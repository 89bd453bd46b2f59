//! The contact sheet and a translator context page in a real browser: headless Chromium (Debian's
//! `chromium`, which `.ci/run` installs). Every thumbnail and crop must load, thumbnails must keep
//! their proportions, and right-to-left rows must render right to left. Screenshots are saved under `target/browser/` to look at.
//! Without Chromium the test says so and passes: set PLACARD_CHROMIUM to use another binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn chromium() -> Option<PathBuf> {
    let candidates = [std::env::var_os("PLACARD_CHROMIUM").map(PathBuf::from), Some("/usr/bin/chromium".into())];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

fn headless(browser: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let output = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A page that loads `target` in a frame, waits for every image and CSS background in it, and
/// writes what it found into `<pre id="result">`, which `--dump-dom` then prints.
const HARNESS: &str = r#"<!doctype html><meta charset="utf-8"><pre id="result">pending</pre>
<script>
// Defined before the frame exists, and called by its onload attribute: a listener added after
// the frame could miss a load that comes first on a busy machine.
const out = [];
async function inspect(frame) {
  const doc = frame.contentDocument;
  const images = [...doc.images];
  images.forEach(img => img.loading = 'eager');
  for (const img of images) {
    try { await img.decode(); } catch (e) {}
    // Shown in its own proportions (natural against displayed size, inside the border)?
    const natural = img.naturalWidth / Math.max(img.naturalHeight, 1);
    const shown = img.clientWidth / Math.max(img.clientHeight, 1);
    const kept = Math.abs(shown / natural - 1) < 0.03 ? 'true-proportions' : `DISTORTED ${img.clientWidth}x${img.clientHeight}`;
    out.push(`img ${img.getAttribute('src')} ${img.naturalWidth > 0 ? 'ok' : 'BROKEN'} ${kept}`);
  }
  for (const div of doc.querySelectorAll('.crop')) {
    const url = getComputedStyle(div).backgroundImage.slice(5, -2);
    const probe = new Image();
    probe.src = url;
    try { await probe.decode(); } catch (e) {}
    out.push(`crop ${url.split('/').slice(-2).join('/')} ${probe.naturalWidth > 0 ? 'ok' : 'BROKEN'}`);
  }
  // Where the last line of a row's caption (or a cell's text) sits: right-to-left text ends at the right.
  const lastLine = (el) => {
    const range = doc.createRange();
    range.selectNodeContents(el);
    const lines = [...range.getClientRects()].filter(r => r.width > 0);
    if (!lines.length) return 'empty';
    const box = el.getBoundingClientRect(), last = lines[lines.length - 1];
    if (Math.abs(last.right - box.right) < 3 && last.left - box.left > 3) return 'ends-right';
    if (Math.abs(last.left - box.left) < 3 && box.right - last.right > 3) return 'ends-left';
    return 'full-width';
  };
  // Whether a size such as 480×300 in `el` shows its width on the left, as written.
  const sizeOrder = (el) => {
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('×');
      if (at < 0) continue;
      const part = (from, to) => { const r = doc.createRange(); r.setStart(node, from); r.setEnd(node, to); return r.getBoundingClientRect(); };
      return part(0, at).left < part(at + 1, node.data.length).left ? ' size-in-order' : ' size-REVERSED';
    }
    return '';
  };
  for (const row of doc.querySelectorAll('tr[dir], td[dir]')) {
    const text = row.tagName === 'TR' ? row.querySelector('figcaption') : row.querySelector('div');
    const style = getComputedStyle(row).direction;
    const size = row.tagName === 'TR' && text ? sizeOrder(text) : '';
    out.push(`${row.tagName.toLowerCase()} ${row.getAttribute('lang')} ${row.getAttribute('dir')} ${style} ${text ? lastLine(text) : 'none'}${size}`);
  }
  document.getElementById('result').textContent = 'done\n' + out.join('\n');
}
</script>
<iframe id="f" src="TARGET" width="1400" height="900" onload="inspect(this)"></iframe>"#;

fn inspect(browser: &Path, dist: &Path, page: &str) -> Vec<String> {
    let harness = dist.join(format!("harness-{}.html", page.replace('/', "-")));
    fs::write(&harness, HARNESS.replace("TARGET", page)).expect("write harness");
    let url = format!("file://{}", harness.display());
    // Virtual time does not wait for image decoding, so on a busy machine the DOM can be dumped
    // before the harness has finished: try again a few times before calling it a failure.
    let mut dom = String::new();
    for _ in 0..5 {
        dom = headless(browser, &["--virtual-time-budget=20000", "--dump-dom", &url]);
        let result = dom.split("<pre id=\"result\">").nth(1).and_then(|s| s.split("</pre>").next()).unwrap_or("");
        if let Some(lines) = result.strip_prefix("done") {
            return lines.lines().skip(1).map(str::to_owned).collect();
        }
    }
    panic!("the harness did not finish on {page} in five tries: {dom}")
}

#[test]
fn contact_sheet_and_context_pages_load_every_image_and_render_rtl_rows_right_to_left() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium (install Debian's chromium package, or set PLACARD_CHROMIUM)");
        return;
    };
    let project = crate::build::golden_copy();
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let dist = project.path().join("dist");

    let sheet = inspect(&browser, &dist, "index.html");
    let images: Vec<&String> = sheet.iter().filter(|l| l.starts_with("img ")).collect();
    assert_eq!(images.len(), 4, "one thumbnail per locale of the golden project: {sheet:#?}");
    assert!(images.iter().all(|l| l.contains(" ok ")), "every thumbnail loads: {sheet:#?}");
    // The golden card is 480×300: a thumbnail squeezed into a square box would be distorted.
    assert!(images.iter().all(|l| l.ends_with(" true-proportions")), "thumbnails keep their proportions: {sheet:#?}");
    for locale in ["ar", "ur"] {
        let row = sheet.iter().find(|l| l.starts_with(&format!("tr {locale} "))).expect("a row");
        // The caption reads right to left, and the image size inside it is not reversed.
        assert_eq!(row, &format!("tr {locale} rtl rtl ends-right size-in-order"), "{sheet:#?}");
    }
    let zh = sheet.iter().find(|l| l.starts_with("tr zh-Hans ")).expect("a row");
    assert_eq!(zh, "tr zh-Hans ltr ltr ends-left size-in-order");

    let context = inspect(&browser, &dist, "context/ar.html");
    let crops: Vec<&String> = context.iter().filter(|l| l.starts_with("crop ")).collect();
    assert!(!crops.is_empty() && crops.iter().all(|l| l.ends_with(" ok")), "every crop loads: {context:#?}");
    let cells: Vec<&String> = context.iter().filter(|l| l.starts_with("td ar ")).collect();
    assert!(!cells.is_empty(), "{context:#?}");
    assert!(
        cells.iter().all(|l| l.starts_with("td ar rtl rtl ") && !l.ends_with("ends-left")),
        "translations render right to left: {context:#?}"
    );
    assert!(cells.iter().any(|l| l.ends_with("ends-right")), "{context:#?}");

    // Screenshots to look at (not compared: fonts of the browser's own UI text vary by machine).
    let shots = repo().join("target/browser");
    fs::create_dir_all(&shots).expect("screenshot folder");
    for (page, name) in [("index.html", "contact-sheet.png"), ("context/ar.html", "context-ar.png")] {
        let shot = shots.join(name);
        let _ = fs::remove_file(&shot);
        let url = format!("file://{}", dist.join(page).display());
        headless(&browser, &["--window-size=1400,1000", &format!("--screenshot={}", shot.display()), &url]);
        let png = image::open(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
        assert_eq!((png.width(), png.height()), (1400, 1000));
    }
}
