//! The face a web page loads for a family (the contact sheet's and context pages' @font-face):
//! the regular upright file, and exactly the code points it covers.

use placard_layout::FontLibrary;

fn library() -> FontLibrary {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts");
    let mut fonts = Vec::new();
    // Bold first: the regular face must be chosen for its weight, not its order.
    for name in ["NotoNastaliqUrdu-Bold.ttf", "NotoNastaliqUrdu-Regular.ttf", "NotoSansGurmukhi-Regular.ttf"] {
        fonts.push((name.to_owned(), std::fs::read(dir.join(name)).expect("committed font")));
    }
    FontLibrary::new(fonts).expect("valid fonts")
}

fn covers(ranges: &[std::ops::RangeInclusive<u32>], c: char) -> bool {
    ranges.iter().any(|r| r.contains(&u32::from(c)))
}

#[test]
fn a_family_is_declared_by_its_regular_file_with_what_it_covers() {
    let fonts = library();
    // Noto Nastaliq Urdu Bold says it is regular (weight 400); the library knows better.
    let urdu = fonts.web_face("Noto Nastaliq Urdu").expect("a face");
    assert_eq!(urdu.source, "NotoNastaliqUrdu-Regular.ttf");
    assert!(covers(&urdu.code_points, 'ک') && covers(&urdu.code_points, '۔'));
    assert!(!covers(&urdu.code_points, 'ਸ'), "no Gurmukhi in a Nastaliq font");

    let punjabi = fonts.web_face("Noto Sans Gurmukhi").expect("a face");
    assert_eq!(punjabi.source, "NotoSansGurmukhi-Regular.ttf");
    assert!(covers(&punjabi.code_points, 'ਸ') && covers(&punjabi.code_points, 'ੴ'));
    assert!(!covers(&punjabi.code_points, 'ک'));
    // Sorted, disjoint and not touching: each range as long as it can be.
    assert!(punjabi.code_points.windows(2).all(|w| w[0].end() + 1 < *w[1].start()), "{:?}", punjabi.code_points);

    assert_eq!(fonts.web_face("Noto Sans"), None, "a family not loaded has no face");
}
