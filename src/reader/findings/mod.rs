//! Findings read from a document's paragraphs: the voting record (with country names
//! resolved through the gazetteer), the rights the text names and the requests it makes.

pub mod membership;
pub mod renewal;
pub mod requests;
pub mod rights;
pub mod sc_vote;
pub mod vote;

use crate::model::{Body, Diagnostic, Document, ParagraphKind, Vote};

/// Fills in the findings that are read from a finished document: the vote its voting
/// block states, the rights it names and the requests it makes.
pub fn annotate(doc: &mut Document) {
    if let Some(block) = doc.vote.text.take() {
        let (vote, warnings) = if doc.body == Body::SC { council_vote(doc, &block) } else { vote::parse_vote(&block) };
        let line = doc.vote_lines.map(|span| span.first);
        doc.diagnostics.extend(warnings.into_iter().map(|message| Diagnostic { line, message }));
        doc.vote = vote;
    }
    annotate_paragraphs(doc);
}

/// Compiles, ahead of need, what finding the vote, rights and requests of a text in
/// `language` nearly always uses, the last stage first (see [`crate::reader::Preparation`]).
pub fn prepare(language: crate::model::Language) {
    requests::prepare(language);
    rights::prepare(language);
    vote::prepare(language);
}

/// What the paragraphs say: rights, requests, a mandate's renewal.
pub fn annotate_paragraphs(doc: &mut Document) {
    doc.rights = rights::find_rights(doc);
    doc.requests = requests::find_requests(doc);
    doc.renewal = renewal::find_renewal(doc);
}

/// A Security Council vote, with the notes on it that the Council prints in the
/// footnotes after the statement ("One member (China) did not participate …").
fn council_vote(doc: &Document, block: &str) -> (Vote, Vec<String>) {
    let after = doc.vote_lines.map_or(0, |span| span.last);
    let candidates: Vec<String> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Unnumbered && p.lines.first > after)
        .map(|p| p.text.clone())
        .chain(doc.footnotes.iter().filter(|f| f.lines.first > after).map(|f| format!("{} {}", f.mark, f.text)))
        .collect();
    let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let notes = sc_vote::vote_notes(block, &candidates);
    sc_vote::parse_sc_vote(block, &notes, doc.adopted)
}
