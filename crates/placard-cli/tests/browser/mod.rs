//! The contact sheet and the translator context pages in a real browser: headless Chromium
//! (Debian's `chromium`, which `.ci/run` installs). Every thumbnail and crop must load and keep
//! its proportions, right-to-left rows must render right to left, and no glyph may fall back to
//! a font the output folder does not carry. Screenshots are saved under `target/browser/` to look at.
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
  // Loaded, not decoded: virtual time waits for a file to load but not for a large image to
  // decode, and the sizes compared below are known once it has loaded.
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => { img.onload = img.onerror = done; })));
  for (const img of images) {
    // Shown in its own proportions (natural against displayed size, inside the border)?
    const natural = img.naturalWidth / Math.max(img.naturalHeight, 1);
    const shown = img.clientWidth / Math.max(img.clientHeight, 1);
    const kept = Math.abs(shown / natural - 1) < 0.03 ? 'true-proportions' : `DISTORTED ${img.clientWidth}x${img.clientHeight}`;
    out.push(`img ${img.getAttribute('src')} ${img.naturalWidth > 0 ? 'ok' : 'BROKEN'} ${kept}`);
  }
  // A crop is a window over the whole image: the window keeps the proportions of the part of
  // the image it shows (data-crop, in image pixels), and the image inside it its own.
  for (const div of doc.querySelectorAll('.crop')) {
    const img = div.querySelector('img');
    const [w, h] = div.dataset.crop.split(' ').map(Number);
    // Within 3%, or within the pixel the layout rounds a thin window's height to.
    const fits = Math.abs((div.clientWidth / Math.max(div.clientHeight, 1)) / (w / h) - 1) < 0.03
      || Math.abs(div.clientHeight - div.clientWidth * h / w) <= 1;
    const kept = fits ? 'true-proportions' : `DISTORTED ${div.clientWidth}x${div.clientHeight} for ${w}x${h}`;
    out.push(`crop ${img.getAttribute('src').split('/').slice(-2).join('/')} ${img.naturalWidth > 0 ? 'ok' : 'BROKEN'} ${kept}`);
  }
  // No glyph falls back: every character of every text shown is drawn by a face the page loaded
  // from the output folder. For each character, the first family of the element's font list
  // with a @font-face whose unicode-range covers it is what the browser draws it with; it must
  // exist (a generic family or a system font is a fallback) and have loaded (a face whose file is
  // missing ends in status "error"). document.fonts.check() must agree for the whole text.
  await doc.fonts.ready;
  const faces = [...doc.fonts];
  const unquote = (name) => name.trim().replace(/^["']|["']$/g, '');
  const covers = (face, cp) => face.unicodeRange.split(',').some(r => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-').map(x => parseInt(x, 16));
    return cp >= a && cp <= (Number.isNaN(b) || b === undefined ? a : b);
  });
  const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u;
  let texts = 0;
  const problems = new Set();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || !el.getClientRects().length || el.closest('script, style')) continue;
    texts++;
    const style = getComputedStyle(el);
    const families = style.fontFamily.split(',').map(unquote);
    for (const ch of node.data) {
      if (invisible.test(ch) || /\s/.test(ch)) continue;
      const cp = ch.codePointAt(0);
      let drawn = null;
      for (const family of families) {
        drawn = faces.find(f => unquote(f.family) === family && covers(f, cp));
        if (drawn) break;
      }
      const at = `${el.closest('[lang]')?.getAttribute('lang')} U+${cp.toString(16).toUpperCase()}`;
      if (!drawn) problems.add(`font FALLBACK ${at} (no face of ${style.fontFamily} has it)`);
      else if (drawn.status !== 'loaded') problems.add(`font NOT-LOADED ${unquote(drawn.family)} ${drawn.status}`);
    }
    if (!doc.fonts.check(`${style.fontSize} ${style.fontFamily}`, node.data)) {
      problems.add(`font CHECK-FAILED ${style.fontFamily}`);
    }
  }
  out.push(`fonts ${texts} texts`, ...[...problems].sort());
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

/// What the harness found wrong with the fonts of a page: any glyph that falls back.
fn font_problems(lines: &[String]) -> Vec<&String> {
    lines.iter().filter(|l| l.starts_with("font ")).collect()
}

