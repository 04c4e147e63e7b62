//! Reading files: bytes from disk, decoded, split into lines, and parsed into a document.
//! This is the only module (besides `main`) that touches the file system.

pub mod decode;
pub mod normalize;

use crate::error::Error;
use crate::model::{Document, Source};
use std::path::{Path, PathBuf};

/// Extensions read as documents. Anything else in the corpus folder is reported.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// Read and parse one file.
pub fn read_file(path: &Path) -> Result<Document, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    read_bytes(&bytes, path)
}

/// Parse bytes as the document stored at `path` (the path names it in errors and, where
/// the text states no symbol, gives it its ID).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Document, Error> {
    let err = |source| Error::Read { path: path.to_path_buf(), source };
    let decoded = decode::decode(bytes).map_err(err)?;
    let lines = normalize::split_lines(&decoded.text);
    let source = Source {
        path: path.display().to_string(),
        encoding: decoded.encoding.to_string(),
        lines: lines.len(),
    };
    crate::parse::read_document(&lines, &file_id(path), source).map_err(err)
}

/// The ID of a document whose text states no symbol: its file name without extension.
pub fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Every file below `dir`, sorted, split into candidate texts and other files.
pub fn walk(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    if !dir.is_dir() {
        return Err(Error::NoCorpus(dir.to_path_buf()));
    }
    let mut texts = Vec::new();
    let mut others = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| Error::Io { path: d.clone(), source })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: d.clone(), source })?;
            let path = entry.path();
            let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if is_text_name(&path) {
                texts.push(path);
            } else {
                others.push(path);
            }
        }
    }
    texts.sort();
    others.sort();
    Ok((texts, others))
}

fn is_text_name(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}
