//! The `lineage` binary as users and scripts call it: IDs, formats, exit codes, and bad
//! input reported by file and reason while the rest of the corpus is still used.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn lineage() -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn json(args: &[&str]) -> Value {
    let out = lineage().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn list_names_every_seed_by_symbol() {
    let v = json(&["list", "--format", "json"]);
    let symbols: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["symbol"].as_str().unwrap()).collect();
    for s in ["A/HRC/RES/47/23", "A/HRC/RES/53/29", "A/RES/77/211", "A/HRC/44/24", "000_316f946a38dde5ab"] {
        assert!(symbols.contains(&s), "{s} missing from {symbols:?}");
    }
    lineage().arg("list").assert().success().stdout(predicate::str::contains("A/HRC/RES/53/29"));
}

#[test]
fn show_accepts_full_and_short_ids() {
    for id in ["A/HRC/RES/47/23", "47/23", "hrc/47/23", "a/hrc/res/47/23"] {
        let v = json(&["show", id, "--format", "json"]);
        assert_eq!(v["symbol"], "A/HRC/RES/47/23", "{id}");
    }
    assert_eq!(json(&["show", "ga/77/211", "--format", "json"])["symbol"], "A/RES/77/211");
    assert_eq!(json(&["show", "A/HRC/44/24", "--format", "json"])["kind"], "report");
    let v = json(&["show", "000_316f946a38dde5ab", "--format", "json"]);
    assert_eq!(v["symbol_source"], "file");
}

#[test]
fn show_json_has_the_contract_fields() {
    let v = json(&["show", "53/29", "--format", "json"]);
    for field in ["symbol", "body", "kind", "language", "title", "session", "adopted", "meeting", "paragraphs", "footnotes", "vote"] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["body"], "HRC");
    assert_eq!(v["language"], "zh");
    assert_eq!(v["adopted"], "2023-07-14");
    let p = &v["paragraphs"][0];
    assert_eq!((p["id"].as_str(), p["kind"].as_str(), p["number"].as_u64()), (Some("PP1"), Some("preambular"), Some(1)));
    let op3 = v["paragraphs"].as_array().unwrap().iter().find(|p| p["id"] == "OP3").unwrap();
    assert_eq!(op3["kind"], "operative");
    assert_eq!(op3["items"][0]["label"], "a");
    assert_eq!(v["footnotes"][0]["mark"], "1");
    assert_eq!(v["vote"]["method"], "without_vote");
    let v = json(&["show", "47/23", "--format", "json"]);
    assert_eq!(v["vote"]["abstaining"], serde_json::json!(["CHN", "ERI", "VEN"]));
    assert_eq!(v["vote"]["yes"], 44);
}

#[test]
fn show_dropped_accounts_for_page_furniture() {
    lineage()
        .args(["show", "53/29", "--dropped"])
        .assert()
        .success()
        .stdout(predicate::str::contains("page_furniture").and(predicate::str::contains("GE.23-13988")));
    let v = json(&["show", "53/29", "--format", "json", "--dropped"]);
    let dropped = v["account"]["dropped"].as_array().unwrap();
    assert!(dropped.iter().any(|d| d["reason"] == "page_furniture" && d["text"].as_str().unwrap().contains("GE.23-13988")));
}

#[test]
fn unknown_and_ambiguous_ids_exit_2_and_say_why() {
    lineage()
        .args(["show", "99/99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no document matches '99/99'"));
    // HRC 38/7 and GA 38/7 are different documents: a short form naming both is refused.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hrc.txt", "人权理事会\n\n38/7. 在互联网上促进、保护和享有人权\n\n人权理事会，\n\n回顾其以往的决议，\n\n1. 决定继续处理此事。\n");
    write(dir.path(), "ga.txt", "大会\n\n38/7. 某一议题\n\n大会，\n\n回顾其以往的决议，\n\n1. 决定继续审议。\n");
    lineage()
        .args(["--data", dir.path().to_str().unwrap(), "show", "38/7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("A/HRC/RES/38/7").and(predicate::str::contains("A/RES/38/7")));
    lineage()
        .args(["--data", dir.path().to_str().unwrap(), "show", "hrc/38/7", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"A/HRC/RES/38/7\""));
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn bad_files_are_reported_by_name_and_reason_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/001_9fe8283bea68d15f.txt"), d.join("good.txt")).unwrap();
    write(d, "empty.txt", "");
    std::fs::write(d.join("binary.txt"), (0u8..=255).cycle().take(3000).collect::<Vec<u8>>()).unwrap();
    write(d, "prose.txt", "This is a note to self.\nNothing here is a resolution.\n");
    write(d, "scan.pdf", "%PDF-1.7");
    // A truncated file: the first half of a resolution still reads as far as it goes.
    let full = std::fs::read_to_string(d.join("good.txt")).unwrap();
    let cut: String = full.chars().take(full.chars().count() / 2).collect();
    std::fs::create_dir(d.join("sub")).unwrap();
    write(&d.join("sub"), "truncated.txt", &cut.replace("47/23.", "47/99."));

    let out = lineage().args(["--data", d.to_str().unwrap(), "list", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("prose.txt", "no recognisable"),
        ("scan.pdf", "PDF: "),
    ] {
        assert!(stderr.lines().any(|l| l.contains(file) && l.contains(reason)), "{file}: {stderr}");
    }
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let symbols: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["symbol"].as_str().unwrap()).collect();
    assert_eq!(symbols, ["A/HRC/RES/47/23", "A/HRC/RES/47/99"], "the readable files are still used");

    lineage().args(["--data", d.to_str().unwrap(), "--strict", "list"]).assert().code(1);
    lineage().args(["--data", d.to_str().unwrap(), "--quiet", "list"]).assert().success().stderr("");
}

#[test]
fn a_missing_corpus_folder_is_a_clear_error() {
    lineage()
        .args(["--data", "/nonexistent/lineage-corpus", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/lineage-corpus").and(predicate::str::contains("does not exist")));
}

#[test]
fn the_same_symbol_twice_is_a_warning_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/001_9fe8283bea68d15f.txt");
    std::fs::copy(&seed, dir.path().join("a.txt")).unwrap();
    std::fs::copy(&seed, dir.path().join("b.txt")).unwrap();
    let out = lineage().args(["--data", dir.path().to_str().unwrap(), "list"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a.txt") && stderr.contains("b.txt") && stderr.contains("A/HRC/RES/47/23"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).matches("A/HRC/RES/47/23").count(), 1);
}
