//! The reader: one file's bytes in, a [`Document`] out, through one stage per module:
//! [`decode`] (encoding) → [`normalize`] (lines cleaned of markup and PDF debris) →
//! [`layout`] (page furniture, line shape) → [`structure`] (paragraphs, items, footnotes,
//! headings, the closing formula) with [`marks`] and [`meta`] (masthead), put together by
//! [`parse`] → [`refs`] (references to other documents) → [`findings`] (the vote, rights
//! and requests). Each stage reads only what the stages before it made.

pub mod countries;
pub mod decode;
pub mod documents;
pub mod docx;
pub mod pdf;
pub mod normalize;
pub mod patterns;
pub mod layout;
pub mod structure;
pub mod marks;
pub mod amendment;
pub mod drafts;
pub mod meta;
pub mod sc;
pub mod parse;
pub mod refs;
pub mod findings;
pub mod votes_csv;

use crate::error::{Error, ReadError};
use crate::model::{Document, Language, Source};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions read as documents. Anything else in the corpus folder is reported.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// Extensions read as documents through a converter: PDF (text layer) and Word.
pub const DOCUMENT_EXTENSIONS: [&str; 2] = ["pdf", "docx"];

/// The largest file read. The reader holds a few copies of a text while it works, so
/// this bounds its memory (see README, "Hostile input"); one UN document exported as
/// text is well under a megabyte.
pub const MAX_FILE_BYTES: u64 = 128 << 20;

/// Read and parse one file.
pub fn read_file(path: &Path) -> Result<Document, Error> {
    let bytes = read_file_bytes(path)?;
    read_bytes(&bytes, path)
}

/// The bytes of one file, refused before it is opened when it is not a regular file
/// (a named pipe would block the read forever, a device would never end) or when it is
/// larger than [`MAX_FILE_BYTES`].
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let refuse = |source| Error::Read { path: path.to_path_buf(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(refuse(ReadError::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refuse(ReadError::TooLarge { size: meta.len(), limit: MAX_FILE_BYTES }));
    }
    // The file may grow between the check and the read: read no more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = std::fs::File::open(path).map_err(io)?;
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(ReadError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES }));
    }
    Ok(bytes)
}

/// Parse bytes as the document stored at `path` (the path names it in errors and, where
/// the text states no symbol, gives it its ID).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Document, Error> {
    let err = |source| Error::Read { path: path.to_path_buf(), source };
    // A PDF or Word file is turned into text first; what that found worth saying (tracked
    // changes taken as accepted) joins the document's diagnostics.
    let (decoded, notes) = match documents::kind(bytes, path).map_err(err)? {
        documents::Kind::Text => (decode::decode(bytes).map_err(err)?, Vec::new()),
        kind => documents::to_text(kind, bytes).map_err(err)?,
    };
    let lines = normalize::split_lines(&decoded.text);
    let source = Source {
        path: path.display().to_string(),
        encoding: decoded.encoding.to_string(),
        lines: lines.len(),
    };
    // The lines are slices of the decoded text, which is held once.
    let mut doc = parse::read_document(&lines, &file_id(path), source).map_err(err)?;
    doc.references = refs::document_references(&doc);
    findings::annotate(&mut doc);
    doc.diagnostics.extend(notes.into_iter().map(|message| crate::model::Diagnostic { line: None, message }));
    Ok(doc)
}

/// Compiles, ahead of need, the patterns that the later stages of reading a text in each
/// of `languages` nearly always use (the references, the vote, the rights, the requests),
/// on a thread of its own that nobody waits for. A command that reads a few texts (`diff
/// A B`, `show ID`) starts it before the first: the patterns, built once per process, then
/// cost the reading thread little more than the wait for those still being compiled, while
/// it lays the first text out. Compiling is all this does: what a text reads as is the same.
pub fn prepare_in_background(languages: Vec<Language>) {
    let prepare = move || {
        for &language in &languages {
            findings::prepare(language);
            refs::prepare(language);
        }
    };
    // Without a thread, each pattern is compiled where it is first needed, as before.
    let _ = std::thread::Builder::new().name("prepare".into()).spawn(prepare);
}

/// The findings of a text whose paragraphs were changed after reading (a draft with an
/// amendment's edits applied): its references, rights, requests and renewal found again
/// in the paragraphs it has now. The vote is the text's and stays.
pub fn find_again(doc: &mut Document) {
    doc.references = refs::document_references(doc);
    findings::annotate_paragraphs(doc);
}

