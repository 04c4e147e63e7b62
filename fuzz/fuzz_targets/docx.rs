//! The Word reader on arbitrary input: the bytes as a whole package (the zip reader and
//! its limits), and the bytes as the XML of its parts (body, numbering, footnotes, cut at
//! NUL bytes). It may refuse, never panic; what it returns the text reader can read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let _ = lineage::reader::read_bytes(bytes, Path::new("fuzz.docx"));
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.split('\0');
    let document = parts.next().unwrap_or("");
    let (numbering, footnotes) = (parts.next(), parts.next());
    if let Ok(read) = lineage::reader::docx::from_parts(document, numbering, footnotes) {
        let _ = lineage::reader::read_bytes(read.text.as_bytes(), Path::new("fuzz.txt"));
    }
});
