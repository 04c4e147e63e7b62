//! The reference extractor on arbitrary text, in both languages and for several citing
//! bodies: never a panic, and every reference found points at a span of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineage::reader::refs::{find_references, Body, Lang, RefKind};

fuzz_target!(|text: &str| {
    for (lang, body, year) in [
        (Lang::Zh, Body::HRC, Some(2023)),
        (Lang::En, Body::GA, Some(2024)),
        (Lang::En, Body::SC, None),
        (Lang::Zh, Body::GA, Some(1950)),
    ] {
        for found in find_references(text, lang, body, year) {
            assert!(found.start <= found.end && found.end <= text.len(), "{found:?}");
            assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end), "{found:?}");
            assert!(!found.target.is_empty());
            if found.kind == RefKind::Resolution {
                assert!(found.target.contains('/') || found.target.contains('('), "{found:?}");
            }
            if let Some(date) = &found.date {
                assert_eq!(date.to_string().len(), 10, "{date}");
            }
        }
    }
});
