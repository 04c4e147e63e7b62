//! The lineage graph and one series ("chain") as text for people and as JSON.

use super::text::vote_line;
use crate::graph::{EdgeKind, LineageGraph, Node, Series};
use crate::model::{Body, Document, Vote};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct EdgeJson<'a> {
    from: &'a str,
    to: &'a str,
    kind: EdgeKind,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    paragraphs: &'a [String],
}

#[derive(Serialize)]
struct GraphJson<'a> {
    nodes: Vec<&'a Node>,
    edges: Vec<EdgeJson<'a>>,
    series: &'a [Series],
}

fn edges(g: &LineageGraph) -> Vec<EdgeJson<'_>> {
    g.edges()
        .map(|(from, to, e)| EdgeJson { from: &from.symbol, to: &to.symbol, kind: e.kind, paragraphs: &e.paragraphs })
        .collect()
}

/// `graph --format json`: nodes, edges and series, as the contract shapes them.
pub fn graph_json(g: &LineageGraph) -> String {
    super::json::to_string(&GraphJson { nodes: g.nodes().collect(), edges: edges(g), series: &g.series })
}

/// `graph --format text`: the series, then what the graph holds.
pub fn graph_text(g: &LineageGraph) -> String {
    let mut out = String::new();
    let in_corpus = g.nodes().filter(|n| n.in_corpus).count();
    let _ = writeln!(
        out,
        "{} nodes ({} in the corpus, {} only cited), {} edges, {} series",
        g.graph.node_count(),
        in_corpus,
        g.graph.node_count() - in_corpus,
        g.graph.edge_count(),
        g.series.len()
    );
    for s in &g.series {
        let _ = writeln!(out, "\n{} ({})", s.title, s.body.as_str());
        for m in &s.members {
            let Some(n) = g.node(m) else { continue };
            let _ = writeln!(
                out,
                "  {:<22} {:<10} {}",
                n.symbol,
                n.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
                if n.in_corpus { "" } else { "(only cited)" }
            );
        }
        for d in &s.drafts {
            let _ = writeln!(out, "  {d:<22} {:<10} (draft)", "-");
        }
    }
    out
}

#[derive(Serialize)]
struct ChainMember<'a> {
    symbol: &'a str,
    in_corpus: bool,
    title: Option<&'a str>,
    date: Option<crate::model::Date>,
    vote: Option<&'a Vote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    renewal: Option<&'a crate::reader::findings::renewal::Renewal>,
    /// `resolution`, or for the texts after the last adopted one `draft` / `amendment`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sponsors: Option<&'a [String]>,
    /// For a draft, the resolution adopted from it, where the corpus has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    adopted_as: Option<&'a str>,
}

#[derive(Serialize)]
struct ChainJson<'a> {
    title: &'a str,
    body: Body,
    members: Vec<ChainMember<'a>>,
    edges: Vec<EdgeJson<'a>>,
}

fn members<'a>(g: &'a LineageGraph, series: &'a Series, docs: &'a [Document]) -> Vec<ChainMember<'a>> {
    series
        .members
        .iter()
        .filter_map(|m| g.node(m))
        .map(|n| ChainMember {
            symbol: &n.symbol,
            in_corpus: n.in_corpus,
            title: n.title.as_deref(),
            date: n.date,
            vote: docs.iter().find(|d| d.symbol == n.symbol).map(|d| &d.vote),
            renewal: docs.iter().find(|d| d.symbol == n.symbol).and_then(|d| d.renewal.as_ref()),
            kind: "resolution",
            sponsors: None,
            adopted_as: None,
        })
        .chain(series.drafts.iter().filter_map(|m| g.node(m)).map(|n| {
            let doc = docs.iter().find(|d| d.symbol == n.symbol);
            let meta = doc.and_then(|d| d.draft.as_ref());
            ChainMember {
                symbol: &n.symbol,
                in_corpus: n.in_corpus,
                title: n.title.as_deref(),
                date: meta.and_then(|m| m.distributed),
                vote: None,
                renewal: None,
                kind: doc.map_or("draft", |d| d.kind.as_str()),
                sponsors: meta.map(|m| m.sponsors.as_slice()),
                adopted_as: g.adopted_as(&n.symbol),
            }
        }))
        .collect()
}

/// The edges among a series' members only.
fn member_edges<'a>(g: &'a LineageGraph, series: &Series) -> Vec<EdgeJson<'a>> {
    let is_member = |s: &str| series.members.iter().chain(&series.drafts).any(|m| m == s);
    edges(g).into_iter().filter(|e| is_member(e.from) && is_member(e.to)).collect()
}

/// `chain ID --format json`.
pub fn chain_json(g: &LineageGraph, series: &Series, docs: &[Document]) -> String {
    super::json::to_string(&ChainJson {
        title: &series.title,
        body: series.body,
        members: members(g, series, docs),
        edges: member_edges(g, series),
    })
}

/// `chain ID`: the series oldest first, each member with its date and how it was
/// adopted, and how each one cites the others.
pub fn chain_text(g: &LineageGraph, series: &Series, docs: &[Document]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}), {} texts, oldest first\n", series.title, series.body.as_str(), series.members.len());
    let list = members(g, series, docs);
    let mut drafts_said = false;
    // A draft adopted as one of the texts above shows in the links, not among the drafts
    // still under negotiation.
    for m in list.iter().filter(|m| m.adopted_as.is_none()) {
        if m.kind != "resolution" && !drafts_said {
            let _ = writeln!(out, "\n  drafts after the last adopted text:");
            drafts_said = true;
        }
        let vote = match (m.vote, m.kind) {
            (Some(v), _) => vote_line(v),
            (None, "resolution") => "not in the corpus".to_string(),
            (None, kind) => format!(
                "{kind}{}",
                m.sponsors.map_or(String::new(), |s| format!(", {} sponsor{}", s.len(), if s.len() == 1 { "" } else { "s" }))
            ),
        };
        let _ = writeln!(out, "  {:<22} {:<10}  {}", m.symbol, m.date.map_or_else(|| "-".to_string(), |d| d.to_string()), vote);
        if let Some(t) = m.title.filter(|t| !t.is_empty()) {
            let _ = writeln!(out, "  {:<22} {}", "", t);
        }
        if let Some(r) = m.renewal {
            let period = r.period.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
            let _ = writeln!(out, "  {:<22} renews {} until {}{} ({})", "", r.mandate, r.until, period, r.paragraph);
        }
    }
    let edges = member_edges(g, series);
    if !edges.is_empty() {
        let _ = writeln!(out, "\nLinks");
        for e in edges {
            let kind = match e.kind {
                EdgeKind::Cites => "cites",
                EdgeKind::Succeeds => "succeeds",
                EdgeKind::MandatedBy => "was mandated by",
                EdgeKind::Fulfils => "fulfils",
                EdgeKind::AdoptedAs => "was adopted as",
                EdgeKind::Revises => "revises",
                EdgeKind::Amends => "amends",
            };
            let place = if e.paragraphs.is_empty() { String::new() } else { format!(" ({})", e.paragraphs.join(", ")) };
            let _ = writeln!(out, "  {} {} {}{}", e.from, kind, e.to, place);
        }
    }
    out
}
