//! The corpus folder's walk, kept between commands.
//!
//! Every command that reads the corpus lists its folder (and the folders below it) to
//! learn which texts it holds: on 655 texts a third of a millisecond, most of it the file
//! system sorting the folder's entries. Where nothing was added, removed or renamed since
//! the last walk, the listing is the same, and the folder says so: an entry made, removed
//! or renamed sets its folder's modification time. The walk is therefore kept under the
//! output folder (`<out>/index/<key>.walk`) with each folder's identity and times, and a
//! command whose folders all still have them takes the kept walk rather than listing
//! them again. The texts' own stats are still taken by every command (a text rewritten in
//! place leaves its folder as it was); this spares only the listing.
//!
//! A walk is kept only where it can be trusted later:
//! - every entry was placed by its folder entry alone (`Walk::by_entries`: no link, no
//!   voting file opened to tell it from other `.csv` files, no folder that could not be
//!   listed), so that nothing but the folders' entries decides it;
//! - every folder's last change is at least two seconds older than the walk's start: a
//!   change made after the walk then gives the folder a newer time even on a file
//!   system that keeps times to the second (or the two seconds of FAT), where a change
//!   in the same tick as the walk could otherwise leave the time as the walk saw it.
//!
//! A kept walk that cannot be read, was written by another build, or whose folders no
//! longer match is ignored, and the folder listed; where the walk cannot be written (a
//! read-only output folder) nothing else changes.

use crate::error::Error;
use crate::reader::{self, Skipped, Walk};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The walk of `dir`: the one kept at `kept` where `dir`'s folders are as it found them,
/// else a new walk, kept there when it can be trusted later (see the module's notes).
pub fn walk(dir: &Path, kept: Option<&Path>) -> Result<Walk, Error> {
    walk_settled(dir, kept, SETTLED_NS)
}

/// [`walk`], keeping a walk whose folders last changed `settled_ns` before it began.
fn walk_settled(dir: &Path, kept: Option<&Path>, settled_ns: i128) -> Result<Walk, Error> {
    if let Some(walk) = kept.and_then(|kept| read(dir, kept)) {
        return Ok(walk);
    }
    let began = SystemTime::now();
    let walk = reader::walk(dir)?;
    if let Some(kept) = kept
        && walk.by_entries
        && let Some(record) = record(dir, &walk, began, settled_ns)
    {
        super::write_whole(kept, &record);
    }
    Ok(walk)
}

/// The reader's fingerprint: another build may place the same entries differently (read
/// other extensions, pass over other names).
const VERSION: &str = concat!("lineage-walk-1-", env!("LINEAGE_READER_FINGERPRINT"));

/// A change to a folder this much older than a walk cannot share a time with a later one.
const SETTLED_NS: i128 = 2_000_000_000;

/// The kept walk, as MessagePack. Paths are below the corpus folder, `/` between folders.
#[derive(Serialize, Deserialize)]
struct Record {
    version: String,
    /// The corpus folder first, then every folder below it that the walk listed.
    folders: Vec<Folder>,
    texts: Vec<String>,
    /// The files passed over, with the reason.
    skipped: Vec<(String, String)>,
}

/// A folder as the walk found it: the same folder (device and inode), with the same
/// times.
#[derive(Serialize, Deserialize, PartialEq, Eq, Debug)]
struct Folder {
    below: String,
    stamp: Stamp,
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Debug, Clone, Copy)]
struct Stamp {
    device: u64,
    inode: u64,
    modified_ns: i128,
    changed_ns: i128,
}

#[cfg(unix)]
fn stamp(folder: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(folder).ok()?;
    let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
    meta.is_dir().then(|| Stamp {
        device: meta.dev(),
        inode: meta.ino(),
        modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
        changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
    })
}

/// Only where a folder's identity and times are known (Unix) is a walk kept.
#[cfg(not(unix))]
fn stamp(_: &Path) -> Option<Stamp> {
    None
}

/// `path` below `dir`, as UTF-8: a walk with a name that is not is not kept.
fn below(dir: &Path, path: &Path) -> Option<String> {
    super::utf8(super::below(dir, path)?).map(str::to_string)
}

