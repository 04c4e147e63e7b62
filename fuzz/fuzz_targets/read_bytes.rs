//! The reader on arbitrary bytes: it may refuse a file, but never panic, and a document
//! it returns accounts for every input line and keeps its spans inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = lineage::reader::read_bytes(bytes, Path::new("fuzz.txt")) else {
        return;
    };
    let unaccounted = doc.unaccounted_lines();
    assert!(unaccounted.is_empty(), "lines {unaccounted:?} are in no part of the model");
    let lines = doc.source.lines;
    for p in &doc.paragraphs {
        assert!(1 <= p.lines.first && p.lines.first <= p.lines.last && p.lines.last <= lines, "{}: {:?}", p.id, p.lines);
    }
    for f in &doc.footnotes {
        assert!(1 <= f.lines.first && f.lines.first <= f.lines.last && f.lines.last <= lines, "FN{}: {:?}", f.mark, f.lines);
    }
    assert!(doc.references.iter().all(|r| r.target != doc.symbol), "the document cites itself");
    // Everything the reader returns must render: the JSON round-trips.
    let json = serde_json::to_string(&doc).expect("a document serialises");
    let back: lineage::Document = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back.paragraphs.len(), doc.paragraphs.len());
});
