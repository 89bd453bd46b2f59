//! Paths as shown to users: relative to the config's folder, always with `/`.

use std::path::{Component, Path};

/// `path` relative to `base`, lexically (no file system access), with `/` separators.
/// Both are expected to be absolute or both relative to the same folder.
pub fn relative(path: &Path, base: &Path) -> String {
    if path.is_absolute() != base.is_absolute() {
        // Mixed: compare both as absolute paths (this reads the current folder, nothing else).
        if let (Ok(path), Ok(base)) = (std::path::absolute(path), std::path::absolute(base)) {
            return relative(&path, &base);
        }
    }
    let path = normalize(path);
    let base = normalize(base);
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = base[common..].iter().map(|_| "..".to_owned()).collect();
    parts.extend(path[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { ".".to_owned() } else { parts.join("/") }
}

/// The components of `path` with `.` dropped and `name/..` pairs folded, lexically.
fn normalize(path: &Path) -> Vec<Component<'_>> {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/p/locales/pl"), Path::new("/p")), "locales/pl");
        assert_eq!(relative(Path::new("/shared/corpus"), Path::new("/p/job")), "../../shared/corpus");
        assert_eq!(relative(Path::new("/p"), Path::new("/p")), ".");
        assert_eq!(relative(Path::new("./locales"), Path::new(".")), "locales");
        assert_eq!(relative(Path::new("/work/main/../shared/x"), Path::new("/tmp/job")), "../../work/shared/x");
        let here = std::env::current_dir().expect("a current folder");
        assert_eq!(relative(&here.join("locales"), Path::new(".")), "locales");
    }
}
