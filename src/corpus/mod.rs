//! The corpus: every document read from the data folder, found by full or short ID.

mod catalog;
pub mod headers;
pub mod index;
pub mod listing;
pub mod location;
pub mod outline;
pub(crate) mod postings;
pub mod recorded;
pub mod search;

use crate::symbol::{body_of_prefix, short_forms, squash};
use crate::error::Error;
use crate::reader;
use crate::model::{Document, Language};
pub use outline::Outline;
use std::path::Path;

/// Write `value` as MessagePack to `path` whole, through a file renamed into place (a
/// reader never sees half of one), making its folder where it is missing: the caches kept
/// under the output folder. Any failure leaves the old file, or none.
fn write_whole(path: &Path, value: &impl serde::Serialize) {
    let Ok(bytes) = rmp_serde::to_vec(value) else { return };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(parent);
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = std::path::PathBuf::from(temporary);
    if std::fs::write(&temporary, bytes).is_ok() && std::fs::rename(&temporary, path).is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// A problem with one file that did not stop the rest of the corpus from being read.
#[derive(Debug)]
pub struct Warning {
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
    /// Every vote read from the corpus's UNDL voting files, whether or not the corpus
    /// holds the text it names (the graph's cited-only nodes keep theirs).
    pub recorded_votes: Vec<crate::reader::votes_csv::RecordedVote>,
    /// (symbol, language) → position in `documents`: the duplicate check of `add` costs
    /// nothing per document (a scan made reading 100,000 files quadratic).
    seen: std::collections::HashMap<(String, crate::model::Language), usize>,
}

/// A file's path below the corpus folder `dir`, as the index and the header cache name
/// it: `/` between folders on every system. Borrowed from `path` where it already reads
/// so, which is every path the folder walk makes from plain names.
pub(crate) fn relative<'a>(dir: &Path, path: &'a Path) -> std::borrow::Cow<'a, str> {
    if let Some(rest) = below(dir, path)
        && let Some(rest) = utf8(rest)
        && !rest.contains('\\')
    {
        return std::borrow::Cow::Borrowed(rest);
    }
    std::borrow::Cow::Owned(path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/"))
}

/// `bytes` as text where they are UTF-8. A file's name or a symbol is most often ASCII,
/// checked a word at a time; checking it as UTF-8 cost more than all else done with it.
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    if bytes.is_ascii() {
        // SAFETY: ASCII is UTF-8.
        return Some(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    std::str::from_utf8(bytes).ok()
}

/// What `path.strip_prefix(dir)` leaves, found on the bytes, where `path` is `dir`, a
/// separator and plain names as the folder walk joins them (see [`plain_names`]):
/// there, the components below `dir` are exactly the bytes after it. `None` for any
/// other path, which is then split into components.
pub(crate) fn below<'a>(dir: &Path, path: &'a Path) -> Option<&'a [u8]> {
    let dir = dir.as_os_str().as_encoded_bytes();
    let rest = path.as_os_str().as_encoded_bytes().strip_prefix(dir)?;
    let rest = if dir.last() == Some(&b'/') { rest } else { rest.strip_prefix(b"/")? };
    plain_names(rest).then_some(rest)
}

/// Whether `rest` is names joined by `/`, none of them empty, `.` or `..`: a path below a
/// folder as its walk makes them, which never leads out of it.
pub(crate) fn plain_names(rest: &[u8]) -> bool {
    rest.split(|&b| b == b'/').all(|name| !name.is_empty() && name != b"." && name != b"..")
}

/// The warning for a second text of one symbol in one language.
fn same_symbol(path: &str, symbol: &str, language: Language, first: &str) -> String {
    format!("{path}: same symbol {symbol} ({}) as {first}; the first file in path order is used", language.as_str())
}

impl Corpus {
    /// Read every text file below `dir`. Unreadable files become warnings; a missing
    /// folder is an error.
    pub fn load(dir: &Path) -> Result<Corpus, Error> {
        Corpus::load_with_progress(dir, |_, _| {})
    }

    /// [`Corpus::load`], reading files on every core; `progress(done, total)` is called as
    /// files finish (from any thread). The result is in path order whatever the threads do.
    pub fn load_with_progress(dir: &Path, progress: impl Fn(usize, usize) + Sync) -> Result<Corpus, Error> {
        Corpus::load_shaped(dir, progress, |doc| doc)
    }

