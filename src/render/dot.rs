//! The lineage graph as Graphviz DOT (through graphviz-rust's syntax tree) and SVG.
//!
//! Oldest texts stand on the left and each series is a cluster. Texts in the corpus are
//! filled boxes; texts that are only cited are dashed, with the title and date their
//! citations give. Documents that are only cited (reports, notes) are gathered into one
//! note per citing text, unless `expand_documents` is set, so that a resolution with
//! forty footnotes does not bury the series. Every label is escaped: a title may hold
//! quotes, backslashes, braces or DOT keywords and still cannot change the graph.

use crate::graph::{EdgeKind, LineageGraph, Node, NodeKind};
use graphviz_rust::cmd::{CommandArg, Format};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::PrinterContext;
use std::collections::{BTreeMap, HashSet};

/// Longest title shown in a node label, in characters.
const LABEL_TITLE_CHARS: usize = 28;
/// Symbols listed in a note of gathered documents before "…".
const NOTE_SYMBOLS: usize = 8;

#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// One node per cited-only document instead of one note per citing text.
    pub expand_documents: bool,
}

/// The graph as DOT text.
pub fn dot(g: &LineageGraph, options: DotOptions) -> String {
    graphviz_rust::print(build(g, options), &mut PrinterContext::default())
}

/// The graph rendered to SVG by Graphviz's `dot`; an error that says what to install
/// where `dot` is missing.
pub fn svg(g: &LineageGraph, options: DotOptions) -> Result<Vec<u8>, String> {
    let args: Vec<CommandArg> = vec![Format::Svg.into()];
    graphviz_rust::exec(build(g, options), &mut PrinterContext::default(), args).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            "Graphviz's `dot` program is not installed, so no SVG can be drawn; install it \
             (`make deps`, or `apt-get install graphviz`) or ask for `--format dot`"
                .to_string()
        } else {
            format!("Graphviz's `dot` failed: {e}")
        }
    })
}

/// A DOT quoted string: backslashes and quotes escaped, line breaks flattened, so that
/// no text can close the string or start an escape of its own.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A label of several lines: each line escaped, joined by DOT's centred line break.
fn label(lines: &[&str]) -> Id {
    let body: Vec<String> = lines.iter().map(|l| {
        let q = quoted(l);
        q[1..q.len() - 1].to_string()
    }).collect();
    Id::Escaped(format!("\"{}\"", body.join("\\n")))
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(quoted(value)))
}

fn node_id(symbol: &str) -> NodeId {
    NodeId(Id::Escaped(quoted(symbol)), None)
}

fn short(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    if chars.len() <= LABEL_TITLE_CHARS {
        title.to_string()
    } else {
        let mut s: String = chars[..LABEL_TITLE_CHARS - 1].iter().collect();
        s.push('…');
        s
    }
}

fn node_stmt(n: &Node) -> Stmt {
    let title = n.title.as_deref().map(short).unwrap_or_default();
    let date = n.date.map(|d| d.to_string()).unwrap_or_default();
    let lines: Vec<&str> = [n.symbol.as_str(), title.as_str(), date.as_str()]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let mut attributes = vec![Attribute(Id::Plain("label".into()), label(&lines))];
    let shape = match n.kind {
        NodeKind::Resolution => "box",
        NodeKind::Draft | NodeKind::Amendment => "component",
        NodeKind::Report | NodeKind::Document => "note",
    };
    attributes.push(attr("shape", shape));
    if n.in_corpus {
        attributes.push(attr("style", "filled,bold"));
        attributes.push(attr("fillcolor", "#fff4c2"));
    } else {
        attributes.push(attr("style", "dashed"));
        attributes.push(attr("color", "#888888"));
        attributes.push(attr("fontcolor", "#555555"));
    }
    Stmt::Node(DotNode::new(node_id(&n.symbol), attributes))
}

