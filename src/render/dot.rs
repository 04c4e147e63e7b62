//! The lineage graph as Graphviz DOT (through graphviz-rust's syntax tree) and SVG.
//!
//! Oldest texts stand on the left, newest on the right (edges are laid out from the older
//! text to the newer and drawn with the arrow at the older end), and each series is a
//! cluster. Inside a series the succession chain says who recalls whom, so a citation
//! between two members of one series is not drawn (the JSON keeps it). Labels are
//! wrapped, never cut; the full title is the node's tooltip, and where links are given a
//! node links to its page. A legend says what the shapes and colours mean. The SVG has
//! a viewBox and no fixed size, so it fits the width of the page. Texts in the corpus are
//! filled boxes; texts that are only cited are dashed, with the title and date their
//! citations give. Documents that are only cited (reports, notes) are gathered into one
//! note per citing text, unless `expand_documents` is set, so that a resolution with
//! forty footnotes does not bury the series. Every label is escaped: a title may hold
//! quotes, backslashes, braces or DOT keywords and still cannot change the graph.

use crate::graph::{EdgeKind, LineageGraph, Node, NodeKind};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::PrinterContext;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Width of a label line, in characters (a Chinese character counts as two).
const LABEL_LINE_WIDTH: usize = 30;
/// Symbols listed in a note of gathered documents before "…".
const NOTE_SYMBOLS: usize = 8;

/// How many nodes Graphviz is asked to lay out before a picture is refused (`--max-nodes`
/// changes it). Measured on corpus-en with `examples/graph_budget.rs` (Graphviz 2.43, a
/// shared two-core machine): 500 drawn nodes lay out in 0.3 s, 950 in 1.3 s, 1,165 in
/// 3.0 s; 1,800 take 9 s and fail (spline routing errors), 2,555 take 122 s and fail, and
/// the whole corpus (4,838 drawn) ran 27 minutes before failing.
pub const NODE_BUDGET: usize = 1000;

/// How long Graphviz may run before it is stopped.
pub const DOT_TIME_LIMIT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// One node per cited-only document instead of one note per citing text.
    pub expand_documents: bool,
}

/// Where a node links to: symbol → a URL (relative, for the static site).
pub type Links = HashMap<String, String>;

/// The graph as DOT text.
pub fn dot(g: &LineageGraph, options: DotOptions) -> String {
    dot_linked(g, options, &Links::new())
}

/// The graph as DOT text, each node with a link where `links` has one.
pub fn dot_linked(g: &LineageGraph, options: DotOptions, links: &Links) -> String {
    // Each statement is printed as it is made, never the whole syntax tree at once: on
    // 100,000 texts the tree of the graph took more memory than the graph.
    let mut out = format!("{GRAPH_OPEN}\n");
    let mut first = true;
    build(g, options, links, |stmt| {
        if !first {
            out.push('\n');
        }
        first = false;
        out.push_str(&statement(stmt));
    });
    out.push_str("\n}");
    out
}

/// How graphviz-rust opens the graph (`Graph::DiGraph`, id `lineage`, not strict).
const GRAPH_OPEN: &str = "digraph lineage {";

/// One statement as graphviz-rust prints it inside the graph, indented: printed in a
/// graph of its own, which is then taken off.
fn statement(stmt: Stmt) -> String {
    let alone = graphviz_rust::print(
        Graph::DiGraph { id: Id::Plain("lineage".into()), strict: false, stmts: vec![stmt] },
        &mut PrinterContext::default(),
    );
    alone
        .strip_prefix(GRAPH_OPEN)
        .and_then(|s| s.strip_prefix('\n'))
        .and_then(|s| s.strip_suffix('}'))
        .and_then(|s| s.strip_suffix('\n'))
        .map(str::to_string)
        .unwrap_or(alone)
}

/// How many nodes the picture of `g` holds (gathered documents count as their notes).
pub fn drawn_nodes(g: &LineageGraph, options: DotOptions) -> usize {
    let gathered = gathered(g, options);
    let notes: HashSet<&str> = g
        .edges()
        .filter(|(_, to, _)| gathered.contains(to.symbol.as_str()))
        .map(|(from, _, _)| from.symbol.as_str())
        .collect();
    g.graph.node_count() - gathered.len() + notes.len()
}

