//! The lineage graph: a node per resolution or document (in the corpus, or only cited by
//! it), edges for citations, series order, mandates and fulfilled requests, and the series
//! of resolutions on one subject.
//!
//! ```
//! use std::path::Path;
//! use lineage::graph::LineageGraph;
//! let old = "人权理事会\n\n41/11. 新的和新兴的数字技术与人权\n\n人权理事会，\n\n\
//!            遵循《联合国宪章》的宗旨和原则，\n\n1. 决定继续处理此事。\n";
//! let new = "人权理事会\n\n47/23. 新的和新兴数字技术与人权\n\n人权理事会，\n\n\
//!            回顾人权理事会 2019 年 7 月 11 日第 41/11 号决议，\n\n1. 决定继续处理此事。\n";
//! let docs = vec![
//!     lineage::reader::read_bytes(old.as_bytes(), Path::new("a.txt")).unwrap(),
//!     lineage::reader::read_bytes(new.as_bytes(), Path::new("b.txt")).unwrap(),
//! ];
//! let graph = LineageGraph::build(&docs);
//! let series = graph.series_of("A/HRC/RES/47/23").unwrap();
//! assert_eq!(series.members, ["A/HRC/RES/41/11", "A/HRC/RES/47/23"]);
//! ```

mod drafts;
mod series;
mod subset;

pub use drafts::share_found;
pub use series::{Series, title_key};

use crate::model::{Body, DocKind, Document, Language, ReferenceKind};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One resolution or document.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub symbol: String,
    pub in_corpus: bool,
    pub body: Body,
    pub kind: NodeKind,
    /// The document's own title, or for a cited-only node the title its citations give
    /// most often.
    pub title: Option<String>,
    /// Adoption date, from the document or, for a cited-only node, from its citations.
    pub date: Option<crate::model::Date>,
    pub session: Option<u32>,
    /// The languages of the texts in the corpus (`[]` for a cited-only node).
    pub languages: Vec<Language>,
    /// Every distinct title given to this node, by itself and by its citations.
    #[serde(skip)]
    pub titles: Vec<String>,
    /// The vote a UNDL voting file gives for this symbol (`votes::attach_to_graph`), kept
    /// for cited-only nodes too. Boxed: most nodes have none, and a vote inline made
    /// every node five times its size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<Box<crate::model::Vote>>,
    /// The ID was made from a file name (the text states no symbol): pictures name the
    /// node by its title instead.
    #[serde(skip)]
    pub symbol_from_file: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Resolution,
    Report,
    /// A draft resolution or decision in the corpus.
    Draft,
    /// Amendments to a draft.
    Amendment,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// `from` recalls, reaffirms, takes note of… `to`.
    Cites,
    /// `from` is the next text of `to`'s series.
    Succeeds,
    /// `from` is a report that `to` requested.
    MandatedBy,
    /// `from` is a report that answers a request made in `to` (`paragraph`).
    Fulfils,
    /// `from` is a draft and `to` the resolution adopted from it.
    AdoptedAs,
    /// `from` is a revision of the draft `to` (or an officer's text that replaces it).
    Revises,
    /// `from` is an amendment to the draft `to`.
    Amends,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Where the citation or the request stands in the citing or requesting text
    /// (`PP4`, `FN1`, `OP3`); empty for `succeeds` and `mandated_by`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
}

/// The graph, with the index from symbol to node and the series found in it.
#[derive(Debug, Default)]
pub struct LineageGraph {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// The edge of each (from, to, kind), so that a text citing thousands of others
    /// finds its existing edge without scanning all of them.
    edge_index: HashMap<(NodeIndex, NodeIndex, EdgeKind), petgraph::graph::EdgeIndex>,
    /// The paragraphs each edge already lists, by a hash of their name (a hash met again
    /// is checked against the edge's list): a text of thousands of paragraphs that each
    /// cite one resolution gives one edge with thousands of paragraphs.
    edge_paragraphs: HashSet<(petgraph::graph::EdgeIndex, u64)>,
    pub series: Vec<Series>,
    /// Symbol → index in `series`, so that looking a text's series up costs nothing.
    series_index: HashMap<String, usize>,
}

