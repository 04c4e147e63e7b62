//! Mandate tracking: every request a resolution makes in its own name, the sessions it is
//! due at, and the document that answered it where the corpus knows one.
//!
//! A report answers a request when
//! - it is in the corpus and names the resolution that mandated it (A/HRC/44/24 ← 38/11),
//!   and its session is one the request named (or the request named none); or
//! - a later resolution of the same series (or one citing the requesting resolution) cites
//!   it as a report, and its symbol is a document of the body and session the request
//!   named (53/29 takes note of A/HRC/50/56 and A/HRC/53/42, the reports 47/23 OP3 asked
//!   for at the fiftieth and fifty-third sessions).
//!
//! A deadline with no such report is `due` until its session is over and `overdue` after,
//! judged against a date the caller gives (today, for people; a fixed date in tests).

use crate::reader::findings::requests::{Addressee, Deliverable, Request};
use crate::graph::LineageGraph;
use crate::model::{Body, Date, DocKind, Document, ReferenceKind};
use crate::symbol::{report_session, session_end, session_of};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A report answering it is known.
    Fulfilled,
    /// Its session has not ended.
    Due,
    /// Its session has ended and no report answering it is known.
    Overdue,
    /// The request names no session.
    Open,
}

/// One session a request is due at, and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    pub body: Body,
    /// `None` for a request that names no session.
    pub session: Option<u32>,
    pub status: Status,
    /// The documents that answered it.
    pub fulfilled_by: Vec<String>,
    /// How each answer was found: "A/HRC/RES/53/29 PP10 cites it", "it names the
    /// resolution that mandated it".
    pub evidence: Vec<String>,
}

/// A request of a resolution in the corpus, with its deadlines.
#[derive(Debug, Clone, Serialize)]
pub struct Mandate {
    pub resolution: String,
    pub adopted: Option<crate::model::Date>,
    pub paragraph: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub addressee: Addressee,
    pub action: String,
    pub deliverables: Vec<Deliverable>,
    pub deadlines: Vec<Deadline>,
}

/// A report that answers a request: the graph's `fulfils` edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fulfilment {
    pub report: String,
    pub resolution: String,
    pub paragraph: String,
    pub session: Option<u32>,
    pub evidence: String,
}

/// How many later texts of a series are searched for the reports a request asked for.
const LATER_TEXTS: usize = 3;

/// Deliverables that arrive as a document.
fn asks_for_a_document(r: &Request) -> bool {
    r.deliverables.iter().any(|d| matches!(d, Deliverable::Report | Deliverable::Study))
}

/// Whether a paragraph speaks of a report ("报告", "report", "study").
fn speaks_of_a_report(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.contains("报告") || text.contains("研究") || lower.contains("report") || lower.contains("study")
}

/// The text of the paragraph that holds a reference: for a footnote, the paragraph that
/// cites the footnote.
fn citing_text<'a>(doc: &'a Document, paragraph: &str) -> Option<&'a str> {
    let id = match paragraph.strip_prefix("FN") {
        Some(mark) => doc.footnotes.iter().find(|f| f.mark == mark)?.paragraph.as_deref()?,
        None => paragraph,
    };
    doc.paragraph(id).map(|p| p.text.as_str())
}

/// Where a reference stands, for people: `PP10`, or `PP10, footnote 1` for a footnote.
fn place(doc: &Document, paragraph: &str) -> String {
    match paragraph.strip_prefix("FN") {
        Some(mark) => match doc.footnotes.iter().find(|f| f.mark == mark).and_then(|f| f.paragraph.as_deref()) {
            Some(anchor) => format!("{anchor}, footnote {mark}"),
            None => format!("footnote {mark}"),
        },
        None => paragraph.to_string(),
    }
}

/// Add to `graph` a `fulfils` edge for every report found to answer a request (see
/// [`fulfilments`]); the graph itself knows nothing of requests.
pub fn link_fulfilments(docs: &[Document], graph: &mut LineageGraph) {
    for f in fulfilments(docs, graph) {
        graph.add_fulfilment(&f.report, &f.resolution, &f.paragraph);
    }
}

