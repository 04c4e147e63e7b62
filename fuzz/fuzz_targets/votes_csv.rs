//! The UNDL voting-file reader on arbitrary bytes: never a panic, every problem on a line
//! of the input, and every kept row a three-letter code with a vote.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = lineage::reader::votes_csv::read_bytes(bytes, Path::new("fuzz.csv")) else { return };
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for p in &file.problems {
        assert!(p.line >= 1 && p.line <= lines, "{p:?} of {lines} lines");
    }
    let mut rows = 0;
    for v in &file.votes {
        assert!(v.resolution.is_some() || v.draft.is_some());
        for c in &v.countries {
            assert!(c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.code);
        }
        rows += v.countries.len();
        let _ = lineage::corpus::recorded::vote_from_record(v);
    }
    assert_eq!(rows, file.rows);
});
