//! The few documents a command names (`show ID`, `diff A B`), found without parsing the
//! rest of the corpus.
//!
//! A text's symbol is only known once the text is read (the masthead, the title line, the
//! page headers or, failing all of them, the file name give it), so every file has a
//! *header*: its symbol and language. Headers come from the index where it is fresh, else
//! from a small header cache under the output folder (`<out>/index/<key>.headers`, each
//! file's header kept with its size and modification time, as the index keeps them). A
//! file the cache does not know, or knows at another size or time, is read and parsed,
//! and the cache rewritten; when it cannot be written (a read-only output folder),
//! nothing else changes.
//!
//! The documents whose symbol could answer the query are then loaded, and only they. The
//! corpus made of them answers [`Corpus::find`] as the whole corpus would: every document
//! that `find` can return, and every text of the same symbol in another language, is in
//! it. Its warnings are the whole corpus's, in the same order: the files that could not
//! be read, the second texts of one symbol, and the voting files' problems.

use super::index::{FolderCheck, Index, StoredHeaders};
use super::{Corpus, Warning, recorded, same_symbol};
use crate::error::Error;
use crate::model::{Choice, Document, Language};
use crate::reader::{self, Walk};
use crate::symbol::{body_of_prefix, short_forms, squash};
use crate::text::compare::KeyHasher;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;

/// The named documents, and how many documents the folder holds in all (a full load's
/// `documents.len()`: none means the folder has no documents).
pub struct Named {
    pub corpus: Corpus,
    pub documents: usize,
}

/// What is known of one text without its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    symbol: String,
    language: Language,
}

/// One text file, in the order a full load meets it.
enum Entry<'a, K> {
    /// A document of `symbol` in `language`; `key` tells the loader where to find it.
    Document { symbol: &'a str, language: Language, key: K },
    /// A file that could not be read: the warning a full load gives.
    Unreadable(String),
}

/// A query as [`could_name`] compares it: squashed, and without a body prefix.
struct Query {
    squashed: String,
    rest: String,
    /// `rest` followed by `(`: a short form standing before a symbol's parenthesis.
    rest_open: String,
}

impl Query {
    fn new(query: &str) -> Query {
        let squashed = squash(query);
        let rest = match squashed.split_once('/') {
            Some((b, r)) if body_of_prefix(b).is_some() => r.to_string(),
            _ => squashed.clone(),
        };
        let rest_open = format!("{rest}(");
        Query { squashed, rest, rest_open }
    }
}

/// Whether a document of `symbol` can be what `query` names: the full symbol, or a short
/// form (`47/23`, `hrc/47/23`), whatever the body. [`Corpus::find`] asks more (the body
/// of a prefixed short form, the exact symbol first), so every document it can return,
/// and every other text of that symbol, answers here.
fn could_name(query: &Query, symbol: &str) -> bool {
    let rest = query.rest.as_str();
    // Most symbols are ASCII without spaces, squashed by upper-casing alone: they are
    // compared upper-cased byte by byte, without making the squashed symbol.
    let bytes = symbol.as_bytes();
    if bytes.iter().all(|b| b.is_ascii_graphic()) {
        let upper_eq = |a: &[u8], b: &[u8]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_ascii_uppercase() == *y);
        if upper_eq(bytes, query.squashed.as_bytes()) {
            return true;
        }
        let open = query.rest_open.as_bytes();
        let ends = bytes.len() >= rest.len() && upper_eq(&bytes[bytes.len() - rest.len()..], rest.as_bytes());
        let contains = bytes.contains(&b'(') && bytes.windows(open.len()).any(|w| upper_eq(w, open));
        return (ends || contains) && short_forms(symbol).iter().any(|f| f == rest);
    }
    let s = squash(symbol);
    if s == query.squashed {
        return true;
    }
    // Every short form ends the squashed symbol or stands before its `(`: most symbols
    // are passed over without listing their short forms.
    (s.ends_with(rest) || s.contains(query.rest_open.as_str())) && short_forms(symbol).iter().any(|f| f == rest)
}

/// The languages of the texts among `headers` that `queries` can name, each once.
fn named_languages<'h>(headers: impl Iterator<Item = &'h Header>, queries: &[&str]) -> Vec<Language> {
    let queries: Vec<Query> = queries.iter().map(|q| Query::new(q)).collect();
    let mut languages = Vec::new();
    for header in headers {
        if !languages.contains(&header.language) && queries.iter().any(|q| could_name(q, &header.symbol)) {
            languages.push(header.language);
        }
    }
    languages
}

