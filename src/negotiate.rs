//! The comparisons of a negotiation: a draft against the latest adopted text of its
//! series, a draft with an amendment's edits applied, a draft against the resolution
//! adopted from it. Each gives the pair of documents the diff then compares.

use crate::diff::scripted::{self, Edit};
use crate::graph::LineageGraph;
use crate::model::{DocKind, Document, EditAction, ParagraphKind, TextAnchor};
use crate::text::is_cjk;
use std::borrow::Cow;

/// The two texts `lineage diff` compares, and what it should say about them.
#[derive(Debug)]
pub struct Pair<'a> {
    pub old: Cow<'a, Document>,
    pub new: Cow<'a, Document>,
    /// Notes for the reader: which text was chosen, an edit that could not be applied.
    pub notes: Vec<String>,
}

/// Why there is nothing to compare.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NoComparison {
    #[error("{0} is not a draft: `lineage diff ID` with one document takes a draft and compares it with the latest adopted text of its series")]
    NotADraft(String),
    #[error("{0} follows no adopted text in the corpus (none of its series, in its language, from before it); name the text to compare it with: `lineage diff RESOLUTION {0}`")]
    NoPredecessor(String),
}

/// `lineage diff DRAFT`: the latest adopted text of the draft's series, then the draft.
pub fn against_adopted<'a>(draft: &'a Document, docs: &'a [Document], graph: &LineageGraph) -> Result<Pair<'a>, NoComparison> {
    if !matches!(draft.kind, DocKind::Draft) {
        return Err(NoComparison::NotADraft(draft.symbol.clone()));
    }
    let series = graph.series_of(&draft.symbol).ok_or_else(|| NoComparison::NoPredecessor(draft.symbol.clone()))?;
    // The text the draft follows on from: not the resolution adopted from it, nor one of
    // a later session (a past year's draft read beside the texts that came after it).
    let adopted_from_it = graph.adopted_as(&draft.symbol);
    let before_draft = |d: &Document| match (d.session, draft.session) {
        (Some(s), Some(t)) if d.body == draft.body => s < t,
        _ => match (d.adopted, draft.draft.as_ref().and_then(|m| m.distributed)) {
            (Some(a), Some(b)) => a < b,
            _ => true,
        },
    };
    let adopted = series
        .members
        .iter()
        .rev()
        .filter(|m| Some(m.as_str()) != adopted_from_it)
        .find_map(|m| {
            docs.iter().find(|d| &d.symbol == m && d.language == draft.language && d.kind == DocKind::Resolution && before_draft(d))
        })
        .ok_or_else(|| NoComparison::NoPredecessor(draft.symbol.clone()))?;
    Ok(Pair {
        old: Cow::Borrowed(adopted),
        new: Cow::Borrowed(draft),
        notes: vec![format!("{} against {}, the latest adopted text of its series", draft.symbol, adopted.symbol)],
    })
}

/// `lineage diff A B`: where B amends A (or a revision of A), A against A with B's edits
/// applied; otherwise A against B as they are.
pub fn pair<'a>(a: &'a Document, b: &'a Document) -> Pair<'a> {
    let amends = b.draft.as_ref().and_then(|m| m.amends.as_deref());
    if b.kind == DocKind::Amendment && amends.is_some_and(|t| same_draft(t, &a.symbol)) {
        let mut notes = Vec::new();
        if amends != Some(a.symbol.as_str()) {
            notes.push(format!("{} amends {}; its edits are applied to {}", b.symbol, amends.unwrap_or_default(), a.symbol));
        }
        let (amended, unapplied) = apply_amendment(a, b);
        notes.extend(unapplied);
        return Pair { old: Cow::Borrowed(a), new: Cow::Owned(amended), notes };
    }
    Pair { old: Cow::Borrowed(a), new: Cow::Borrowed(b), notes: Vec::new() }
}

/// `A/C.3/80/L.20/Rev.1` and `A/C.3/80/L.20` are one draft for an amendment's purpose.
fn same_draft(x: &str, y: &str) -> bool {
    let base = |s: &str| s.rsplit_once("/Rev.").map_or(s, |(b, _)| b).to_string();
    x == y || base(x) == base(y)
}

