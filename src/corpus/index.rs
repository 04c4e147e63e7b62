//! The persistent corpus index: an embedded SQLite database (bundled, so nothing is
//! installed) holding, for every file of the corpus, its content hash, the document read
//! from it, and every adopted paragraph with an index of its trigrams (three-character
//! tokens, which index Chinese without a word segmenter) for agreed-language search.
//!
//! Each text is stored once in plain form: the paragraphs table holds the searchable
//! text, the document's model is kept as compressed MessagePack, and the search index itself is a
//! list of row ids per trigram (`postings`), which search checks against the text.
//!
//! The index is never trusted blindly. [`Index::status`] compares it with the folder:
//! a file whose size and modification time are unchanged is taken as unchanged; any other
//! is hashed (blake3) and counts as changed only if its content differs. [`Index::refresh`]
//! re-reads exactly the changed, added and removed files. Commands read documents from the
//! index only when the status is fresh.

pub use super::search::{Hit, SearchOptions, search_form};

use crate::error::Error;
use crate::reader;
use crate::model::{DocKind, Document};
use super::location::canonical;
use super::outline::Outline;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use crate::text::compare::KeyHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::UNIX_EPOCH;

/// The schema's own version and a fingerprint of the reader's source (set by build.rs):
/// an index written by another build of lineage is rebuilt, not misread, since that build
/// may read the same files differently.
const SCHEMA_VERSION: &str = concat!("lineage-index-12-", env!("LINEAGE_READER_FINGERPRINT"));

/// Files read in parallel before their documents are stored: small enough that the
/// first chunk read (nothing stored yet) and the last stored (nothing left to read) are
/// a small part of the build.
const REFRESH_CHUNK: usize = 16;

/// How often a build hands what SQLite has written to the disk.
const WRITEBACK_EVERY: std::time::Duration = std::time::Duration::from_millis(3);

/// How long a writer waits for the commands reading the index to finish before it gives up.
const WRITER_WAITS: std::time::Duration = std::time::Duration::from_secs(600);

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,          -- relative to the corpus folder
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,             -- blake3 of the bytes
    error TEXT                      -- why the file could not be read, if it could not
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    symbol TEXT NOT NULL,
    language TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    adopted TEXT,
    vote_method TEXT NOT NULL,
    yes INTEGER, no INTEGER, abstain INTEGER,
    first_row INTEGER NOT NULL,     -- its searchable rows: paragraphs first_row.. first_row + rows
    rows INTEGER NOT NULL,
    -- The outline stands before the model: a row is read from its start, so reading the
    -- outlines never walks through the models' overflow pages.
    outline BLOB NOT NULL,          -- its outline (corpus::outline, Links) as MessagePack, LZ4-compressed
    model BLOB NOT NULL             -- the document as MessagePack, LZ4-compressed, each text
                                    -- its rows hold stored there only (SearchRows::take)
);
-- Covers the headers (Index::headers): finding two documents among many never reads the
-- pages that hold the models.
CREATE INDEX IF NOT EXISTS documents_path ON documents(path, id, symbol, language);
-- A document's rows are numbered one after the other, from the meta 'next_row' on: an
-- id is never reused, since the postings name rows by id.
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL,
    paragraph TEXT NOT NULL,        -- PP3, OP5, OP7(a)
    text TEXT NOT NULL
);
";

pub struct Index {
    conn: Connection,
    path: PathBuf,
    /// The writers' lock (`<index>.lock`), held by an index opened to write: one process
    /// writes at a time, so that none writes to a file a rebuild is about to replace.
    _writer: Option<std::fs::File>,
}

/// How the index stands against the corpus folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Status {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Files whose time or size changed but whose content did not.
    pub touched: Vec<String>,
    /// The folder the index was built for, where that is not the folder asked about (or
    /// the index was never built): its contents say nothing about this folder.
    pub other_folder: Option<String>,
}

impl Status {
    pub fn is_fresh(&self) -> bool {
        self.other_folder.is_none() && self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    pub fn describe(&self) -> String {
        if let Some(folder) = &self.other_folder {
            return if folder.is_empty() { "never built".to_string() } else { format!("built for the folder {folder}") };
        }
        format!("{} added, {} changed, {} removed", self.added.len(), self.changed.len(), self.removed.len())
    }
}

/// A stored document as [`Index::headers`] lists it: its row, and where its file,
/// symbol and language stand in the list's text.
#[derive(Debug, Clone)]
pub struct StoredHeader {
    pub id: i64,
    path: std::ops::Range<usize>,
    symbol: std::ops::Range<usize>,
    language: std::ops::Range<usize>,
}

/// Every stored document's header, their strings in one buffer: a string each was most
/// of the time finding two documents among hundreds.
#[derive(Debug, Default)]
pub struct StoredHeaders {
    text: String,
    pub rows: Vec<StoredHeader>,
}

impl StoredHeaders {
    /// The file, relative to the corpus folder.
    pub fn path(&self, header: &StoredHeader) -> &str {
        &self.text[header.path.clone()]
    }

    pub fn symbol(&self, header: &StoredHeader) -> &str {
        &self.text[header.symbol.clone()]
    }

    pub fn language(&self, header: &StoredHeader) -> &str {
        &self.text[header.language.clone()]
    }
}

/// What a refresh did.
#[derive(Debug, Default)]
pub struct Refresh {
    pub status: Status,
    pub documents: usize,
    pub paragraphs: usize,
}

/// One file as the refresh read it: its size and time, its hash, and what it holds.
/// Reads and parses one chunk of files on every core. A file that cannot be read is
/// stored with its error, like one that cannot be parsed: the rest of the corpus is
/// still indexed.
fn read_chunk(dir: &Path, chunk: &[&String]) -> Vec<ReadFile> {
    use rayon::prelude::*;
    chunk
        .par_iter()
        .map(|rel| {
            let path = dir.join(rel);
            let now = stat(&path).unwrap_or(OnDisk { size: 0, mtime_ns: 0 });
            match reader::read_file_bytes(&path) {
                Ok(bytes) => {
                    let hash = blake3::hash(&bytes).to_hex().to_string();
                    ReadFile { now, hash, doc: reader::read_bytes(&bytes, &path).map(Prepared::new) }
                }
                Err(e) => ReadFile { now, hash: String::new(), doc: Err(e) },
            }
        })
        .collect()
}

struct ReadFile {
    now: OnDisk,
    hash: String,
    doc: Result<Prepared, Error>,
}

/// A document made ready to store on the reading threads (its columns, its model as
/// compressed MessagePack, its searchable rows with the trigrams of their search form), so that
/// the one thread that writes to SQLite only writes; the document itself is dropped
/// where it was read.
struct Prepared {
    symbol: String,
    language: &'static str,
    body: &'static str,
    kind: &'static str,
    title: String,
    adopted: Option<String>,
    vote_method: &'static str,
    yes: Option<u32>,
    no: Option<u32>,
    abstain: Option<u32>,
    model: Vec<u8>,
    /// The document's [`Outline::Links`] outline, compressed: what `list` and
    /// `graph` load instead of the model.
    outline: Vec<u8>,
    rows: SearchRows,
}

/// A resolution's paragraphs and items, as searched: each row's name (`OP3`, or `OP3(a)`
/// for an item), its text, and the trigrams of its search form as codes (repeats
/// included, see [`super::postings::push_trigrams`]), held in a few buffers rather than
/// three allocations a row. A text is stored once, in its row: the document's model holds
/// [`IN_ROW`] in its place.
#[derive(Default)]
struct SearchRows {
    text: String,
    trigrams: Vec<u32>,
    /// The keys of the trigrams coded wide, those not of three ASCII characters.
    wide: Vec<u64>,
    /// Each row's name and text in `text`, and its trigrams in `trigrams`.
    rows: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, std::ops::Range<usize>)>,
}

/// What a stored model holds in place of a text that the document's searchable rows hold
/// (see [`SearchRows::take`]; put back by [`Index::restore_texts`]). NUL is not a space:
/// a blank text, which has no row, is never taken for it, and a text that is a NUL has a
/// row like any other.
const IN_ROW: &str = "\0";