/// What a full load meets, in its order: a warning, or a document to load.
enum Slot {
    Warning(String),
    Load,
}

/// Which of the folder's entries `queries` can name, made without the folder's walk: the
/// warnings and documents in the order a full load meets them, the keys of the documents
/// to load, and the key of each symbol's first document (every document a full load
/// keeps). `source` gives the path a document's `source.path` holds, for the warnings.
fn select<'a, K: Copy>(
    entries: impl IntoIterator<Item = Entry<'a, K>>,
    queries: &[&str],
    source: impl Fn(K) -> String,
) -> (Vec<Slot>, Vec<K>, Vec<K>) {
    use std::collections::hash_map::Entry as MapEntry;
    let queries: Vec<Query> = queries.iter().map(|q| Query::new(q)).collect();
    let entries = entries.into_iter();
    let (mut slots, mut keys) = (Vec::new(), Vec::new());
    let mut firsts = Vec::with_capacity(entries.size_hint().0);
    // Each symbol and language's first file, room made for them all at once.
    let mut first: HashMap<(&str, Language), K, BuildHasherDefault<KeyHasher>> =
        HashMap::with_capacity_and_hasher(entries.size_hint().0, Default::default());
    for entry in entries {
        match entry {
            Entry::Unreadable(message) => slots.push(Slot::Warning(message)),
            Entry::Document { symbol, language, key } => match first.entry((symbol, language)) {
                MapEntry::Occupied(first) => {
                    slots.push(Slot::Warning(same_symbol(&source(key), symbol, language, &source(*first.get()))));
                }
                MapEntry::Vacant(slot) => {
                    if queries.iter().any(|q| could_name(q, symbol)) {
                        slots.push(Slot::Load);
                        keys.push(key);
                    }
                    slot.insert(key);
                    firsts.push(key);
                }
            },
        }
    }
    (slots, keys, firsts)
}

/// The corpus of the documents `loaded` (those of the `Load` slots, in order), with the
/// warnings of the whole folder: its skipped files (from `walk`), the slots' warnings,
/// and the voting files' for every symbol of `symbols` (all the folder's documents).
fn assemble<'s>(walk: &Walk, slots: Vec<Slot>, loaded: Vec<Result<Document, Error>>, symbols: impl ExactSizeIterator<Item = &'s str>) -> Named {
    let mut corpus = Corpus::default();
    corpus.warn_skipped(&walk.skipped);
    let mut loaded = loaded.into_iter();
    for slot in slots {
        match slot {
            Slot::Warning(message) => corpus.warnings.push(Warning { message }),
            Slot::Load => match loaded.next() {
                Some(Ok(doc)) => corpus.add(doc),
                Some(Err(e)) => corpus.warnings.push(Warning { message: format!("{e}; the file is skipped") }),
                None => {}
            },
        }
    }
    // The votes go to the documents loaded; the warnings are those of every document.
    let documents = symbols.len();
    corpus.read_votes(&walk.votes);
    recorded::attach(&mut corpus.documents, &corpus.recorded_votes);
    for message in recorded::warnings_for(symbols, &corpus.recorded_votes) {
        corpus.warnings.push(Warning { message });
    }
    Named { corpus, documents }
}

/// The documents some queries name, read from an index found fresh (or about to be): two
/// models loaded, not the corpus. The folder's walk, which adds its skipped files and
/// voting files, is waited for only by [`FromIndex::with_walk`].
pub struct FromIndex {
    headers: StoredHeaders,
    slots: Vec<Slot>,
    loaded: Vec<Result<Document, Error>>,
    /// Each symbol's first document, as rows of `headers`.
    firsts: Vec<usize>,
}

impl FromIndex {
    /// The named documents and the whole folder's warnings, given the folder's `walk`.
    pub fn with_walk(self, walk: &Walk) -> Named {
        let headers = &self.headers;
        let symbols = self.firsts.iter().map(|&row| headers.symbol(&headers.rows[row]));
        assemble(walk, self.slots, self.loaded, symbols)
    }
}

