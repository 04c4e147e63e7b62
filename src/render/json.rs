//! JSON wire shapes, kept apart from the domain types so that the contract's field names
//! are visible in one place.

use crate::reader::findings::requests::Request;
use crate::reader::findings::rights::RightFinding;
use crate::model::*;
use serde::Serialize;

#[derive(Serialize)]
pub struct ListEntry<'a> {
    pub symbol: &'a str,
    pub symbol_source: SymbolSource,
    pub body: Body,
    pub kind: DocKind,
    pub language: Language,
    pub adopted: Option<crate::model::Date>,
    pub session: Option<u32>,
    pub title: &'a str,
    pub path: &'a str,
}

pub fn list(docs: &[Document]) -> String {
    let entries: Vec<ListEntry> = docs
        .iter()
        .map(|d| ListEntry {
            symbol: &d.symbol,
            symbol_source: d.symbol_source,
            body: d.body,
            kind: d.kind,
            language: d.language,
            adopted: d.adopted,
            session: d.session,
            title: &d.title,
            path: &d.source.path,
        })
        .collect();
    to_string(&entries)
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    symbol: &'a str,
    symbol_source: SymbolSource,
    body: Body,
    kind: DocKind,
    language: Language,
    title: &'a str,
    session: Option<u32>,
    agenda_item: Option<&'a str>,
    adopted: Option<crate::model::Date>,
    meeting: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mandated_by: Option<&'a str>,
    paragraphs: &'a [Paragraph],
    footnotes: &'a [Footnote],
    vote: &'a Vote,
    references: &'a [Reference],
    requests: &'a [Request],
    rights: &'a [RightFinding],
    #[serde(skip_serializing_if = "Option::is_none")]
    renewal: Option<&'a crate::reader::findings::renewal::Renewal>,
    headings: &'a [Heading],
    diagnostics: &'a [Diagnostic],
    source: &'a Source,
    /// A draft's or an amendment's `sponsors`, `committee`, `amends`, `revises`, `edits`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    draft: Option<&'a DraftMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<Account<'a>>,
}

#[derive(Serialize)]
struct Account<'a> {
    front_matter: &'a [MetaLine],
    formula: &'a [MetaLine],
    #[serde(skip_serializing_if = "Option::is_none")]
    vote_lines: Option<crate::model::LineSpan>,
    dropped: &'a [Dropped],
}

/// `show --format json`; with `dropped`, the account of masthead, formula and dropped lines.
pub fn document(d: &Document, dropped: bool) -> String {
    let view = DocumentJson {
        symbol: &d.symbol,
        symbol_source: d.symbol_source,
        body: d.body,
        kind: d.kind,
        language: d.language,
        title: &d.title,
        session: d.session,
        agenda_item: d.agenda_item.as_deref(),
        adopted: d.adopted,
        meeting: d.meeting,
        mandated_by: d.mandated_by.as_deref(),
        paragraphs: &d.paragraphs,
        footnotes: &d.footnotes,
        vote: &d.vote,
        references: &d.references,
        requests: &d.requests,
        rights: &d.rights,
        renewal: d.renewal.as_ref(),
        headings: &d.headings,
        diagnostics: &d.diagnostics,
        source: &d.source,
        draft: d.draft.as_ref(),
        account: dropped.then_some(Account {
            front_matter: &d.front_matter,
            formula: &d.formula,
            vote_lines: d.vote_lines,
            dropped: &d.dropped,
        }),
    };
    to_string(&view)
}

pub(crate) fn to_string<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("model values always serialise");
    s.push('\n');
    s
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    hits: &'a [crate::corpus::index::Hit],
}

/// `search --format json`.
pub fn search(query: &str, hits: &[crate::corpus::index::Hit]) -> String {
    to_string(&SearchJson { query, hits })
}

#[derive(Serialize)]
struct MandatesJson<'a> {
    as_of: crate::model::Date,
    mandates: &'a [crate::mandates::Mandate],
}

/// `mandates --format json`.
pub fn mandates(mandates: &[crate::mandates::Mandate], as_of: crate::model::Date) -> String {
    to_string(&MandatesJson { as_of, mandates })
}

/// `draft --format json`.
pub fn draft(draft: &crate::draft::Draft) -> String {
    to_string(draft)
}

/// `diff --format json`: the diff as the contract shapes it.
pub fn diff(d: &crate::diff::DocumentDiff) -> String {
    to_string(d)
}