impl SearchRows {
    /// The rows of `doc`, a row per paragraph and item whose text is not blank, each such
    /// text left as [`IN_ROW`] in the document.
    fn take(doc: &mut Document) -> SearchRows {
        let mut rows = SearchRows::default();
        if doc.kind != DocKind::Resolution {
            return rows;
        }
        // Room for every row at once: grown row by row, the buffers were copied again
        // and again.
        let text: usize = doc.paragraphs.iter().map(|p| p.id.len() + p.text.len() + p.items.iter().map(|i| p.id.len() + i.label.len() + 2 + i.text.len()).sum::<usize>()).sum();
        rows.text.reserve(text);
        rows.trigrams.reserve(text);
        let mut form = String::new();
        for p in &mut doc.paragraphs {
            rows.push(format_args!("{}", p.id), &mut p.text, &mut form);
            for item in &mut p.items {
                rows.push(format_args!("{}({})", p.id, item.label), &mut item.text, &mut form);
            }
        }
        rows
    }

    /// A row named `name` holding `text`, which is left as [`IN_ROW`], unless the text is
    /// blank.
    fn push(&mut self, name: std::fmt::Arguments, text: &mut String, form: &mut String) {
        use std::fmt::Write;
        if text.trim().is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.write_fmt(name).expect("a String takes any text");
        let named = self.text.len();
        self.text.push_str(text);
        super::search::search_form_into(text, form);
        let first = self.trigrams.len();
        super::postings::push_trigrams(form, &mut self.trigrams, &mut self.wide);
        self.rows.push((start..named, named..self.text.len(), first..self.trigrams.len()));
        IN_ROW.clone_into(text);
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    /// Each row's name, text and trigrams.
    fn iter(&self) -> impl Iterator<Item = (&str, &str, &[u32])> {
        self.rows.iter().map(|(name, text, trigrams)| (&self.text[name.clone()], &self.text[text.clone()], &self.trigrams[trigrams.clone()]))
    }
}

impl Prepared {
    fn new(mut doc: Document) -> Prepared {
        let outline = compress(&encode(&Outline::Links.of(&doc)));
        let rows = SearchRows::take(&mut doc);
        let model = compress(&encode(&doc));
        Prepared {
            language: doc.language.as_str(),
            body: doc.body.as_str(),
            kind: doc.kind.as_str(),
            adopted: doc.adopted.map(|d| d.to_string()),
            vote_method: doc.vote.method.as_str(),
            yes: doc.vote.yes,
            no: doc.vote.no,
            abstain: doc.vote.abstain,
            model,
            outline,
            rows,
            symbol: doc.symbol,
            title: doc.title,
        }
    }
}

/// A document as stored: MessagePack, its fields named (an absent field reads as its
/// default, as in JSON). Written in two thirds of JSON's instructions, since strings are
/// copied, not escaped, and read back without parsing numbers and escapes.
fn encode(doc: &Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.serialize(&mut rmp_serde::Serializer::new(&mut bytes).with_struct_map()).expect("model values always serialise");
    bytes
}

/// The stored model compressed (LZ4: a third of its size, and read back at memory
/// speed when the corpus is loaded from the index).
fn compress(bytes: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(bytes)
}

fn decompress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    lz4_flex::decompress_size_prepended(bytes).map_err(|e| e.to_string())
}

/// Which of a document's stored forms [`Index::stored`] loads.
#[derive(Clone, Copy)]
enum Stored {
    /// The whole document, its texts put back from its rows.
    Model,
    /// Its [`Outline::Links`] outline, stored whole.
    Outline,
}

/// A document's model and the ids of its searchable rows, as a query reads them.
fn model_and_rows(row: &rusqlite::Row) -> rusqlite::Result<(Vec<u8>, std::ops::Range<i64>)> {
    let first: i64 = row.get(1)?;
    Ok((row.get(0)?, first..first + row.get::<_, i64>(2)?))
}

/// Whether a row named `name` is the row of paragraph `id` (`OP3`), or of its item
/// `label` (`OP3(a)`), as [`SearchRows::take`] names them.
fn row_named(name: &str, id: &str, label: Option<&str>) -> bool {
    match label {
        None => name == id,
        Some(label) => name.strip_prefix(id).and_then(|rest| rest.strip_prefix('(')).and_then(|rest| rest.strip_suffix(')')) == Some(label),
    }
}

/// A file's size and modification time, as the freshness checks compare them.
pub(super) struct OnDisk {
    pub(super) size: u64,
    pub(super) mtime_ns: i64,
}

/// Files from which the freshness check stats them on every core.
const PARALLEL_STATS: usize = 2048;

/// One stat per file, in the order of `texts`.
pub(super) fn stat_files(dir: &Path, texts: &[PathBuf]) -> Stats {
    let mut gathered = Gathered::new(texts.len());
    Shared::default().stat_here(dir, texts, &mut gathered);
    gathered.into_stats()
}

/// Texts from which a command that reads a few documents from an index has a thread stat
/// them beside it ([`FolderCheck::walk_first`]): the thread's start costs as much as some
/// 100–150 stats, and below this the command's own stats of every text take 0.2 ms at most.
/// Among 655 texts the thread and the command alone were measured even; with two texts the
/// thread cost 0.15 ms.
const SHARED_STATS: usize = 128;

/// The files a [`FolderCheck`] stats at a time: few enough that the last run, taken by one
/// while the other is done, is soon over (32 stats are some 30 µs).
const STAT_RUN: usize = 32;

/// The file system's half of the freshness check, on a thread of its own: the folder's
/// walk, then one stat per text. A command that reads a few documents from the index
/// opens the index and reads them meanwhile, and keeps them once [`FolderCheck::status`]
/// finds the index fresh.
///
/// The walk is made by whichever comes to it first, the thread or the command asking for
/// it; the stats are then taken in runs of 32 files (`STAT_RUN`) by both, the thread from the
/// walk on and the command once it asks for the status, so that neither waits for what
/// the other has not begun. Where another process holds the other core, the thread can
/// wait there a millisecond or two before it first runs: the command then makes it all
/// itself, and the thread, when it runs, finds nothing left.
pub struct FolderCheck {
    dir: PathBuf,
    /// Where the folder's walk is kept between commands.
    kept: Option<PathBuf>,
    shared: Arc<Shared>,
    /// The thread's walk, where it made it.
    walk: Option<mpsc::Receiver<Result<Arc<reader::Walk>, Error>>>,
    walked: Option<Arc<reader::Walk>>,
    /// The runs the thread stat'ed, each with the index of its first text.
    runs: Option<mpsc::Receiver<(usize, Stats)>>,
    /// The thread's work, until the thread is started (or not wanted).
    pending: Option<Box<dyn FnOnce() + Send>>,
    /// Joined only to give its panic to the command.
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Each text's stat, in the order of the walk's texts.
type Stats = Vec<Result<OnDisk, Error>>;

/// What the thread and the command of a [`FolderCheck`] share.
#[derive(Default)]
struct Shared {
    /// The walk taken, by the thread or the command.
    walk_taken: AtomicBool,
    /// The command's walk, handed to the thread so that it stats the texts.
    handed: Mutex<Handed>,
    handed_now: Condvar,
    /// The first text no one has taken to stat.
    next: AtomicUsize,
    /// The check was dropped: what is left is not wanted.
    stop: AtomicBool,
}

/// The walk the command made, as the thread waits for it.
#[derive(Default)]
enum Handed {
    #[default]
    Waiting,
    Walk(Arc<reader::Walk>),
    /// The walk failed or the check was dropped: nothing to stat.
    Nothing,
}

impl Shared {
    fn hand(&self, handed: Handed) {
        *self.handed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = handed;
        self.handed_now.notify_all();
    }

    /// The command's walk, once it is handed over (the command took the walk, so it is
    /// making it now).
    fn wait_for_walk(&self) -> Option<Arc<reader::Walk>> {
        let mut handed = self.handed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        loop {
            match &*handed {
                Handed::Waiting => handed = self.handed_now.wait(handed).unwrap_or_else(std::sync::PoisonError::into_inner),
                Handed::Walk(walk) => return Some(Arc::clone(walk)),
                Handed::Nothing => return None,
            }
        }
    }

    /// Stat the runs of `texts` not yet taken, giving each as it is made, until none is
    /// left or the check is dropped.
    fn stat_runs(&self, dir: &Path, texts: &[PathBuf], mut give: impl FnMut(usize, Stats)) {
        let mut folder = Folder::open(dir);
        while !self.stop.load(Ordering::Relaxed) {
            let first = self.next.fetch_add(STAT_RUN, Ordering::Relaxed);
            if first >= texts.len() {
                break;
            }
            let run = &texts[first..(first + STAT_RUN).min(texts.len())];
            give(first, run.iter().map(|path| folder.stat(path)).collect());
        }
    }

