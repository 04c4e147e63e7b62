//! The search index: built from the files, refreshed by content hash, never used stale;
//! and agreed-language search that finds the adopted paragraph a draft phrase came from.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A private copy of the seeds (plus the English 47/23), and an index path beside it.
fn corpus() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
    }
    let en = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en/hrc_47_23.en.txt");
    std::fs::copy(en, data.join("hrc_47_23.en.txt")).unwrap();
    let index = dir.path().join("index.sqlite");
    (dir, data, index)
}

fn lineage(data: &Path, index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.arg("--data").arg(data).arg("--index").arg(index);
    cmd
}

fn hits(data: &Path, index: &Path, args: &[&str]) -> Vec<Value> {
    let out = lineage(data, index).arg("search").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["hits"].as_array().unwrap().clone()
}

fn place(hit: &Value) -> (String, String) {
    (hit["symbol"].as_str().unwrap().to_string(), hit["paragraph"].as_str().unwrap().to_string())
}

#[test]
fn exact_and_fuzzy_search_find_the_source_paragraph() {
    let (_dir, data, index) = corpus();
    let out = lineage(&data, &index).arg("index").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("6 added"), "{}", String::from_utf8_lossy(&out.stdout));

    let doc = lineage::reader::read_file(&data.join("002_3102da6d256530e0.txt")).unwrap();
    let op1 = &doc.paragraph("OP1").unwrap().text;

    // A phrase from the middle of OP1, with the stray spaces a PDF leaves.
    let phrase: String = op1.chars().skip(4).take(16).collect();
    let spaced: String = phrase.chars().flat_map(|c| [c, ' ']).collect();
    let found = hits(&data, &index, &[&spaced, "--exact"]);
    assert!(found.iter().any(|h| place(h) == ("A/HRC/RES/53/29".into(), "OP1".into())), "{found:?}");
    assert!(found.iter().all(|h| h["exact"] == true));

    // The whole paragraph reworded: one character in eight dropped, a clause added.
    let chars: Vec<char> = op1.chars().collect();
    let reworded: String =
        chars.iter().enumerate().filter(|(i, _)| i % 8 != 3).map(|(_, c)| c).collect::<String>() + "并强调多边合作";
    let found = hits(&data, &index, &[&reworded]);
    assert_eq!(place(&found[0]), ("A/HRC/RES/53/29".into(), "OP1".into()), "{found:?}");
    assert!(found[0]["exact"] == false && found[0]["coverage"].as_f64().unwrap() > 0.6);
    assert_eq!(found[0]["vote_method"], "without_vote");
    assert_eq!(found[0]["adopted"], "2023-07-14");

    // The whole paragraph quoted as adopted: too long to be looked up as a phrase, it is
    // found through its rarest trigrams and still marked as standing there verbatim.
    assert!(op1.chars().count() > 40);
    let found = hits(&data, &index, &[op1]);
    assert_eq!(place(&found[0]), ("A/HRC/RES/53/29".into(), "OP1".into()), "{found:?}");
    assert!(found[0]["exact"] == true && found[0]["coverage"].as_f64().unwrap() == 1.0, "{found:?}");

    // English, and only English when asked.
    let found = hits(&data, &index, &["new and emerging digital technologies", "--lang", "en"]);
    assert!(!found.is_empty() && found.iter().all(|h| h["language"] == "en"), "{found:?}");
    assert_eq!(found[0]["symbol"], "A/HRC/RES/47/23");

    // Only consensus language: 47/23 was adopted by a recorded vote.
    let found = hits(&data, &index, &["新的和新兴的数字技术", "--consensus"]);
    assert!(!found.is_empty() && found.iter().all(|h| h["symbol"] != "A/HRC/RES/47/23"), "{found:?}");

    // Nothing close: no hits rather than noise.
    assert!(hits(&data, &index, &["zzzz qqqq xxxx"]).is_empty());
    // Reports are not adopted language.
    let found = hits(&data, &index, &["和平抗议", "--limit", "50"]);
    assert!(found.iter().all(|h| h["symbol"] != "A/HRC/44/24"), "{found:?}");
}

