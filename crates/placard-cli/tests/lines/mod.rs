//! Issue 13: line breaking a typesetter would sign, judged on what the build records. Every text
//! layer's lines are in manifest.json (`"lines": [{"text", "size", "ink"}]`); these tests read
//! them back from a real build of the campaign.

use crate::support::*;

/// The manifest of a fresh build of the campaign.
fn campaign_manifest() -> serde_json::Value {
    let out = tempfile::tempdir().expect("temp dir");
    let config = repo().join("pipeline.yaml");
    let args = ["-c", config.to_str().expect("UTF-8"), "build", "--out", out.path().to_str().expect("UTF-8")];
    let output = placard_with_env(&repo(), &args, &[("NO_COLOR", "1")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).expect("a manifest")).expect("JSON")
}

/// Every text layer of every asset: (locale, template, message, its lines' texts), and checks
/// on the way that each line record is whole.
fn layers(manifest: &serde_json::Value) -> Vec<(String, String, String, Vec<String>)> {
    let mut out = Vec::new();
    for asset in manifest["assets"].as_array().expect("assets") {
        let (locale, template) = (asset["locale"].as_str().unwrap_or(""), asset["template"].as_str().unwrap_or(""));
        let (width, height) = (asset["width"].as_i64().unwrap_or(0), asset["height"].as_i64().unwrap_or(0));
        for layer in asset["layers"].as_array().expect("layers") {
            let lines = layer["lines"].as_array().expect("lines recorded");
            let mut texts = Vec::new();
            for line in lines {
                let text = line["text"].as_str().expect("a line's text").to_owned();
                assert!(!text.contains('\u{2060}'), "{locale}/{template}: inserted joiner in {text:?}");
                assert_eq!(line["size"], layer["size"], "each line at the layer's size");
                let ink: Vec<i64> = line["ink"].as_array().expect("ink").iter().filter_map(|v| v.as_i64()).collect();
                let [x, y, w, h] = ink[..] else { panic!("ink is [x, y, w, h]: {line}") };
                assert!(x >= 0 && y >= 0 && x + w <= width && y + h <= height, "{locale}/{template}: {line}");
                texts.push(text);
            }
            // The lines hold the whole text, in order.
            let joined: String = texts.concat();
            let squeezed: String =
                layer["text"].as_str().unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined.chars().filter(|c| !c.is_whitespace()).collect::<String>(), squeezed);
            out.push((
                locale.to_owned(),
                template.to_owned(),
                layer["message"].as_str().unwrap_or("").to_owned(),
                texts,
            ));
        }
    }
    out
}

#[test]
fn issue13_no_orphans_no_stranded_polish_letters_and_no_split_chinese_words_in_the_manifest() {
    let manifest = campaign_manifest();
    let layers = layers(&manifest);
    assert!(layers.iter().any(|(_, _, _, lines)| lines.len() >= 3), "the campaign has multi-line layers");
    let mut faults = Vec::new();
    for (locale, template, message, lines) in &layers {
        let at = format!("{locale}/{template} {message}");
        if let [.., last] = lines.as_slice()
            && lines.len() >= 2
            && placard_layout::words(last).len() == 1
        {
            faults.push(format!("{at}: {last:?} alone on the last line of {lines:?}"));
        }
        if locale == "pl" {
            for line in &lines[..lines.len().saturating_sub(1)] {
                let tail = line.rsplit(char::is_whitespace).next().unwrap_or("");
                let letters = tail.trim_start_matches(|c: char| !c.is_alphanumeric());
                if letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic) {
                    faults.push(format!("{at}: Polish line ends with one-letter {letters:?}: {line:?}"));
                }
            }
        }
        if locale == "zh-Hans" {
            for pair in lines.windows(2) {
                let joined = format!("{}{}", pair[0], pair[1]);
                let seam = pair[0].len();
                if let Some(word) = placard_layout::words(&joined).into_iter().find(|w| w.start < seam && seam < w.end)
                {
                    faults.push(format!("{at}: the word {:?} is split between {pair:?}", &joined[word]));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