    /// The runs of `texts` left, stat'ed by this thread, placed in `gathered`: on 100,000
    /// files that is most of the freshness check, made on every core; on a few hundred,
    /// starting the threads costs more than they save.
    fn stat_here(&self, dir: &Path, texts: &[PathBuf], gathered: &mut Gathered) {
        if texts.len() < PARALLEL_STATS {
            return self.stat_runs(dir, texts, |first, run| gathered.place(first, run));
        }
        let made = Mutex::new(Vec::new());
        rayon::broadcast(|_| {
            let mut mine = Vec::new();
            self.stat_runs(dir, texts, |first, run| mine.push((first, run)));
            made.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(mine);
        });
        let made = made.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        made.into_iter().for_each(|(first, run)| gathered.place(first, run));
    }
}

/// The stats of a [`FolderCheck`], run by run as they come.
struct Gathered {
    stats: Vec<Option<Result<OnDisk, Error>>>,
    /// The texts whose stat has not come.
    left: usize,
}

impl Gathered {
    fn new(texts: usize) -> Gathered {
        Gathered { stats: std::iter::repeat_with(|| None).take(texts).collect(), left: texts }
    }

    fn place(&mut self, first: usize, run: Stats) {
        self.left -= run.len();
        for (slot, stat) in self.stats[first..].iter_mut().zip(run) {
            *slot = Some(stat);
        }
    }

    /// Every text's stat, once none is left to come.
    fn into_stats(self) -> Stats {
        self.stats.into_iter().map(|s| s.expect("every text is stat'ed by one or the other")).collect()
    }
}

impl FolderCheck {
    /// Start walking `dir`, taking the walk kept at `kept` where it is still the folder's
    /// (see [`super::listing`]), and keeping it there otherwise.
    pub fn start(dir: &Path, kept: Option<PathBuf>) -> FolderCheck {
        FolderCheck::new(dir, kept, true)
    }

    /// A check made all by the command when `thread` is false.
    fn new(dir: &Path, kept: Option<PathBuf>, thread: bool) -> FolderCheck {
        let shared = Arc::new(Shared::default());
        let (walk_sender, walk) = mpsc::sync_channel(1);
        let (run_sender, runs) = mpsc::channel();
        let (folder, theirs, kept_here) = (dir.to_path_buf(), Arc::clone(&shared), kept.clone());
        let work = move || {
            let texts = if !theirs.walk_taken.swap(true, Ordering::AcqRel) {
                let walk = super::listing::walk(&folder, kept_here.as_deref()).map(Arc::new);
                let texts = walk.as_ref().ok().cloned();
                // The command may have stopped listening: its answer is not wanted.
                let _ = walk_sender.send(walk);
                texts
            } else {
                drop(walk_sender);
                theirs.wait_for_walk()
            };
            if let Some(texts) = texts {
                theirs.stat_runs(&folder, &texts.texts, |first, stats| {
                    let _ = run_sender.send((first, stats));
                });
            }
        };
        let mut check = FolderCheck {
            dir: dir.to_path_buf(),
            kept,
            shared,
            walk: Some(walk),
            walked: None,
            runs: Some(runs),
            pending: Some(Box::new(work)),
            thread: None,
        };
        if thread {
            check.start_thread();
        }
        check
    }

    /// The check of a command that reads a few documents from an index: the folder walked
    /// here first (most often its kept listing, see [`super::listing`]), then a thread to
    /// stat the texts beside the command only where there are `SHARED_STATS` of them or
    /// more. Below that, starting the thread costs as much as the stats it would take.
    pub fn walk_first(dir: &Path, kept: Option<PathBuf>) -> Result<FolderCheck, Error> {
        let mut check = FolderCheck::new(dir, kept, false);
        check.walk_unless_begun()?;
        if check.walked.as_ref().is_some_and(|walk| walk.texts.len() >= SHARED_STATS) {
            check.start_thread();
        }
        Ok(check)
    }

    /// The thread started, where one can be: else the command makes it all when it asks.
    fn start_thread(&mut self) {
        if let Some(work) = self.pending.take() {
            self.thread = crate::threads::spawn_beside("folder check", work);
        }
    }

    /// Walk the folder here and now unless the thread has begun to: what the command does
    /// next, the thread stats meanwhile.
    fn walk_unless_begun(&mut self) -> Result<(), Error> {
        if self.walked.is_none() && !self.shared.walk_taken.swap(true, Ordering::AcqRel) {
            self.walk_here()?;
        }
        Ok(())
    }

    /// The walk made here, the walk having been taken by the command; handed to the thread.
    fn walk_here(&mut self) -> Result<(), Error> {
        self.walk = None;
        match super::listing::walk(&self.dir, self.kept.as_deref()).map(Arc::new) {
            Ok(walk) => {
                self.shared.hand(Handed::Walk(Arc::clone(&walk)));
                self.walked = Some(walk);
                Ok(())
            }
            Err(e) => {
                self.shared.hand(Handed::Nothing);
                Err(e)
            }
        }
    }

    /// The folder's walk, made here if the thread has not begun it, else waited for.
    pub fn walk(&mut self) -> Result<Arc<reader::Walk>, Error> {
        self.walk_unless_begun()?;
        if let Some(walked) = &self.walked {
            return Ok(Arc::clone(walked));
        }
        let receiver = self.walk.take().expect("the thread's walk is waited for once, then kept");
        let walk = match receiver.recv() {
            Ok(walk) => walk?,
            // The thread ended without sending its walk: it panicked, and so does the command.
            Err(_) => self.resume_panic(),
        };
        self.walked = Some(Arc::clone(&walk));
        Ok(walk)
    }

    /// How `index` stands against the folder, once the stats are in.
    pub fn status(mut self, index: &Index) -> Result<Status, Error> {
        let (walk, stats) = self.stats()?;
        index.status_with(&self.dir, &walk.texts, stats)
    }

    /// The walk and each of its texts' stat, in its order, the runs left taken here.
    pub(super) fn stats(&mut self) -> Result<(Arc<reader::Walk>, Stats), Error> {
        let walk = self.walk()?;
        let texts = &walk.texts;
        let mut gathered = Gathered::new(texts.len());
        // The runs the thread has not taken, taken here (on every core for many files).
        self.shared.stat_here(&self.dir, texts, &mut gathered);
        // The runs the thread took, each sent once made.
        let runs = self.runs.take().expect("the status is asked for once");
        while gathered.left > 0 {
            match runs.recv() {
                Ok((first, run)) => gathered.place(first, run),
                Err(_) => self.resume_panic(),
            }
        }
        Ok((walk, gathered.into_stats()))
    }

    /// The thread's panic, given to the command: the thread ended without sending what it
    /// had taken to make.
    fn resume_panic(&mut self) -> ! {
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            _ => unreachable!("the folder check sends what it took to make before it ends"),
        }
    }
}

impl Drop for FolderCheck {
    fn drop(&mut self) {
        // A thread yet to begin finds the walk taken and nothing handed; one stat-ing stops.
        self.shared.walk_taken.store(true, Ordering::Relaxed);
        self.shared.stop.store(true, Ordering::Relaxed);
        if self.walked.is_none() {
            self.shared.hand(Handed::Nothing);
        }
    }
}

/// The corpus folder, held open to stat the files below it by their names below it:
/// the system does not walk the folder's own path again for every file (a quarter of
/// the stats' system time on 655 files).
struct Folder<'a> {
    dir: &'a Path,
    #[cfg(unix)]
    handle: Option<std::fs::File>,
    /// A name below the folder, NUL-terminated, reused from file to file.
    #[cfg(unix)]
    name: Vec<u8>,
}

