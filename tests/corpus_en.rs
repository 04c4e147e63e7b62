//! Every real English GA resolution in `../shared/corpus-en/` reads into a sensible model:
//! its symbol from the content (matching the file's manifest), a title, operative
//! paragraphs (and preambular ones where the text has a preamble), and nothing dropped
//! but page furniture. Skipped, with a message, where the folder is absent.

use lineage::model::{DocKind, DropReason, ParagraphKind, SymbolSource};
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-en");
    dir.is_dir().then_some(dir)
}

/// The manifest's symbol for each file: what the content must yield.
fn manifest(dir: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect()
}

#[test]
fn every_corpus_resolution_reads_into_a_sensible_model() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    };
    let files = manifest(&dir);
    assert!(files.len() >= 600, "manifest lists {} files", files.len());
    let mut failures = Vec::new();
    for (file, symbol) in &files {
        let path = dir.join(file);
        let doc = match lineage::reader::read_file(&path) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        let mut problems = Vec::new();
        if doc.symbol != *symbol || doc.symbol_source != SymbolSource::Content {
            problems.push(format!("symbol {} ({:?})", doc.symbol, doc.symbol_source));
        }
        if doc.kind != DocKind::Resolution {
            problems.push(format!("kind {:?}", doc.kind));
        }
        if doc.title.trim().is_empty() {
            problems.push("no title".into());
        }
        let op = doc.operative().count();
        if op == 0 {
            problems.push("no operative paragraph".into());
        }
        if doc.adopted.is_none() {
            problems.push("no adoption date".into());
        }
        if doc.session.is_none() {
            problems.push("no session".into());
        }
        // Numbered operative paragraphs run 1, 2, 3… without gaps.
        let numbers: Vec<u32> = doc
            .operative()
            .filter_map(|p| p.printed_number.as_deref().map_or(Some(p.number), |n| n.parse().ok()))
            .collect();
        if numbers.iter().enumerate().any(|(i, n)| *n != i as u32 + 1) {
            problems.push(format!("operative numbering {:?}", &numbers[..numbers.len().min(12)]));
        }
        for d in &doc.dropped {
            if !matches!(
                d.reason,
                DropReason::Blank | DropReason::PageFurniture | DropReason::FootnoteRule | DropReason::LinkResidue
            ) {
                problems.push(format!("line {} dropped as {:?}: {}", d.line, d.reason, d.text));
            }
        }
        // A paragraph must not have swallowed page furniture or a footnote block.
        for p in &doc.paragraphs {
            let t = &p.full_text();
            if t.contains("__________") || t.contains(&format!(" {} ", doc.symbol)) {
                problems.push(format!("{} carries furniture: {}", p.id, &t[..t.len().min(80)]));
            }
        }
        if doc.paragraphs.iter().any(|p| p.kind == ParagraphKind::Preambular && p.text.is_empty()) {
            problems.push("empty preambular paragraph".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{file}: {}", problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files read wrongly:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// The Assembly's 78th and 79th sessions hold many texts of one series: every 79th-session
/// resolution whose title (up to the year) is a 78th-session resolution's comes out in
/// the same series, ordered 78 before 79, with a `succeeds` link.
#[test]
fn series_of_successive_sessions_come_out_whole() {
    let Some(dir) = corpus_dir() else {
        eprintln!("../shared/corpus-en is absent: series check skipped");
        return;
    };
    let corpus = lineage::Corpus::load(&dir).unwrap();
    let graph = lineage::graph::LineageGraph::build(&corpus.documents);
    let key = |d: &lineage::Document| lineage::graph::title_key(&d.title);
    let of_session = |n: u32| corpus.documents.iter().filter(move |d| d.session == Some(n) && d.symbol.starts_with("A/RES/"));
    let mut pairs = 0;
    for newer in of_session(79) {
        for older in of_session(78).filter(|o| key(o) == key(newer)) {
            pairs += 1;
            let series = graph.series_of(&newer.symbol).unwrap_or_else(|| panic!("{} in no series", newer.symbol));
            let at = |s: &str| series.members.iter().position(|m| m == s);
            let (Some(a), Some(b)) = (at(&older.symbol), at(&newer.symbol)) else {
                panic!("{} and {} ({}) apart: {:?}", older.symbol, newer.symbol, newer.title, series.members)
            };
            assert!(a < b, "{:?}", series.members);
            assert!(
                graph.edges().any(|(f, _, e)| f.symbol == newer.symbol && e.kind == lineage::graph::EdgeKind::Succeeds),
                "{} succeeds nothing",
                newer.symbol
            );
        }
    }
    assert!(pairs >= 150, "only {pairs} same-title pairs: the reader lost titles");
}
