//! Negotiating a draft, on the real committee drafts of the 80th session
//! (`../shared/corpus-drafts-en`) and their predecessors (`../shared/corpus-en`): drafts
//! and amendments read, linked into their series, compared. Skipped, with a message,
//! where the shared folders are absent.

use assert_cmd::Command;
use lineage::graph::{EdgeKind, LineageGraph};
use lineage::model::{DocKind, Document, EditAction};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn shared(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(name);
    dir.is_dir().then_some(dir)
}

fn draft(file: &str) -> Option<Document> {
    let Some(dir) = shared("corpus-drafts-en") else {
        eprintln!("skipped: ../shared/corpus-drafts-en is not present next to this checkout");
        return None;
    };
    Some(lineage::reader::read_file(&dir.join(file)).expect("the draft reads"))
}

/// A folder holding both corpora through symlinks, with a revision made from L.20.
fn combined() -> Option<&'static Path> {
    static DIR: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    DIR.get_or_init(|| {
        let (en, drafts) = (shared("corpus-en")?, shared("corpus-drafts-en")?);
        let dir = tempfile::tempdir().ok()?;
        std::os::unix::fs::symlink(en, dir.path().join("en")).ok()?;
        std::os::unix::fs::symlink(drafts.clone(), dir.path().join("drafts")).ok()?;
        // A revision: the same text under A/C.3/80/L.20/Rev.1 (no real one is in the corpus).
        let text = std::fs::read_to_string(drafts.join("A_C.3_80_L.20.en.txt")).ok()?;
        let revised = text.replacen("A/C.3/80/L.20\n", "A/C.3/80/L.20/Rev.1\n", 1);
        std::fs::write(dir.path().join("A_C.3_80_L.20_Rev.1.en.txt"), revised).ok()?;
        Some(dir)
    })
    .as_ref()
    .map(|d| d.path())
}

fn docs_and_graph() -> Option<&'static (Vec<Document>, LineageGraph)> {
    static BUILT: OnceLock<Option<(Vec<Document>, LineageGraph)>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = combined()?;
            let corpus = lineage::corpus::Corpus::load(dir).ok()?;
            let graph = LineageGraph::build(&corpus.documents);
            Some((corpus.documents, graph))
        })
        .as_ref()
}

#[test]
fn a_committee_draft_reads_with_its_sponsors_committee_and_date() {
    let Some(d) = draft("A_C.3_80_L.20.en.txt") else { return };
    let meta = d.draft.as_ref().expect("draft fields");
    assert_eq!((d.symbol.as_str(), d.kind, d.title.as_str()), ("A/C.3/80/L.20", DocKind::Draft, "Rights of the child"));
    assert_eq!((meta.committee.as_deref(), meta.distributed.map(|d| d.to_string()).as_deref()), (Some("Third Committee"), Some("2025-10-22")));
    assert_eq!(d.agenda_item.as_deref(), Some("67"));
    assert_eq!(meta.sponsors.len(), 66);
    assert_eq!(&meta.sponsors[..5], ["AND", "ATG", "ARG", "AUT", "BHS"]);
    assert!(meta.sponsors.contains(&"CUB".to_string()) && meta.sponsors.last().map(String::as_str) == Some("VEN"));
    assert!(d.adopted.is_none());
    let json: serde_json::Value = serde_json::from_str(&lineage::render::json::document(&d, false)).unwrap();
    assert_eq!(json["kind"], "draft");
    assert_eq!(json["committee"], "Third Committee");
    assert_eq!(json["sponsors"][0], "AND");
}

#[test]
fn an_amendment_names_its_draft_and_reads_as_edits() {
    let Some(a) = draft("A_C.3_80_L.64.en.txt") else { return };
    let meta = a.draft.as_ref().unwrap();
    assert_eq!((a.kind, meta.amends.as_deref(), meta.sponsors.as_slice()), (DocKind::Amendment, Some("A/C.3/80/L.20/Rev.1"), &["BDI".to_string()][..]));
    let ops: Vec<(&str, &str)> = meta
        .edits
        .iter()
        .map(|e| match &e.action {
            EditAction::DeleteText { paragraph, find } => (paragraph.as_str(), find.as_str()),
            other => panic!("unexpected edit {other:?}"),
        })
        .collect();
    assert_eq!(ops, [
        ("OP13", "sexual and reproductive health,"),
        ("OP27", "sexual and reproductive"),
        ("OP43", "sexual and reproductive"),
        ("OP46", "including sexual and reproductive health,"),
    ]);
    // Denmark tables on behalf of the European Union (the group is in a footnote).
    let Some(eu) = draft("A_C.2_80_L.62.en.txt") else { return };
    let meta = eu.draft.as_ref().unwrap();
    assert_eq!(meta.sponsor_groups[0].on_behalf_of, "European Union");
    assert_eq!(meta.edits.len(), 4, "{:?}", meta.edits);
    assert!(eu.diagnostics.is_empty(), "{:?}", eu.diagnostics);
}

#[test]
fn every_shared_draft_reads_as_a_draft_or_an_amendment_with_its_symbol() {
    let Some(dir) = shared("corpus-drafts-en") else { return };
    let (mut drafts, mut amendments, mut unread) = (0, 0, Vec::new());
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("A_C.") {
            continue;
        }
        let d = lineage::reader::read_file(&path).unwrap();
        let symbol = name.trim_end_matches(".en.txt").replace('_', "/");
        assert_eq!(d.symbol, symbol, "{name}");
        match d.kind {
            DocKind::Draft => drafts += 1,
            DocKind::Amendment => {
                amendments += 1;
                let meta = d.draft.as_ref().unwrap();
                assert!(meta.amends.is_some(), "{name}");
                unread.extend(meta.edits.iter().filter(|e| e.action == EditAction::Unread).map(|e| e.instruction.clone()));
            }
            _ => {}
        }
    }
    assert_eq!(amendments, 11);
    assert!(drafts >= 240, "{drafts} drafts");
    assert!(unread.is_empty(), "{unread:?}");
}

