//! Edits of a document whose right alignment is known: the ground truth the alignment is
//! tested against (`tests/diff_scripted.rs`) and measured on (`make bench`).
//!
//! A script names paragraphs by their ids in the *original* document, so that an edit
//! means the same thing whatever edits come before it. [`apply`] performs the edits,
//! renumbers each kind 1, 2, 3… as a drafter would, and returns the new document with
//! the pairs a correct alignment must find.

use crate::model::{Document, Item, Paragraph, ParagraphKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace a paragraph's text (its items are kept).
    Reword { id: String, text: String },
    /// A new paragraph, placed before the paragraph `before` (an original id), or last
    /// among the paragraphs of its kind.
    Insert { kind: ParagraphKind, before: Option<String>, text: String },
    Delete { id: String },
    /// Put a paragraph before `before` (or last of `kind`); it takes `kind`.
    Move { id: String, kind: ParagraphKind, before: Option<String> },
    /// Cut a paragraph's text in two at byte offset `at` (moved back to a character
    /// boundary); the second piece becomes the next paragraph.
    Split { id: String, at: usize },
    /// Join a paragraph with `next`, which must then stand right after it.
    Merge { id: String, next: String },
}

/// A pair a correct alignment reports: an original paragraph and the paragraph it became
/// (`to` is `None` for a deleted one, `from` is `None` for an inserted one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExpectedPair {
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Scripted {
    pub document: Document,
    /// Every expected pair, sorted.
    pub pairs: Vec<ExpectedPair>,
    /// New ids of paragraphs that a Move put elsewhere.
    pub moved: Vec<String>,
}

/// Why a script cannot be applied (it names a paragraph that is not there any more).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("edit {index} ({edit:?}) cannot be applied: {reason}")]
pub struct ScriptError {
    pub index: usize,
    pub edit: Edit,
    pub reason: String,
}

/// A paragraph while the script runs: its text and which original paragraphs it holds.
#[derive(Debug, Clone)]
struct Working {
    origins: Vec<String>,
    kind: ParagraphKind,
    text: String,
    items: Vec<Item>,
    moved: bool,
}

pub fn apply(original: &Document, edits: &[Edit]) -> Result<Scripted, ScriptError> {
    let mut work: Vec<Working> = original
        .paragraphs
        .iter()
        .map(|p| Working { origins: vec![p.id.clone()], kind: p.kind, text: p.text.clone(), items: p.items.clone(), moved: false })
        .collect();
    for (index, edit) in edits.iter().enumerate() {
        let fail = |reason: &str| ScriptError { index, edit: edit.clone(), reason: reason.to_string() };
        let find = |work: &[Working], id: &str| work.iter().position(|w| w.origins.iter().any(|o| o == id));
        match edit {
            Edit::Reword { id, text } => {
                let at = find(&work, id).ok_or_else(|| fail("no such paragraph"))?;
                work[at].text = text.clone();
            }
            Edit::Insert { kind, before, text } => {
                let at = place(&work, *kind, before.as_deref()).ok_or_else(|| fail("no such paragraph to insert before"))?;
                work.insert(at, Working { origins: Vec::new(), kind: *kind, text: text.clone(), items: Vec::new(), moved: false });
            }
            Edit::Delete { id } => {
                let at = find(&work, id).ok_or_else(|| fail("no such paragraph"))?;
                work.remove(at);
            }
            Edit::Move { id, kind, before } => {
                let from = find(&work, id).ok_or_else(|| fail("no such paragraph"))?;
                let mut paragraph = work.remove(from);
                paragraph.kind = *kind;
                paragraph.moved = true;
                let to = place(&work, *kind, before.as_deref()).ok_or_else(|| fail("no such paragraph to move before"))?;
                work.insert(to, paragraph);
            }
            Edit::Split { id, at } => {
                let i = find(&work, id).ok_or_else(|| fail("no such paragraph"))?;
                let text = work[i].text.clone();
                let mut cut = (*at).min(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                if cut == 0 || cut == text.len() {
                    return Err(fail("the cut leaves an empty piece"));
                }
                let second = Working { text: text[cut..].trim_start().to_string(), items: std::mem::take(&mut work[i].items), ..work[i].clone() };
                work[i].text = text[..cut].trim_end().to_string();
                work.insert(i + 1, second);
            }
            Edit::Merge { id, next } => {
                let i = find(&work, id).ok_or_else(|| fail("no such paragraph"))?;
                if find(&work, next) != Some(i + 1) {
                    return Err(fail("the paragraph to merge with does not follow"));
                }
                let second = work.remove(i + 1);
                let joiner = if second.text.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
                work[i].text = format!("{}{joiner}{}", work[i].text, second.text);
                work[i].origins.extend(second.origins);
                work[i].items.extend(second.items);
            }
        }
    }
    Ok(finish(original, work))
}

/// Where a paragraph of `kind` goes: before `before`, or after the last of its kind (or
/// where its kind begins in the usual order: preambular first).
fn place(work: &[Working], kind: ParagraphKind, before: Option<&str>) -> Option<usize> {
    match before {
        Some(id) => work.iter().position(|w| w.origins.first().is_some_and(|o| o == id)),
        None => Some(
            work.iter()
                .rposition(|w| w.kind == kind)
                .map(|i| i + 1)
                .unwrap_or_else(|| if kind == ParagraphKind::Preambular { 0 } else { work.len() }),
        ),
    }
}

fn finish(original: &Document, work: Vec<Working>) -> Scripted {
    let mut numbers = std::collections::HashMap::new();
    let mut paragraphs = Vec::with_capacity(work.len());
    let mut pairs = Vec::new();
    let mut moved = Vec::new();
    for w in work {
        let n = numbers.entry(w.kind).or_insert(0u32);
        *n += 1;
        let id = format!("{}{n}", id_prefix(w.kind));
        if w.origins.is_empty() {
            pairs.push(ExpectedPair { from: None, to: Some(id.clone()) });
        }
        for o in &w.origins {
            pairs.push(ExpectedPair { from: Some(o.clone()), to: Some(id.clone()) });
        }
        if w.moved {
            moved.push(id.clone());
        }
        let lines = original.paragraphs.first().map_or(crate::model::LineSpan::single(1), |p| p.lines);
        paragraphs.push(Paragraph {
            id,
            kind: w.kind,
            number: *n,
            text: w.text,
            items: w.items,
            footnote_marks: Vec::new(),
            section: None,
            printed_number: None,
            lines,
        });
    }
    for p in &original.paragraphs {
        if !pairs.iter().any(|e| e.from.as_deref() == Some(p.id.as_str())) {
            pairs.push(ExpectedPair { from: Some(p.id.clone()), to: None });
        }
    }
    pairs.sort();
    let document = Document { paragraphs, ..original.clone() };
    Scripted { document, pairs, moved }
}

fn id_prefix(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Preambular => "PP",
        ParagraphKind::Operative => "OP",
        ParagraphKind::Numbered => "P",
        ParagraphKind::Unnumbered => "U",
    }
}

