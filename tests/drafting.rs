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
    let graph = LineageGraph::build(&docs);
    let mandates = track(&docs, &graph, "2026-11-23", None);

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
    let then = track(&docs, &graph, "2023-07-14", Some("A/HRC/RES/53/29"));
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
    docs.push(lineage::ingest::read_bytes(requester.as_bytes(), Path::new("38-11.txt")).unwrap());
    let graph = LineageGraph::build(&docs);
    let mandates = track(&docs, &graph, "2026-11-23", Some("A/HRC/RES/38/11"));
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
