//! `lineage diff` as users and scripts call it: formats, colour and its switches, files,
//! exit codes, languages, and document text that must stay text.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn lineage() -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = lineage().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const ESC: &str = "\x1b[";

#[test]
fn json_has_the_contract_shape() {
    let v: Value = serde_json::from_str(&stdout(&["diff", "47/23", "53/29", "--format", "json"])).unwrap();
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("A/HRC/RES/47/23"), Some("A/HRC/RES/53/29")));
    let statuses = ["unchanged", "modified", "added", "removed", "moved"];
    for p in v["paragraphs"].as_array().unwrap() {
        let status = p["status"].as_str().unwrap();
        assert!(statuses.contains(&status), "{status}");
        assert!(p["from"].is_string() || p["from"].is_null());
        assert!(p["to"].is_string() || p["to"].is_null());
        let similarity = p["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&similarity));
        for op in p["inline"].as_array().unwrap() {
            assert!(["equal", "insert", "delete"].contains(&op["op"].as_str().unwrap()));
            assert!(op["text"].is_string());
        }
        if status == "added" || status == "removed" {
            assert_eq!(similarity, 0.0);
        }
    }
    let counts = &v["summary"]["counts"];
    let total: u64 = statuses.iter().map(|s| counts[s].as_u64().unwrap()).sum();
    assert_eq!(total as usize, v["paragraphs"].as_array().unwrap().len());
}

#[test]
fn text_marks_changes_without_colour_when_piped() {
    let text = stdout(&["diff", "47/23", "53/29"]);
    assert!(!text.contains(ESC), "no colour into a pipe");
    assert!(text.contains("[-一切-][+所有+]"), "{text}");
    assert!(text.contains("3 unchanged · 16 modified · 1 moved · 17 added · 5 removed"));
    // Unchanged paragraphs take one line; --all prints them in full.
    let line = text.lines().find(|l| l.contains("PP1 → PP1")).unwrap();
    assert!(line.contains("unchanged") && line.contains("遵循"));
    let all = stdout(&["diff", "47/23", "53/29", "--all"]);
    let at = all.lines().position(|l| l.contains("PP1 → PP1")).unwrap();
    assert!(all.lines().nth(at + 1).unwrap().contains("遵循《联合国宪章》"));
}

#[test]
fn colour_is_asked_for_or_refused() {
    let always = stdout(&["diff", "47/23", "53/29", "--color", "always"]);
    assert!(always.contains(ESC) && always.contains("[+") && always.contains("[-"), "colour and markers");
    let never = stdout(&["diff", "47/23", "53/29", "--color", "never"]);
    assert!(!never.contains(ESC));
    // NO_COLOR turns off automatic colour; an explicit --color always still wins.
    let out = lineage().args(["diff", "47/23", "53/29", "--color", "auto"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(ESC));
    let out = lineage().args(["diff", "47/23", "53/29", "--color", "always"]).env("NO_COLOR", "1").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(ESC));
    // Colour is for the terminal only: never in other formats.
    for format in ["md", "html", "json"] {
        assert!(!stdout(&["diff", "47/23", "53/29", "--format", format, "--color", "always"]).contains(ESC), "{format}");
    }
}

#[test]
fn markdown_is_a_compilation_text() {
    let md = stdout(&["diff", "47/23", "53/29", "--format", "md"]);
    assert!(md.contains("## Preambular paragraphs") && md.contains("## Operative paragraphs"));
    assert!(md.contains("~~一切~~**所有**"), "deleted and inserted words");
    assert!(md.contains("**PP25** *(moved from PP7)*"));
    assert!(md.contains("~~PP14~~ *(deleted)*"));
    assert!(md.contains("| 3 | 16 | 1 | 17 | 5 |"));
}