impl Folder<'_> {
    fn open(dir: &Path) -> Folder<'_> {
        Folder {
            dir,
            #[cfg(unix)]
            handle: std::fs::File::open(dir).ok(),
            #[cfg(unix)]
            name: Vec::new(),
        }
    }

    /// [`stat`] of `path`, a file below the folder.
    fn stat(&mut self, path: &Path) -> Result<OnDisk, Error> {
        #[cfg(unix)]
        if let (Some(handle), Some(below)) = (&self.handle, super::below(self.dir, path)) {
            use std::os::fd::AsRawFd;
            self.name.clear();
            self.name.extend_from_slice(below);
            self.name.push(0);
            let mut meta = std::mem::MaybeUninit::<libc::stat>::uninit();
            // SAFETY: the name is NUL-terminated and outlives the call; `meta` is only
            // read once the call has filled it in.
            let meta = unsafe {
                (libc::fstatat(handle.as_raw_fd(), self.name.as_ptr().cast(), meta.as_mut_ptr(), 0) == 0).then(|| meta.assume_init())
            };
            if let Some(meta) = meta {
                // As `stat` reads them: a time before 1970 is 0.
                let mtime_ns = if meta.st_mtime >= 0 {
                    (meta.st_mtime as u128 * 1_000_000_000 + meta.st_mtime_nsec as u128) as i64
                } else {
                    0
                };
                return Ok(OnDisk { size: meta.st_size as u64, mtime_ns });
            }
            // A file that cannot be stat'ed: the path names why.
        }
        stat(path)
    }
}

fn stat(path: &Path) -> Result<OnDisk, Error> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    Ok(OnDisk { size: meta.len(), mtime_ns })
}

impl Index {
    /// Open (or create) the index at `path` to write it, once any other process writing
    /// it is done (each takes `<index>.lock` in turn). An index of another schema version
    /// is made empty; a file that is not an index at all is an error that says how to
    /// rebuild.
    pub fn open(path: &Path) -> Result<Index, Error> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })?;
        }
        // Beside the file itself: an index reached through a symbolic link is locked
        // where the link leads, as it is by a process given the target's path.
        let file = if is_link(path) { std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) } else { path.to_path_buf() };
        let lock_path = beside(&file, ".lock");
        let io = |source| Error::Io { path: lock_path.clone(), source };
        let lock = std::fs::File::options().create(true).truncate(false).write(true).open(&lock_path).map_err(io)?;
        lock.lock().map_err(io)?;
        Ok(Index { conn: open_to_write(path)?, path: path.to_path_buf(), _writer: Some(lock) })
    }
}

/// The error of a statement on the index at `path`.
fn failed(path: &Path) -> impl Fn(rusqlite::Error) -> Error + Copy + '_ {
    move |e| {
        let reason = if is_busy(&e) {
            format!("{e}: another lineage process is using it; try again once it has finished")
        } else {
            e.to_string()
        };
        Error::Index { path: path.to_path_buf(), reason }
    }
}

/// Whether `e` is another connection holding the lock asked for.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// `path` with `suffix` added to its name: the files kept beside the index (SQLite's
/// `-wal` and `-shm`, the writers' `.lock`, a rebuild's `.building`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `path` is a symbolic link (not what it leads to).
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

/// Remove the file `path` if there is one.
fn remove_if_there(path: &Path) -> Result<(), Error> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::Io { path: path.to_path_buf(), source: e }),
        _ => Ok(()),
    }
}

/// A connection to the index at `path` that may write, the index made empty if it is of
/// another schema version (or a new file).
fn open_to_write(path: &Path) -> Result<Connection, Error> {
    let fail = failed(path);
    let conn = Connection::open(path).map_err(fail)?;
    // A writer waits for the readers of the moment to finish before it commits (and they
    // for its commit): as long as a command that reads a large corpus may take.
    conn.busy_timeout(WRITER_WAITS).map_err(fail)?;
    // A rollback journal, only while a write is under way: a reader then opens the index
    // without making a write-ahead log and its shared memory beside it. An index left in
    // WAL mode (by an earlier build) is taken out of it, unless another process has it
    // open: then it stays in that mode this time.
    match conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0)) {
        Err(e) if !is_busy(&e) => return Err(fail(e)),
        _ => {}
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL;").map_err(fail)?;
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get(0))
        .optional()
        .unwrap_or(None);
    if version.as_deref() != Some(SCHEMA_VERSION) {
        // Another version's index (or a new file): start from an empty one.
        conn.execute_batch(
            "DROP TABLE IF EXISTS paragraph_terms; DROP TABLE IF EXISTS paragraph_text; DROP TABLE IF EXISTS trigram_rows;
             DROP TABLE IF EXISTS postings; DROP TABLE IF EXISTS postings_merged; DROP TABLE IF EXISTS postings_removed;
             DROP TABLE IF EXISTS paragraphs; DROP TABLE IF EXISTS documents;
             DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS catalog;",
        )
        .map_err(fail)?;
        create_schema(&conn).map_err(fail)?;
    }
    Ok(conn)
}

impl Index {
    /// Open the index at `path` only if it exists.
    pub fn open_existing(path: &Path) -> Result<Option<Index>, Error> {
        if path.is_file() { Index::open(path).map(Some) } else { Ok(None) }
    }

    fn fail(&self, e: rusqlite::Error) -> Error {
        failed(&self.path)(e)
    }

    fn malformed(&self) -> Error {
        Error::Index { path: self.path.clone(), reason: "its catalog does not read; run `lineage index --rebuild`".to_string() }
    }

    /// The folder this index was built for (canonical path), if it was ever built.
    pub fn built_for(&self) -> Option<String> {
        self.corpus_dir()
    }

