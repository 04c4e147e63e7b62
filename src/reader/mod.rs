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

/// Compiles, ahead of need, the patterns that reading a text nearly always uses, on a
/// thread of its own that nobody waits for: first the line patterns of the layout and the
/// paragraphs (compiled while the reading thread walks the folder and checks its header
/// cache), then, once [`Preparation::for_languages`] names the languages of the texts to
/// be read, those of the later stages (the references, the vote, the rights, the
/// requests), the last stage first, so that the two threads meet in the middle. A command
/// that reads a few texts from the files (`diff A B`, `show ID` with no index) starts it
/// as soon as it finds no index, before it reads its header cache: the patterns, built
/// once per process, then cost the reading thread little more than the wait for those
/// still being compiled. The patterns are built for reading a few texts (see
/// [`crate::text::pattern`]): without the lazy DFA, which would cost more to build than
/// it saves on two texts. Compiling is all this does: what a text reads as is the same.
pub struct Preparation {
    languages: Option<std::sync::mpsc::SyncSender<Vec<Language>>>,
}

impl Preparation {
    /// Starts compiling the layout's patterns, built for a few texts.
    pub fn start() -> Preparation {
        crate::text::pattern::expect_few_texts();
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Language>>(1);
        let prepare = move || {
            patterns::prepare();
            // Nothing more when no language is named (the preparation was dropped).
            for language in receiver.recv().unwrap_or_default() {
                findings::prepare(language);
                refs::prepare(language);
            }
        };
        // Without a thread, each pattern is compiled where it is first needed, as before.
        let _ = crate::threads::spawn_beside("prepare", prepare);
        Preparation { languages: Some(sender) }
    }

    /// Goes on to the patterns of the later stages for texts in `languages`.
    pub fn for_languages(mut self, languages: Vec<Language>) {
        if let Some(sender) = self.languages.take() {
            // A thread that could not be started is not listening: the patterns are then
            // compiled where they are first needed.
            let _ = sender.send(languages);
        }
    }
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
    /// Every folder listed, the corpus folder first.
    pub folders: Vec<PathBuf>,
    /// Whether every entry was placed by its name and its folder entry alone: no link
    /// followed, no file opened to tell what it is, no folder that could not be listed.
    /// Such a walk changes only where one of its folders does (an entry made, removed or
    /// renamed sets the folder's modification time), which is what lets the walk be kept
    /// between commands (`corpus::listing`).
    pub by_entries: bool,
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
    let mut found = Walk { by_entries: true, ..Walk::default() };
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
                found.by_entries = false;
                continue;
            }
        };
        found.folders.push(d.clone());
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: d.clone(), source })?;
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let path = join(&d, &name);
            // What `Path::extension` gives for a name that does not start with a dot.
            let extension = name.as_encoded_bytes().iter().rposition(|&b| b == b'.').map(|dot| &name.as_encoded_bytes()[dot + 1..]);
            // The folder entry tells a plain file or folder without a stat (one system
            // call saved per file: on 100,000 files, a third of every freshness check);
            // a link is followed to what it points at.
            let (is_dir, is_file) = match entry.file_type() {
                Ok(kind) if kind.is_file() => (false, true),
                Ok(kind) if kind.is_dir() => (true, false),
                _ => {
                    found.by_entries = false;
                    match std::fs::metadata(&path) {
                        Ok(meta) => (meta.is_dir(), meta.is_file()),
                        Err(e) => {
                            found.skipped.push(Skipped { path, reason: format!("cannot be read: {e}") });
                            continue;
                        }
                    }
                }
            };
            // A `.csv` file is opened to tell a voting file from another.
            let csv = is_file && extension.is_some_and(|e| e.eq_ignore_ascii_case(b"csv"));
            found.by_entries &= !csv;
            if is_dir {
                stack.push(path);
            } else if csv && is_voting_file(&path) {
                found.votes.push(path);
            } else if extension_in(extension, &["doc"]) {
                found.skipped.push(Skipped { path, reason: ReadError::WordBinary.to_string() });
            } else if !extension_in(extension, &TEXT_EXTENSIONS) && !extension_in(extension, &DOCUMENT_EXTENSIONS) {
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
    // Every path is the corpus folder's followed by what lies below it, so the whole
    // paths sort as the parts below the folder do: by their first sixteen bytes below it
    // read as one number, then, where those tie, byte by byte.
    let below = dir.as_os_str().len();
    let mut keyed: Vec<(u128, PathBuf)> = std::mem::take(&mut found.texts).into_iter().map(|p| (order_key(&p, below), p)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| path_order(&a.1, &b.1)));
    found.texts = keyed.into_iter().map(|(_, p)| p).collect();
    found.votes.sort();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// The path order of `Path::cmp` on the bytes of two paths joined from folder entries
