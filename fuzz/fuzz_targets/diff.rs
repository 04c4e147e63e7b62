//! The diff on arbitrary input: the bytes before the first NUL are the old text, those
//! after it the new one. The word-level redline of the two must spell both texts; where
//! both read as documents, every paragraph is in a pair, each pair's redline spells its
//! new text, and every renderer accepts the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineage::diff::inline::{new_text, old_text, redline};
use lineage::diff::{diff_documents, DiffOptions};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

fuzz_target!(|bytes: &[u8]| {
    let (old, new) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, bytes),
    };
    let (old_str, new_str) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let exact = redline(&old_str, &new_str, true, Duration::from_millis(50));
    assert_eq!(old_text(&exact.ops), old_str, "equal + delete spells the old text");
    assert_eq!(new_text(&exact.ops), new_str, "equal + insert spells the new text");
    let loose = redline(&old_str, &new_str, false, Duration::from_millis(50));
    assert_eq!(new_text(&loose.ops), new_str, "equal + insert spells the new text");

    let (Ok(a), Ok(b)) = (
        lineage::reader::read_bytes(old, Path::new("old.txt")),
        lineage::reader::read_bytes(new, Path::new("new.txt")),
    ) else {
        return;
    };
    let options = DiffOptions { inline_budget: Duration::from_millis(50), ..DiffOptions::default() };
    let diff = diff_documents(&a, &b, &options);
    // Each paragraph is in one pair, or in several pieces of one split or merge.
    let mut seen_old: HashMap<&str, Vec<Option<&lineage::diff::Group>>> = HashMap::new();
    let mut seen_new: HashMap<&str, Vec<Option<&lineage::diff::Group>>> = HashMap::new();
    for pair in &diff.paragraphs {
        if let Some(from) = &pair.from {
            seen_old.entry(from).or_default().push(pair.group.as_ref());
        }
        if let Some(to) = &pair.to {
            seen_new.entry(to).or_default().push(pair.group.as_ref());
        }
    }
    for (doc, seen) in [(&a, &seen_old), (&b, &seen_new)] {
        for p in &doc.paragraphs {
            let groups = seen.get(p.id.as_str()).unwrap_or_else(|| panic!("{} is in no pair", p.id));
            assert!(groups.len() == 1 || groups.iter().all(|g| g.is_some() && *g == groups[0]), "{} in {} pairs", p.id, groups.len());
        }
        assert_eq!(seen.len(), doc.paragraphs.len(), "a pair names a paragraph the text does not have");
    }
    if !diff.cross_language {
        for pair in diff.paragraphs.iter().filter(|p| p.group.is_none()) {
            if let Some(to) = &pair.to {
                let text = b.paragraph(to).map(|p| p.full_text()).unwrap_or_default();
                assert_eq!(new_text(&pair.inline), text, "{to}: the redline does not spell the new text");
            }
        }
    }
    for format in [
        lineage::render::DiffFormat::Text,
        lineage::render::DiffFormat::Md,
        lineage::render::DiffFormat::Html,
        lineage::render::DiffFormat::Json,
    ] {
        let style = lineage::render::diff_text::TextStyle { color: true, all: true };
        let _ = lineage::render::diff(&diff, format, style);
    }
});
