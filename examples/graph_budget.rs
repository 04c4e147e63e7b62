//! How long Graphviz's `dot` takes to lay out the lineage graph as it grows: the first N
//! nodes of a corpus's graph (texts of the corpus first, then what they cite), drawn as
//! `graph --format svg` draws them. The figures behind `render::dot::NODE_BUDGET`.
//!
//! cargo run --release --example graph_budget -- ../shared/corpus-en 250 500 1000 2000

use lineage::render::dot::{self, DotOptions};
use std::collections::HashSet;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args.next().unwrap_or_else(|| "../shared/corpus-en".to_string());
    let sizes: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
    let corpus = lineage::Corpus::load(std::path::Path::new(&folder)).expect("corpus");
    let graph = lineage::graph::LineageGraph::build(&corpus.documents);
    let order: Vec<String> = graph.nodes().map(|n| n.symbol.clone()).collect();
    for n in sizes {
        let keep: HashSet<&str> = order.iter().take(n).map(String::as_str).collect();
        let part = graph.retain(|node| keep.contains(node.symbol.as_str()));
        let drawn = dot::drawn_nodes(&part, DotOptions::default());
        let source = dot::dot(&part, DotOptions::default());
        let start = Instant::now();
        let result = dot::run_dot(&source, Duration::from_secs(300));
        let secs = start.elapsed().as_secs_f64();
        match result {
            Ok(_) => println!("{n:>6} nodes kept, {drawn:>6} drawn, {:>6} edges: {secs:.1} s", part.graph.edge_count()),
            Err(e) => println!("{n:>6} nodes kept, {drawn:>6} drawn, {:>6} edges: {secs:.1} s, {e}", part.graph.edge_count()),
        }
    }
}