/// The record of `walk`, where each of its folders last changed `settled_ns` or more
/// before the walk `began`.
fn record(dir: &Path, walk: &Walk, began: SystemTime, settled_ns: i128) -> Option<Record> {
    let began_ns = i128::try_from(began.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos()).ok()?;
    let folders = walk
        .folders
        .iter()
        .map(|folder| {
            let below = if folder == dir { String::new() } else { below(dir, folder)? };
            let stamp = stamp(folder)?;
            (stamp.modified_ns.max(stamp.changed_ns) + settled_ns <= began_ns).then_some(Folder { below, stamp })
        })
        .collect::<Option<Vec<Folder>>>()?;
    if folders.first().is_none_or(|root| !root.below.is_empty()) || !walk.votes.is_empty() {
        return None;
    }
    Some(Record {
        version: VERSION.to_string(),
        folders,
        texts: walk.texts.iter().map(|text| below(dir, text)).collect::<Option<_>>()?,
        skipped: walk.skipped.iter().map(|s| Some((below(dir, &s.path)?, s.reason.clone()))).collect::<Option<_>>()?,
    })
}

/// The walk kept at `kept`, where every folder it lists is still as it was.
fn read(dir: &Path, kept: &Path) -> Option<Walk> {
    let bytes = std::fs::read(kept).ok()?;
    let record: Record = rmp_serde::from_slice(&bytes).ok()?;
    if record.version != VERSION || record.folders.first().is_none_or(|root| !root.below.is_empty()) {
        return None;
    }
    // Every path below the folder, as the walk makes them: a kept walk never leads out of
    // it, whatever the file holds.
    let mut paths = record.folders[1..].iter().map(|f| &f.below).chain(&record.texts).chain(record.skipped.iter().map(|(path, _)| path));
    if !paths.all(|path| super::plain_names(path.as_bytes())) {
        return None;
    }
    let at = |below: &str| if below.is_empty() { dir.to_path_buf() } else { reader::join(dir, below.as_ref()) };
    let folders: Vec<PathBuf> = record.folders.iter().map(|f| at(&f.below)).collect();
    let unchanged = record.folders.iter().zip(&folders).all(|(f, path)| stamp(path) == Some(f.stamp));
    unchanged.then(|| Walk {
        texts: record.texts.iter().map(|t| at(t)).collect(),
        votes: Vec::new(),
        skipped: record.skipped.into_iter().map(|(path, reason)| Skipped { path: at(&path), reason }).collect(),
        folders,
        by_entries: true,
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The folder's modification time set in the past, as a folder left alone since. Its
    /// change time is now, and no change in the same tick can be told from the walk's:
    /// the walks below keep folders changed up to their start (`walk_settled(.., 0)`),
    /// and each change then gives its folder a new modification time.
    fn settle(path: &Path) {
        let past = SystemTime::now() - std::time::Duration::from_secs(10);
        std::fs::File::open(path).unwrap().set_modified(past).unwrap();
    }

    fn keep(data: &Path, kept: &Path) -> Walk {
        walk_settled(data, Some(kept), 0).unwrap()
    }

    #[test]
    fn a_kept_walk_is_the_walk_until_a_folder_changes() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(data.join("empty")).unwrap();
        for (name, text) in [("a.txt", "A"), ("sub/b.md", "B"), ("sub/deeper/c.txt", "C"), ("notes.pdf.part", "?")] {
            std::fs::write(data.join(name), text).unwrap();
        }
        let kept = dir.path().join("out/index/key.walk");
        // Folders changed within the last two seconds: the walk is not kept (a change in
        // the same tick as the walk could go unseen).
        let fresh = walk(&data, Some(&kept)).unwrap();
        assert!(fresh.by_entries && !kept.exists());
        for folder in ["", "sub", "sub/deeper", "empty"] {
            settle(&data.join(folder));
        }
        let fresh = keep(&data, &kept);
        assert!(kept.exists());
        let again = read(&data, &kept).expect("the kept walk is taken");
        assert_eq!((&again.texts, &again.folders), (&fresh.texts, &fresh.folders));
        assert_eq!(again.texts.len(), 3);
        assert_eq!(again.folders.len(), 4);
        let reasons = |w: &Walk| w.skipped.iter().map(|s| (s.path.clone(), s.reason.clone())).collect::<Vec<_>>();
        assert_eq!(reasons(&again), reasons(&fresh));
        assert_eq!(reasons(&again).len(), 1);
        // A file added to a folder (even one that was empty) changes that folder.
        std::fs::write(data.join("empty/d.txt"), "D").unwrap();
        assert!(read(&data, &kept).is_none());
        let walked = keep(&data, &kept);
        assert_eq!(walked.texts, reader::walk(&data).unwrap().texts);
        assert_eq!(walked.texts.len(), 4);
        // A file renamed, or removed, likewise.
        settle(&data.join("empty"));
        keep(&data, &kept);
        assert!(read(&data, &kept).is_some());
        std::fs::rename(data.join("sub/deeper/c.txt"), data.join("sub/deeper/e.txt")).unwrap();
        assert!(read(&data, &kept).is_none());
        assert_eq!(keep(&data, &kept).texts, reader::walk(&data).unwrap().texts);
        settle(&data.join("sub/deeper"));
        keep(&data, &kept);
        std::fs::remove_file(data.join("a.txt")).unwrap();
        assert!(read(&data, &kept).is_none());
        assert_eq!(keep(&data, &kept).texts, reader::walk(&data).unwrap().texts);
        // Another build's walk is not taken, nor one that cannot be read.
        settle(&data);
        keep(&data, &kept);
        let mut record: Record = rmp_serde::from_slice(&std::fs::read(&kept).unwrap()).unwrap();
        record.version = "lineage-walk-0".into();
        std::fs::write(&kept, rmp_serde::to_vec(&record).unwrap()).unwrap();
        assert!(read(&data, &kept).is_none());
        std::fs::write(&kept, b"not a walk").unwrap();
        assert!(read(&data, &kept).is_none());
        // Nor one that leads out of the folder.
        keep(&data, &kept);
        for outside in ["../elsewhere.txt", "/etc/passwd", "sub//b.md", "./a.txt"] {
            let mut record: Record = rmp_serde::from_slice(&std::fs::read(&kept).unwrap()).unwrap();
            record.texts.push(outside.to_string());
            std::fs::write(&kept, rmp_serde::to_vec(&record).unwrap()).unwrap();
            assert!(read(&data, &kept).is_none(), "{outside}");
            keep(&data, &kept);
            assert!(read(&data, &kept).is_some());
        }
        assert_eq!(walk(&data, Some(&kept)).unwrap().texts, reader::walk(&data).unwrap().texts);
    }

    #[test]
    fn a_walk_that_opened_a_file_or_followed_a_link_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("a.txt"), "A").unwrap();
        let kept = dir.path().join("key.walk");
        for (name, link) in [("votes.csv", false), ("link.txt", true)] {
            if link {
                std::os::unix::fs::symlink(data.join("a.txt"), data.join(name)).unwrap();
            } else {
                std::fs::write(data.join(name), "Resolution,Vote\n").unwrap();
            }
            settle(&data);
            assert!(!keep(&data, &kept).by_entries, "{name}");
            assert!(!kept.exists(), "{name}");
            std::fs::remove_file(data.join(name)).unwrap();
        }
        settle(&data);
        assert!(keep(&data, &kept).by_entries);
        assert!(kept.exists());
    }

    #[test]
    fn a_folder_replaced_by_another_is_walked_again() {
        // Renamed into place, the other folder has a new change time as well as another
        // inode; either tells it apart (a change time cannot be set, so no test can give
        // it the first folder's).
        let dir = tempfile::tempdir().unwrap();
        let (data, other) = (dir.path().join("data"), dir.path().join("other"));
        for (folder, name) in [(&data, "a.txt"), (&other, "b.txt")] {
            std::fs::create_dir_all(folder).unwrap();
            std::fs::write(folder.join(name), "x").unwrap();
            settle(folder);
        }
        let kept = dir.path().join("key.walk");
        keep(&data, &kept);
        assert!(read(&data, &kept).is_some());
        std::fs::rename(&data, dir.path().join("old")).unwrap();
        std::fs::rename(&other, &data).unwrap();
        assert!(read(&data, &kept).is_none(), "another folder under the same name");
        assert_eq!(walk(&data, Some(&kept)).unwrap().texts, vec![data.join("b.txt")]);
    }
}