    /// [`Corpus::load_with_progress`] keeping of each document only its `outline`, made
    /// on the reading thread: memory holds the outlines, and a whole document only while
    /// its file is read. The documents, warnings and votes are those of a whole load, cut
    /// to the outline.
    pub fn load_outlines(dir: &Path, outline: Outline, progress: impl Fn(usize, usize) + Sync) -> Result<Corpus, Error> {
        let mut corpus = Corpus::load_shaped(dir, progress, |doc| outline.of(&doc))?;
        corpus.restore_for_drafts(outline, |doc| reader::read_file(Path::new(&doc.source.path)));
        Ok(corpus)
    }

    fn load_shaped(
        dir: &Path,
        progress: impl Fn(usize, usize) + Sync,
        shape: impl Fn(Document) -> Document + Sync,
    ) -> Result<Corpus, Error> {
        use rayon::prelude::*;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let walk = reader::walk(dir)?;
        let texts = walk.texts;
        let mut corpus = Corpus::default();
        corpus.warn_skipped(&walk.skipped);
        let done = AtomicUsize::new(0);
        let read: Vec<Result<Document, Error>> = texts
            .par_iter()
            .map(|path| {
                let result = reader::read_file(path).map(&shape);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, texts.len());
                result
            })
            .collect();
        for result in read {
            match result {
                Ok(doc) => corpus.add(doc),
                Err(e) => corpus.warnings.push(Warning { message: format!("{e}; the file is skipped") }),
            }
        }
        corpus.read_voting_files(&walk.votes);
        Ok(corpus)
    }

    /// The corpus of `dir` from `index`, which the caller has found fresh: the same
    /// documents and warnings as [`Corpus::load`], without parsing a file.
    pub fn from_index(dir: &Path, index: &crate::corpus::index::Index) -> Result<Corpus, Error> {
        let (documents, errors) = index.documents(dir)?;
        Corpus::stored(dir, documents, errors)
    }

    /// [`Corpus::load_outlines`] from `index` (fresh): the outlines stored beside the
    /// models, without loading a model (but those of the resolutions a draft is compared with).
    pub fn outlines_from_index(dir: &Path, index: &crate::corpus::index::Index, outline: Outline) -> Result<Corpus, Error> {
        let (documents, errors) = index.outlines(dir, outline)?;
        let mut corpus = Corpus::stored(dir, documents, errors)?;
        corpus.restore_for_drafts(outline, |doc| index.document_of_file(dir, &doc.source.path));
        Ok(corpus)
    }

    /// Outlines for the graph: the resolutions a committee draft may have been adopted as
    /// get their paragraphs back, each whole document fetched by `whole`; one that cannot
    /// be is a warning ([`outline::restore_for_drafts`]).
    fn restore_for_drafts(&mut self, outline: Outline, whole: impl Fn(&Document) -> Result<Document, Error>) {
        if outline == Outline::Links {
            let warnings = outline::restore_for_drafts(&mut self.documents, whole);
            self.warnings.extend(warnings.into_iter().map(|message| Warning { message }));
        }
    }

    fn stored(dir: &Path, documents: Vec<Document>, errors: Vec<String>) -> Result<Corpus, Error> {
        let walk = reader::walk(dir)?;
        let mut corpus = Corpus::default();
        corpus.warn_skipped(&walk.skipped);
        for e in errors {
            corpus.warnings.push(Warning { message: format!("{e}; the file is skipped") });
        }
        for doc in documents {
            corpus.add(doc);
        }
        corpus.read_voting_files(&walk.votes);
        Ok(corpus)
    }

    /// Read the UNDL voting files and give each document the vote they record for it
    /// (`votes::attach`). A file that cannot be read, and each row that cannot, is a
    /// warning naming the file (and the line); the rest is used. The files are read on
    /// every load, the index holding only the texts.
    pub fn read_voting_files(&mut self, paths: &[std::path::PathBuf]) {
        self.read_votes(paths);
        for message in recorded::attach(&mut self.documents, &self.recorded_votes) {
            self.warnings.push(Warning { message });
        }
    }

    /// The rows of the voting files into `recorded_votes`, with a warning for each file
    /// and row that cannot be read; nothing attached yet.
    fn read_votes(&mut self, paths: &[std::path::PathBuf]) {
        for path in paths {
            match reader::votes_csv::read_file(path) {
                Ok(file) => {
                    for p in &file.problems {
                        self.warnings.push(Warning {
                            message: format!("{}: line {}: {}; the row is skipped", file.path, p.line, p.reason),
                        });
                    }
                    self.recorded_votes.extend(file.votes);
                }
                Err(e) => self.warnings.push(Warning { message: format!("{e}; the file is skipped") }),
            }
        }
    }

    fn warn_skipped(&mut self, skipped: &[reader::Skipped]) {
        for file in skipped {
            self.warnings.push(Warning { message: format!("{}: skipped: {}", file.path.display(), file.reason) });
        }
    }

    /// Add a document. A second text of the same symbol in the same language is kept out
    /// (the first file in path order wins) and named in a warning.
    pub fn add(&mut self, doc: Document) {
        let key = (doc.symbol.clone(), doc.language);
        if let Some(first) = self.seen.get(&key).map(|&i| &self.documents[i]) {
            self.warnings.push(Warning { message: same_symbol(&doc.source.path, &doc.symbol, doc.language, &first.source.path) });
            return;
        }
        self.seen.insert(key, self.documents.len());
        self.documents.push(doc);
    }

    /// Find one document by full symbol or short form (`47/23`, `hrc/47/23`,
    /// `ga/77/211`, `A/HRC/44/24`, a file-name ID). Several languages of one symbol are
    /// one document: the first read is returned.
    pub fn find(&self, query: &str) -> Result<&Document, Error> {
        let matches = self.matches(query);
        let mut symbols: Vec<&str> = matches.iter().map(|d| d.symbol.as_str()).collect();
        symbols.dedup();
        match symbols.len() {
            0 => Err(Error::UnknownDocument(query.to_string())),
            1 => Ok(matches[0]),
            _ => Err(Error::AmbiguousDocument {
                query: query.to_string(),
                candidates: symbols.iter().map(|s| s.to_string()).collect(),
            }),
        }
    }

    /// Like [`find`](Corpus::find), and then the text in `language` where one is asked
    /// for (the corpus may hold a symbol in several languages).
    pub fn find_in(&self, query: &str, language: Option<Language>) -> Result<&Document, Error> {
        let doc = self.find(query)?;
        let Some(language) = language else { return Ok(doc) };
        self.documents
            .iter()
            .find(|d| d.symbol == doc.symbol && d.language == language)
            .ok_or_else(|| Error::NotInLanguage {
                symbol: doc.symbol.clone(),
                language: language.as_str().to_string(),
                available: self.languages_of(&doc.symbol),
            })
    }

    /// The same symbol's text in another language than `doc`'s, if the corpus has one.
    pub fn other_language(&self, doc: &Document) -> Option<&Document> {
        self.documents.iter().find(|d| d.symbol == doc.symbol && d.language != doc.language)
    }

    fn languages_of(&self, symbol: &str) -> Vec<String> {
        self.documents.iter().filter(|d| d.symbol == symbol).map(|d| d.language.as_str().to_string()).collect()
    }

    fn matches(&self, query: &str) -> Vec<&Document> {
        let q = squash(query);
        let exact: Vec<&Document> = self.documents.iter().filter(|d| squash(&d.symbol) == q).collect();
        if !exact.is_empty() {
            return exact;
        }
        let (body, rest) = match q.split_once('/') {
            Some((b, r)) if body_of_prefix(b).is_some() => (body_of_prefix(b), r.to_string()),
            _ => (None, q.clone()),
        };
        let mut found: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| body.is_none_or(|b| d.body == b))
            .filter(|d| short_forms(&d.symbol).contains(&rest))
            .collect();
        found.sort_by(|a, b| a.symbol.cmp(&b.symbol));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_path_is_what_strip_prefix_leaves() {
        let cases = [
            ("/corpus", "/corpus/a.txt"),
            ("/corpus/", "/corpus/a.txt"),
            ("/corpus", "/corpus/sub/a.txt"),
            ("corpus/.", "corpus/./a.txt"),
            (".", "./a.txt"),
            ("a//b", "a//b/c/d.txt"),
            ("a/..", "a/../x.txt"),
            ("/", "/x.txt"),
            ("", "x.txt"),
            ("/corpus", "/corpus//a.txt"),
            ("/corpus", "/corpus/./a.txt"),
            ("/corpus", "/corpusx/a.txt"),
            ("/corpus", "/corpus/a\\b.txt"),
            ("/corpus", "/corpus/sub/"),
        ];
        for (dir, path) in cases {
            let (dir, path) = (Path::new(dir), Path::new(path));
            let slow = path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
            assert_eq!(relative(dir, path), slow, "{} in {}", path.display(), dir.display());
        }
    }
}