/// Every report the corpus shows answering a request, for the graph's `fulfils` edges.
pub fn fulfilments(docs: &[Document], graph: &LineageGraph) -> Vec<Fulfilment> {
    use std::collections::HashMap;
    // Indexes, so that the work grows with the links, not with texts × texts.
    let mut mandated: HashMap<&str, Vec<&Document>> = HashMap::new();
    let mut citing: HashMap<&str, Vec<&Document>> = HashMap::new();
    let mut by_symbol: HashMap<&str, Vec<&Document>> = HashMap::new();
    for d in docs {
        if let Some(m) = d.mandated_by.as_deref() {
            mandated.entry(m).or_default().push(d);
        }
        by_symbol.entry(d.symbol.as_str()).or_default().push(d);
        if d.kind == DocKind::Resolution {
            let mut targets: Vec<&str> = d.references.iter().map(|r| r.target.as_str()).collect();
            targets.sort_unstable();
            targets.dedup();
            for t in targets {
                citing.entry(t).or_default().push(d);
            }
        }
    }
    let mut out: Vec<Fulfilment> = Vec::new();
    for requester in docs.iter().filter(|d| d.kind == DocKind::Resolution) {
        let own: Vec<&Request> = requester.requests.iter().filter(|r| r.is_own_request() && asks_for_a_document(r)).collect();
        if own.is_empty() {
            continue;
        }
        // Later texts of the series, and texts citing the requester.
        let mut later: Vec<&Document> = Vec::new();
        if let Some(s) = graph.series_of(&requester.symbol)
            && let Some(at) = s.members.iter().position(|m| *m == requester.symbol)
        {
            // The texts that take note of a report come within a few sessions of the
            // request; looking further would make long series quadratic.
            for m in s.members[at + 1..].iter().take(LATER_TEXTS) {
                later.extend(by_symbol.get(m.as_str()).into_iter().flatten().copied());
            }
        }
        later.extend(citing.get(requester.symbol.as_str()).into_iter().flatten().copied());
        later.retain(|d| d.kind == DocKind::Resolution && d.symbol != requester.symbol);
        for request in own {
            let wanted: Vec<(Body, u32)> = request.due.iter().map(|d| (d.body, d.session)).collect();
            // Reports in the corpus that name this resolution as their mandate.
            for report in mandated.get(requester.symbol.as_str()).into_iter().flatten() {
                let session = report.session.or_else(|| session_of(&report.symbol));
                let fits = wanted.is_empty() || session.is_some_and(|s| wanted.iter().any(|&(_, w)| w == s));
                if fits {
                    out.push(Fulfilment {
                        report: report.symbol.clone(),
                        resolution: requester.symbol.clone(),
                        paragraph: request.paragraph.clone(),
                        session,
                        evidence: format!("{} names {} as its mandate", report.symbol, requester.symbol),
                    });
                }
            }
            if wanted.is_empty() {
                continue;
            }
            // Reports of the right body and session cited by a later text.
            for later in &later {
                for reference in later.references.iter().filter(|r| r.kind == ReferenceKind::Document) {
                    let Some((body, session)) = report_session(&reference.target) else { continue };
                    if !wanted.contains(&(body, session)) {
                        continue;
                    }
                    if !citing_text(later, &reference.paragraph).is_some_and(speaks_of_a_report) {
                        continue;
                    }
                    out.push(Fulfilment {
                        report: reference.target.clone(),
                        resolution: requester.symbol.clone(),
                        paragraph: request.paragraph.clone(),
                        session: Some(session),
                        evidence: format!("{} {} cites it as a report", later.symbol, place(later, &reference.paragraph)),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.resolution, &a.paragraph, &a.report).cmp(&(&b.resolution, &b.paragraph, &b.report)));
    out.dedup_by(|a, b| a.resolution == b.resolution && a.paragraph == b.paragraph && a.report == b.report);
    out
}


/// Every own request of `docs` (or of the one resolution `only`), with the status of each
/// deadline as of `as_of` (an ISO date).
pub fn track(docs: &[Document], graph: &LineageGraph, as_of: Date, only: Option<&str>) -> Vec<Mandate> {
    let answers = fulfilments(docs, graph);
    let mut out = Vec::new();
    for doc in docs.iter().filter(|d| d.kind == DocKind::Resolution && only.is_none_or(|s| s == d.symbol)) {
        for request in doc.requests.iter().filter(|r| r.is_own_request()) {
            let mut sessions: Vec<(Body, Option<u32>)> = request.due.iter().map(|d| (d.body, Some(d.session))).collect();
            if sessions.is_empty() {
                sessions.push((doc.body, None));
            }
            let deadlines = sessions
                .into_iter()
                .map(|(body, session)| {
                    let found: Vec<&Fulfilment> = answers
                        .iter()
                        .filter(|f| f.resolution == doc.symbol && f.paragraph == request.paragraph)
                        .filter(|f| session.is_none() || f.session.is_none() || f.session == session)
                        .collect();
                    let status = if !found.is_empty() {
                        Status::Fulfilled
                    } else {
                        match session.and_then(|s| session_end(body, s)) {
                            None if session.is_none() => Status::Open,
                            Some(end) if end < as_of => Status::Overdue,
                            _ => Status::Due,
                        }
                    };
                    Deadline {
                        body,
                        session,
                        status,
                        fulfilled_by: found.iter().map(|f| f.report.clone()).collect(),
                        evidence: found.iter().map(|f| f.evidence.clone()).collect(),
                    }
                })
                .collect();
            out.push(Mandate {
                resolution: doc.symbol.clone(),
                adopted: doc.adopted,
                paragraph: request.paragraph.clone(),
                item: request.item.clone(),
                addressee: request.addressee,
                action: request.action.clone(),
                deliverables: request.deliverables.clone(),
                deadlines,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ends() {
        assert_eq!(session_end(Body::HRC, 50).map(|d| d.to_string()).as_deref(), Some("2022-07-15"));
        assert_eq!(session_end(Body::HRC, 53).map(|d| d.to_string()).as_deref(), Some("2023-07-15"));
        assert_eq!(session_end(Body::HRC, 52).map(|d| d.to_string()).as_deref(), Some("2023-04-15"));
        assert_eq!(session_end(Body::HRC, 54).map(|d| d.to_string()).as_deref(), Some("2023-10-15"));
        assert_eq!(session_end(Body::GA, 79).map(|d| d.to_string()).as_deref(), Some("2024-12-31"));
        assert_eq!(session_end(Body::SC, 1), None);
    }

    #[test]
    fn report_symbols() {
        assert_eq!(report_session("A/HRC/50/56"), Some((Body::HRC, 50)));
        assert_eq!(report_session("A/77/463/Add.2"), Some((Body::GA, 77)));
        assert_eq!(report_session("A/HRC/RES/47/23"), None);
        assert_eq!(report_session("CCPR/C/120/D/2142/2012"), None);
    }
}
