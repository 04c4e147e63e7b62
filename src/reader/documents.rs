//! Which reader a file's bytes go to: plain text, a PDF's text layer, or a Word document.
//! The bytes decide, not the name alone: a PDF saved as `.txt` is still a PDF, and a
//! `.pdf` that is not one is reported as such.

use super::decode::Decoded;
use crate::error::ReadError;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Pdf,
    Docx,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The compound-file header of old binary Office files (.doc).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn kind(bytes: &[u8], path: &Path) -> Result<Kind, ReadError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if bytes.starts_with(OLE_MAGIC) || ext == "doc" {
        return Err(ReadError::WordBinary);
    }
    if super::pdf::is_pdf(bytes) {
        return Ok(Kind::Pdf);
    }
    if bytes.starts_with(ZIP_MAGIC) || ext == "docx" {
        if !bytes.starts_with(ZIP_MAGIC) {
            return Err(ReadError::Docx { reason: "not a Word package (no zip header); save it again as .docx".into() });
        }
        return Ok(Kind::Docx);
    }
    if ext == "pdf" {
        return Err(ReadError::Pdf { reason: "not a PDF (no %PDF- header in its first 1024 bytes)".into() });
    }
    Ok(Kind::Text)
}

/// The text of a PDF or Word file, and notes on what was done to get it.
pub fn to_text(kind: Kind, bytes: &[u8]) -> Result<(Decoded, Vec<String>), ReadError> {
    match kind {
        Kind::Text => Ok((super::decode::decode(bytes)?, Vec::new())),
        Kind::Pdf => Ok((Decoded { text: super::pdf::extract(bytes)?, encoding: "PDF (pdftotext)" }, Vec::new())),
        Kind::Docx => {
            let read = super::docx::extract(bytes)?;
            Ok((Decoded { text: read.text, encoding: "Word (.docx)" }, read.notes))
        }
    }
}
