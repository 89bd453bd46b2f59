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

/// Placeables nested 30,000 deep overflowed fluent-syntax's recursive parser (a crash, not an
/// error). Braces nested deeper than `limits.placeable_depth` (64) are now a `syntax` finding.
#[test]
fn ftl_deep_placeable_nesting() {
    let mut data = b"hello = Hi\nwelcome = ".to_vec();
    data.extend("{ ".repeat(30_000).as_bytes());
    data.extend(b"\"x\"");
    data.extend(" }".repeat(30_000).as_bytes());
    data.extend(b"\nbye = Bye\n");
    placard_fuzzing::ftl(&data);
    let parsed = placard_fluent::ParsedFile::parse(String::from_utf8(data).expect("ASCII"));
    assert!(
        parsed.problems().iter().any(|p| p.message.contains("nested more than 64 deep")),
        "{:?}",
        parsed.problems()
    );
    assert_eq!(parsed.ast().body.iter().filter(|e| matches!(e, placard_fluent::ast::Entry::Message(_))).count(), 3);
}

/// A bidi paragraph separator inside a line (here U+001D) gave the line two paragraphs of
/// different directions, and cosmic-text asserts there is one: the layout panicked. Such
/// separators are now laid out as spaces of the same length.
#[test]
fn layout_paragraph_separator_direction() {
    replay("layout", "paragraph-separator-direction");
    for separator in ['\u{1C}', '\u{1D}', '\u{1E}', '\u{85}', '\u{2029}'] {
        let mut data = vec![70, 40, 60, 14, 1, 1, 10, 0x81];
        data.extend(format!("اتصل{separator}Stop It Now! 0131 556 3535").as_bytes());
        placard_fuzzing::layout(&data);
    }
}

/// With a Latin fallback family (rich text), cosmic-text split `\n\r` into two lines where plain
/// text takes it as one line ending, so clusters fell inside characters. Line endings are now
/// all given to cosmic-text as `\n`, with a map back to the caller's offsets.
#[test]
fn layout_carriage_return_in_rich_text() {
    replay("layout", "carriage-return-in-rich-text");
}

/// Found by reading the template code while adding the canvas limits: a bleed over 2^31 px was
/// cast to i32 and doubled, which overflows (a panic with debug assertions, a wrong check
/// without). The bleed is now compared with the canvas in u64 first.
#[test]
fn yaml_huge_bleed() {
    replay("yaml", "huge-bleed");
    let data =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/yaml/huge-bleed"))
            .expect("regression input");
    let project = std::path::Path::new("/nonexistent/project");
    let err =
        placard_pipeline::Template::parse(&project.join("card.yaml"), &data, project, &placard_core::Limits::default())
            .expect_err("no canvas is left");
    assert!(err.to_string().contains("bleed 3000000000 px leaves no canvas"), "{err}");
}

/// `limits.placeable_depth` may be raised to its ceiling (128): nesting that deep must still
/// parse on a worker thread's stack (rayon's threads have 2 MiB; files are parsed on them), even
/// in an unoptimised build, which overflows near 200.
#[test]
fn ftl_placeable_nesting_at_the_ceiling_fits_a_worker_stack() {
    let ceiling = placard_core::LIMIT_KEYS.iter().find(|k| k.name == "placeable_depth").expect("key").ceiling;
    let depth = ceiling as usize;
    let text = format!("deep = {}\"x\"{}\n", "{ ".repeat(depth), " }".repeat(depth));
    let limits = placard_core::Limits { placeable_depth: depth, ..Default::default() };
    let parsed = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || placard_fluent::ParsedFile::parse_with(text, &limits).problems().len())
        .expect("spawn")
        .join()
        .expect("parsed without overflowing the stack");
    assert_eq!(parsed, 0, "{depth} levels are within the limit");
}
