//! docs/RELIABILITY.md lists every `limits:` key with the default and ceiling the code uses.

use placard_core::LIMIT_KEYS;

#[test]
fn every_limit_is_in_the_reliability_table_with_its_default_and_ceiling() {
    let doc = include_str!("../../../docs/RELIABILITY.md");
    for key in LIMIT_KEYS {
        let row = format!("| `{}` | {} | {} |", key.name, key.default_value(), key.ceiling);
        assert!(doc.contains(&row), "docs/RELIABILITY.md needs the row {row}");
    }
    let section = &doc[doc.find("## Limits").expect("a Limits section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let rows = section.lines().filter(|l| l.starts_with("| `"));
    assert_eq!(rows.count(), LIMIT_KEYS.len(), "no documented limit the code does not have");
}