/// The picture of `g` would be too large to lay out in reasonable time: what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverBudget {
    pub nodes: usize,
    pub budget: usize,
    /// Nodes drawn with the texts of the corpus alone.
    pub corpus_nodes: usize,
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the graph has {} nodes to draw, more than Graphviz lays out in reasonable time ({} at most); \
             choose one of:\n  --series ID      only the series of one text and what it cites\n  \
             --corpus-only    only the texts of the corpus ({} nodes)\n  \
             --max-nodes N    draw up to N nodes anyway (Graphviz is stopped after {} s)\n  \
             --format json    the whole graph as data",
            self.nodes,
            self.budget,
            self.corpus_nodes,
            DOT_TIME_LIMIT.as_secs()
        )
    }
}

/// Check the picture of `g` against a node budget.
pub fn check_budget(g: &LineageGraph, options: DotOptions, budget: usize) -> Result<(), OverBudget> {
    let nodes = drawn_nodes(g, options);
    if nodes <= budget {
        return Ok(());
    }
    Err(OverBudget { nodes, budget, corpus_nodes: drawn_nodes(&g.corpus_only(), options) })
}

/// The graph rendered to SVG by Graphviz's `dot` within [`DOT_TIME_LIMIT`]; an error
/// that says what to install where `dot` is missing.
pub fn svg(g: &LineageGraph, options: DotOptions) -> Result<Vec<u8>, String> {
    svg_linked(g, options, &Links::new(), DOT_TIME_LIMIT)
}

/// The graph as SVG with its nodes linked, Graphviz stopped after `limit`.
pub fn svg_linked(g: &LineageGraph, options: DotOptions, links: &Links, limit: Duration) -> Result<Vec<u8>, String> {
    let source = dot_linked(g, options, links);
    let svg = run_dot(&source, limit)?;
    Ok(fit_to_width(&String::from_utf8_lossy(&svg)).into_bytes())
}

/// Run `dot -Tsvg` on `source`, stopping it after `limit`. Its diagnostics are summarised
/// (how many lines, the first few distinct ones), never passed on whole.
pub fn run_dot(source: &str, limit: Duration) -> Result<Vec<u8>, String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "Graphviz's `dot` program is not installed, so no SVG can be drawn; install it \
                 (`make deps`, or `apt-get install graphviz`) or ask for `--format dot`"
                    .to_string()
            } else {
                format!("Graphviz's `dot` could not be started: {e}")
            }
        })?;
    let mut stdin = child.stdin.take().expect("piped");
    let source = source.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(source.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let mut stderr = child.stderr.take().expect("piped");
    let errors = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "Graphviz's `dot` was stopped after {} s without finishing the layout; \
                     draw less (`--series ID`, `--corpus-only`) or ask for `--format json`",
                    limit.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("Graphviz's `dot` could not be waited for: {e}")),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let diagnostics = String::from_utf8_lossy(&errors.join().unwrap_or_default()).into_owned();
    if !status.success() || out.is_empty() {
        return Err(format!("Graphviz's `dot` failed ({status}): {}", summarise(&diagnostics)));
    }
    Ok(out)
}

/// Graphviz's diagnostics in one line: how many, and the first three distinct messages.
pub fn summarise(diagnostics: &str) -> String {
    let lines: Vec<&str> = diagnostics.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        return "no message".to_string();
    }
    let mut distinct: Vec<&str> = Vec::new();
    for l in &lines {
        if distinct.len() < 3 && !distinct.contains(l) {
            distinct.push(l);
        }
    }
    let shown: Vec<String> = distinct.iter().map(|l| l.chars().take(160).collect()).collect();
    if lines.len() > distinct.len() {
        format!("{} lines of messages, the first: {}", lines.len(), shown.join(" | "))
    } else {
        shown.join(" | ")
    }
}

/// The SVG root without its fixed size: the viewBox stays, so the picture takes the width
/// of its container, and no more than its natural width.
pub fn fit_to_width(svg: &str) -> String {
    let Some(start) = svg.find("<svg") else { return svg.to_string() };
    let Some(len) = svg[start..].find('>') else { return svg.to_string() };
    let tag = &svg[start..start + len];
    let attribute = |name: &str| -> Option<(usize, usize, String)> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)?;
        let value_start = at + key.len();
        let value_len = tag[value_start..].find('"')?;
        Some((at, value_start + value_len + 1, tag[value_start..value_start + value_len].to_string()))
    };
    let mut new_tag = tag.to_string();
    let width = attribute("width").map(|(_, _, w)| w);
    for name in ["height", "width"] {
        if let Some((a, b, _)) = attribute(name) {
            new_tag = new_tag.replacen(&tag[a..b], "", 1);
        }
    }
    let max = width.map(|w| format!(" style=\"max-width:{w};height:auto\"")).unwrap_or_default();
    new_tag.push_str(&format!(" width=\"100%\"{max}"));
    format!("{}{}{}", &svg[..start], new_tag, &svg[start + len..])
}

