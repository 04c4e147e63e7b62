//! The substance summary of 47/23 → 53/29, read by hand against the two texts, and the
//! same summary from their English versions.

use lineage::summary::{Summary, summarize};
use std::path::Path;

fn read(path: &str) -> lineage::Document {
    lineage::ingest::read_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn zh() -> Summary {
    summarize(&read("data/001_9fe8283bea68d15f.txt"), &read("data/002_3102da6d256530e0.txt"))
}

fn en() -> Summary {
    summarize(&read("tests/fixtures/en/hrc_47_23.en.txt"), &read("tests/fixtures/en/hrc_53_29.en.txt"))
}

fn ids(list: &[lineage::classify::rights::RightFinding]) -> Vec<&str> {
    let mut v: Vec<&str> = list.iter().map(|r| r.id.as_str()).collect();
    v.sort();
    v
}

#[test]
fn rights_added_and_none_dropped() {
    let s = zh();
    assert_eq!(
        ids(&s.rights_added),
        [
            "child_protection",
            "equal_protection_of_law",
            "esc_rights",
            "fair_hearing",
            "health",
            "information",
            "life",
            "science_benefits",
            "thought_conscience_religion"
        ]
    );
    assert!(s.rights_removed.is_empty(), "{:?}", s.rights_removed);
    let life = s.rights_added.iter().find(|r| r.id == "life").unwrap();
    assert_eq!((life.paragraph.as_str(), life.surface.as_str()), ("PP12", "生命权"));
}

#[test]
fn requests_new_continued_and_dropped() {
    let s = zh();
    let new: Vec<(&str, Vec<u32>)> = s.requests_new.iter().map(|r| (r.paragraph.as_str(), r.due_sessions.clone())).collect();
    assert_eq!(new, [("OP5", vec![56])]);
    let continued: Vec<(&str, &str, bool)> = s
        .requests_continued
        .iter()
        .map(|c| (c.from_paragraph.as_str(), c.request.paragraph.as_str(), c.deadline_changed))
        .collect();
    // 47/23 OP5 (keep working on technical assistance) → 53/29 OP6 (expand that capacity);
    // 47/23 OP3 (consultations and reports at 50 and 53) → 53/29 OP7 (continue, report at 59).
    assert_eq!(continued, [("OP5", "OP6", false), ("OP3", "OP7", true)]);
    let op7 = &s.requests_continued[1];
    assert_eq!((op7.from_due_sessions.clone(), op7.request.due_sessions.clone()), (vec![50, 53], vec![59]));
    // 47/23 OP4 (consult stakeholders for the above consultations) has no successor.
    let dropped: Vec<&str> = s.requests_dropped.iter().map(|r| r.paragraph.as_str()).collect();
    assert_eq!(dropped, ["OP4"]);
    // 53/29 OP2 only notes the Secretary-General's call: no request of the Council.
    assert!(!s.requests_new.iter().any(|r| r.paragraph == "OP2"));
}

#[test]
fn the_vote_became_a_consensus() {
    let v = zh().vote;
    assert!(v.changed);
    assert_eq!((v.from.yes, v.from.no, v.from.abstain), (Some(44), Some(0), Some(3)));
    assert_eq!(v.to.method, lineage::model::VoteMethod::WithoutVote);
    let moved: Vec<(&str, &str, &str)> = v.countries_changed.iter().map(|c| (c.country.as_str(), c.from, c.to)).collect();
    assert_eq!(moved, [("CHN", "abstain", "consensus"), ("ERI", "abstain", "consensus"), ("VEN", "abstain", "consensus")]);
}

#[test]
fn references_added_and_removed() {
    let s = zh();
    assert_eq!(
        s.references_added,
        [
            "A/HRC/50/56",
            "A/HRC/53/42",
            "A/HRC/RES/47/16",
            "A/HRC/RES/48/4",
            "A/RES/70/125",
            "A/RES/75/316",
            "A/RES/77/150",
            "A/RES/77/211"
        ]
    );
    assert_eq!(
        s.references_removed,
        [
            "A/HRC/47/52",
            "A/HRC/RES/38/7",
            "A/HRC/RES/41/11",
            "A/HRC/RES/42/15",
            "A/RES/73/17",
            "A/RES/75/176",
            "A/RES/75/202"
        ]
    );
}

#[test]
fn english_texts_give_the_same_summary() {
    let (z, e) = (zh(), en());
    assert_eq!(ids(&z.rights_added), ids(&e.rights_added));
    assert_eq!(ids(&z.rights_removed), ids(&e.rights_removed));
    let paragraphs = |s: &Summary| {
        (
            s.requests_new.iter().map(|r| r.paragraph.clone()).collect::<Vec<_>>(),
            s.requests_continued.iter().map(|c| (c.from_paragraph.clone(), c.request.paragraph.clone())).collect::<Vec<_>>(),
            s.requests_dropped.iter().map(|r| r.paragraph.clone()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(paragraphs(&z), paragraphs(&e));
    let moved = |s: &Summary| s.vote.countries_changed.iter().map(|c| (c.country.clone(), c.from, c.to)).collect::<Vec<_>>();
    assert_eq!(moved(&z), moved(&e));
    assert_eq!(z.references_added, e.references_added);
    assert_eq!(z.references_removed, e.references_removed);
}

#[test]
fn every_diff_format_opens_with_the_summary() {
    let run = |format: &str| {
        let out = assert_cmd::Command::cargo_bin("lineage")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["--quiet", "diff", "47/23", "53/29", "--format", format, "--color", "never"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let v: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let s = &v["summary"];
    for key in [
        "rights_added",
        "rights_removed",
        "requests_new",
        "requests_continued",
        "requests_dropped",
        "vote",
        "references_added",
        "references_removed",
    ] {
        assert!(s.get(key).is_some(), "summary without {key}");
    }
    let added: Vec<&str> = s["rights_added"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(added.contains(&"life") && added.contains(&"health"));
    assert_eq!(s["vote"]["changed"], true);
    assert_eq!(s["vote"]["countries_changed"][0]["country"], "CHN");
    assert_eq!(s["vote"]["countries_changed"][0]["to"], "consensus");
    assert_eq!(s["requests_new"][0]["paragraph"], "OP5");
    for format in ["text", "md", "html"] {
        let out = run(format);
        let at = out.find("Rights newly named").unwrap_or_else(|| panic!("{format}: no summary"));
        // (In HTML the summary's counts link to rows: the table of pairs is what follows.)
        let first_pair = if format == "html" { out.find("<table class=\"diff\"") } else { out.find("PP1") }.unwrap_or(usize::MAX);
        assert!(at < first_pair, "{format}: the summary comes after the paragraphs");
    }
}