/// The ID of a document whose text states no symbol: its file name without extension.
pub fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The files below a corpus folder: the texts to read, and the files that were passed
/// over, each with the reason.
#[derive(Debug, Default)]
pub struct Walk {
    pub texts: Vec<PathBuf>,
    /// `.csv` files whose first line names the UNDL voting columns (see [`votes_csv`]).
    pub votes: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Every file below `dir`, sorted. Links are followed, but each folder is entered once
/// (a link back up the tree cannot make the walk endless), and a file that is not a
/// regular file, or a folder that cannot be listed, is passed over with its reason
/// rather than stopping the walk.
pub fn walk(dir: &Path) -> Result<Walk, Error> {
    if dir.is_file() {
        return Err(Error::CorpusIsFile(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(Error::NoCorpus(dir.to_path_buf()));
    }
    let mut found = Walk::default();
    let mut entered = std::collections::HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(real) = std::fs::canonicalize(&d)
            && !entered.insert(real)
        {
            continue;
        }
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            // The corpus folder itself must be readable; a folder inside it is one more
            // thing that could not be read.
            Err(source) if d == dir => return Err(Error::Io { path: d, source }),
            Err(e) => {
                found.skipped.push(Skipped { path: d, reason: format!("folder cannot be read: {e}") });
                continue;
            }
        };
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: d.clone(), source })?;
            let path = entry.path();
            let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // The folder entry tells a plain file or folder without a stat (one system
            // call saved per file: on 100,000 files, a third of every freshness check);
            // a link is followed to what it points at.
            let (is_dir, is_file) = match entry.file_type() {
                Ok(kind) if kind.is_file() => (false, true),
                Ok(kind) if kind.is_dir() => (true, false),
                _ => match std::fs::metadata(&path) {
                    Ok(meta) => (meta.is_dir(), meta.is_file()),
                    Err(e) => {
                        found.skipped.push(Skipped { path, reason: format!("cannot be read: {e}") });
                        continue;
                    }
                },
            };
            if is_dir {
                stack.push(path);
            } else if is_file && is_voting_file(&path) {
                found.votes.push(path);
            } else if has_extension(&path, &["doc"]) {
                found.skipped.push(Skipped { path, reason: ReadError::WordBinary.to_string() });
            } else if !is_text_name(&path) && !has_extension(&path, &DOCUMENT_EXTENSIONS) {
                found.skipped.push(Skipped {
                    path,
                    reason: format!(
                        "not a text file (lineage reads {}); export it as text first",
                        TEXT_EXTENSIONS.iter().chain(&DOCUMENT_EXTENSIONS).map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
                    ),
                });
            } else if !is_file {
                found.skipped.push(Skipped { path, reason: ReadError::NotAFile.to_string() });
            } else {
                found.texts.push(path);
            }
        }
    }
    // Path order (folder by folder), through a key compared as bytes: comparing paths
    // splits both into components at every step, which on 100,000 files was most of a
    // freshness check.
    found.texts.sort_by_cached_key(|p| path_order_key(p.strip_prefix(dir).unwrap_or(p)));
    found.votes.sort();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// A key whose byte order is the path order of `Path::cmp`: the separator stands below
/// every other byte, so "a/b" sorts before "a-b" and "ab" as its components do. Paths
/// from the walk are joined from folder entries, so no component is empty.
fn path_order_key(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().iter().map(|&b| if b == b'/' { 0 } else { b }).collect()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().bytes().map(|b| if b == b'/' || b == b'\\' { 0 } else { b }).collect()
    }
}

/// A `.csv` file whose first line names the UNDL voting columns. Only its first line is
/// read here; a `.csv` that is not a voting file is passed over like any other
/// non-text file.
fn is_voting_file(path: &Path) -> bool {
    use std::io::BufRead;
    let csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !csv {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut first = Vec::new();
    let mut reader = std::io::BufReader::new(file).take(4096);
    if reader.read_until(b'\n', &mut first).is_err() {
        return false;
    }
    votes_csv::looks_like_voting_file(&first)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| extensions.contains(&e.as_str()))
}

fn is_text_name(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_key_keeps_path_order() {
        let mut paths: Vec<PathBuf> = ["c/a-b.txt", "c/a/b.txt", "c/ab.txt", "c/a.txt", "b.txt", "c.txt", "c/A.txt", "c/a/a/z.txt", "c/é.txt"]
            .iter()
            .map(|p| Path::new("/corpus").join(p))
            .collect();
        let mut by_key = paths.clone();
        paths.sort();
        by_key.sort_by_cached_key(|p| path_order_key(p));
        assert_eq!(by_key, paths);
    }
}