/// A title wrapped into lines of about `width` columns: at spaces between words, and
/// anywhere between Chinese characters; a word longer than a line keeps a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let wide = |c: char| c >= '\u{2E80}';
    let cols = |s: &str| s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum::<usize>();
    // Units: a word, or one wide character, with whether a space stood before it.
    let mut units: Vec<(bool, String)> = Vec::new();
    let mut word = String::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                units.push((space, std::mem::take(&mut word)));
            }
            space = true;
        } else if wide(c) {
            if !word.is_empty() {
                units.push((space, std::mem::take(&mut word)));
                space = false;
            }
            units.push((space, c.to_string()));
            space = false;
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        units.push((space, word));
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (space, unit) in units {
        let gap = usize::from(space && !line.is_empty());
        if !line.is_empty() && cols(&line) + gap + cols(&unit) > width {
            lines.push(std::mem::take(&mut line));
        } else if gap == 1 {
            line.push(' ');
        }
        line.push_str(&unit);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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

/// A node; `series_title` is the title its cluster already shows, not repeated in the
/// label (the tooltip keeps it).
fn node_stmt(n: &Node, links: &Links, series_title: Option<&str>) -> Stmt {
    let shown = n.title.as_deref().filter(|t| Some(*t) != series_title || n.symbol_from_file);
    let title = shown.map(|t| wrap(t, LABEL_LINE_WIDTH)).unwrap_or_default();
    let date = n.date.map(|d| d.to_string()).unwrap_or_default();
    // A text that states no symbol is named by its title, not by its file's name.
    let symbol = if n.symbol_from_file && !title.is_empty() { "" } else { n.symbol.as_str() };
    let lines: Vec<&str> = std::iter::once(symbol)
        .chain(title.iter().map(String::as_str))
        .chain(std::iter::once(date.as_str()))
        .filter(|l| !l.is_empty())
        .collect();
    let mut attributes = vec![Attribute(Id::Plain("label".into()), label(&lines))];
    let tooltip = match &n.title {
        Some(t) if n.symbol_from_file => t.clone(),
        Some(t) => format!("{}: {t}", n.symbol),
        None => n.symbol.clone(),
    };
    attributes.push(attr("tooltip", &tooltip));
    if let Some(url) = links.get(&n.symbol) {
        attributes.push(attr("URL", url));
        attributes.push(attr("target", "_top"));
    }
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

/// An edge from the newer text `from` to the older `to`, laid out older → newer (left to
/// right) with its arrow at the older end.
fn edge_stmt(from: &str, to: &str, kind: EdgeKind, paragraphs: &[String]) -> Stmt {
    let mut attributes = match kind {
        EdgeKind::Cites => vec![attr("color", "#9a9a9a")],
        EdgeKind::Succeeds => vec![attr("color", "#1f4e9c"), attr("penwidth", "2.5")],
        EdgeKind::MandatedBy => vec![attr("color", "#2e7d32"), attr("style", "dashed")],
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
    attributes.push(attr("dir", "back"));
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(to)), Vertex::N(node_id(from))),
        attributes,
    })
}

/// What the shapes and colours mean, as a box of its own.
fn legend() -> Stmt {
    let row = |sample: &str, color: &str, text: &str| {
        format!("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{color}\">{sample}</FONT></TD><TD ALIGN=\"LEFT\">{text}</TD></TR>")
    };
    let rows = [
        row("▭", "#b08800", "text in the corpus (filled)"),
        row("┄", "#888888", "text only cited (dashed)"),
        row("━━◀", "#1f4e9c", "succeeds: next text of the series"),
        row("──◀", "#9a9a9a", "cites (recalls, reaffirms…)"),
        row("╌╌◀", "#2e7d32", "report mandated by"),
        row("┈┈◀", "#c25e00", "report fulfils a request (paragraph)"),
    ]
    .concat();
    let html = format!(
        "<<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\
         <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B> (oldest on the left; arrows point at the older text)</TD></TR>{rows}</TABLE>>"
    );
    Stmt::Node(DotNode::new(
        NodeId(Id::Plain("legend".into()), None),
        vec![
            Attribute(Id::Plain("label".into()), Id::Html(html)),
            attr("shape", "plain"),
            attr("fontsize", "9"),
            attr("tooltip", "Legend"),
        ],
    ))
}