#[test]
fn a_stale_index_is_never_used() {
    let (_dir, data, index) = corpus();
    lineage(&data, &index).arg("index").assert().success();
    let file = data.join("002_3102da6d256530e0.txt");
    let original = std::fs::read_to_string(&file).unwrap();
    let doc = lineage::reader::read_file(&file).unwrap();
    let op1 = doc.paragraph("OP1").unwrap().text.clone();
    let head: String = op1.chars().take(12).collect();

    // Change OP1's opening words in the file.
    let marker = "理事会特此新增一句测试用语";
    std::fs::write(&file, original.replacen(&head, marker, 1)).unwrap();

    // `show` reads the file, not the stale index, and says why.
    let out = lineage(&data, &index).args(["show", "53/29", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("out of date"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["paragraphs"].as_array().unwrap().iter().any(|p| p["text"].as_str().unwrap().contains(marker)));

    // `search` refreshes before it answers: the new words are found, the old are gone.
    let found = hits(&data, &index, &[marker, "--exact"]);
    assert_eq!(place(&found[0]), ("A/HRC/RES/53/29".into(), "OP1".into()));
    let old = hits(&data, &index, &[&head, "--exact"]);
    assert!(old.iter().all(|h| place(h) != ("A/HRC/RES/53/29".into(), "OP1".into())), "{old:?}");

    // Fresh again: `show` is silent and reads the index (same answer).
    let out = lineage(&data, &index).args(["show", "53/29", "--format", "json"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("out of date"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["paragraphs"].as_array().unwrap().iter().any(|p| p["text"].as_str().unwrap().contains(marker)));

    // Same content, new modification time: nothing is re-read.
    let content = std::fs::read(&file).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, content).unwrap();
    let out = lineage(&data, &index).arg("index").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"), "{}", String::from_utf8_lossy(&out.stdout));

    // A removed file leaves the index.
    std::fs::remove_file(&file).unwrap();
    let out = lineage(&data, &index).arg("index").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 removed"));
    assert!(hits(&data, &index, &[marker, "--exact"]).is_empty());
    lineage(&data, &index).args(["show", "53/29"]).assert().code(2);
}

#[test]
fn the_index_serves_the_same_corpus_as_the_files() {
    let (_dir, data, index) = corpus();
    std::fs::write(data.join("empty.txt"), "").unwrap();
    let from_files = lineage(&data, &index).args(["list", "--format", "json"]).output().unwrap();
    lineage(&data, &index).arg("index").assert().success();
    let from_index = lineage(&data, &index).args(["list", "--format", "json"]).output().unwrap();
    assert_eq!(from_files.stdout, from_index.stdout);
    // The unreadable file is still reported when the corpus comes from the index.
    assert!(String::from_utf8_lossy(&from_index.stderr).contains("empty.txt"));
    let show = |args: &[&str]| lineage(&data, &index).args(args).output().unwrap().stdout;
    assert_eq!(show(&["show", "77/211", "--format", "json"]), {
        let fresh = tempfile::tempdir().unwrap();
        lineage(&data, &fresh.path().join("none.sqlite")).args(["show", "77/211", "--format", "json"]).output().unwrap().stdout
    });
    // Every document whole, as the index stores it (a text its row holds is stored there
    // only) and as the files read.
    let exported = |index: &Path| {
        let out = tempfile::tempdir().unwrap();
        lineage(&data, index).arg("--out").arg(out.path()).args(["--quiet", "export"]).assert().success();
        let mut documents = std::collections::BTreeMap::new();
        for entry in std::fs::read_dir(out.path().join("documents")).unwrap() {
            let path = entry.unwrap().path();
            documents.insert(path.file_name().unwrap().to_owned(), std::fs::read(&path).unwrap());
        }
        documents
    };
    let from_index = exported(&index);
    assert_eq!(from_index.len(), 6, "{:?}", from_index.keys());
    assert_eq!(from_index, exported(&tempfile::tempdir().unwrap().path().join("none.sqlite")));

    // An index of another folder is not taken for this one's.
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(data.join("001_9fe8283bea68d15f.txt"), other.path().join("a.txt")).unwrap();
    let out = lineage(other.path(), &index).args(["list", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);

    // A file that is not an index is a warning, and the files are read.
    let bogus = data.parent().unwrap().join("bogus.sqlite");
    std::fs::write(&bogus, "not a database at all, just text").unwrap();
    let out = lineage(&data, &bogus).args(["list"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("A/HRC/RES/53/29"));
}
