//! `show ID` and `diff A B` load only the documents they name (src/corpus/headers.rs):
//! what they print must be what a full read of the corpus gives, whatever else the folder
//! holds, wherever the symbol stands (the text, not the file name), from the files (cold
//! and warm header cache) and from an index.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The seeds, the English 47/23 and 53/29 under each other's names (only their text says
/// which is which), a second copy of the Chinese 47/23, a binary file, and a voting file.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for entry in std::fs::read_dir(Path::new(ROOT).join("data")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
    }
    let en = Path::new(ROOT).join("tests/fixtures/en");
    std::fs::copy(en.join("hrc_47_23.en.txt"), data.join("A_HRC_RES_53_29.en.txt")).unwrap();
    std::fs::copy(en.join("hrc_53_29.en.txt"), data.join("A_HRC_RES_47_23.en.txt")).unwrap();
    std::fs::copy(data.join("001_9fe8283bea68d15f.txt"), data.join("zz_second_47_23.txt")).unwrap();
    std::fs::write(data.join("garbage.txt"), (0..4096u32).map(|i| (i * 7 % 256) as u8).collect::<Vec<u8>>()).unwrap();
    std::fs::copy(Path::new(ROOT).join("tests/fixtures/votes/hrc_47_23_disagreeing.csv"), data.join("votes.csv")).unwrap();
    (dir, data)
}

struct Run {
    stdout: Vec<u8>,
    stderr: String,
    code: Option<i32>,
}