impl LineageGraph {
    /// Build the graph of `docs` and everything they cite. Texts of one symbol in
    /// several languages are one node.
    pub fn build(docs: &[Document]) -> LineageGraph {
        let mut g = LineageGraph::default();
        for doc in docs {
            g.add_document(doc);
        }
        for doc in docs {
            for r in &doc.references {
                g.add_cited(r);
            }
        }
        g.settle_cited_titles();
        for doc in docs {
            let from = g.index[&doc.symbol];
            for r in &doc.references {
                let to = g.index[&r.target];
                g.link(from, to, EdgeKind::Cites, Some(&r.paragraph));
            }
            if let Some(mandate) = &doc.mandated_by {
                let to = g.ensure(mandate, ReferenceKind::Resolution);
                g.link(from, to, EdgeKind::MandatedBy, None);
            }
        }
        g.series = series::detect(&g, docs);
        g.index_series();
        for s in g.series.clone() {
            for pair in s.members.windows(2) {
                let (older, newer) = (g.index[&pair[0]], g.index[&pair[1]]);
                g.link(newer, older, EdgeKind::Succeeds, None);
            }
        }
        drafts::link(&mut g, docs);
        g
    }

    pub fn node(&self, symbol: &str) -> Option<&Node> {
        self.index.get(symbol).map(|&i| &self.graph[i])
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Every edge as (from, to, edge), in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        self.graph
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// The resolution a draft was adopted as, where the graph has an `adopted_as` edge.
    pub fn adopted_as(&self, draft: &str) -> Option<&str> {
        let &i = self.index.get(draft)?;
        self.graph
            .edges_directed(i, petgraph::Direction::Outgoing)
            .find(|e| e.weight().kind == EdgeKind::AdoptedAs)
            .map(|e| self.graph[e.target()].symbol.as_str())
    }

    /// The series `symbol` belongs to.
    pub fn series_of(&self, symbol: &str) -> Option<&Series> {
        self.series_index.get(symbol).map(|&i| &self.series[i])
    }

    fn index_series(&mut self) {
        self.series_index = self
            .series
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.members.iter().chain(&s.drafts).map(move |m| (m.clone(), i)))
            .collect();
    }

    /// Add a `fulfils` edge: report `report` answers the request in `paragraph` of
    /// `resolution`. Both nodes are created if the graph has not seen them.
    pub fn add_fulfilment(&mut self, report: &str, resolution: &str, paragraph: &str) {
        let from = self.ensure(report, ReferenceKind::Document);
        let to = self.ensure(resolution, ReferenceKind::Resolution);
        self.link(from, to, EdgeKind::Fulfils, Some(paragraph));
    }

    /// The part of the graph around one series: its members, the edges among them, and
    /// what they cite or are cited by one step away.
    pub fn series_subgraph(&self, series: &Series) -> LineageGraph {
        let members: Vec<NodeIndex> = series.members.iter().map(|m| self.index[m]).collect();
        let mut keep: Vec<NodeIndex> = members.clone();
        for &m in &members {
            for e in self.graph.edges_directed(m, petgraph::Direction::Outgoing) {
                keep.push(e.target());
            }
            for e in self.graph.edges_directed(m, petgraph::Direction::Incoming) {
                keep.push(e.source());
            }
        }
        keep.sort();
        keep.dedup();
        let mut sub = self.induced(keep.iter().map(|&i| &self.graph[i]));
        sub.series = self
            .series
            .iter()
            .filter(|s| s.members.iter().all(|m| sub.index.contains_key(m)))
            .cloned()
            .collect();
        sub.index_series();
        sub
    }

    fn add_document(&mut self, doc: &Document) {
        if let Some(&i) = self.index.get(&doc.symbol) {
            // Another language of a symbol already read: one node, two texts.
            let node = &mut self.graph[i];
            if !node.languages.contains(&doc.language) {
                node.languages.push(doc.language);
            }
            push_distinct(&mut node.titles, &doc.title);
            node.date = node.date.take().or(doc.adopted);
            return;
        }
        let node = Node {
            symbol: doc.symbol.clone(),
            in_corpus: true,
            body: doc.body,
            kind: match doc.kind {
                DocKind::Resolution => NodeKind::Resolution,
                DocKind::Report => NodeKind::Report,
                DocKind::Draft => NodeKind::Draft,
                DocKind::Amendment => NodeKind::Amendment,
                DocKind::Other => NodeKind::Document,
            },
            title: Some(doc.title.clone()).filter(|t| !t.is_empty()),
            date: doc.adopted,
            session: doc.session,
            languages: vec![doc.language],
            titles: vec![doc.title.clone()],
            vote: None,
            symbol_from_file: doc.symbol_source == crate::model::SymbolSource::File,
        };
        let i = self.graph.add_node(node);
        self.index.insert(doc.symbol.clone(), i);
    }

