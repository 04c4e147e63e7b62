//! Outlines: a document with only what a command over the whole corpus reads of it, so
//! that `list` and `graph` hold 100,000 texts in memory without their paragraphs.
//!
//! An outline is a [`Document`] (the analyses take documents, and one type keeps one
//! builder): the fields a shape does not keep are empty. It is made on the reading
//! threads, so that a whole document lives only while its file is being read, and the
//! index stores the [`Outline::Links`] outline of each document beside its model.
//!
//! What each shape keeps is what its readers read, and nothing is dropped silently from
//! what they print: `render::text::list`/`render::json::list` read the header fields;
//! `graph::LineageGraph::build`, `mandates::link_fulfilments` and
//! `corpus::recorded::attach` read the header (with the vote's counts), the references
//! (without their verbs), the own requests (without their wording), the renewal, the
//! draft's metadata, a resolution's masthead lines naming a draft, the paragraphs that
//! cite a document (a report is found by the words around its citation) and where the
//! footnotes citing one stand, and, for a committee draft, every paragraph, compared with
//! those of the resolutions of its session ([`restore_for_drafts`]).

use crate::error::Error;
use crate::model::{DocKind, Document, Footnote, Reference, ReferenceKind, Request, Source, Vote};
use std::collections::HashSet;

/// How much of a document to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    /// The header: symbol, body, kind, language, title, session, dates, vote, source.
    Listing,
    /// The header and what the lineage graph and its `fulfils` edges read.
    Links,
}

impl Outline {
    /// The outline of `doc`.
    pub fn of(self, doc: &Document) -> Document {
        let header = Document {
            symbol: doc.symbol.clone(),
            symbol_source: doc.symbol_source,
            body: doc.body,
            kind: doc.kind,
            language: doc.language,
            title: doc.title.clone(),
            session: doc.session,
            agenda_item: doc.agenda_item.clone(),
            adopted: doc.adopted,
            meeting: doc.meeting,
            mandated_by: doc.mandated_by.clone(),
            paragraphs: Vec::new(),
            footnotes: Vec::new(),
            // The counts: the lists of States and the printed block are the votes' and
            // the chain's business, which read whole documents.
            vote: Vote { method: doc.vote.method, yes: doc.vote.yes, no: doc.vote.no, abstain: doc.vote.abstain, ..Vote::unknown() },
            vote_lines: doc.vote_lines,
            references: Vec::new(),
            requests: Vec::new(),
            rights: Vec::new(),
            renewal: None,
            headings: Vec::new(),
            front_matter: Vec::new(),
            formula: Vec::new(),
            dropped: Vec::new(),
            diagnostics: Vec::new(),
            source: Source { path: doc.source.path.clone(), encoding: doc.source.encoding.clone(), lines: doc.source.lines },
            draft: None,
        };
        match self {
            Outline::Listing => header,
            Outline::Links => Document {
                paragraphs: linked_paragraphs(doc),
                footnotes: exact(
                    doc.footnotes
                        .iter()
                        .filter(|f| cited_documents(doc).any(|p| p.strip_prefix("FN") == Some(&f.mark)))
                        .map(|f| Footnote { mark: f.mark.clone(), text: String::new(), paragraph: f.paragraph.clone(), lines: f.lines })
                        .collect(),
                ),
                references: doc.references.iter().map(|r| Reference { item: None, verb: None, ..r.clone() }).collect(),
                // Own requests, without their wording: which paragraph asks for what, when.
                requests: exact(
                    doc.requests
                        .iter()
                        .filter(|r| r.is_own_request())
                        .map(|r| Request { addressee_text: String::new(), action: String::new(), ..r.clone() })
                        .collect(),
                ),
                renewal: doc.renewal.clone(),
                // A resolution's masthead line naming its plenary draft (`(A/79/L.2)`).
                front_matter: if doc.kind == DocKind::Resolution {
                    exact(doc.front_matter.iter().filter(|l| l.text.contains("/L.")).cloned().collect())
                } else {
                    Vec::new()
                },
                draft: doc.draft.clone(),
                ..header
            },
        }
    }
}

/// A committee draft's paragraphs, all of them; another text's, those that cite a
/// document (directly or by a footnote), their text without items.
fn linked_paragraphs(doc: &Document) -> Vec<crate::model::Paragraph> {
    if doc.kind == DocKind::Draft {
        return doc.paragraphs.clone();
    }
    let mut cited: HashSet<&str> = HashSet::new();
    for paragraph in cited_documents(doc) {
        match paragraph.strip_prefix("FN") {
            Some(mark) => cited.extend(doc.footnotes.iter().filter(|f| f.mark == mark).filter_map(|f| f.paragraph.as_deref())),
            None => {
                cited.insert(paragraph);
            }
        }
    }
    exact(
        doc.paragraphs
            .iter()
            .filter(|p| cited.contains(p.id.as_str()))
            .map(|p| crate::model::Paragraph { items: Vec::new(), footnote_marks: Vec::new(), ..p.clone() })
            .collect(),
    )
}

/// `list` without the room a growing list keeps: 100,000 outlines hold many lists.
fn exact<T>(mut list: Vec<T>) -> Vec<T> {
    list.shrink_to_fit();
    list
}

/// Where `doc` cites a document (a report): `OP3`, or `FN2` for a footnote.
fn cited_documents(doc: &Document) -> impl Iterator<Item = &str> {
    doc.references.iter().filter(|r| r.kind == ReferenceKind::Document).map(|r| r.paragraph.as_str())
}

/// Give back their paragraphs to the resolutions a committee draft among `docs` may have
/// been adopted as (same body, session and language: the graph compares the texts of
/// those with the draft's), each whole document fetched by `whole`.
pub fn restore_for_drafts(docs: &mut [Document], whole: impl Fn(&Document) -> Result<Document, Error>) -> Vec<String> {
    let mut warnings = Vec::new();
    let sessions: HashSet<_> =
        docs.iter().filter(|d| d.kind == DocKind::Draft).map(|d| (d.body, d.session, d.language)).collect();
    if sessions.is_empty() {
        return warnings;
    }
    for doc in docs.iter_mut() {
        if doc.kind == DocKind::Resolution && sessions.contains(&(doc.body, doc.session, doc.language)) {
            // A file gone or changed since it was read: the rest of the graph stands, and
            // the user is told which text the drafts were not compared with.
            match whole(doc) {
                Ok(read) => doc.paragraphs = read.paragraphs,
                Err(e) => warnings.push(format!("{e}; {} is not compared with the drafts of its session", doc.symbol)),
            }
        }
    }
    warnings
}
