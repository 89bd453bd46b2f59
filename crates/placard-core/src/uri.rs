//! Paths in URIs: what the SARIF report (a relative URI reference) and the language server (a
//! `file://` URI) both write.

/// `path` (with `/` between its parts) as a URI path: every byte but RFC 3986's unreserved
/// characters and `/` percent-encoded (a file may be called `zh Hans #2.ftl`).
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_characters_and_slashes_stay() {
        assert_eq!(uri_path("locales/pt-BR/main.ftl"), "locales/pt-BR/main.ftl");
        assert_eq!(uri_path("locales/zh Hans/#2.ftl"), "locales/zh%20Hans/%232.ftl");
        assert_eq!(uri_path("locales/pl/ż.ftl"), "locales/pl/%C5%BC.ftl");
    }
}