/// The documents `queries` name from the index `index` of `dir` (see [`FromIndex`]).
pub fn from_index(dir: &Path, index: &Index, queries: &[&str]) -> Result<FromIndex, Error> {
    let headers = index.headers()?;
    let mut entries: Vec<Entry<usize>> =
        index.unreadable()?.into_iter().map(|e| Entry::Unreadable(format!("{e}; the file is skipped"))).collect();
    entries.reserve(headers.rows.len());
    for (row, stored) in headers.rows.iter().enumerate() {
        let language = Language::from_name(headers.language(stored)).ok_or_else(|| Error::Index {
            path: index.path().to_path_buf(),
            reason: format!(
                "stored language {:?} of {} is unknown; run `lineage index --rebuild`",
                headers.language(stored),
                headers.path(stored)
            ),
        })?;
        entries.push(Entry::Document { symbol: headers.symbol(stored), language, key: row });
    }
    let path = |row: usize| headers.path(&headers.rows[row]);
    let (slots, keys, firsts) = select(entries, queries, |row| dir.join(path(row)).to_string_lossy().into_owned());
    let loaded = keys.iter().map(|&row| index.document(dir, headers.rows[row].id, path(row))).collect();
    Ok(FromIndex { headers, slots, loaded, firsts })
}


/// The most text, in bytes, a command reads with the reader's patterns built for a few
/// texts (see [`crate::text::pattern`]): so built, they cost 2.5 ms less of the command's
/// time to build, and each 100 KB of Chinese about 1.3 ms more to read (the two
/// 2,000-paragraph texts of `make bench-diff`, 1.1 MB, 127 → 141 ms). Beyond this, the
/// patterns still to be built are built for many texts.
const FEW_TEXTS_BYTES: u64 = 128 * 1024;

/// The reader's fingerprint: a cache written by another build is not trusted, since that
/// build may read the same files differently.
const CACHE_VERSION: &str = concat!("lineage-headers-2-", env!("LINEAGE_READER_FINGERPRINT"));

