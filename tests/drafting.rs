//! Drafting support on the seeds: mandate tracking (which request each report answers,
//! what is due or overdue), read by hand against the texts.

use assert_cmd::Command;
use lineage::graph::{EdgeKind, LineageGraph};
use lineage::mandates::{Status, track};
use serde_json::Value;
use std::path::Path;

fn seeds() -> Vec<lineage::Document> {
    lineage::Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap().documents
}

#[test]
fn reports_answer_the_requests_that_asked_for_them() {
    let docs = seeds();
    let mut graph = LineageGraph::build(&docs);
    lineage::mandates::link_fulfilments(&docs, &mut graph);
    let mandates = track(&docs, &graph, "2026-11-23".parse().unwrap(), None);

    // 47/23 OP3 asked OHCHR for reports at sessions 50 and 53; 53/29 PP10 takes note of
    // A/HRC/50/56 and A/HRC/53/42 (footnotes 1 and 2).
    let op3 = mandates.iter().find(|m| m.resolution == "A/HRC/RES/47/23" && m.paragraph == "OP3").unwrap();
    let got: Vec<(Option<u32>, Status, Vec<String>)> =
        op3.deadlines.iter().map(|d| (d.session, d.status, d.fulfilled_by.clone())).collect();
    assert_eq!(
        got,
        [
            (Some(50), Status::Fulfilled, vec!["A/HRC/50/56".to_string()]),
            (Some(53), Status::Fulfilled, vec!["A/HRC/53/42".to_string()]),
        ]
    );
    assert!(op3.deadlines[0].evidence[0].contains("A/HRC/RES/53/29 PP10, footnote 1"));

    // 53/29's own requests: OP5 due at 56, OP7 at 59, nothing in the corpus answers them.
    let due: Vec<(&str, Option<u32>, Status)> = mandates
        .iter()
        .filter(|m| m.resolution == "A/HRC/RES/53/29")
        .flat_map(|m| m.deadlines.iter().map(move |d| (m.paragraph.as_str(), d.session, d.status)))
        .collect();
    assert_eq!(
        due,
        [("OP5", Some(56), Status::Overdue), ("OP6", None, Status::Open), ("OP7", Some(59), Status::Overdue)]
    );
    // As of a day during the 53rd session, the 56th and 59th are still ahead.
    let then = track(&docs, &graph, "2023-07-14".parse().unwrap(), Some("A/HRC/RES/53/29"));
    assert!(then.iter().flat_map(|m| &m.deadlines).all(|d| d.status != Status::Overdue));
    // OP2 of 53/29 (the Secretary-General's call, only noted) is no mandate of the Council.
    assert!(!mandates.iter().any(|m| m.resolution == "A/HRC/RES/53/29" && m.paragraph == "OP2"));

    // The graph carries the same links as `fulfils` edges.
    let fulfils: Vec<(String, String, Vec<String>)> = graph
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::Fulfils)
        .map(|(a, b, e)| (a.symbol.clone(), b.symbol.clone(), e.paragraphs.clone()))
        .collect();
    assert_eq!(
        fulfils,
        [
            ("A/HRC/50/56".to_string(), "A/HRC/RES/47/23".to_string(), vec!["OP3".to_string()]),
            ("A/HRC/53/42".to_string(), "A/HRC/RES/47/23".to_string(), vec!["OP3".to_string()]),
        ]
    );
}

#[test]
fn a_report_in_the_corpus_fulfils_the_resolution_it_names() {
    let requester = "United Nations A/HRC/RES/38/11\n\nHuman Rights Council\n\n\
        Resolution adopted by the Human Rights Council on 6 July 2018\n\n\
        38/11. The promotion and protection of human rights in the context of peaceful protests\n\n\
        The Human Rights Council,\n\nGuided by the Charter of the United Nations,\n\n\
        1. Requests the United Nations High Commissioner for Human Rights to prepare a thematic report on new \
        technologies and their impact on the promotion and protection of human rights in the context of \
        assemblies, including peaceful protests, and to present it to the Human Rights Council at its \
        forty-fourth session;\n\n2. Decides to remain seized of the matter.\n";
    let mut docs = seeds();
    docs.push(lineage::reader::read_bytes(requester.as_bytes(), Path::new("38-11.txt")).unwrap());
    let mut graph = LineageGraph::build(&docs);
    lineage::mandates::link_fulfilments(&docs, &mut graph);
    let mandates = track(&docs, &graph, "2026-11-23".parse().unwrap(), Some("A/HRC/RES/38/11"));
    assert_eq!(mandates.len(), 1, "{mandates:?}");
    let d = &mandates[0].deadlines[0];
    assert_eq!((d.session, d.status), (Some(44), Status::Fulfilled));
    assert_eq!(d.fulfilled_by, ["A/HRC/44/24"]);
    assert!(graph.edges().any(|(a, b, e)| a.symbol == "A/HRC/44/24" && b.symbol == "A/HRC/RES/38/11" && e.kind == EdgeKind::Fulfils));
}