/// Cited-only documents with nothing but citations pointing at them: gathered into one
/// note per citing text unless `expand_documents` is set.
fn gathered(g: &LineageGraph, options: DotOptions) -> HashSet<&str> {
    if options.expand_documents {
        return HashSet::new();
    }
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
}

/// The graph's statements, in order, each given to `emit` as it is made.
fn build(g: &LineageGraph, options: DotOptions, links: &Links, mut emit: impl FnMut(Stmt)) {
    emit(Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("rankdir", "LR"),
        attr("fontname", "Noto Sans CJK SC, Noto Sans, sans-serif"),
        attr("tooltip", "lineage graph"),
    ])));
    emit(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", "Noto Sans CJK SC, Noto Sans, sans-serif"),
        attr("fontsize", "10"),
    ])));
    emit(Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Noto Sans, sans-serif")])));

    emit(legend());
    let gathered = gathered(g, options);

    let mut in_series: HashMap<&str, usize> = HashMap::new();
    for (i, s) in g.series.iter().enumerate() {
        let mut inner = vec![
            Stmt::Attribute(attr("label", &format!("{} ({})", s.title, s.body.as_str()))),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("fillcolor", "#eef3fb")),
            Stmt::Attribute(attr("color", "#1f4e9c")),
        ];
        for m in &s.members {
            if let Some(n) = g.node(m) {
                inner.push(node_stmt(n, links, Some(&s.title)));
                in_series.insert(m, i);
            }
        }
        emit(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("cluster_series_{i}")), stmts: inner }));
    }
    for n in g.nodes() {
        if !in_series.contains_key(n.symbol.as_str()) && !gathered.contains(n.symbol.as_str()) {
            emit(node_stmt(n, links, None));
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
        // Inside one series the succession chain already says that a text recalls the
        // ones before it.
        let series = |s: &str| in_series.get(s).copied();
        if e.kind == EdgeKind::Cites && series(&from.symbol).is_some() && series(&from.symbol) == series(&to.symbol) {
            continue;
        }
        if gathered.contains(to.symbol.as_str()) {
            notes.entry(from.symbol.as_str()).or_default().push(to.symbol.as_str());
        } else {
            emit(edge_stmt(&from.symbol, &to.symbol, e.kind, &e.paragraphs));
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
        emit(Stmt::Node(DotNode::new(
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
        emit(edge_stmt(from, &note, EdgeKind::Cites, &[]));
    }
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
    fn titles_are_wrapped_not_cut() {
        let zh = "新的和新兴的数字技术与人权".repeat(2);
        let lines = wrap(&zh, 10);
        assert_eq!(lines.concat(), zh, "every character kept");
        assert!(lines.iter().all(|l| l.chars().count() <= 5), "{lines:?}");
        let en = "Promotion and protection of human rights and fundamental freedoms, including the rights of peaceful assembly";
        let lines = wrap(en, 30);
        assert_eq!(lines.join(" "), en, "every word kept, broken at spaces");
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(wrap("Counter-terrorism-and-everything-else short", 10), ["Counter-terrorism-and-everything-else", "short"]);
        assert_eq!(wrap("数字时代 privacy", 30), ["数字时代 privacy"]);
    }

    #[test]
    fn the_svg_root_loses_its_fixed_size_and_keeps_its_view_box() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"2412pt\" height=\"2767pt\"\n viewBox=\"0.00 0.00 2412.00 2767.00\" xmlns=\"http://www.w3.org/2000/svg\">\n<g/></svg>";
        let fitted = fit_to_width(svg);
        assert!(fitted.contains("viewBox=\"0.00 0.00 2412.00 2767.00\""), "{fitted}");
        assert!(!fitted.contains("height=\"2767pt\""), "{fitted}");
        assert!(fitted.contains("width=\"100%\" style=\"max-width:2412pt;height:auto\""), "{fitted}");
        assert!(fitted.ends_with("<g/></svg>"));
    }

    #[test]
    fn diagnostics_are_summarised() {
        let many = "Warning: node x, port y unrecognized\n".repeat(5000) + "Error: trouble in init_rank\n";
        let s = summarise(&many);
        assert!(s.starts_with("5001 lines of messages, the first: Warning: node x"), "{s}");
        assert!(s.contains("Error: trouble in init_rank") && s.len() < 400, "{s}");
    }
}
