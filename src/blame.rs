//! Provenance, like `git blame` for a resolution: for every paragraph, where its language
//! first appeared in the series and when it last changed.
//!
//! The series is walked backwards one step at a time, each step a [`diff_documents`] of a
//! text and the one before it: an `unchanged` pair carries the paragraph back unchanged,
//! a `modified` or `moved` one carries it back and records the rewording, an `added` one
//! ends the walk (the paragraph is new there). A predecessor that is not in the corpus
//! (or not in the text's language) ends every walk and is named, so "since 47/23" is
//! never claimed where 41/11 could not be read.

use crate::diff::{DiffOptions, Status, diff_documents};
use crate::graph::LineageGraph;
use crate::model::Document;
use serde::Serialize;

/// Where one paragraph's language comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// The paragraph in the blamed text (`OP1`).
    pub paragraph: String,
    /// The earliest text of the series where it stands, as far as the corpus reaches.
    pub since: String,
    /// Its id there (`PP4`).
    pub since_paragraph: String,
    /// The newest text that changed its wording (`None`: unchanged since `since`).
    pub last_changed: Option<String>,
    /// The paragraph's id in `last_changed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_changed_paragraph: Option<String>,
    /// Every text on the way that changed it (newest first).
    pub changed_in: Vec<String>,
    /// The walk stopped at a predecessor the corpus does not hold: the paragraph may be
    /// older than `since`.
    pub reaches_gap: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Blame {
    pub symbol: String,
    pub title: String,
    /// The texts walked, newest first.
    pub walked: Vec<String>,
    /// The predecessor where the walk had to stop, if any.
    pub gap: Option<String>,
    pub paragraphs: Vec<Provenance>,
}

/// The provenance of every paragraph of `doc`, walking its series in `graph` through the
/// texts of `docs` in `doc`'s language.
pub fn blame(doc: &Document, docs: &[Document], graph: &LineageGraph) -> Blame {
    let members: Vec<String> = graph.series_of(&doc.symbol).map(|s| s.members.clone()).unwrap_or_default();
    let position = members.iter().position(|m| *m == doc.symbol).unwrap_or(0);
    let mut chain: Vec<&Document> = vec![doc];
    let mut gap = None;
    for older in members[..position].iter().rev() {
        match docs.iter().find(|d| d.symbol == *older && d.language == doc.language) {
            Some(d) => chain.push(d),
            None => {
                gap = Some(older.clone());
                break;
            }
        }
    }
    // One diff per step, each from the older text to the newer.
    let steps: Vec<_> = chain.windows(2).map(|w| diff_documents(w[1], w[0], &DiffOptions::default())).collect();
    let steps: Vec<&crate::diff::DocumentDiff> = steps.iter().collect();
    walk(&chain, &steps, gap)
}

/// The provenance of every paragraph of `chain[0]`, given the texts before it (`chain`,
/// newest first, all in one language), the diff of each step (`steps[i]` from
/// `chain[i + 1]` to `chain[i]`) and the predecessor where the walk had to stop.
pub fn walk(chain: &[&Document], steps: &[&crate::diff::DocumentDiff], gap: Option<String>) -> Blame {
    let doc = chain[0];
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let mut here = p.id.clone();
        let mut since = doc.symbol.clone();
        let mut changed_in = Vec::new();
        let mut last_changed_paragraph = None;
        let mut ended = false;
        for (i, step) in steps.iter().enumerate() {
            let (newer, older) = (chain[i], chain[i + 1]);
            let Some(pair) = step.paragraphs.iter().find(|x| x.to.as_deref() == Some(here.as_str())) else {
                ended = true;
                break;
            };
            match (pair.status, &pair.from) {
                (Status::Added, _) | (_, None) => {
                    ended = true;
                    break;
                }
                (status, Some(from)) => {
                    if matches!(status, Status::Modified | Status::Moved) && pair.inline.iter().any(|op| op.op != crate::diff::Op::Equal) {
                        if changed_in.is_empty() {
                            last_changed_paragraph = Some(here.clone());
                        }
                        changed_in.push(newer.symbol.clone());
                    }
                    here = from.clone();
                    since = older.symbol.clone();
                }
            }
        }
        out.push(Provenance {
            paragraph: p.id.clone(),
            since,
            since_paragraph: here,
            last_changed: changed_in.first().cloned(),
            last_changed_paragraph,
            changed_in,
            reaches_gap: !ended && gap.is_some(),
        });
    }
    Blame {
        symbol: doc.symbol.clone(),
        title: doc.title.clone(),
        walked: chain.iter().map(|d| d.symbol.clone()).collect(),
        gap,
        paragraphs: out,
    }
}

/// The line for one paragraph: "OP1: since 47/23 (OP1), unchanged".
pub fn describe(p: &Provenance, blamed: &str) -> String {
    let short = crate::symbol::resolution_number;
    let older = if p.reaches_gap { " or earlier" } else { "" };
    if p.since == blamed {
        return if p.reaches_gap {
            format!("{}: in {}; the text before it is not in the corpus", p.paragraph, short(blamed))
        } else {
            format!("{}: new in {}", p.paragraph, short(blamed))
        };
    }
    let origin = format!("from {} {}{older}", short(&p.since), p.since_paragraph);
    if p.changed_in.is_empty() {
        format!("{}: {origin}, unchanged", p.paragraph)
    } else {
        let all: Vec<String> = p.changed_in.iter().rev().map(|s| short(s)).collect();
        format!("{}: {origin}, reworded in {}", p.paragraph, all.join(", "))
    }
}
