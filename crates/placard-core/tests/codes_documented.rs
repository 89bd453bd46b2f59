//! docs/checks.md has a section for every check code, and no section for a code that is gone.

use std::collections::BTreeSet;

use placard_core::Code;

#[test]
fn every_code_has_a_section_in_the_checks_page() {
    let doc = include_str!("../../../docs/checks.md");
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("### `"))
        .filter_map(|l| l.split_once('`').map(|(code, _)| code))
        .collect();
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(documented, codes, "docs/checks.md documents exactly the codes Placard has");
}