    /// Open an existing index to read only (nothing created, nothing written), for the
    /// commands that only read the corpus: a read-only output folder is no obstacle.
    pub fn open_to_read(path: &Path) -> Result<Option<Index>, Error> {
        if !path.is_file() {
            return Ok(None);
        }
        let fail = failed(path);
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(fail)?;
        // One read transaction for all that is read: every statement sees the same state
        // of the file, and the file is locked and checked (for a journal left behind, for
        // a change since the last statement) once rather than at every statement.
        conn.execute_batch("BEGIN").map_err(fail)?;
        let version: Option<String> =
            conn.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get(0)).optional().map_err(fail)?;
        if version.as_deref() != Some(SCHEMA_VERSION) {
            return Ok(None);
        }
        Ok(Some(Index { conn, path: path.to_path_buf(), _writer: None }))
    }

    fn corpus_dir(&self) -> Option<String> {
        self.conn.query_row("SELECT value FROM meta WHERE key = 'corpus'", [], |r| r.get(0)).optional().ok().flatten()
    }

    /// Compare the index with the folder `dir`.
    pub fn status(&self, dir: &Path) -> Result<Status, Error> {
        self.status_of(dir, &reader::walk(dir)?.texts)
    }

    /// [`Index::status`] of the text files `texts` of `dir`, already listed.
    pub fn status_of(&self, dir: &Path, texts: &[PathBuf]) -> Result<Status, Error> {
        self.status_with(dir, texts, stat_files(dir, texts))
    }

    /// [`Index::status_of`] with each text's stat already taken (`stats`, in the order of
    /// `texts`).
    fn status_with(&self, dir: &Path, texts: &[PathBuf], stats: Vec<Result<OnDisk, Error>>) -> Result<Status, Error> {
        let built_for = self.corpus_dir();
        let same_corpus = built_for.as_deref() == Some(&canonical(dir));
        let names: Vec<std::borrow::Cow<str>> = texts.iter().map(|path| super::relative(dir, path)).collect();
        // Each name's first file: two files can only share a name through a backslash
        // or bytes that are not UTF-8, and then the second is new to the index.
        let mut first: HashMap<&[u8], usize, BuildHasherDefault<KeyHasher>> = HashMap::default();
        first.reserve(names.len());
        let is_first: Vec<bool> = names
            .iter()
            .enumerate()
            .map(|(i, name)| match first.entry(name.as_bytes()) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                    true
                }
                std::collections::hash_map::Entry::Occupied(_) => false,
            })
            .collect();
        // The size and time the index holds for each file.
        let mut known: Vec<Option<(u64, i64)>> = vec![None; texts.len()];
        let mut status = Status::default();
        if same_corpus {
            // The hashes are looked up only for the files whose size or time changed.
            let files = super::catalog::read(&self.conn, "files").map_err(|e| self.fail(e))?;
            for file in super::catalog::files(&files) {
                let file = file.map_err(|_| self.malformed())?;
                match first.get(file.path_bytes) {
                    Some(&i) => known[i] = Some((file.size as u64, file.mtime_ns)),
                    None => status.removed.push(file.path().map_err(|_| self.malformed())?.to_string()),
                }
            }
        }
        for (i, (path, now)) in texts.iter().zip(stats).enumerate() {
            let rel = &names[i];
            let stored = if is_first[i] { known[i] } else { None };
            match stored {
                None => status.added.push(rel.to_string()),
                Some((size, mtime_ns)) => {
                    // A file that can no longer be read has changed: reading it again
                    // reports why.
                    let Ok(now) = now else {
                        status.changed.push(rel.to_string());
                        continue;
                    };
                    if now.size == size && now.mtime_ns == mtime_ns {
                        continue;
                    }
                    let Ok(bytes) = reader::read_file_bytes(path) else {
                        status.changed.push(rel.to_string());
                        continue;
                    };
                    let hash: String = self
                        .conn
                        .query_row("SELECT hash FROM files WHERE path = ?1", [rel.as_ref()], |r| r.get(0))
                        .map_err(|e| self.fail(e))?;
                    if blake3::hash(&bytes).to_hex().as_str() == hash {
                        status.touched.push(rel.to_string());
                    } else {
                        status.changed.push(rel.to_string());
                    }
                }
            }
        }
        status.removed.sort();
        if !same_corpus {
            status.other_folder = Some(built_for.unwrap_or_default());
        }
        Ok(status)
    }

    /// Bring the index up to date with `dir`, re-reading only what changed. `progress` is
    /// called after each file read, with the number done and the number to do. An index
    /// that holds nothing of `dir` (new, or another folder's) is built anew.
    pub fn refresh(&mut self, dir: &Path, mut progress: impl FnMut(usize, usize)) -> Result<Refresh, Error> {
        let corpus = canonical(dir);
        let holds_nothing = || -> rusqlite::Result<bool> {
            self.conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM files)", [], |r| r.get(0))
        };
        if self.corpus_dir().as_deref() != Some(&corpus) || holds_nothing().map_err(|e| self.fail(e))? {
            return self.rebuild(dir, progress);
        }
        let mut status = self.status(dir)?;
        status.other_folder = None;
        let index_path = self.path.clone();
        let fail = failed(&index_path);
        let tx = self.conn.transaction().map_err(fail)?;
        let mut postings = super::postings::Builder::default();
        for rel in status.removed.iter().chain(&status.changed) {
            forget(&tx, rel, &mut postings).map_err(fail)?;
        }
        for rel in &status.touched {
            let now = stat(&dir.join(rel))?;
            tx.execute("UPDATE files SET size = ?1, mtime_ns = ?2 WHERE path = ?3", params![now.size as i64, now.mtime_ns, rel])
                .map_err(fail)?;
        }
        let todo: Vec<&String> = status.added.iter().chain(&status.changed).collect();
        let mut report = store_files(&tx, &index_path, dir, &todo, postings, &mut progress)?;
        if !status.is_fresh() || !status.touched.is_empty() {
            super::catalog::write(&tx).map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        report.status = status;
        Ok(report)
    }

    /// Build the index of `dir` anew, whatever it held. It is written to a file beside
    /// the index without a journal and then put in the index's place: each page written
    /// once. The old file is removed meanwhile (a crash leaves no index, which the
    /// commands do without, and a stray file the next build removes); a reader that has
    /// it open goes on reading it. While another process has the index open in WAL mode
    /// (as an earlier build left it), or when the index is a symbolic link, it is rebuilt
    /// in place instead.
    pub fn rebuild(&mut self, dir: &Path, mut progress: impl FnMut(usize, usize)) -> Result<Refresh, Error> {
        let walk = reader::walk(dir)?;
        let status = Status {
            added: walk.texts.iter().map(|path| super::relative(dir, path).into_owned()).collect(),
            ..Status::default()
        };
        let todo: Vec<&String> = status.added.iter().collect();
        let building = beside(&self.path, ".building");
        // The index is closed to see whether another process has it open in WAL mode: the
        // last connection to close removes the write-ahead log and its shared memory, which
        // a new file put in the index's place would otherwise be taken to go with.
        self.conn = Connection::open_in_memory().map_err(|e| self.fail(e))?;
        let in_use = ["-wal", "-shm"].iter().any(|suffix| beside(&self.path, suffix).exists());
        // An index reached through a symbolic link is rebuilt where the link leads, in place:
        // a new file put at the link's path would replace the link, not its target.
        let mut report = if in_use || is_link(&self.path) {
            self.conn = open_to_write(&self.path)?;
            self.clear()?;
            self.store_in_place(dir, &todo, &mut progress)?
        } else {
            // Nothing in the old file is wanted any more (a crash leaves no index, and the
            // commands read the files): it is removed beside the build, not after it,
            // where giving its blocks back to the disk kept the cores idle.
            let old = self.path.clone();
            let removal = std::thread::spawn(move || remove_if_there(&old));
            let built = build_file(&building, dir, &todo, &mut progress);
            let removed = removal.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let placed = built.and_then(|report| {
                removed?;
                std::fs::rename(&building, &self.path).map_err(|source| Error::Io { path: self.path.clone(), source })?;
                Ok(report)
            });
            if placed.is_err() {
                let _ = std::fs::remove_file(&building);
            }
            self.conn = open_to_write(&self.path)?;
            placed?
        };
        report.status = status;
        Ok(report)
    }

    /// Store every file of `todo` in this (emptied) index, in one transaction.
    fn store_in_place(&mut self, dir: &Path, todo: &[&String], progress: &mut dyn FnMut(usize, usize)) -> Result<Refresh, Error> {
        store_all(&mut self.conn, &self.path, dir, todo, progress)
    }

    fn clear(&mut self) -> Result<(), Error> {
        self.conn
            .execute_batch(
                "DELETE FROM postings; DELETE FROM postings_removed; DELETE FROM paragraphs; DELETE FROM documents; DELETE FROM files;
                 DELETE FROM meta WHERE key = 'corpus'; DELETE FROM catalog;",
            )
            .map_err(|e| self.fail(e))
    }

    /// Every document in the index, in path order, with `source.path` under `dir`, and
    /// the reasons the unreadable files could not be read.
    pub fn documents(&self, dir: &Path) -> Result<(Vec<Document>, Vec<String>), Error> {
        self.stored(Stored::Model, dir, |doc| doc)
    }

    /// [`Index::documents`] cut to `outline`: the stored outlines, without loading a model.
    pub fn outlines(&self, dir: &Path, outline: Outline) -> Result<(Vec<Document>, Vec<String>), Error> {
        // Cut again even to the shape stored: a list read from JSON keeps the room it grew
        // into, a cut one has none.
        self.stored(Stored::Outline, dir, |doc| outline.of(&doc))
    }

    /// Each document's stored model or outline, in path order, loaded and shaped, and the
    /// reasons the unreadable files could not be read.
    fn stored(&self, what: Stored, dir: &Path, shape: impl Fn(Document) -> Document) -> Result<(Vec<Document>, Vec<String>), Error> {
        let column = match what {
            Stored::Model => "model",
            Stored::Outline => "outline",
        };
        let sql = format!("SELECT path, {column}, first_row, rows FROM documents ORDER BY path, id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.fail(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)))
            .map_err(|e| self.fail(e))?;
        let mut docs = Vec::new();
        for row in rows {
            let (rel, stored, first_row, rows) = row.map_err(|e| self.fail(e))?;
            let doc = match what {
                Stored::Model => self.load_model(dir, &rel, &stored, first_row..first_row + rows)?,
                Stored::Outline => self.decode(dir, &rel, &stored)?,
            };
            docs.push(shape(doc));
        }
        Ok((docs, self.unreadable()?))
    }

    /// The whole stored document of the file `path` (as an outline's `source.path` under
    /// `dir` names it).
    pub fn document_of_file(&self, dir: &Path, path: &str) -> Result<Document, Error> {
        let rel = super::relative(dir, Path::new(path));
        let (model, rows) = self
            .conn
            .query_row("SELECT model, first_row, rows FROM documents WHERE path = ?1 ORDER BY id LIMIT 1", [rel.as_ref()], model_and_rows)
            .map_err(|e| self.fail(e))?;
        self.load_model(dir, &rel, &model, rows)
    }

    /// Each stored document's row id, file, symbol and language, in the order of
    /// [`Index::documents`], without loading a model: enough to find the few a command names.
    pub fn headers(&self) -> Result<StoredHeaders, Error> {
        let blob = super::catalog::read(&self.conn, "headers").map_err(|e| self.fail(e))?;
        let mut records = super::catalog::Records::new(&blob);
        let mut headers = StoredHeaders::default();
        while !records.is_empty() {
            let text = &mut headers.text;
            let mut read = || -> Result<StoredHeader, super::catalog::Malformed> {
                let id = records.i64()?;
                let mut column = || -> Result<std::ops::Range<usize>, super::catalog::Malformed> {
                    let start = text.len();
                    text.push_str(records.str()?);
                    Ok(start..text.len())
                };
                Ok(StoredHeader { id, path: column()?, symbol: column()?, language: column()? })
            };
            headers.rows.push(read().map_err(|_| self.malformed())?);
        }
        Ok(headers)
    }

    /// The stored document of row `id` (from [`Index::headers`]), read from the file
    /// `rel`, with `source.path` under `dir`.
    pub fn document(&self, dir: &Path, id: i64, rel: &str) -> Result<Document, Error> {
        let (model, rows) = self
            .conn
            .query_row("SELECT model, first_row, rows FROM documents WHERE id = ?1", [id], model_and_rows)
            .map_err(|e| self.fail(e))?;
        self.load_model(dir, rel, &model, rows)
    }

    /// A stored model as its document, with `source.path` under `dir`, its texts put back
    /// from its searchable rows, the ids `rows`.
    fn load_model(&self, dir: &Path, rel: &str, model: &[u8], rows: std::ops::Range<i64>) -> Result<Document, Error> {
        let mut doc = self.decode(dir, rel, model)?;
        self.restore_texts(&mut doc, rows).map_err(|e| Error::Index {
            path: self.path.clone(),
            reason: format!("stored texts of {rel} do not match its model ({e}); run `lineage index --rebuild`"),
        })?;
        Ok(doc)
    }

    /// A stored model or outline (compressed MessagePack) as its document, with
    /// `source.path` under `dir`.
    fn decode(&self, dir: &Path, rel: &str, stored: &[u8]) -> Result<Document, Error> {
        let loaded = decompress(stored).and_then(|bytes| rmp_serde::from_slice::<Document>(&bytes).map_err(|e| e.to_string()));
        let mut doc = loaded.map_err(|e| Error::Index {
            path: self.path.clone(),
            reason: format!("stored model of {rel} does not load ({e}); run `lineage index --rebuild`"),
        })?;
        doc.source.path = dir.join(rel).to_string_lossy().into_owned();
        Ok(doc)
    }

    /// Put back each text of `doc` that its model holds in its row (see [`SearchRows::take`]),
    /// from the rows `rows`, in the order they were made; each row's name is checked, and
    /// every row must be used.
    fn restore_texts(&self, doc: &mut Document, rows: std::ops::Range<i64>) -> Result<(), String> {
        let mut stmt = self.conn.prepare_cached("SELECT paragraph, text FROM paragraphs WHERE id >= ?1 AND id < ?2 ORDER BY id").map_err(|e| e.to_string())?;
        let mut stored = stmt.query([rows.start, rows.end]).map_err(|e| e.to_string())?;
        let mut next = |text: &mut String, id: &str, label: Option<&str>| -> Result<(), String> {
            if text != IN_ROW {
                return Ok(());
            }
            let row = stored.next().map_err(|e| e.to_string())?.ok_or_else(|| format!("no row for {id}"))?;
            let name = row.get_ref(0).and_then(|v| v.as_str().map_err(Into::into)).map_err(|e| e.to_string())?;
            if !row_named(name, id, label) {
                return Err(format!("the row for {id} is named {name}"));
            }
            *text = row.get(1).map_err(|e| e.to_string())?;
            Ok(())
        };
        for p in &mut doc.paragraphs {
            next(&mut p.text, &p.id, None)?;
            for item in &mut p.items {
                next(&mut item.text, &p.id, Some(&item.label))?;
            }
        }
        match stored.next().map_err(|e| e.to_string())? {
            Some(_) => Err("a row beyond its paragraphs".to_string()),
            None => Ok(()),
        }
    }

    /// Why each file that could not be read was not, in path order, as stored.
    pub fn unreadable(&self) -> Result<Vec<String>, Error> {
        let files = super::catalog::read(&self.conn, "files").map_err(|e| self.fail(e))?;
        let mut errors = Vec::new();
        for file in super::catalog::files(&files) {
            if let Some(error) = file.map_err(|_| self.malformed())?.error {
                errors.push(error.to_string());
            }
        }
        Ok(errors)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<Hit>, Error> {
        // One read transaction for the search's hundreds of statements: the file is
        // locked and checked once rather than at each. An index opened only to read is in
        // one already.
        if !self.conn.is_autocommit() {
            return super::search::search(&self.conn, query, options).map_err(|e| self.fail(e));
        }
        let read = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        super::search::search(&read, query, options).map_err(|e| self.fail(e))
    }
}

/// Read the files `todo` of `dir` and store them through `conn` (in a transaction), with
/// their postings gathered in `postings`.
fn store_files(
    conn: &Connection,
    index_path: &Path,
    dir: &Path,
    todo: &[&String],
    mut postings: super::postings::Builder,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Refresh, Error> {
    let fail = failed(index_path);
    let mut report = Refresh::default();
    let next: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'next_row'", [], |r| r.get(0)).optional().map_err(fail)?;
    let mut next_row: i64 = match next {
        Some(next) => next.parse().map_err(|_| Error::Index {
            path: index_path.to_path_buf(),
            reason: "its row count does not read; run `lineage index --rebuild`".to_string(),
        })?,
        None => 1,
    };
    // Files are read and parsed on every core a chunk at a time, while this thread
    // stores the chunks before (SQLite takes one writer): memory holds a few chunks of
    // documents, not the corpus. Two threads read every other chunk, so that the core
    // the last files of one chunk leave idle starts on the next.
    let chunks: Vec<&[&String]> = todo.chunks(REFRESH_CHUNK).collect();
    let (even, from_even) = std::sync::mpsc::sync_channel::<Vec<ReadFile>>(1);
    let (odd, from_odd) = std::sync::mpsc::sync_channel::<Vec<ReadFile>>(1);
    let chunks = &chunks;
    std::thread::scope(|scope| -> Result<(), Error> {
        // The receivers are this closure's own: dropped when it returns, an error
        // included, so that a reading thread's next send fails and it stops, rather than
        // the scope waiting for ever on a thread blocked on a full channel.
        let receivers = [from_even, from_odd];
        for (first, sender) in [(0, even), (1, odd)] {
            scope.spawn(move || {
                for chunk in chunks.iter().skip(first).step_by(2) {
                    if sender.send(read_chunk(dir, chunk)).is_err() {
                        // The storing side failed and stopped listening.
                        return;
                    }
                }
            });
        }
        let mut done = 0;
        for k in 0..chunks.len() {
            let receiver = &receivers[k % 2];
            let Ok(read) = receiver.recv() else { break };
            let chunk = &todo[done..done + read.len()];
            for (rel, ReadFile { now, hash, doc }) in chunk.iter().zip(read) {
                let error = doc.as_ref().err().map(|e| e.to_string());
                conn.prepare_cached("INSERT INTO files (path, size, mtime_ns, hash, error) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .and_then(|mut insert| insert.execute(params![rel, now.size as i64, now.mtime_ns, hash, error]))
                    .map_err(fail)?;
                if let Ok(doc) = doc {
                    report.paragraphs += store(conn, rel, &doc, &mut next_row, &mut postings).map_err(fail)?;
                    report.documents += 1;
                }
            }
            done += chunk.len();
            progress(done, todo.len());
        }
        Ok(())
    })?;
    postings.finish(conn).map_err(fail)?;
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_row', ?1)", [next_row.to_string()]).map_err(fail)?;
    // Counted from the documents' ranges: a few hundred records, not every row's text.
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('rows', (SELECT coalesce(sum(rows), 0) FROM documents))", [])
        .map_err(fail)?;
    Ok(report)
}

/// A new index of the files `todo` of `dir`, written to the file `path` (replaced if it
/// exists) without a journal and synced to disk: what [`Index::rebuild`] puts in the
/// index's place.
fn build_file(path: &Path, dir: &Path, todo: &[&String], progress: &mut dyn FnMut(usize, usize)) -> Result<Refresh, Error> {
    let fail = failed(path);
    remove_if_there(path)?;
    let mut conn = Connection::open(path).map_err(fail)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;").map_err(fail)?;
    create_schema(&conn).map_err(fail)?;
    // What SQLite has written is handed to the disk as the build goes on, the postings
    // written at its end included, so that the sync waits for the last pages only.
    let written = std::fs::File::open(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let report = handing_to_disk(&written, || store_all(&mut conn, path, dir, todo, progress))?;
    conn.close().map_err(|(_, e)| fail(e))?;
    std::fs::File::open(path).and_then(|file| file.sync_all()).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    Ok(report)
}

/// Store every file of `todo` of the folder `dir` in the empty index `conn` (at `path`), in
/// one transaction: the documents, the postings, the folder's name and the catalog.
fn store_all(conn: &mut Connection, path: &Path, dir: &Path, todo: &[&String], progress: &mut dyn FnMut(usize, usize)) -> Result<Refresh, Error> {
    let fail = failed(path);
    let tx = conn.transaction().map_err(fail)?;
    tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('corpus', ?1)", [canonical(dir)]).map_err(fail)?;
    let report = store_files(&tx, path, dir, todo, super::postings::Builder::default(), progress)?;
    super::catalog::write(&tx).map_err(fail)?;
    tx.commit().map_err(fail)?;
    Ok(report)
}

/// Run `work` while a thread of its own starts writing `file`'s dirty pages to the disk
/// every few milliseconds (see [`start_writeback`]).
fn handing_to_disk<T>(file: &std::fs::File, work: impl FnOnce() -> T) -> T {
    if cfg!(not(target_os = "linux")) {
        return work();
    }
    use std::sync::atomic::{AtomicBool, Ordering};
    /// Stops the thread when the work ends, however it ends (a panic in the work would
    /// otherwise leave the scope waiting for the thread forever).
    struct Stop<'a>(&'a AtomicBool, std::thread::Thread);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Release);
            self.1.unpark();
        }
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let writeback = scope.spawn(|| {
            while !done.load(Ordering::Acquire) {
                std::thread::park_timeout(WRITEBACK_EVERY);
                start_writeback(file);
            }
        });
        let _stop = Stop(&done, writeback.thread().clone());
        work()
    })
}

