//! Drafting edits on the real paragraphs of A/HRC/RES/47/23 (Chinese seed and English
//! fixture), alone and all at once, each with the exact pairs a reader expects: insert,
//! delete, move, modify, split, merge, and a preambular paragraph made operative.

mod diff_support;

use diff_support::{assert_invariants, read, triples, EN_47_23, EN_53_29, ZH_47_23, ZH_53_29};
use lineage::diff::scripted::{apply, Edit};
use lineage::diff::{diff_documents, DiffOptions, DocumentDiff, GroupKind, Op, Status};
use lineage::model::{Document, ParagraphKind};

/// One language's material: the text to edit and the words the edits bring in.
struct Material {
    doc: Document,
    /// 53/29's PP3: 47/23's PP3 as it was really amended.
    amended_pp3: String,
    /// 53/29's PP21 (artificial intelligence), a paragraph new to the series.
    new_paragraph: String,
    /// Where 47/23's OP3 divides into its consultations and its report.
    op3_split_at: usize,
}

fn material(old: &str, new: &str, split_before: &str) -> Material {
    let doc = read(old);
    let successor = read(new);
    let op3 = &doc.paragraph("OP3").unwrap().text;
    Material {
        amended_pp3: successor.paragraph("PP3").unwrap().text.clone(),
        new_paragraph: successor.paragraph("PP21").unwrap().text.clone(),
        op3_split_at: op3.find(split_before).unwrap_or_else(|| panic!("{split_before} not in {op3}")),
        doc,
    }
}

fn both_languages() -> [Material; 2] {
    [material(ZH_47_23, ZH_53_29, "并就此向"), material(EN_47_23, EN_53_29, "and to present reports")]
}

fn s(id: &str) -> String {
    id.to_string()
}

fn modify(m: &Material) -> Edit {
    Edit::Reword { id: s("PP3"), text: m.amended_pp3.clone() }
}
fn insert(m: &Material) -> Edit {
    Edit::Insert { kind: ParagraphKind::Preambular, before: Some(s("PP4")), text: m.new_paragraph.clone() }
}
fn delete() -> Edit {
    Edit::Delete { id: s("PP14") }
}
fn move_down() -> Edit {
    Edit::Move { id: s("PP7"), kind: ParagraphKind::Preambular, before: Some(s("PP17")) }
}
fn split(m: &Material) -> Edit {
    Edit::Split { id: s("OP3"), at: m.op3_split_at }
}
fn merge() -> Edit {
    Edit::Merge { id: s("PP11"), next: s("PP12") }
}
fn make_operative() -> Edit {
    Edit::Move { id: s("PP19"), kind: ParagraphKind::Operative, before: Some(s("OP1")) }
}

type Triple = (Option<String>, Option<String>, Status);

fn pair(from: &str, to: &str, status: Status) -> Triple {
    (Some(s(from)), Some(s(to)), status)
}
fn added(to: &str) -> Triple {
    (None, Some(s(to)), Status::Added)
}
fn removed(from: &str) -> Triple {
    (Some(s(from)), None, Status::Removed)
}

/// `PPa…PPb` kept as they were, renumbered by `shift`.
fn kept(prefix: &str, first: u32, last: u32, shift: i32) -> Vec<Triple> {
    (first..=last)
        .map(|n| pair(&format!("{prefix}{n}"), &format!("{prefix}{}", n as i32 + shift), Status::Unchanged))
        .collect()
}

fn run(m: &Material, edits: &[Edit]) -> (Document, DocumentDiff) {
    let scripted = apply(&m.doc, edits).unwrap();
    let diff = diff_documents(&m.doc, &scripted.document, &DiffOptions::default());
    assert_invariants(&diff, &m.doc, &scripted.document);
    (scripted.document, diff)
}

fn check(edits: impl Fn(&Material) -> Vec<Edit>, expected: Vec<Triple>) {
    for m in both_languages() {
        let (_, diff) = run(&m, &edits(&m));
        assert_eq!(triples(&diff), expected, "{}", m.doc.language.as_str());
    }
}

#[test]
fn nothing_changed() {
    check(|_| vec![], [kept("PP", 1, 19, 0), kept("OP", 1, 6, 0)].concat());
}

