//! Each fuzzing finding, by name: the input that failed is in `fuzz/regressions/<target>/<name>`
//! and must now pass through its target's body. docs/RELIABILITY.md lists what each one was.

fn replay(target: &str, name: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions").join(target).join(name);
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    placard_fuzzing::run(target, &data);
}

/// fluent-syntax points an error at the end of a file one byte past it; the span is clamped.
#[test]
fn ftl_parse_error_past_end_of_file() {
    replay("ftl", "parse-error-past-end-of-file");
}

/// cosmic-text counts glyph offsets per paragraph; after a line break, clusters were wrong and
/// slicing the text at them panicked.
#[test]
fn layout_newline_clusters() {
    replay("layout", "newline-clusters");
}

/// png 0.18.1 panics expanding a palette shorter than the image's indices; the panic is contained
/// and the image reported as undecodable.
#[test]
fn image_png_palette_panic() {
    replay("image", "png-palette-panic");
}