/// Start writing `file`'s pages to the disk, without waiting for them (Linux; elsewhere
/// the sync at the end writes them all).
fn start_writeback(file: &std::fs::File) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for as long as `file` is borrowed; the call only
        // asks the kernel to start writing the file's dirty pages. A failure leaves them
        // to the sync at the end.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

/// The tables of an empty index, on a connection to a file that holds none.
fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    // The pages a merge of the postings frees are given back to the file system
    // (incremental vacuum), which needs the mode set on an empty file.
    conn.execute_batch("PRAGMA auto_vacuum = INCREMENTAL; VACUUM;")?;
    conn.execute_batch(SCHEMA)?;
    conn.execute_batch(super::postings::SCHEMA)?;
    conn.execute_batch(super::catalog::SCHEMA)?;
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema', ?1)", [SCHEMA_VERSION])?;
    Ok(())
}

/// Remove a file and everything read from it. Its rows' ids stay in the postings until
/// their segments are merged (search drops ids whose row is gone); the count of rows
/// holding each of their trigrams goes down at once.
fn forget(conn: &Connection, rel: &str, postings: &mut super::postings::Builder) -> rusqlite::Result<()> {
    let mut documents = conn.prepare_cached("SELECT first_row, rows FROM documents WHERE path = ?1")?;
    let ranges: Vec<(i64, i64)> = documents.query_map([rel], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut texts = conn.prepare_cached("SELECT text FROM paragraphs WHERE id >= ?1 AND id < ?2")?;
    let mut delete = conn.prepare_cached("DELETE FROM paragraphs WHERE id >= ?1 AND id < ?2")?;
    for (first, rows) in ranges {
        for text in texts.query_map([first, first + rows], |r| r.get::<_, String>(0))? {
            postings.remove(&super::postings::trigram_keys(&search_form(&text?)));
        }
        delete.execute([first, first + rows])?;
    }
    conn.execute("DELETE FROM documents WHERE path = ?1", [rel])?;
    conn.execute("DELETE FROM files WHERE path = ?1", [rel])?;
    Ok(())
}

/// Store a document and, for a resolution, each paragraph and item as a searchable row,
/// the rows numbered from `next_row` on.
fn store(conn: &Connection, rel: &str, prepared: &Prepared, next_row: &mut i64, postings: &mut super::postings::Builder) -> rusqlite::Result<usize> {
    let first_row = *next_row;
    conn.prepare_cached(
        "INSERT INTO documents (path, symbol, language, body, kind, title, adopted, vote_method, yes, no, abstain, first_row, rows, model, outline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        rel,
        prepared.symbol,
        prepared.language,
        prepared.body,
        prepared.kind,
        prepared.title,
        prepared.adopted,
        prepared.vote_method,
        prepared.yes,
        prepared.no,
        prepared.abstain,
        first_row,
        prepared.rows.len() as i64,
        prepared.model,
        prepared.outline
    ])?;
    let document = conn.last_insert_rowid();
    let mut insert = conn.prepare_cached("INSERT INTO paragraphs (id, document, paragraph, text) VALUES (?1, ?2, ?3, ?4)")?;
    for (name, text, trigrams) in prepared.rows.iter() {
        insert.execute(params![*next_row, document, name, text])?;
        postings.add(conn, *next_row as u64, trigrams, &prepared.rows.wide)?;
        *next_row += 1;
    }
    Ok(prepared.rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Council resolution, the least the reader takes as one.
    const RESOLUTION: &str = "Human Rights Council\n\n47/23. New and emerging digital technologies and human rights\n\nThe Human Rights Council,\n\n1. Decides to remain seized of the matter.\n";

    /// A folder `data` in `dir` holding `files`, each a name and its text.
    fn data_folder(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
        let data = dir.join("data");
        std::fs::create_dir(&data).unwrap();
        for (name, text) in files {
            std::fs::write(data.join(name), text).unwrap();
        }
        data
    }

    /// A resolution whose texts are the cases a stored model must tell apart: blank, spaces
    /// only, a NUL (what the model holds in place of a text its row holds), an item's, and
    /// two paragraphs of one number, the first of them blank; stored in a new index at
    /// `dir`, which is returned with the document as read and the row id of its record.
    fn stored_resolution(dir: &Path) -> (Index, Document, i64) {
        use crate::model::Item;
        let mut doc = reader::read_bytes(RESOLUTION.as_bytes(), &dir.join("a.txt")).unwrap();
        let paragraph = |id: &str, text: &str, items: &[(&str, &str)]| crate::model::Paragraph {
            id: id.to_string(),
            text: text.to_string(),
            items: items.iter().map(|(label, text)| Item { label: label.to_string(), text: text.to_string(), footnote_marks: Vec::new(), lines: None }).collect(),
            ..doc.paragraphs[0].clone()
        };
        doc.paragraphs = vec![
            paragraph("PP1", "", &[]),
            paragraph("PP2", " \n ", &[]),
            paragraph("OP1", IN_ROW, &[]),
            paragraph("OP2", "Requests the High Commissioner:", &[("a", ""), ("b", "to report;"), ("c", IN_ROW), ("d", " ")]),
            paragraph("OP3", "", &[]),
            paragraph("OP3", "Decides to remain seized of the matter.", &[]),
        ];
        let index = Index::open(&dir.join("index.sqlite")).unwrap();
        let mut next_row = 1;
        let mut postings = super::super::postings::Builder::default();
        store(&index.conn, "a.txt", &Prepared::new(doc.clone()), &mut next_row, &mut postings).unwrap();
        postings.finish(&index.conn).unwrap();
        assert_eq!(next_row, 6, "a row for each text that is not blank");
        let id = index.conn.query_row("SELECT id FROM documents WHERE path = 'a.txt'", [], |r| r.get(0)).unwrap();
        (index, doc, id)
    }

    #[test]
    fn a_model_stored_without_the_texts_its_rows_hold_loads_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (index, doc, id) = stored_resolution(dir.path());
        let model: Vec<u8> = index.conn.query_row("SELECT model FROM documents WHERE id = ?1", [id], |r| r.get(0)).unwrap();
        let bytes = decompress(&model).unwrap();
        let text = b"Decides to remain seized of the matter.";
        assert!(!bytes.windows(text.len()).any(|w| w == text), "a text its row holds is not in the model");
        assert_eq!(index.document(dir.path(), id, "a.txt").unwrap(), doc);
        assert_eq!(index.document_of_file(dir.path(), &doc.source.path).unwrap(), doc);
        assert_eq!(index.documents(dir.path()).unwrap().0, vec![doc]);
    }

    #[test]
    fn rows_that_do_not_match_their_model_are_an_error_that_says_to_rebuild() {
        for damage in [
            "UPDATE paragraphs SET paragraph = 'OP9' WHERE id = 2",
            "DELETE FROM paragraphs WHERE id = 5",
            "INSERT INTO paragraphs (id, document, paragraph, text) SELECT 6, id, 'OP4', 'More.' FROM documents; UPDATE documents SET rows = rows + 1",
        ] {
            let dir = tempfile::tempdir().unwrap();
            let (index, _, id) = stored_resolution(dir.path());
            index.conn.execute_batch(damage).unwrap();
            let error = index.document(dir.path(), id, "a.txt").unwrap_err().to_string();
            assert!(error.contains("a.txt") && error.contains("lineage index --rebuild"), "{damage}: {error}");
        }
    }

    #[test]
    fn a_write_that_fails_midway_is_an_error_not_a_hang() {
        // The disk fills (SQLite's page limit stands in for it) while files are still
        // being read: the refresh ends with the error, its reading threads stopped.
        let dir = tempfile::tempdir().unwrap();
        let data = data_folder(dir.path(), &[("a.txt", RESOLUTION)]);
        let path = dir.path().join("index.sqlite");
        let mut index = Index::open(&path).unwrap();
        index.refresh(&data, |_, _| {}).unwrap();
        for k in 0..REFRESH_CHUNK * 8 {
            let body = format!("{} {}", "Recalling the rights of every person, ".repeat(40), k);
            std::fs::write(data.join(format!("b{k}.txt")), RESOLUTION.replace("47/23", &format!("47/{}", 100 + k)).replace("1. Decides", &format!("{body}\n\n1. Decides"))).unwrap();
        }
        let pages: i64 = index.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        index.conn.execute_batch(&format!("PRAGMA max_page_count = {}", pages + 8)).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || sender.send(index.refresh(&data, |_, _| {}).map(|_| ()).map_err(|e| e.to_string())));
        let ended = receiver.recv_timeout(std::time::Duration::from_secs(60)).expect("the refresh ends");
        assert!(ended.unwrap_err().contains("full"), "the disk's error");
    }

    #[test]
    fn the_writeback_thread_stops_however_the_work_ends() {
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("f")).unwrap();
        assert_eq!(handing_to_disk(&file, || 7), 7);
        // A panic in the work ends the scope too, rather than leaving it waiting for the
        // thread: the panic comes back within seconds.
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let ended = std::panic::catch_unwind(|| handing_to_disk(&file, || panic!("the work fails")));
            sender.send(ended.is_err()).unwrap();
        });
        assert_eq!(receiver.recv_timeout(std::time::Duration::from_secs(20)), Ok(true));
    }

    #[test]
    fn the_folder_check_finds_what_the_status_finds() {
        let dir = tempfile::tempdir().unwrap();
        let data = data_folder(dir.path(), &[("a.txt", RESOLUTION), ("b.txt", &RESOLUTION.replace("47/23", "47/24"))]);
        let mut index = Index::open(&dir.path().join("index.sqlite")).unwrap();
        index.refresh(&data, |_, _| {}).unwrap();
        let checked = |index: &Index| {
            let mut check = FolderCheck::start(&data, None);
            assert_eq!(check.walk().unwrap().texts, reader::walk(&data).unwrap().texts);
            let status = check.status(index).unwrap();
            // Made by the command alone, as when the thread has not begun when asked.
            let mut alone = FolderCheck::new(&data, None, false);
            assert_eq!(alone.walk().unwrap().texts, reader::walk(&data).unwrap().texts);
            assert_eq!(alone.status(index).unwrap(), status);
            // Asked for the status at once, the walk made by either.
            assert_eq!(FolderCheck::start(&data, None).status(index).unwrap(), status);
            status
        };
        assert!(checked(&index).is_fresh());
        assert_eq!(checked(&index), index.status(&data).unwrap());
        std::fs::write(data.join("c.txt"), RESOLUTION.replace("47/23", "47/25")).unwrap();
        std::fs::remove_file(data.join("b.txt")).unwrap();
        let status = checked(&index);
        assert_eq!((status.added.as_slice(), status.removed.as_slice()), (["c.txt".to_string()].as_slice(), ["b.txt".to_string()].as_slice()));
        assert_eq!(status, index.status(&data).unwrap());
        // A check dropped unfinished stops quietly.
        drop(FolderCheck::start(&data, None));
        // The walk made by the command before anything else, the thread stat'ing.
        let mut early = FolderCheck::start(&data, None);
        early.walk_unless_begun().unwrap();
        assert_eq!(early.status(&index).unwrap(), status);
        let mut alone = FolderCheck::new(&data, None, false);
        alone.walk_unless_begun().unwrap();
        assert!(alone.walked.is_some(), "with no thread, the walk is made when asked");
        assert_eq!(alone.status(&index).unwrap(), status);
        // Dropped once walked, its thread waiting for the walk or stat'ing.
        let mut walked = FolderCheck::start(&data, None);
        walked.walk_unless_begun().unwrap();
        drop(walked);
        // Walked first, as a command reading from the index does: two texts, no thread.
        let first = FolderCheck::walk_first(&data, None).unwrap();
        assert!(first.walked.is_some() && first.thread.is_none());
        assert_eq!(first.status(&index).unwrap(), status);
        drop(FolderCheck::walk_first(&data, None).unwrap());
    }

    /// Stats of a folder checked three ways: the command alone, the command and the
    /// thread, and every core (a folder of `PARALLEL_STATS` texts or more); each text's
    /// stat in the walk's order, as the one-by-one stat of the folder's files has it.
    #[test]
    fn the_folder_checks_stats_are_every_texts_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        for n in 0..PARALLEL_STATS + STAT_RUN + 5 {
            // Sizes that differ from file to file, so that a stat out of place shows.
            std::fs::write(data.join(format!("{n:05}.txt")), "x".repeat(n % 97)).unwrap();
        }
        let walked = reader::walk(&data).unwrap();
        let expected: Vec<(u64, i64)> = stat_files(&data, &walked.texts).into_iter().map(|s| s.map(|s| (s.size, s.mtime_ns)).unwrap()).collect();
        let one_by_one: Vec<u64> = walked.texts.iter().map(|p| stat(p).unwrap().size).collect();
        assert_eq!(expected.iter().map(|e| e.0).collect::<Vec<_>>(), one_by_one);
        let as_pairs = |stats: Stats| stats.into_iter().map(|s| s.map(|s| (s.size, s.mtime_ns)).unwrap()).collect::<Vec<(u64, i64)>>();
        // The whole folder, on every core; then the first 500 files, under PARALLEL_STATS,
        // left for the command and the thread; then the first 100, under SHARED_STATS,
        // where a command reading from an index starts no thread.
        for keep in [PARALLEL_STATS + STAT_RUN + 5, 500, 100] {
            for n in keep..PARALLEL_STATS + STAT_RUN + 5 {
                let _ = std::fs::remove_file(data.join(format!("{n:05}.txt")));
            }
            let texts = reader::walk(&data).unwrap().texts;
            assert_eq!(texts.len(), keep);
            let expected = &expected[..texts.len()];
            for thread in [false, true] {
                for early in [false, true] {
                    let mut check = FolderCheck::new(&data, None, thread);
                    if early {
                        check.walk_unless_begun().unwrap();
                    }
                    let (walk, stats) = check.stats().unwrap();
                    assert_eq!(walk.texts, texts);
                    assert_eq!(as_pairs(stats), expected, "{keep} texts, thread {thread}, early {early}");
                }
            }
            let mut first = FolderCheck::walk_first(&data, None).unwrap();
            assert_eq!(first.thread.is_some(), keep >= SHARED_STATS, "{keep} texts walked first");
            let (walk, stats) = first.stats().unwrap();
            assert_eq!(walk.texts, texts);
            assert_eq!(as_pairs(stats), expected, "{keep} texts walked first");
        }
    }

    #[test]
    fn a_file_stat_from_the_folder_is_its_stat_by_path() {
        let dir = Path::new("src/corpus");
        let mut folder = Folder::open(dir);
        for name in ["index.rs", "mod.rs", "no such file"] {
            let path = dir.join(name);
            let (by_folder, by_path) = (folder.stat(&path), stat(&path));
            assert_eq!(by_folder.is_ok(), by_path.is_ok(), "{name}");
            if let (Ok(a), Ok(b)) = (by_folder, by_path) {
                assert_eq!((a.size, a.mtime_ns), (b.size, b.mtime_ns), "{name}");
            }
        }
    }
}