/// `draft` with `amendment`'s edits applied (renumbered as a drafter would), and a note
/// for each edit that could not be applied (a paragraph or a phrase not found).
pub fn apply_amendment(draft: &Document, amendment: &Document) -> (Document, Vec<String>) {
    let mut notes = Vec::new();
    let mut work = draft.clone();
    let mut script: Vec<Edit> = Vec::new();
    let edits = amendment.draft.as_ref().map(|m| m.edits.as_slice()).unwrap_or_default();
    for edit in edits {
        let missing = |what: &str| format!("{}: {what}; the edit is not applied (“{}”)", amendment.symbol, short(&edit.instruction));
        match &edit.action {
            EditAction::ReplaceText { paragraph, find, text } => {
                if !edit_text(&mut work, paragraph, find, |t, at, len| t.replace_range(at..at + len, text)) {
                    notes.push(missing(&format!("“{}” is not in {paragraph}", short(find))));
                }
            }
            EditAction::DeleteText { paragraph, find } => {
                if !edit_text(&mut work, paragraph, find, |t, at, len| {
                    t.replace_range(at..at + len, "");
                    tidy_spaces(t);
                }) {
                    notes.push(missing(&format!("“{}” is not in {paragraph}", short(find))));
                }
            }
            EditAction::InsertText { paragraph, anchor, text } => {
                let ok = match anchor {
                    TextAnchor::After(find) => edit_text(&mut work, paragraph, find, |t, at, len| {
                        t.insert_str(at + len, &joined(&t[..at + len], text));
                    }),
                    TextAnchor::Before(find) => edit_text(&mut work, paragraph, find, |t, at, _| {
                        let space = if text.chars().next_back().is_some_and(is_cjk) || t[at..].starts_with(is_cjk) { "" } else { " " };
                        t.insert_str(at, &format!("{}{space}", text.trim_end()));
                    }),
                    TextAnchor::AtEnd => match work.paragraphs.iter_mut().find(|p| &p.id == paragraph) {
                        Some(p) => {
                            let end = p.text.trim_end_matches([',', ';', '.', '，', '；', '。']).len();
                            let addition = joined(&p.text[..end], text);
                            p.text.insert_str(end, &addition);
                            true
                        }
                        None => false,
                    },
                };
                if !ok {
                    notes.push(missing(&format!("the place in {paragraph} is not found")));
                }
            }
            EditAction::DeleteParagraph { paragraph } => script.push(Edit::Delete { id: paragraph.clone() }),
            EditAction::ReplaceParagraph { paragraph, text } => script.push(Edit::Reword { id: paragraph.clone(), text: text.clone() }),
            EditAction::InsertParagraph { kind, after, before, text } => {
                let before = before.clone().or_else(|| after.as_ref().and_then(|a| next_of_kind(draft, a, *kind)));
                script.push(Edit::Insert { kind: *kind, before, text: text.clone() });
            }
            EditAction::Unread => notes.push(missing("the instruction could not be read")),
        }
    }
    // Paragraph edits name the draft's own numbers; the script applies them all at once.
    let mut applied = work.clone();
    let mut pending = script;
    loop {
        match scripted::apply(&work, &pending) {
            Ok(s) => {
                applied = s.document;
                break;
            }
            Err(e) => {
                notes.push(format!("{}: {}", amendment.symbol, e.reason));
                if e.index < pending.len() {
                    pending.remove(e.index);
                } else {
                    break;
                }
            }
        }
    }
    applied.symbol = format!("{} as amended by {}", draft.symbol, amendment.symbol);
    crate::reader::find_again(&mut applied);
    (applied, notes)
}

/// The id of the first paragraph of `kind` after `after` in the draft, where a new
/// paragraph "after `after`" goes; `None` puts it last of its kind.
fn next_of_kind(draft: &Document, after: &str, kind: ParagraphKind) -> Option<String> {
    let at = draft.paragraphs.iter().position(|p| p.id == after)?;
    draft.paragraphs[at + 1..].iter().find(|p| p.kind == kind).map(|p| p.id.clone())
}

