//! One index per folder: an index answers only for the folder it was built from, in
//! every command, and is never overwritten by another folder's; messages name the
//! folder; `index` reports unreadable files as `list` does; small things a new user met
//! on the way (an empty folder, `--data FILE`, `graph -o`).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn lineage(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(cwd);
    cmd
}

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn an_empty_folder_lists_nothing_even_beside_another_folders_index() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let data = seeds();
    lineage(tmp.path()).args(["--out", "out", "--data"]).arg(&data).arg("index").assert().success()
        .stdout(predicate::str::contains("index of").and(predicate::str::contains("5 documents")));
    lineage(tmp.path())
        .args(["--out", "out", "--data", "empty", "list"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no documents found in empty"));
    lineage(tmp.path()).args(["--out", "out", "--data", "empty", "show", "47/23"]).assert().code(2);
    // The seeds still read from their own index, with no warning.
    lineage(tmp.path()).args(["--out", "out", "--data"]).arg(&data).arg("list").assert().success()
        .stdout(predicate::str::contains("A/HRC/RES/53/29"))
        .stderr("");
}

#[test]
fn indexing_another_folder_leaves_the_first_folders_index_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(seeds().join("001_9fe8283bea68d15f.txt"), other.join("a.txt")).unwrap();
    let data = seeds();
    lineage(tmp.path()).args(["--out", "out", "--data"]).arg(&data).arg("index").assert().success();
    lineage(tmp.path()).args(["--out", "out", "--data", "other", "index"]).assert().success()
        .stdout(predicate::str::contains("1 document,"));
    // Two indexes, one per folder; the seeds' is still up to date.
    let indexes = std::fs::read_dir(tmp.path().join("out/index")).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sqlite")).count();
    assert_eq!(indexes, 2);
    lineage(tmp.path()).args(["--out", "out", "--data"]).arg(&data).arg("index").assert().success()
        .stdout(predicate::str::contains("up to date"));
    lineage(tmp.path()).args(["--out", "out", "--data"]).arg(&data).arg("list").assert().success().stderr("");
    // An --index built for the seeds is neither refreshed for nor used by another folder.
    let seeds_index = lineage::corpus::location::default_path(&tmp.path().join("out"), &data);
    lineage(tmp.path()).args(["--out", "out", "--data", "other", "--index"]).arg(&seeds_index).arg("index").assert().code(1)
        .stderr(predicate::str::contains("was built for the folder").and(predicate::str::contains("left as it is")));
    lineage(tmp.path()).args(["--out", "out", "--data", "other", "--index"]).arg(&seeds_index).args(["list", "--format", "json"]).assert().success()
        .stdout(predicate::str::contains("A/HRC/RES/47/23").and(predicate::str::contains("A/RES/77/211").not()))
        .stderr(predicate::str::contains("was built for the folder"));
}

#[test]
fn index_reports_unreadable_files_like_list_and_strict_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(seeds().join("001_9fe8283bea68d15f.txt"), data.join("a.txt")).unwrap();
    std::fs::write(data.join("bad.txt"), b"\x00\x01\x02binary").unwrap();
    for _ in 0..2 {
        // Reported when first read and again when the index is already up to date.
        lineage(tmp.path()).args(["--out", "out", "index"]).assert().success()
            .stderr(predicate::str::contains("bad.txt"));
    }
    lineage(tmp.path()).args(["--out", "out", "--strict", "index"]).assert().code(1);
    lineage(tmp.path()).args(["--out", "out", "--strict", "list"]).assert().code(1).stderr(predicate::str::contains("bad.txt"));
}

#[test]
fn a_file_given_as_the_corpus_folder_is_named_as_a_file() {
    let file = seeds().join("001_9fe8283bea68d15f.txt");
    lineage(Path::new(env!("CARGO_MANIFEST_DIR"))).arg("--data").arg(&file).arg("list").assert().code(2)
        .stderr(predicate::str::contains("is a file, not a folder"));
}

#[test]
fn graph_says_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("g.json");
    lineage(Path::new(env!("CARGO_MANIFEST_DIR"))).args(["--out"]).arg(tmp.path()).args(["graph", "--format", "json", "-o"]).arg(&out).assert().success()
        .stderr(predicate::str::contains("wrote").and(predicate::str::contains("g.json")));
    assert!(out.is_file());
}