    fn add_cited(&mut self, r: &crate::model::Reference) {
        let i = self.ensure(&r.target, r.kind);
        let node = &mut self.graph[i];
        // Every title a citation gives counts for series, even for a text in the corpus:
        // a Chinese text citing an English one names its subject in Chinese.
        if let Some(t) = &r.title {
            if node.in_corpus {
                push_distinct(&mut node.titles, t);
            } else {
                node.titles.push(t.clone());
            }
        }
        if node.in_corpus {
            return;
        }
        if node.date.is_none() {
            node.date = r.date;
        }
    }

    /// The node for `symbol`, created as cited-only if it is new.
    fn ensure(&mut self, symbol: &str, kind: ReferenceKind) -> NodeIndex {
        if let Some(&i) = self.index.get(symbol) {
            return i;
        }
        let body = Body::from_symbol(symbol);
        let node = Node {
            symbol: symbol.to_string(),
            in_corpus: false,
            body,
            kind: match kind {
                ReferenceKind::Resolution => NodeKind::Resolution,
                ReferenceKind::Document => NodeKind::Document,
            },
            title: None,
            date: None,
            session: crate::symbol::session_of(symbol),
            languages: Vec::new(),
            titles: Vec::new(),
            vote: None,
            symbol_from_file: false,
        };
        let i = self.graph.add_node(node);
        self.index.insert(symbol.to_string(), i);
        i
    }

    /// A cited-only node is shown with the title its citations give most often; a
    /// title that only points back at the citing text (`this issue`) is not a title.
    fn settle_cited_titles(&mut self) {
        for node in self.graph.node_weights_mut().filter(|n| !n.in_corpus) {
            let mut counts: Vec<(&String, usize)> = Vec::new();
            for t in node.titles.iter().filter(|t| !series::is_anaphoric(t)) {
                match counts.iter_mut().find(|(k, _)| *k == t) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((t, 1)),
                }
            }
            // The first title among the most frequent: stable across runs.
            let best = counts.iter().map(|(_, n)| *n).max();
            node.title = counts.iter().find(|(_, n)| Some(*n) == best).map(|(t, _)| (*t).clone());
            let mut distinct = Vec::new();
            for t in std::mem::take(&mut node.titles) {
                push_distinct(&mut distinct, &t);
            }
            node.titles = distinct;
        }
    }

    /// Let go of what only adding edges needs (the indexes of the edges and of their
    /// paragraphs, a tenth of a large graph), before the graph is written; an edge added
    /// later builds them again.
    pub fn done_linking(&mut self) {
        self.edge_index = HashMap::new();
        self.edge_paragraphs = HashSet::new();
    }

    /// The indexes of the edges, built again where [`LineageGraph::done_linking`] let them go.
    fn index_edges(&mut self) {
        if self.edge_index.len() == self.graph.edge_count() {
            return;
        }
        for e in self.graph.edge_references() {
            self.edge_index.insert((e.source(), e.target(), e.weight().kind), e.id());
            self.edge_paragraphs.extend(e.weight().paragraphs.iter().map(|p| (e.id(), paragraph_hash(p))));
        }
    }

    /// One edge per (from, to, kind); a second citation adds its paragraph to the first.
    fn link(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, paragraph: Option<&str>) {
        if from == to {
            return;
        }
        self.index_edges();
        let graph = &mut self.graph;
        let id = *self
            .edge_index
            .entry((from, to, kind))
            // Room for the one paragraph most edges have, not the four a first push makes.
            .or_insert_with(|| graph.add_edge(from, to, Edge { kind, paragraphs: Vec::with_capacity(paragraph.map_or(0, |_| 1)) }));
        if let Some(p) = paragraph {
            self.add_paragraph(id, p);
        }
    }

    /// Add `paragraph` to the edge `id`'s list unless it is there.
    fn add_paragraph(&mut self, id: petgraph::graph::EdgeIndex, paragraph: &str) {
        let new = self.edge_paragraphs.insert((id, paragraph_hash(paragraph)));
        let paragraphs = &mut self.graph[id].paragraphs;
        if new || !paragraphs.iter().any(|q| q == paragraph) {
            paragraphs.push(paragraph.to_string());
        }
    }
}

fn paragraph_hash(paragraph: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(paragraph)
}

fn push_distinct(list: &mut Vec<String>, item: &str) {
    if !item.is_empty() && !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}