/// The pairs a diff reported, in the form of [`ExpectedPair`], sorted: to compare with
/// the truth.
pub fn reported_pairs(diff: &super::DocumentDiff) -> Vec<ExpectedPair> {
    let mut pairs: Vec<ExpectedPair> =
        diff.paragraphs.iter().map(|p| ExpectedPair { from: p.from.clone(), to: p.to.clone() }).collect();
    pairs.sort();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc() -> Document {
        let text = "人权理事会\n\n1/1. 标题\n\n人权理事会，\n\n回顾甲，\n\n回顾乙，\n\n1. 决定丙；\n\n2. 决定丁；\n\n3. 决定继续处理此事。\n";
        crate::reader::read_bytes(text.as_bytes(), Path::new("x.txt")).unwrap()
    }

    fn pair(from: Option<&str>, to: Option<&str>) -> ExpectedPair {
        ExpectedPair { from: from.map(String::from), to: to.map(String::from) }
    }

    #[test]
    fn edits_renumber_and_record_the_truth() {
        let d = doc();
        let s = apply(&d, &[
            Edit::Delete { id: "PP1".into() },
            Edit::Insert { kind: ParagraphKind::Operative, before: Some("OP1".into()), text: "重申戊；".into() },
            Edit::Move { id: "OP2".into(), kind: ParagraphKind::Operative, before: Some("OP1".into()) },
            Edit::Split { id: "OP3".into(), at: "决定继续".len() },
        ])
        .unwrap();
        let ids: Vec<(&str, &str)> = s.document.paragraphs.iter().map(|p| (p.id.as_str(), p.text.as_str())).collect();
        assert_eq!(ids, [("PP1", "回顾乙，"), ("OP1", "重申戊；"), ("OP2", "决定丁；"), ("OP3", "决定丙；"), ("OP4", "决定继续"), ("OP5", "处理此事。")]);
        assert_eq!(s.pairs, [
            pair(None, Some("OP1")),
            pair(Some("OP1"), Some("OP3")),
            pair(Some("OP2"), Some("OP2")),
            pair(Some("OP3"), Some("OP4")),
            pair(Some("OP3"), Some("OP5")),
            pair(Some("PP1"), None),
            pair(Some("PP2"), Some("PP1")),
        ]);
        assert_eq!(s.moved, ["OP2"]);
    }

    #[test]
    fn merging_and_bad_scripts() {
        let d = doc();
        let s = apply(&d, &[Edit::Merge { id: "OP1".into(), next: "OP2".into() }]).unwrap();
        assert_eq!(s.document.paragraph("OP1").unwrap().text, "决定丙；决定丁；");
        assert!(s.pairs.contains(&pair(Some("OP2"), Some("OP1"))));
        assert!(apply(&d, &[Edit::Merge { id: "OP1".into(), next: "OP3".into() }]).is_err());
        assert!(apply(&d, &[Edit::Delete { id: "OP9".into() }]).is_err());
        assert!(apply(&d, &[Edit::Split { id: "OP1".into(), at: 0 }]).is_err());
    }
}
