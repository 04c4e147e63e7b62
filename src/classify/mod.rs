//! Findings read from a document's paragraphs: the voting record (with country names
//! resolved through the gazetteer), the rights the text names and the requests it makes.

pub mod countries;
pub mod renewal;
pub mod requests;
pub mod rights;
pub mod sc_members;
pub mod sc_vote;
pub mod vote;

use crate::model::Document;

/// Fills in the findings that are read from a finished document's paragraphs: the
/// rights it names and the requests it makes.
pub fn annotate(doc: &mut Document) {
    doc.rights = rights::find_rights(doc);
    doc.requests = requests::find_requests(doc);
    doc.renewal = renewal::find_renewal(doc);
}
