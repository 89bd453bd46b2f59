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

/// `rel` resolved against `root`, or why it may not be used: project files (templates, images,
/// fonts) must be relative paths that stay inside the project folder, also after following
/// symbolic links.
pub fn inside(root: &Path, rel: &str) -> Result<std::path::PathBuf, String> {
    let path = Path::new(rel);
    if rel.is_empty() {
        return Err("is empty".to_owned());
    }
    if path.is_absolute() || path.components().any(|c| matches!(c, Component::Prefix(_) | Component::RootDir)) {
        return Err("must be a path relative to the project folder".to_owned());
    }
    let mut depth: i32 = 0;
    for component in path.components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return Err("leads outside the project folder".to_owned());
        }
    }
    let joined = root.join(path);
    // A symbolic link inside the project may still point outside it.
    if let (Ok(real), Ok(real_root)) = (joined.canonicalize(), root.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err("leads outside the project folder through a symbolic link".to_owned());
    }
    Ok(joined)
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

/// Writes `bytes` to `path` atomically, creating its folder: a temporary file in the same
/// folder, flushed to disk, then renamed over `path`, so a reader (or an interrupted run) never
/// sees a half-written file. The temporary file is removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_paths_stay_inside() {
        let root = Path::new(".");
        assert!(inside(root, "assets/templates/a.yaml").is_ok());
        assert!(inside(root, "assets/../assets/a.yaml").is_ok());
        assert!(inside(root, "../secrets.yaml").is_err());
        assert!(inside(root, "assets/../../x").is_err());
        assert!(inside(root, "/etc/passwd").is_err());
        assert!(inside(root, "").is_err());
    }

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
