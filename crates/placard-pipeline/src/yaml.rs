//! Reading the YAML files Placard is configured with (pipeline.yaml, templates): UTF-8 first, then
//! YAML into a raw serde mirror, every failure located by line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::Error;

/// `bytes` as UTF-8; an invalid byte is reported at its line and column.
pub(crate) fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here");
        let line = valid.matches('\n').count() as u64 + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        let message = "the file is not valid UTF-8".into();
        Error::Config { path: path.to_owned(), line: Some(line), column: Some(column), message }
    })
}

/// `text` parsed into `T`; unknown keys are errors when `T` says `deny_unknown_fields`.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Error> {
    serde_saphyr::from_str(text).map_err(|e| {
        let at = e.location();
        Error::Config {
            path: path.to_owned(),
            line: at.map(|l| l.line()),
            column: at.map(|l| l.column()),
            message: e.to_string().lines().next().unwrap_or("invalid YAML").trim().to_owned(),
        }
    })
}