#[derive(Serialize, Deserialize)]
struct CacheFile {
    version: String,
    /// The canonical path of the folder the headers are of.
    folder: String,
    files: Vec<Cached>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Cached {
    /// Relative to the folder.
    path: String,
    size: u64,
    mtime_ns: i64,
    header: Option<Header>,
    /// Why the file could not be read, after the path that starts the message.
    error: Option<String>,
}

/// The cached files by their path, as MessagePack (fields in order: a third of JSON's
/// instructions to read, and read before anything else a named command does).
type Known = HashMap<String, Cached, BuildHasherDefault<KeyHasher>>;

fn read_cache(path: &Path, folder: &str) -> Known {
    let Ok(bytes) = std::fs::read(path) else { return Known::default() };
    match rmp_serde::from_slice::<CacheFile>(&bytes) {
        Ok(cache) if cache.version == CACHE_VERSION && cache.folder == folder => {
            cache.files.into_iter().map(|f| (f.path.clone(), f)).collect()
        }
        _ => Known::default(),
    }
}

/// The documents `queries` name, from the files of `dir`: headers from the cache at
/// `cache` where a file is unchanged, every other file read and parsed (on every core).
/// Whether a file is unchanged, `check` tells: its walk of `dir` and its stats, made on
/// this core and its thread's. `preparation`, where the caller started it, is the
/// compiling of the reader's patterns already under way on another core; else it is
/// started here.
pub fn from_files(
    dir: &Path,
    cache: &Path,
    queries: &[&str],
    mut check: FolderCheck,
    preparation: Option<reader::Preparation>,
) -> Result<Named, Error> {
    use rayon::prelude::*;
    let folder = super::location::canonical(dir);
    let mut known = read_cache(cache, &folder);
    // The other core compiles the patterns of the later stages for the languages of the
    // texts the cache says are named, while this one walks the folder and lays the first
    // text out. A text the cache does not know is read with the rest below, as before.
    let languages = named_languages(known.values().filter_map(|c| c.header.as_ref()), queries);
    if !languages.is_empty() {
        preparation.unwrap_or_else(reader::Preparation::start).for_languages(languages);
    }
    // Each file's size and time, taken as for the index's freshness check.
    let (walk, stats) = check.stats()?;
    let stats: Vec<Option<(u64, i64)>> = stats.into_iter().map(|s| s.ok().map(|s| (s.size, s.mtime_ns))).collect();
    let relative = |path: &Path| super::relative(dir, path).into_owned();
    let mut files: Vec<Option<Cached>> = walk
        .texts
        .iter()
        .zip(&stats)
        .map(|(path, now)| {
            let cached = known.remove(&relative(path))?;
            (Some((cached.size, cached.mtime_ns)) == *now).then_some(cached)
        })
        .collect();
    let stale = !known.is_empty();
    // The files the cache does not know, parsed; the documents kept until the query is
    // answered (on a first run, the whole corpus, as a full load holds it).
    let todo: Vec<usize> = (0..files.len()).filter(|&i| files[i].is_none()).collect();
    let size = |i: usize| stats[i].map_or(0, |(size, _)| size);
    // Many of them (a first run in the folder) are read with the patterns built for many.
    if todo.iter().map(|&i| size(i)).sum::<u64>() > FEW_TEXTS_BYTES {
        crate::text::pattern::expect_many_texts();
    }
    // (None when the cache knew every file: then no pool of threads is started for nothing.)
    let read: Vec<(usize, Result<Document, Error>)> = match todo.len() {
        0 => Vec::new(),
        _ => todo.par_iter().map(|&i| (i, reader::read_file(&walk.texts[i]))).collect(),
    };
    // What each file is: from the cache, or from the parse just made.
    enum Known {
        Document(Header),
        Unreadable(String),
    }
    let mut known_as: Vec<Option<Known>> = walk
        .texts
        .iter()
        .zip(&files)
        .map(|(path, cached)| {
            let cached = cached.as_ref()?;
            Some(match (&cached.header, &cached.error) {
                (Some(header), _) => Known::Document(header.clone()),
                (None, error) => Known::Unreadable(format!("{}: {}; the file is skipped", path.display(), error.as_deref().unwrap_or_default())),
            })
        })
        .collect();
    let mut parsed: HashMap<usize, Document> = HashMap::new();
    for (i, result) in read {
        let path = &walk.texts[i];
        let source = path.display().to_string();
        let (header, error) = match result {
            Ok(doc) => {
                let header = Header { symbol: doc.symbol.clone(), language: doc.language };
                known_as[i] = Some(Known::Document(header.clone()));
                parsed.insert(i, doc);
                (Some(header), None)
            }
            Err(e) => {
                let message = e.to_string();
                known_as[i] = Some(Known::Unreadable(format!("{message}; the file is skipped")));
                // Kept only where the message starts with the path, which is put back
                // as the folder is named next time.
                (None, message.strip_prefix(&format!("{source}: ")).map(str::to_string))
            }
        };
        if let Some((size, mtime_ns)) = stats[i]
            && (header.is_some() || error.is_some())
        {
            files[i] = Some(Cached { path: relative(path), size, mtime_ns, header, error });
        }
    }
    if !todo.is_empty() || stale {
        let files = files.iter().flatten().cloned().collect();
        super::write_whole(cache, &CacheFile { version: CACHE_VERSION.to_string(), folder, files });
    }
    // Every file is known from the cache or was parsed.
    let entries = known_as.iter().enumerate().filter_map(|(i, known)| {
        Some(match known.as_ref()? {
            Known::Document(header) => Entry::Document { symbol: &header.symbol, language: header.language, key: i },
            Known::Unreadable(message) => Entry::Unreadable(message.clone()),
        })
    });
    // One after the other: two texts parsed side by side wait on the same patterns
    // being compiled, and were measured no faster.
    let texts = &walk.texts;
    let (slots, keys, firsts) = select(entries, queries, |i: usize| texts[i].display().to_string());
    // So are two long texts.
    if keys.iter().filter(|i| !parsed.contains_key(i)).map(|&i| size(i)).sum::<u64>() > FEW_TEXTS_BYTES {
        crate::text::pattern::expect_many_texts();
    }
    let loaded = keys
        .into_iter()
        .map(|i| match parsed.remove(&i) {
            Some(doc) => Ok(doc),
            None => reader::read_file(&texts[i]),
        })
        .collect();
    let symbols = firsts.iter().map(|&i| match &known_as[i] {
        Some(Known::Document(header)) => header.symbol.as_str(),
        _ => unreachable!("a first document is a document"),
    });
    Ok(assemble(&walk, slots, loaded, symbols))
}
