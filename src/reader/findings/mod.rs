//! Findings read from a document's paragraphs: the voting record (with country names
//! resolved through the gazetteer), the rights the text names and the requests it makes.

pub mod countries;
pub mod membership;
pub mod requests;
pub mod rights;
pub mod vote;

use crate::model::{Diagnostic, Document};

/// Fills in the findings that are read from a finished document: the vote its voting
/// block states, the rights it names and the requests it makes.
pub fn annotate(doc: &mut Document) {
    if let Some(block) = doc.vote.text.take() {
        let (vote, warnings) = vote::parse_vote(&block);
        let line = doc.vote_lines.map(|span| span.first);
        doc.diagnostics.extend(warnings.into_iter().map(|message| Diagnostic { line, message }));
        doc.vote = vote;
    }
    doc.rights = rights::find_rights(doc);
    doc.requests = requests::find_requests(doc);
}