/// How many text nodes the font check looked at.
fn texts_checked(lines: &[String]) -> usize {
    lines
        .iter()
        .find_map(|l| l.strip_prefix("fonts ")?.strip_suffix(" texts")?.parse().ok())
        .expect("the harness reports the texts it checked")
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
    assert!(texts_checked(&sheet) > 10, "{sheet:#?}");
    assert_eq!(font_problems(&sheet), Vec::<&String>::new(), "the captions' every glyph is a campaign font's");

    for locale in ["ar", "ur", "zh-Hans"] {
        let context = inspect(&browser, &dist, &format!("context/{locale}.html"));
        let crops: Vec<&String> = context.iter().filter(|l| l.starts_with("crop ")).collect();
        // The card shows two messages: each has the reference's crop and the translator's own.
        assert_eq!(crops.len(), 4, "{context:#?}");
        assert!(crops.iter().all(|l| l.contains(" ok ") && l.ends_with(" true-proportions")), "{context:#?}");
        assert_eq!(crops.iter().filter(|l| l.starts_with(&format!("crop {locale}/"))).count(), 2, "{context:#?}");
        assert_eq!(crops.iter().filter(|l| l.starts_with("crop en-GB/")).count(), 2, "{context:#?}");
        let images: Vec<&String> = context.iter().filter(|l| l.starts_with("img ")).collect();
        assert!(images.iter().all(|l| l.ends_with(" ok true-proportions")), "{context:#?}");
        assert!(texts_checked(&context) > 10, "{context:#?}");
        assert_eq!(font_problems(&context), Vec::<&String>::new(), "{locale}: every glyph is a campaign font's");
        if locale != "zh-Hans" {
            let cells: Vec<&String> = context.iter().filter(|l| l.starts_with(&format!("td {locale} "))).collect();
            assert!(!cells.is_empty(), "{context:#?}");
            assert!(
                cells.iter().all(|l| l.starts_with(&format!("td {locale} rtl rtl ")) && !l.ends_with("ends-left")),
                "translations render right to left: {context:#?}"
            );
            assert!(cells.iter().any(|l| l.ends_with("ends-right")), "{context:#?}");
        }
    }

    // The check fails when a font is missing: without its file the Arabic face does not load,
    // and the Arabic text would be drawn by whatever the machine has.
    fs::rename(dist.join("fonts/NotoSansArabic-Regular.ttf"), dist.join("fonts/moved.ttf")).expect("move the font");
    let broken = inspect(&browser, &dist, "context/ar.html");
    let problems = font_problems(&broken);
    assert!(problems.iter().any(|l| l.starts_with("font NOT-LOADED Noto Sans Arabic error")), "{broken:#?}");
    fs::rename(dist.join("fonts/moved.ttf"), dist.join("fonts/NotoSansArabic-Regular.ttf")).expect("move back");

    // Screenshots to look at (not compared: fonts of the browser's own UI text vary by machine).
    let shots = repo().join("target/browser");
    fs::create_dir_all(&shots).expect("screenshot folder");
    for (page, name) in [
        ("index.html", "contact-sheet.png"),
        ("context/ar.html", "context-ar.png"),
        ("context/ur.html", "context-ur.png"),
    ] {
        let shot = shots.join(name);
        let _ = fs::remove_file(&shot);
        let url = format!("file://{}", dist.join(page).display());
        headless(&browser, &["--window-size=1400,1000", &format!("--screenshot={}", shot.display()), &url]);
        let png = image::open(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
        assert_eq!((png.width(), png.height()), (1400, 1000));
    }
}

/// The campaign's own pages: Gurmukhi, Nastaliq, Arabic and CJK all drawn by the committed fonts
/// the build copied into the output folder, none by the machine's.
#[test]
fn every_script_of_the_campaign_renders_in_its_committed_font() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium (install Debian's chromium package, or set PLACARD_CHROMIUM)");
        return;
    };
    let out = tempfile::tempdir().expect("temp dir");
    let config = repo().join("pipeline.yaml");
    let dist = out.path().join("dist");
    let args = [
        "-c",
        config.to_str().expect("UTF-8"),
        "build",
        "--template",
        "x-post",
        "--out",
        dist.to_str().expect("UTF-8"),
    ];
    let output = placard(&repo(), &args);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    for page in ["index.html", "context/pa.html", "context/ur.html", "context/ar.html", "context/zh-Hans.html"] {
        let found = inspect(&browser, &dist, page);
        assert!(texts_checked(&found) > 10, "{page}: {found:#?}");
        assert_eq!(font_problems(&found), Vec::<&String>::new(), "{page}: every glyph is a campaign font's");
        let crops: Vec<&String> = found.iter().filter(|l| l.starts_with("crop ")).collect();
        assert!(crops.iter().all(|l| l.contains(" ok ") && l.ends_with(" true-proportions")), "{page}: {found:#?}");
    }
}
