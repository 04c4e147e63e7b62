//! Search keeps its recall on the hand-checked phrases of bench/search_queries.tsv: every
//! file that holds a phrase in a resolution's paragraphs is found, including those where
//! the phrase is broken across lines (which `grep -rF` misses). No timing is asserted.

use lineage::corpus::index::{Index, SearchOptions};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each row: the phrase, its folder, the files that must be found.
fn queries() -> Vec<(String, String, BTreeSet<String>)> {
    let text = std::fs::read_to_string(root().join("bench/search_queries.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "four columns: {l}");
            (cols[0].to_string(), cols[1].to_string(), cols[2].split_whitespace().map(str::to_string).collect())
        })
        .collect()
}

/// The files of the paragraphs that hold `query`, every one of them.
fn found(index: &Index, files: &HashMap<(String, String), String>, query: &str) -> BTreeSet<String> {
    let options = SearchOptions { exact: true, limit: 100_000, ..SearchOptions::default() };
    index.search(query, &options).unwrap().into_iter().map(|h| files[&(h.symbol, h.language)].clone()).collect()
}

fn indexed(dir: &Path, scratch: &Path) -> (Index, HashMap<(String, String), String>) {
    let mut index = Index::open(scratch).unwrap();
    index.refresh(dir, |_, _| {}).unwrap();
    let (docs, _) = index.documents(dir).unwrap();
    let files = docs
        .into_iter()
        .map(|d| {
            let file = Path::new(&d.source.path).file_name().unwrap().to_string_lossy().into_owned();
            ((d.symbol, d.language.as_str().to_string()), file)
        })
        .collect();
    (index, files)
}

#[test]
fn every_hand_checked_file_is_found() {
    let scratch = tempfile::tempdir().unwrap();
    let queries = queries();
    assert_eq!(queries.len(), 20);
    let mut folders = vec![("zh", root().join("data"))];
    let en = root().join("../shared/corpus-en");
    if en.is_dir() {
        folders.push(("en", en));
    } else {
        eprintln!("skipped the English phrases: ../shared/corpus-en is not present next to this checkout");
    }
    let mut checked = 0;
    for (corpus, dir) in folders {
        let (index, files) = indexed(&dir, &scratch.path().join(format!("{corpus}.sqlite")));
        for (query, _, expected) in queries.iter().filter(|(_, c, _)| c == corpus) {
            let found = found(&index, &files, query);
            let missed: Vec<&String> = expected.difference(&found).collect();
            assert!(missed.is_empty(), "{query:?}: missed {missed:?}");
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

#[test]
fn a_phrase_broken_across_lines_is_found() {
    // The split the recall depends on, in a file of its own: grep -F would miss it.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures/en/hrc_47_23.en.txt")).unwrap();
    std::fs::write(data.join("hrc_47_23.en.txt"), &text).unwrap();
    let (index, files) = indexed(&data, &dir.path().join("i.sqlite"));
    // Any two consecutive words that end and start two lines of one paragraph.
    let lines: Vec<&str> = text.lines().collect();
    let pair = lines
        .windows(2)
        .filter(|w| w[0].trim_end().ends_with(|c: char| c.is_alphabetic()) && w[1].trim_start().starts_with(|c: char| c.is_lowercase()))
        .map(|w| format!("{} {}", w[0].split_whitespace().last().unwrap(), w[1].split_whitespace().next().unwrap()))
        .find(|p| p.len() > 12 && !text.contains(p.as_str()))
        .expect("a paragraph broken across lines");
    assert_eq!(found(&index, &files, &pair), BTreeSet::from(["hrc_47_23.en.txt".to_string()]), "{pair:?}");
}
