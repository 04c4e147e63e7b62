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

/// What is kept for one folder under the output folder, each file named by the folder's
/// key (made once: it resolves the folder's path and hashes it): its index, the header
/// cache of the few documents a command names (`corpus::headers`) and its listing
/// (`corpus::listing`). The caches stay there wherever `--index` points, so nothing is
/// ever written into the corpus folder.
pub struct Places {
    pub index: PathBuf,
    pub headers: PathBuf,
    pub walk: PathBuf,
}

impl Places {
    pub fn of(out: &Path, data: &Path) -> Places {
        let index = default_path(out, data);
        Places { headers: index.with_extension("headers"), walk: index.with_extension("walk"), index }
    }
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
        let places = Places::of(out, Path::new("src"));
        assert_eq!(places.index, default_path(out, Path::new("src")));
        assert_eq!((places.headers.extension().unwrap(), places.walk.extension().unwrap()), ("headers".as_ref(), "walk".as_ref()));
        assert_eq!(places.headers.with_extension("sqlite"), places.index);
        assert_eq!(places.walk.with_extension("sqlite"), places.index);
    }
}