#[test]
fn html_is_one_self_contained_page_with_anchors() {
    let html = stdout(&["diff", "47/23", "53/29", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for anchor in ["id=\"PP1\"", "id=\"OP5\"", "id=\"OP9\"", "id=\"from-PP14\"", "id=\"from-PP7\""] {
        assert!(html.contains(anchor), "{anchor}");
    }
    assert!(html.contains("<del>一切</del>") && html.contains("<ins>所有</ins>"));
    assert!(html.find("class=\"summary\"").unwrap() < html.find("class=\"diff\"").unwrap(), "the summary first");
    // Nothing is fetched: no scripts, links, images or remote URLs.
    for outside in ["<script", "<link", "<img", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("@media print"));
}

#[test]
fn document_text_stays_text_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "人权理事会\n\n1/1. 标题\n\n人权理事会，\n\n回顾以往的决议，\n\n1. 决定继续处理此事。\n");
    write(dir.path(), "b.txt", "人权理事会\n\n2/1. 标题\n\n人权理事会，\n\n回顾以往的 <script>alert(1)</script> 决议 a_b|c&amp;，\n\n1. 决定继续处理此事。\n");
    let data = dir.path().to_str().unwrap();
    let html = stdout(&["--data", data, "diff", "1/1", "2/1", "--format", "html"]);
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    let md = stdout(&["--data", data, "diff", "1/1", "2/1", "--format", "md"]);
    assert!(md.contains("\\<script\\>") && md.contains("a\\_b\\|c\\&amp;"), "{md}");
    assert!(html.contains("a_b|c&amp;amp;"), "an entity in the text is text too");
    let v: Value = serde_json::from_str(&stdout(&["--data", data, "diff", "1/1", "2/1", "--format", "json"])).unwrap();
    let inserted: String = v["paragraphs"][0]["inline"].as_array().unwrap().iter().filter(|o| o["op"] == "insert").map(|o| o["text"].as_str().unwrap()).collect();
    assert!(inserted.contains("<script>alert(1)</script>"), "JSON keeps the text as it is: {inserted}");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("diff.html");
    lineage()
        .args(["diff", "47/23", "53/29", "--format", "html", "-o", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("diff.html"));
    assert!(std::fs::read_to_string(&file).unwrap().contains("</html>"));
    lineage().args(["diff", "47/23", "53/29", "-o", "/nonexistent/dir/x.txt"]).assert().code(1);
}

#[test]
fn unknown_documents_and_languages_are_usage_errors() {
    lineage().args(["diff", "47/23", "99/99"]).assert().code(2).stderr(predicate::str::contains("no document matches '99/99'"));
    lineage().args(["diff", "47/23", "53/29", "--format", "pdf"]).assert().code(2);
    lineage().args(["diff", "47/23", "53/29", "--to-lang", "en"]).assert().code(2).stderr(predicate::str::contains("not in the corpus in en"));
}

/// A corpus with 47/23 in Chinese and English and 53/29 in English.
fn bilingual() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("data/001_9fe8283bea68d15f.txt", "zh_47_23.txt"),
        ("tests/fixtures/en/hrc_47_23.en.txt", "en_47_23.txt"),
        ("tests/fixtures/en/hrc_53_29.en.txt", "en_53_29.txt"),
    ] {
        std::fs::copy(root.join(from), dir.path().join(to)).unwrap();
    }
    dir
}

#[test]
fn two_languages_need_cross_language() {
    let dir = bilingual();
    let data = dir.path().to_str().unwrap();
    lineage()
        .args(["--data", data, "diff", "47/23", "53/29", "--from-lang", "zh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--cross-language").and(predicate::str::contains("zh")));
    let v: Value = serde_json::from_str(&stdout(&["--data", data, "diff", "47/23", "47/23", "--cross-language", "--format", "json"])).unwrap();
    assert_eq!(v["cross_language"], true);
    assert_ne!(v["from_language"], v["to_language"]);
    assert_eq!(v["summary"]["counts"]["modified"], 25);
    // Each text under its language, nothing struck out or written in.
    let text = stdout(&["--data", data, "diff", "47/23", "47/23", "--cross-language"]);
    assert!(text.contains("      zh  遵循《联合国宪章》") && text.contains("      en  Guided by the purposes"), "{text}");
    assert!(!text.contains("[-") && !text.contains("[+") && text.contains("cited numbers agree"));
    let md = stdout(&["--data", data, "diff", "47/23", "47/23", "--cross-language", "--from-lang", "zh", "--format", "md"]);
    assert!(md.contains("原则，\\\nGuided by") && !md.contains("~~遵循"), "{md}");
    // One language: the English pair diffs like the Chinese one.
    let v: Value = serde_json::from_str(&stdout(&["--data", data, "diff", "47/23", "53/29", "--from-lang", "en", "--format", "json"])).unwrap();
    assert_eq!((v["from_language"].as_str(), v["to_language"].as_str()), (Some("en"), Some("en")));
}