/// (no empty component, no `.`): byte order, but with the separator below every other
/// byte, so "a/b" sorts before "a-b" and "ab" as its components do. Comparing paths
/// splits both into components at every step, which on 100,000 files was most of a
/// freshness check.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let rank = |c: u8| if is_separator_byte(c) { 0 } else { u16::from(c) + 1 };
    let (a, b) = (a.as_os_str().as_encoded_bytes(), b.as_os_str().as_encoded_bytes());
    let same = common_prefix(a, b);
    match (a.get(same), b.get(same)) {
        (Some(&x), Some(&y)) => rank(x).cmp(&rank(y)),
        _ => a.len().cmp(&b.len()),
    }
}

/// Sixteen bytes of `path` from `from` as a number that orders as [`path_order`] does
/// (the separator lowest, a shorter path first), for paths that share their first
/// `from` bytes.
fn order_key(path: &Path, from: usize) -> u128 {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut key = [0u8; 16];
    for (k, &b) in key.iter_mut().zip(bytes.get(from..).unwrap_or_default()) {
        // No byte of a path is 0, so 0 is free for the separator.
        *k = if is_separator_byte(b) { 0 } else { b };
    }
    u128::from_be_bytes(key)
}

fn is_separator_byte(c: u8) -> bool {
    c == b'/' || (cfg!(windows) && c == b'\\')
}

/// How many bytes two slices share at their start, compared eight at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("eight bytes"));
    let mut i = 0;
    while i + 8 <= n {
        let differ = word(a, i) ^ word(b, i);
        if differ != 0 {
            // The lowest differing bit is in the first differing byte (little-endian).
            return i + (differ.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// `dir.join(name)` made in one allocation, as the walk spells the path of `name` below
/// `dir` (one separator between): for a name read from the folder, or names below it
/// joined by `/` (a kept listing's).
pub fn join(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let dir = dir.as_os_str();
    let separator = !dir.is_empty() && !dir.as_encoded_bytes().last().copied().is_some_and(is_separator_byte);
    let mut path = std::ffi::OsString::with_capacity(dir.len() + 1 + name.len());
    path.push(dir);
    if separator {
        path.push(std::path::MAIN_SEPARATOR_STR);
    }
    path.push(name);
    PathBuf::from(path)
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

/// Whether a file's extension (as `Path::extension` gives it) is one of `extensions`
/// (lower-case ASCII), in any case.
fn extension_in(extension: Option<&[u8]>, extensions: &[&str]) -> bool {
    let Some(extension) = extension else { return false };
    if extension.is_ascii() {
        return extensions.iter().any(|e| extension.eq_ignore_ascii_case(e.as_bytes()));
    }
    // Lower-cased as Unicode: a Kelvin sign lower-cases to `k`.
    let lower = String::from_utf8_lossy(extension).to_lowercase();
    extensions.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_order_keeps_path_order() {
        let mut paths: Vec<PathBuf> = ["c/a-b.txt", "c/a/b.txt", "c/ab.txt", "c/a.txt", "b.txt", "c.txt", "c/A.txt", "c/a/a/z.txt", "c/é.txt", "c/a/bcdefghijk/l.txt", "c/a/bcdefghijk.txt", "c/a/bcdefghij/l.txt"]
            .iter()
            .map(|p| Path::new("/corpus").join(p))
            .collect();
        let mut by_bytes = paths.clone();
        let mut by_key = paths.clone();
        paths.sort();
        by_bytes.sort_by(|a, b| path_order(a, b));
        assert_eq!(by_bytes, paths);
        by_key.sort_by(|a, b| order_key(a, "/corpus".len()).cmp(&order_key(b, "/corpus".len())).then_with(|| path_order(a, b)));
        assert_eq!(by_key, paths);
    }

    #[test]
    fn the_common_prefix_is_counted_in_words_and_bytes() {
        let cases: [(&[u8], &[u8], usize); 6] =
            [(b"", b"abc", 0), (b"abcdefghij", b"abcdefghij", 10), (b"abcdefgh", b"abcdefgx", 7), (b"abcdefghijk", b"abcdefghiXk", 9), (b"abc", b"abd", 2), (b"abcdefghijkl", b"abcdefgh", 8)];
        for (a, b, n) in cases {
            assert_eq!(common_prefix(a, b), n);
            assert_eq!(common_prefix(b, a), n);
        }
    }

    #[test]
    fn a_name_is_joined_as_path_join_does() {
        for dir in ["/corpus", "/corpus/", "corpus", ".", "./a/./b", "a//b"] {
            let dir = Path::new(dir);
            assert_eq!(join(dir, std::ffi::OsStr::new("x.txt")), dir.join("x.txt"));
        }
    }

    #[test]
    fn extensions_compare_as_lower_cased() {
        let ext = |name: &str| Path::new(name).extension().map(|e| e.as_encoded_bytes().to_vec());
        for (name, text) in [("a.TXT", true), ("a.Md", true), ("a.mar\u{212A}down", true), ("a.txt.", false), ("a", false), ("a.tx", false)] {
            assert_eq!(extension_in(ext(name).as_deref(), &TEXT_EXTENSIONS), text, "{name}");
        }
    }
}
