//! Where a folder's index lives: one index per corpus folder, so that an index answers
//! only for the folder it was built from and building one never overwrites another's.
//!
//! The default place is `<out>/index/<key>.sqlite`, the key a hash of the folder's
//! canonical path (`data/` and `./data` are one folder, `data/` and `other/` two); the
//! folder itself is recorded inside the index, and checked on every use.

use std::path::{Path, PathBuf};

/// The index of the folder `data` under the output folder `out`.
pub fn default_path(out: &Path, data: &Path) -> PathBuf {
    out.join("index").join(format!("{}.sqlite", folder_key(data)))
}

/// The folder's canonical path (links resolved, `.` and `..` gone), as the index records
/// the folder it was built from; the path as given where it cannot be resolved.
pub fn canonical(dir: &Path) -> String {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).to_string_lossy().into_owned()
}

/// A short stable name for a folder: the first 16 hex digits of the BLAKE3 hash of its
/// canonical path.
pub fn folder_key(data: &Path) -> String {
    let canonical = canonical(data);
    blake3::hash(canonical.as_bytes()).to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_folder_one_place_two_folders_two() {
        let here = std::env::current_dir().unwrap();
        let out = Path::new("out");
        assert_eq!(default_path(out, Path::new("src")), default_path(out, &here.join("src")));
        assert_ne!(default_path(out, Path::new("src")), default_path(out, Path::new("tests")));
        assert!(default_path(out, Path::new("src")).starts_with("out/index"));
    }
}