/// Runs `change(text, at, len)` on the first place `find` stands in paragraph `id`
/// (its text, then its items); whether it was found. Footnote marks printed in the
/// instruction ("Court*") are not in the draft's text, so they are tried without.
fn edit_text(doc: &mut Document, id: &str, find: &str, change: impl Fn(&mut String, usize, usize)) -> bool {
    let Some(p) = doc.paragraphs.iter_mut().find(|p| p.id == id) else { return false };
    let plain: String = find.chars().filter(|c| !matches!(c, '*' | '†' | '‡')).collect();
    for wanted in [find, plain.as_str()] {
        if let Some(at) = p.text.find(wanted) {
            change(&mut p.text, at, wanted.len());
            return true;
        }
        for item in &mut p.items {
            if let Some(at) = item.text.find(wanted) {
                change(&mut item.text, at, wanted.len());
                return true;
            }
        }
    }
    false
}

/// The inserted words with the space they need after `before`.
fn joined(before: &str, text: &str) -> String {
    let cjk_edge = before.chars().next_back().is_some_and(is_cjk) || text.chars().next().is_some_and(is_cjk);
    if cjk_edge || text.starts_with([',', ';', '.', ')']) || before.ends_with(' ') { text.to_string() } else { format!(" {text}") }
}


fn tidy_spaces(text: &mut String) {
    while let Some(at) = text.find("  ") {
        text.replace_range(at..at + 2, " ");
    }
    for punct in [" ,", " ;", " ."] {
        while let Some(at) = text.find(punct) {
            text.replace_range(at..at + 1, "");
        }
    }
    *text = text.trim().to_string();
}

fn short(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// How much of one real draft `lineage draft PREDECESSOR` wrote for its drafters.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DraftingSupport {
    pub draft: String,
    pub predecessor: String,
    /// The draft's preambular and operative paragraphs.
    pub paragraphs: usize,
    /// Those that the next draft of the predecessor gives word for word.
    pub produced: usize,
    /// Ids of the draft's paragraphs that the next draft did not give word for word.
    pub missed: Vec<String>,
}

/// For each committee draft of `docs` whose series has an adopted text in `docs`: how many
/// of its paragraphs `lineage draft PREDECESSOR` gave exactly (spaces aside).
pub fn drafting_support(docs: &[Document], graph: &LineageGraph) -> Vec<DraftingSupport> {
    let mut rows = Vec::new();
    for draft in docs.iter().filter(|d| d.kind == DocKind::Draft && d.symbol.starts_with("A/C.")) {
        let Ok(pair) = against_adopted(draft, docs, graph) else { continue };
        let predecessor = pair.old.as_ref();
        let mandates = crate::mandates::track(docs, graph, draft.draft.as_ref().and_then(|m| m.distributed).unwrap_or_else(crate::model::Date::today), Some(&predecessor.symbol));
        let next = crate::draft::next_draft(predecessor, graph, &mandates);
        let written: std::collections::HashSet<String> = next
            .paragraphs
            .iter()
            .map(|p| {
                let mut s = p.text.clone();
                for (label, text) in &p.items {
                    s.push_str(&format!("\n({label}) {text}"));
                }
                spaced(&s)
            })
            .collect();
        let ours: Vec<&crate::model::Paragraph> =
            draft.paragraphs.iter().filter(|p| matches!(p.kind, ParagraphKind::Preambular | ParagraphKind::Operative)).collect();
        let missed: Vec<String> = ours.iter().filter(|p| !written.contains(&spaced(&p.full_text()))).map(|p| p.id.clone()).collect();
        rows.push(DraftingSupport {
            draft: draft.symbol.clone(),
            predecessor: predecessor.symbol.clone(),
            paragraphs: ours.len(),
            produced: ours.len() - missed.len(),
            missed,
        });
    }
    rows
}

fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