#[test]
fn drafts_join_their_series_with_their_edges() {
    let Some((_, graph)) = docs_and_graph() else { return };
    let series = graph.series_of("A/C.3/80/L.2").expect("the draft's series");
    assert!(series.members.contains(&"A/RES/79/160".to_string()), "{series:?}");
    assert!(series.drafts.contains(&"A/C.3/80/L.56".to_string()), "the amendment goes with its draft");
    let edge = |from: &str, to: &str, kind: EdgeKind| graph.edges().any(|(a, b, e)| a.symbol == from && b.symbol == to && e.kind == kind);
    assert!(edge("A/C.3/80/L.56", "A/C.3/80/L.2", EdgeKind::Amends));
    assert!(edge("A/C.3/80/L.20/Rev.1", "A/C.3/80/L.20", EdgeKind::Revises));
    assert!(edge("A/C.2/80/L.44", "A/C.2/80/L.21", EdgeKind::Revises), "an officer's text replaces the draft it was negotiated on");
    // The Pact for the Future names its plenary draft in its masthead.
    assert!(edge("A/79/L.2", "A/RES/79/1", EdgeKind::AdoptedAs));
    assert_eq!(graph.series_of("A/C.3/80/L.20").map(|s| s.members.clone()), Some(vec!["A/RES/78/187".to_string()]));
}

fn lineage(args: &[&str]) -> Option<String> {
    let dir = combined()?;
    let index = dir.join("index.sqlite");
    let out = Command::cargo_bin("lineage")
        .unwrap()
        .args(["--data", dir.to_str().unwrap(), "--index", index.to_str().unwrap(), "-q"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn chain_shows_the_drafts_after_the_last_adopted_text() {
    let Some(text) = lineage(&["chain", "A/C.3/80/L.20"]) else { return };
    let adopted = text.find("A/RES/78/187").unwrap();
    let drafts = text.find("drafts after the last adopted text").expect(&text);
    assert!(adopted < drafts && text[drafts..].contains("A/C.3/80/L.20/Rev.1"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&lineage(&["chain", "A/C.3/80/L.20", "--format", "json"]).unwrap()).unwrap();
    let kinds: Vec<&str> = json["members"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["resolution", "draft", "draft", "amendment", "amendment", "amendment", "amendment"]);
}

#[test]
fn the_four_comparisons() {
    // Last year's text against this year's draft.
    let Some(out) = lineage(&["diff", "79/160", "A/C.3/80/L.2", "--format", "json"]) else { return };
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((json["from"].as_str(), json["to"].as_str()), (Some("A/RES/79/160"), Some("A/C.3/80/L.2")));
    // A draft alone: against the latest adopted text of its series.
    let json: serde_json::Value = serde_json::from_str(&lineage(&["diff", "A/C.3/80/L.20", "--format", "json"]).unwrap()).unwrap();
    assert_eq!(json["from"], "A/RES/78/187");
    // A draft and an amendment to it: the new operative paragraph is the one change.
    let json: serde_json::Value =
        serde_json::from_str(&lineage(&["diff", "A/C.3/80/L.2", "A/C.3/80/L.56", "--format", "json"]).unwrap()).unwrap();
    let changed: Vec<&serde_json::Value> = json["paragraphs"].as_array().unwrap().iter().filter(|p| p["status"] != "unchanged").collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!((changed[0]["status"].as_str(), changed[0]["to"].as_str()), (Some("added"), Some("OP4")));
    // An amendment to the revision, applied to the original (the only text of it in the
    // corpus): the phrase found is deleted in place, the ones the original numbers
    // differently are named as not applied.
    let dir = combined().unwrap();
    let out = Command::cargo_bin("lineage")
        .unwrap()
        .args(["--data", dir.to_str().unwrap(), "--index", dir.join("index.sqlite").to_str().unwrap()])
        .args(["diff", "A/C.3/80/L.20", "A/C.3/80/L.64", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let modified: Vec<&str> =
        json["paragraphs"].as_array().unwrap().iter().filter(|p| p["status"] == "modified").map(|p| p["to"].as_str().unwrap()).collect();
    assert_eq!(modified, ["OP13"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for id in ["OP27", "OP43", "OP46"] {
        assert!(stderr.contains(&format!("is not in {id}; the edit is not applied")), "{stderr}");
    }
    // One argument that is no draft is a usage error.
    let dir = combined().unwrap();
    Command::cargo_bin("lineage")
        .unwrap()
        .args(["--data", dir.to_str().unwrap(), "--index", dir.join("index.sqlite").to_str().unwrap(), "-q", "diff", "79/160"])
        .assert()
        .code(2);
}

#[test]
fn drafting_support_on_the_real_drafts() {
    let Some((docs, graph)) = docs_and_graph() else { return };
    let rows = lineage::negotiate::drafting_support(docs, graph);
    let (paragraphs, produced) = rows.iter().fold((0, 0), |(p, q), r| (p + r.paragraphs, q + r.produced));
    let share = produced as f64 / paragraphs as f64;
    eprintln!("drafting support: {} drafts, {produced} of {paragraphs} paragraphs ({:.1}%)", rows.len(), 100.0 * share);
    assert!(rows.len() >= 180, "{} drafts with a predecessor", rows.len());
    assert!(share >= 0.55, "share {share:.3}");
}