#[test]
fn modify_one_paragraph() {
    let expected = [kept("PP", 1, 2, 0), vec![pair("PP3", "PP3", Status::Modified)], kept("PP", 4, 19, 0), kept("OP", 1, 6, 0)].concat();
    check(|m| vec![modify(m)], expected);
    // The redline shows the words that changed and keeps the rest.
    let zh = &both_languages()[0];
    let (_, diff) = run(zh, &[modify(zh)]);
    let pp3 = &diff.paragraphs[2];
    let changes: Vec<(Op, &str)> = pp3.inline.iter().filter(|o| o.op != Op::Equal).map(|o| (o.op, o.text.as_str())).collect();
    // The old full-width comma is struck out with the clause written after it: the old
    // text is spelt with its own punctuation.
    assert_eq!(changes, [(Op::Delete, "一切"), (Op::Insert, "所有"), (Op::Delete, "，"), (Op::Insert, ", 申明线下适用的权利也同样适用于线上,")]);
}

#[test]
fn insert_a_paragraph() {
    let expected = [kept("PP", 1, 3, 0), vec![added("PP4")], kept("PP", 4, 19, 1), kept("OP", 1, 6, 0)].concat();
    check(|m| vec![insert(m)], expected);
}

#[test]
fn delete_a_paragraph() {
    let expected = [kept("PP", 1, 13, 0), vec![removed("PP14")], kept("PP", 15, 19, -1), kept("OP", 1, 6, 0)].concat();
    check(|_| vec![delete()], expected);
}

#[test]
fn move_a_paragraph_down() {
    let expected = [
        kept("PP", 1, 6, 0),
        kept("PP", 8, 16, -1),
        vec![pair("PP7", "PP16", Status::Moved)],
        kept("PP", 17, 19, 0),
        kept("OP", 1, 6, 0),
    ]
    .concat();
    check(|_| vec![move_down()], expected);
}

#[test]
fn split_a_paragraph_in_two() {
    let expected = [
        kept("PP", 1, 19, 0),
        kept("OP", 1, 2, 0),
        vec![pair("OP3", "OP3", Status::Modified), pair("OP3", "OP4", Status::Modified)],
        kept("OP", 4, 6, 1),
    ]
    .concat();
    check(|m| vec![split(m)], expected.clone());
    for m in both_languages() {
        let (_, diff) = run(&m, &[split(&m)]);
        for p in diff.paragraphs.iter().filter(|p| p.from.as_deref() == Some("OP3")) {
            let group = p.group.as_ref().expect("a split pair names its group");
            assert_eq!((group.kind, group.from.clone(), group.to.clone()), (GroupKind::Split, vec![s("OP3")], vec![s("OP3"), s("OP4")]));
            // Each piece is its part of the old paragraph, word for word (the space that
            // joined the two parts is struck out as a minor change).
            assert!(p.inline.iter().all(|o| !o.is_wording_change()), "{:?}", p.inline);
        }
    }
}

#[test]
fn merge_two_paragraphs() {
    let expected = [
        kept("PP", 1, 10, 0),
        vec![pair("PP11", "PP11", Status::Modified), pair("PP12", "PP11", Status::Modified)],
        kept("PP", 13, 19, -1),
        kept("OP", 1, 6, 0),
    ]
    .concat();
    check(|_| vec![merge()], expected);
}

#[test]
fn a_preambular_paragraph_made_operative() {
    let expected = [kept("PP", 1, 18, 0), vec![pair("PP19", "OP1", Status::Moved)], kept("OP", 1, 6, 1)].concat();
    check(|_| vec![make_operative()], expected);
    let zh = &both_languages()[0];
    let (_, diff) = run(zh, &[make_operative()]);
    let crossed = diff.paragraphs.iter().find(|p| p.to.as_deref() == Some("OP1")).unwrap();
    let change = crossed.kind_changed.expect("the crossing is reported");
    assert_eq!((change.from, change.to), (ParagraphKind::Preambular, ParagraphKind::Operative));
}

#[test]
fn every_edit_at_once() {
    use Status::*;
    let expected = vec![
        pair("PP1", "PP1", Unchanged),
        pair("PP2", "PP2", Unchanged),
        pair("PP3", "PP3", Modified),
        added("PP4"),
        pair("PP4", "PP5", Unchanged),
        pair("PP5", "PP6", Unchanged),
        pair("PP6", "PP7", Unchanged),
        pair("PP8", "PP8", Unchanged),
        pair("PP9", "PP9", Unchanged),
        pair("PP10", "PP10", Unchanged),
        pair("PP11", "PP11", Modified),
        pair("PP12", "PP11", Modified),
        pair("PP13", "PP12", Unchanged),
        removed("PP14"),
        pair("PP15", "PP13", Unchanged),
        pair("PP16", "PP14", Unchanged),
        pair("PP7", "PP15", Moved),
        pair("PP17", "PP16", Unchanged),
        pair("PP18", "PP17", Unchanged),
        pair("PP19", "OP1", Moved),
        pair("OP1", "OP2", Unchanged),
        pair("OP2", "OP3", Unchanged),
        pair("OP3", "OP4", Modified),
        pair("OP3", "OP5", Modified),
        pair("OP4", "OP6", Unchanged),
        pair("OP5", "OP7", Unchanged),
        pair("OP6", "OP8", Unchanged),
    ];
    check(
        |m| vec![modify(m), insert(m), delete(), move_down(), split(m), merge(), make_operative()],
        expected,
    );
    // The same edits in another order make the same text and the same diff.
    check(
        |m| vec![make_operative(), merge(), split(m), move_down(), delete(), insert(m), modify(m)],
        triples_of_first_order(),
    );
}

