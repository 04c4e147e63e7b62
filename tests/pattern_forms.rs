//! The reader's patterns built for a few texts (no lazy DFA: `diff A B` and `show ID` from
//! the files) read every text exactly as those built for many (`index`, `list`, a first
//! read of a folder): the same document, finding for finding, in JSON.
//!
//! A process builds its patterns one way, so the test runs itself twice, once per form,
//! each child reading the same texts and writing their JSON to a file.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const FORM: &str = "PATTERN_FORMS_FORM";
const OUTPUT: &str = "PATTERN_FORMS_OUTPUT";

/// The seeds, every fixture, and where the shared corpora are at hand, one text in five
/// of each: Chinese and English, resolutions, reports, drafts, amendments, the Security
/// Council.
fn texts() -> Vec<PathBuf> {
    fn below(dir: &Path, every: usize, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                below(&path, every, out);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                files.push(path);
            }
        }
        out.extend(files.into_iter().step_by(every));
    }
    let root = Path::new(ROOT);
    let mut out = Vec::new();
    below(&root.join("data"), 1, &mut out);
    below(&root.join("tests/fixtures"), 1, &mut out);
    for corpus in ["corpus-en", "corpus-drafts-en", "corpus-sc-en"] {
        below(&root.join("../shared").join(corpus), 5, &mut out);
    }
    out
}

/// In a child: every text read with the patterns built as `form` says, its JSON written.
fn read_all(form: &str, output: &Path) {
    if form == "few" {
        lineage::text::pattern::expect_few_texts();
    }
    let mut written = String::new();
    for path in texts() {
        let read = match lineage::reader::read_file(&path) {
            Ok(doc) => lineage::render::json::document(&doc, true),
            Err(e) => format!("error: {e}"),
        };
        written.push_str(&format!("== {}\n{read}\n", path.display()));
    }
    std::fs::write(output, written).unwrap();
}

#[test]
fn patterns_built_for_few_texts_read_as_those_built_for_many() {
    if let (Ok(form), Some(output)) = (std::env::var(FORM), std::env::var_os(OUTPUT)) {
        return read_all(&form, Path::new(&output));
    }
    let dir = tempfile::tempdir().unwrap();
    let read = |form: &str| {
        let output = dir.path().join(form);
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["patterns_built_for_few_texts_read_as_those_built_for_many", "--exact", "--test-threads=1"])
            .env(FORM, form)
            .env(OUTPUT, &output)
            .status()
            .unwrap();
        assert!(status.success(), "the {form} child failed");
        std::fs::read_to_string(output).unwrap()
    };
    let (few, many) = (read("few"), read("many"));
    let documents = many.matches("\n== ").count() + 1;
    assert!(documents >= 5 && many.contains("\"symbol\""), "{documents} texts read");
    for (few, many) in few.split("\n== ").zip(many.split("\n== ")) {
        assert_eq!(few, many, "read otherwise with the patterns built for a few texts");
    }
    assert_eq!(few.len(), many.len());
}