/// `lineage` on `data` with `index`, its output folder (where the header cache goes)
/// beside the index.
fn run(data: &Path, index: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("lineage")
        .unwrap()
        .arg("--data")
        .arg(data)
        .arg("--index")
        .arg(index)
        .arg("--out")
        .arg(index.parent().unwrap().join("out"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    Run { stdout: out.stdout, stderr: String::from_utf8_lossy(&out.stderr).into_owned(), code: out.status.code() }
}

fn warnings(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("lineage: warning:")).collect()
}

/// The document a full read gives for `symbol` in `language`, as `export` writes it.
fn exported(export: &Path, symbol: &str, language: &str) -> Vec<u8> {
    std::fs::read(export.join("documents").join(format!("{}.{language}.json", symbol.replace('/', "_")))).unwrap()
}

#[test]
fn named_documents_are_those_of_a_full_read() {
    let (dir, data) = corpus();
    let none = dir.path().join("none.sqlite");
    let export = dir.path().join("export");
    let full = Command::cargo_bin("lineage").unwrap().arg("--data").arg(&data).arg("--index").arg(&none).arg("--out").arg(&export).arg("export").output().unwrap();
    assert!(full.status.success());
    let full_warnings = String::from_utf8_lossy(&full.stderr).into_owned();
    // The binary file, the second 47/23 (naming both files), the voting record that
    // disagrees with the text.
    assert!(full_warnings.contains("garbage.txt"), "{full_warnings}");
    assert!(full_warnings.contains("zz_second_47_23.txt: same symbol A/HRC/RES/47/23 (zh) as"), "{full_warnings}");
    let index = dir.path().join("index.sqlite");
    assert!(run(&data, &index, &["index"]).code == Some(0));
    // Cold header cache, warm header cache, index.
    for (pass, index) in [("cold", &none), ("warm", &none), ("index", &index)] {
        for (id, symbol, language) in [
            ("47/23", "A/HRC/RES/47/23", "zh"),
            ("hrc/53/29", "A/HRC/RES/53/29", "zh"),
            ("A/HRC/44/24", "A/HRC/44/24", "zh"),
            ("000_316f946a38dde5ab", "000_316f946a38dde5ab", "zh"),
        ] {
            let shown = run(&data, index, &["show", id, "--format", "json", "--dropped"]);
            assert_eq!(shown.code, Some(0), "{pass} {id}: {}", shown.stderr);
            assert!(shown.stdout == exported(&export, symbol, language), "{pass} {id}: not the document of a full read");
            // The warnings are the whole corpus's, in the same order.
            assert_eq!(warnings(&shown.stderr), warnings(&full_warnings), "{pass} {id}");
        }
        // The first file in path order is the one used.
        let shown = run(&data, index, &["show", "47/23", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert!(v["source"]["path"].as_str().unwrap().ends_with("001_9fe8283bea68d15f.txt"), "{pass}");
        // The English texts are found by what they say, not by their names, and the vote
        // file's record is attached to the English 47/23 as a full read attaches it.
        let en = run(&data, index, &["diff", "47/23", "53/29", "--from-lang", "en", "--to-lang", "en", "--format", "json"]);
        assert_eq!(en.code, Some(0), "{pass}: {}", en.stderr);
        let v: serde_json::Value = serde_json::from_slice(&en.stdout).unwrap();
        assert_eq!((&v["from"], &v["to"]), (&"A/HRC/RES/47/23".into(), &"A/HRC/RES/53/29".into()), "{pass}");
        assert_eq!((&v["from_language"], &v["to_language"]), (&"en".into(), &"en".into()), "{pass}");
        // Both languages of one symbol are at hand: the Chinese 47/23 against its English.
        let cross = run(&data, index, &["diff", "47/23", "47/23", "--cross-language", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&cross.stdout).unwrap();
        assert_eq!((&v["from_language"], &v["to_language"]), (&"zh".into(), &"en".into()), "{pass}: {}", cross.stderr);
        // A symbol no text has is refused as `chain` (which reads the whole corpus) refuses it.
        let unknown = run(&data, index, &["show", "99/99"]);
        let whole = run(&data, index, &["chain", "99/99"]);
        assert_ne!(unknown.code, Some(0));
        assert_eq!((unknown.code, unknown.stderr.lines().last()), (whole.code, whole.stderr.lines().last()), "{pass}");
    }
}

#[test]
fn diff_beside_other_files_is_the_diff_of_the_two_alone() {
    let (dir, data) = corpus();
    let two = dir.path().join("two");
    std::fs::create_dir(&two).unwrap();
    // The voting file is the corpus's too: its record goes into the summary.
    for name in ["001_9fe8283bea68d15f.txt", "002_3102da6d256530e0.txt", "votes.csv"] {
        std::fs::copy(data.join(name), two.join(name)).unwrap();
    }
    let none = dir.path().join("none.sqlite");
    let alone = dir.path().join("alone.sqlite");
    for format in ["text", "json", "html", "md"] {
        let args = ["diff", "47/23", "53/29", "--format", format, "--color", "never"];
        let beside = run(&data, &none, &args);
        assert_eq!(beside.code, Some(0), "{}", beside.stderr);
        let two_only = run(&two, &alone, &args);
        // The voting file's path is in the record: the same file, named in either folder.
        let two_only = String::from_utf8(two_only.stdout).unwrap().replace(&two.display().to_string(), &data.display().to_string());
        assert!(beside.stdout == two_only.as_bytes(), "{format}: the folder's other files changed the diff");
    }
}

#[test]
fn a_file_the_cache_knows_unchanged_is_not_read_again() {
    // The header cache trusts a file whose size and modification time are unchanged, as
    // the index does: a text rewritten in place to garbage of the same length, its time
    // put back, is not parsed by `diff`, which names other documents, while `list`, which
    // reads everything, reports it.
    let (dir, data) = corpus();
    let none = dir.path().join("none.sqlite");
    let args = ["diff", "47/23", "53/29", "--format", "text", "--color", "never"];
    let before = run(&data, &none, &args);
    assert_eq!(before.code, Some(0));
    let cache = dir.path().join("out/index");
    let written: Vec<_> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(written.iter().any(|p| p.extension().is_some_and(|e| e == "headers")), "no header cache in {written:?}");
    assert!(!std::fs::read_dir(&data).unwrap().any(|e| e.unwrap().path().extension().is_some_and(|e| e == "headers")));
    let report = data.join("003_e567b7260c44ac29.txt");
    let time = std::fs::metadata(&report).unwrap().modified().unwrap();
    let size = std::fs::metadata(&report).unwrap().len() as usize;
    std::fs::write(&report, vec![0u8; size]).unwrap();
    std::fs::File::options().write(true).open(&report).unwrap().set_modified(time).unwrap();
    let after = run(&data, &none, &args);
    assert!(after.stdout == before.stdout);
    assert!(!after.stderr.contains("003_e567b7260c44ac29.txt"), "{}", after.stderr);
    let list = run(&data, &none, &["list"]);
    assert!(list.stderr.contains("003_e567b7260c44ac29.txt"), "{}", list.stderr);
    // A change of time (or size) is seen: the file is read again and reported.
    std::fs::File::options().write(true).open(&report).unwrap().set_modified(std::time::SystemTime::now()).unwrap();
    let changed = run(&data, &none, &args);
    assert!(changed.stdout == before.stdout);
    assert!(changed.stderr.contains("003_e567b7260c44ac29.txt"), "{}", changed.stderr);
}

#[test]
fn an_unwritable_cache_changes_nothing() {
    let (dir, data) = corpus();
    // The output folder's `index` is a file: no cache can be written under it, and none
    // is needed.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("out"), "not a folder").unwrap();
    let index = blocked.join("none.sqlite");
    let free = dir.path().join("free.sqlite");
    let args = ["diff", "47/23", "53/29", "--format", "md"];
    let blocked = run(&data, &index, &args);
    assert_eq!(blocked.code, Some(0), "{}", blocked.stderr);
    assert!(blocked.stdout == run(&data, &free, &args).stdout);
}

#[test]
fn a_damaged_header_cache_is_read_as_none_and_written_again() {
    // A cache cut short (a disk that filled up), or one of another kind of bytes, is not
    // trusted in part: every file is read as on a first run, the answer is the same, and
    // a whole cache is written in its place.
    let (dir, data) = corpus();
    let none = dir.path().join("none.sqlite");
    let args = ["diff", "47/23", "53/29", "--format", "json"];
    let first = run(&data, &none, &args);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let cache = std::fs::read_dir(dir.path().join("out/index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "headers"))
        .expect("a header cache");
    let whole = std::fs::read(&cache).unwrap();
    for damaged in [whole[..whole.len() / 2].to_vec(), b"{\"version\": 1}".to_vec(), vec![0xC1; 64]] {
        std::fs::write(&cache, &damaged).unwrap();
        let again = run(&data, &none, &args);
        assert_eq!(again.code, Some(0), "{}", again.stderr);
        assert!(again.stdout == first.stdout);
        assert_eq!(std::fs::read(&cache).unwrap(), whole, "the cache is written whole again");
    }
}