fn triples_of_first_order() -> Vec<Triple> {
    let m = &both_languages()[0];
    let (_, diff) = run(m, &[modify(m), insert(m), delete(), move_down(), split(m), merge(), make_operative()]);
    triples(&diff)
}

#[test]
fn the_summary_counts_each_status() {
    let m = &both_languages()[1];
    let (_, diff) = run(m, &[modify(m), insert(m), delete(), move_down(), split(m), merge(), make_operative()]);
    let c = diff.summary.counts;
    assert_eq!((c.unchanged, c.modified, c.moved, c.added, c.removed), (18, 5, 2, 1, 1));
    assert_eq!((diff.summary.to_paragraphs.preambular, diff.summary.to_paragraphs.operative), (17, 8));
}

#[test]
fn empty_documents_and_documents_without_paragraphs() {
    let m = &both_languages()[0];
    let empty = Document { paragraphs: Vec::new(), ..m.doc.clone() };
    for (old, new) in [(&empty, &m.doc), (&m.doc, &empty), (&empty, &empty)] {
        let diff = diff_documents(old, new, &DiffOptions::default());
        assert_invariants(&diff, old, new);
    }
    let diff = diff_documents(&empty, &m.doc, &DiffOptions::default());
    assert_eq!(diff.summary.counts.added, 25);
}

#[test]
fn huge_and_blank_paragraphs_do_not_break_the_diff() {
    let m = &both_languages()[0];
    let huge = "数字技术与人权，".repeat(6000);
    let edits = [
        Edit::Reword { id: s("PP1"), text: huge.clone() },
        Edit::Reword { id: s("PP2"), text: String::new() },
        Edit::Insert { kind: ParagraphKind::Operative, before: None, text: "，，，".into() },
    ];
    let (new, diff) = run(m, &edits);
    assert_eq!(diff.paragraphs.len(), new.paragraphs.len() + 2, "{:?}", triples(&diff));
    let scripted = apply(&m.doc, &[Edit::Reword { id: s("PP1"), text: huge }]).unwrap();
    let diff = diff_documents(&scripted.document, &m.doc, &DiffOptions::default());
    assert_invariants(&diff, &scripted.document, &m.doc);
}

#[test]
fn thousands_of_paragraphs_are_aligned_in_reasonable_time() {
    let m = &both_languages()[1];
    // 2,500 operative paragraphs (beyond the full similarity matrix of one kind), each
    // the text of a real paragraph with its number written in.
    let paragraphs: Vec<lineage::model::Paragraph> = (0..2500)
        .map(|n| {
            let source = &m.doc.paragraphs[n % m.doc.paragraphs.len()];
            lineage::model::Paragraph {
                id: format!("OP{}", n + 1),
                kind: ParagraphKind::Operative,
                number: n as u32 + 1,
                text: format!("{} (item {n} of the list)", source.text),
                ..source.clone()
            }
        })
        .collect();
    let old = Document { paragraphs, ..m.doc.clone() };
    let edits = [Edit::Delete { id: s("OP10") }, Edit::Insert { kind: ParagraphKind::Operative, before: Some(s("OP2000")), text: m.new_paragraph.clone() }];
    let new = apply(&old, &edits).unwrap().document;
    let started = std::time::Instant::now();
    let diff = diff_documents(&old, &new, &DiffOptions::default());
    assert_invariants(&diff, &old, &new);
    eprintln!("thousands of paragraphs diffed in {:?}", started.elapsed());
    assert_eq!(diff.summary.counts.added + diff.summary.counts.removed, 2, "{:?}", diff.summary.counts);
    assert!(diff.notes.iter().any(|n| n.contains("near the diagonal")), "{:?}", diff.notes);
}