#[test]
fn mandates_command() {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = cmd.args(["mandates", "47/23", "--as-of", "2024-01-01", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2024-01-01");
    let mandates = v["mandates"].as_array().unwrap();
    assert!(mandates.iter().all(|m| m["resolution"] == "A/HRC/RES/47/23"));
    assert_eq!(mandates[0]["deadlines"][0]["status"], "fulfilled");

    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = cmd.args(["mandates", "--as-of", "2024-13-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn the_next_draft_recalls_the_latest_text() {
    let docs = seeds();
    let mut graph = LineageGraph::build(&docs);
    lineage::mandates::link_fulfilments(&docs, &mut graph);
    let doc = docs.iter().find(|d| d.symbol == "A/HRC/RES/53/29").unwrap();
    let mandates = track(&docs, &graph, "2024-01-01".parse().unwrap(), Some(&doc.symbol));
    let draft = lineage::draft::next_draft(doc, &graph, &mandates);

    let rolled: Vec<_> = draft.paragraphs.iter().filter(|p| p.notes.iter().any(|n| n.starts_with("rolled over"))).collect();
    assert_eq!(rolled.len(), 1);
    assert_eq!(rolled[0].id, "PP6");
    assert!(rolled[0].text.contains("2023 年 7 月 14 日关于新的和新兴数字技术与人权的第 53/29 号决议"), "{}", rolled[0].text);
    assert!(!rolled[0].text.contains("47/23"));
    // The rest of the list it recalls is untouched.
    assert!(rolled[0].text.contains("2021 年 7 月 13 日关于在互联网上促进、保护和享有人权的第 47/16 号决议"));
    // Same paragraphs, same numbering as the adopted text.
    assert_eq!(draft.paragraphs.len(), 28 + 9);
    assert_eq!(draft.paragraphs[28].id, "OP1");
    // The deadlines of OP5 (session 56) and OP7 (session 59) are flagged, at their paragraphs too.
    assert_eq!(draft.attention.len(), 2, "{:?}", draft.attention);
    assert!(draft.attention[0].starts_with("OP5") && draft.attention[0].contains("56"));
    let op7 = draft.paragraphs.iter().find(|p| p.id == "OP7").unwrap();
    assert!(op7.notes.iter().any(|n| n.contains("59")));

    // Later, the same deadlines are past.
    let mandates = track(&docs, &graph, "2026-11-23".parse().unwrap(), Some(&doc.symbol));
    let draft = lineage::draft::next_draft(doc, &graph, &mandates);
    assert!(draft.attention.iter().all(|a| a.contains("now past")), "{:?}", draft.attention);
}

#[test]
fn an_english_draft_writes_the_date_the_english_way() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en");
    let docs: Vec<lineage::Document> = ["hrc_47_23.en.txt", "hrc_53_29.en.txt"]
        .iter()
        .map(|f| lineage::reader::read_file(&dir.join(f)).unwrap())
        .collect();
    let mut graph = LineageGraph::build(&docs);
    lineage::mandates::link_fulfilments(&docs, &mut graph);
    let mandates = track(&docs, &graph, "2024-01-01".parse().unwrap(), Some("A/HRC/RES/53/29"));
    let draft = lineage::draft::next_draft(&docs[1], &graph, &mandates);
    let rolled = draft.paragraphs.iter().find(|p| p.notes.iter().any(|n| n.starts_with("rolled over"))).expect("a rolled-over paragraph");
    assert!(rolled.text.contains("53/29 of 14 July 2023"), "{}", rolled.text);
    assert!(!rolled.text.contains("47/23"));

    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = cmd.args(["draft", "53/29", "--format", "md", "--as-of", "2024-01-01"]).output().unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Draft: 新的和新兴数字技术与人权"));
    assert!(md.contains("## Operative part") && md.contains("> rolled over"));
}

#[test]
fn blame_walks_the_series_back_and_names_the_gap() {
    let docs = seeds();
    let mut graph = LineageGraph::build(&docs);
    lineage::mandates::link_fulfilments(&docs, &mut graph);
    let doc = docs.iter().find(|d| d.symbol == "A/HRC/RES/53/29").unwrap();
    let b = lineage::blame::blame(doc, &docs, &graph);
    assert_eq!(b.walked, ["A/HRC/RES/53/29", "A/HRC/RES/47/23"]);
    assert_eq!(b.gap.as_deref(), Some("A/HRC/RES/41/11"));
    let line = |id: &str| {
        let p = b.paragraphs.iter().find(|p| p.paragraph == id).unwrap();
        lineage::blame::describe(p, &b.symbol)
    };
    // Read against the two texts: PP1 is word for word 47/23's PP1; PP4 is new; PP6 is
    // 47/23's recalling PP4 with the list brought up to date; OP7 carries 47/23's OP3.
    assert_eq!(line("PP1"), "PP1: from 47/23 PP1 or earlier, unchanged");
    assert_eq!(line("PP4"), "PP4: new in 53/29");
    assert_eq!(line("PP6"), "PP6: from 47/23 PP4 or earlier, reworded in 53/29");
    assert_eq!(line("OP7"), "OP7: from 47/23 OP3 or earlier, reworded in 53/29");
    assert_eq!(line("OP9"), "OP9: from 47/23 OP6 or earlier, unchanged");
    assert_eq!(b.paragraphs.len(), 28 + 9);

    // 47/23's predecessor is not in the corpus: nothing is claimed new.
    let first = docs.iter().find(|d| d.symbol == "A/HRC/RES/47/23").unwrap();
    let b = lineage::blame::blame(first, &docs, &graph);
    assert!(b.paragraphs.iter().all(|p| lineage::blame::describe(p, &b.symbol).contains("not in the corpus")));

    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = cmd.args(["--quiet", "blame", "53/29", "--format", "html"]).output().unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("id=\"OP7\"") && !html.contains("<script"));
}
