//! The library's errors: each names what was wrong and what to do about it.

use std::path::PathBuf;

/// Why a file's bytes could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary (control bytes), not a text export of a document")]
    Binary,
    #[error("invalid UTF-8 after a UTF-8 byte-order mark, at byte {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("the encoding is not UTF-8, UTF-16 or GB18030; convert the file to UTF-8")]
    UnknownEncoding,
    #[error("no recognisable UN document structure (no symbol, no title line, no numbered or preambular paragraphs)")]
    NoStructure,
    #[error("not a regular file (a named pipe, device or socket); lineage reads only regular files")]
    NotAFile,
    /// A PDF whose text could not be taken out (no text layer, encrypted, broken).
    #[error("PDF: {reason}")]
    Pdf { reason: String },
    /// A Word file that could not be read (not a .docx package, a bomb, bad XML).
    #[error("Word document: {reason}")]
    Docx { reason: String },
    #[error("an old binary Word file (.doc), which lineage does not read; convert it first: `soffice --headless --convert-to docx FILE.doc`")]
    WordBinary,
    #[error("{size} bytes is more than the {limit} bytes lineage reads from one file; split the export into its documents")]
    TooLarge { size: u64, limit: u64 },
    /// A `.csv` file whose header is not the UN Digital Library's voting-record header.
    #[error("not a UNDL voting-record file: {0}")]
    NotVotingFile(String),
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Read { path: PathBuf, source: ReadError },
    #[error("corpus directory {0} does not exist; pass --data DIR pointing at your texts")]
    NoCorpus(PathBuf),
    #[error("{0} is a file, not a folder; pass --data DIR pointing at the folder of your texts")]
    CorpusIsFile(PathBuf),
    /// An index built for one folder asked to answer for, or be overwritten by, another.
    #[error("index {path} was built for the folder {built_for}, not {asked}; it is left as it is (give another --index, or leave --index out to use one index per folder)")]
    IndexOfOtherFolder { path: PathBuf, built_for: String, asked: String },
    #[error("no document matches '{0}'; `lineage list` shows the documents in the corpus")]
    UnknownDocument(String),
    #[error("'{query}' is ambiguous: it matches {}; give the full symbol", candidates.join(", "))]
    AmbiguousDocument { query: String, candidates: Vec<String> },
    /// The search index could not be opened, read or written.
    #[error("index {path}: {reason}")]
    Index { path: PathBuf, reason: String },
    /// An output could not be produced (a missing external program, say).
    #[error("{0}")]
    Output(String),
    #[error("{symbol} is not in the corpus in {language} (only in {})", available.join(", "))]
    NotInLanguage { symbol: String, language: String, available: Vec<String> },
    #[error(
        "{from} is in {from_language} and {to} in {to_language}: a word-level diff across languages means nothing; \
         pass --cross-language to pair their paragraphs by number"
    )]
    LanguagesDiffer { from: String, from_language: String, to: String, to_language: String },
    /// The documents named cannot be compared the way asked (a one-argument diff of a
    /// text that is no draft, say).
    #[error("{0}")]
    NoComparison(String),
}

impl Error {
    /// The process exit code the contract assigns to this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::UnknownDocument(_) | Error::AmbiguousDocument { .. } => 2,
            Error::NotInLanguage { .. } | Error::LanguagesDiffer { .. } => 2,
            Error::NoCorpus(_) | Error::NoComparison(_) | Error::CorpusIsFile(_) => 2,
            Error::IndexOfOtherFolder { .. } => 1,
            Error::Io { .. } | Error::Read { .. } | Error::Output(_) | Error::Index { .. } => 1,
        }
    }
}
