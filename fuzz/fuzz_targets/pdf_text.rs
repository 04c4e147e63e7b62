//! The PDF path past the extractor: arbitrary word-box XHTML, as pdftotext -bbox-layout
//! writes it for an untrusted PDF (odd boxes, NaN and huge coordinates, empty pages),
//! laid out into lines and read as a text. It may refuse, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let xml = String::from_utf8_lossy(bytes);
    if let Ok(text) = lineage::reader::pdf::text_from_boxes(&xml) {
        let _ = lineage::reader::read_bytes(text.as_bytes(), Path::new("fuzz.txt"));
    }
});