fn edge_stmt(from: &str, to: &str, kind: EdgeKind, paragraphs: &[String]) -> Stmt {
    let mut attributes = match kind {
        EdgeKind::Cites => vec![attr("color", "#9a9a9a")],
        EdgeKind::Succeeds => vec![attr("color", "#1f4e9c"), attr("penwidth", "2.5"), attr("label", "succeeds")],
        EdgeKind::MandatedBy => vec![attr("color", "#2e7d32"), attr("style", "dashed"), attr("label", "mandated by")],
        EdgeKind::Fulfils => vec![
            attr("color", "#c25e00"),
            attr("style", "dotted"),
            attr("penwidth", "2"),
            attr("label", &format!("fulfils {}", paragraphs.join(", "))),
        ],
        EdgeKind::AdoptedAs => vec![attr("color", "#6a1b9a"), attr("penwidth", "2"), attr("label", "adopted as")],
        EdgeKind::Revises => vec![attr("color", "#6a1b9a"), attr("style", "dashed"), attr("label", "revises")],
        EdgeKind::Amends => vec![attr("color", "#b71c1c"), attr("style", "dashed"), attr("label", "amends")],
    };
    attributes.push(attr("fontsize", "9"));
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

fn build(g: &LineageGraph, options: DotOptions) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "RL"),
            attr("fontname", "Noto Sans CJK SC, Noto Sans, sans-serif"),
            attr("labelloc", "t"),
            attr("label", "lineage: who recalls whom (arrows point at the older text)"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Noto Sans CJK SC, Noto Sans, sans-serif"),
            attr("fontsize", "10"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Noto Sans, sans-serif")])),
    ];

    // Cited-only documents with nothing but citations pointing at them are gathered.
    let gathered: HashSet<&str> = if options.expand_documents {
        HashSet::new()
    } else {
        let linked_otherwise: HashSet<&str> = g
            .edges()
            .filter(|(_, _, e)| e.kind != EdgeKind::Cites)
            .flat_map(|(from, to, _)| [from.symbol.as_str(), to.symbol.as_str()])
            .collect();
        g.nodes()
            .filter(|n| !n.in_corpus && n.kind != NodeKind::Resolution)
            .filter(|n| !linked_otherwise.contains(n.symbol.as_str()))
            .map(|n| n.symbol.as_str())
            .collect()
    };

    let mut in_series: HashSet<&str> = HashSet::new();
    for (i, s) in g.series.iter().enumerate() {
        let mut inner = vec![
            Stmt::Attribute(attr("label", &format!("{} ({})", s.title, s.body.as_str()))),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("fillcolor", "#eef3fb")),
            Stmt::Attribute(attr("color", "#1f4e9c")),
        ];
        for m in &s.members {
            if let Some(n) = g.node(m) {
                inner.push(node_stmt(n));
                in_series.insert(m);
            }
        }
        stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("cluster_series_{i}")), stmts: inner }));
    }
    for n in g.nodes() {
        if !in_series.contains(n.symbol.as_str()) && !gathered.contains(n.symbol.as_str()) {
            stmts.push(node_stmt(n));
        }
    }

    // Where a pair already has a stronger link (succeeds, mandated by, fulfils), its
    // citation edge would only draw a second line beside it.
    let stronger: HashSet<(&str, &str)> = g
        .edges()
        .filter(|(_, _, e)| e.kind != EdgeKind::Cites)
        .map(|(from, to, _)| (from.symbol.as_str(), to.symbol.as_str()))
        .collect();
    let mut notes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to, e) in g.edges() {
        if e.kind == EdgeKind::Cites && stronger.contains(&(from.symbol.as_str(), to.symbol.as_str())) {
            continue;
        }
        if gathered.contains(to.symbol.as_str()) {
            notes.entry(from.symbol.as_str()).or_default().push(to.symbol.as_str());
        } else {
            stmts.push(edge_stmt(&from.symbol, &to.symbol, e.kind, &e.paragraphs));
        }
    }
    for (from, symbols) in notes {
        let note = format!("documents cited by {from}");
        let count = match symbols.len() {
            1 => "1 document cited".to_string(),
            n => format!("{n} documents cited"),
        };
        let mut lines: Vec<&str> = vec![count.as_str()];
        lines.extend(symbols.iter().take(NOTE_SYMBOLS));
        if symbols.len() > NOTE_SYMBOLS {
            lines.push("…");
        }
        stmts.push(Stmt::Node(DotNode::new(
            node_id(&note),
            vec![
                Attribute(Id::Plain("label".into()), label(&lines)),
                attr("shape", "note"),
                attr("style", "dashed"),
                attr("color", "#888888"),
                attr("fontcolor", "#555555"),
                attr("fontsize", "8"),
            ],
        )));
        stmts.push(edge_stmt(from, &note, EdgeKind::Cites, &[]));
    }

    Graph::DiGraph { id: Id::Plain("lineage".into()), strict: false, stmts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_text_inert() {
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quoted("x\ny"), "\"x y\"");
        assert_eq!(quoted("} -> digraph {"), "\"} -> digraph {\"");
    }

    #[test]
    fn titles_are_shortened_by_characters() {
        let long = "新的和新兴的数字技术与人权".repeat(4);
        let s = short(&long);
        assert_eq!(s.chars().count(), LABEL_TITLE_CHARS);
        assert!(s.ends_with('…'));
        assert_eq!(short("数字时代隐私权"), "数字时代隐私权");
    }
}
