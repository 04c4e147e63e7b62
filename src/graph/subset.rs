//! Parts of the graph kept by a test on their nodes: the texts of the corpus alone, or
//! the most cited texts up to a number of nodes.

use super::{LineageGraph, Node};
use petgraph::visit::EdgeRef;

impl LineageGraph {
    /// The graph of the nodes `keep` accepts, with the edges among them and the series
    /// of at least two members that stay (each with the members that stay).
    pub fn retain(&self, keep: impl Fn(&Node) -> bool) -> LineageGraph {
        let mut sub = self.induced(self.graph.node_weights().filter(|n| keep(n)));
        sub.series = self
            .series
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.members.retain(|m| sub.index.contains_key(m));
                s
            })
            .filter(|s| s.members.len() >= 2)
            .collect();
        sub.index_series();
        sub
    }

    /// A graph of `nodes` (in that order) and every edge of this graph among them; no
    /// series yet, which each caller chooses.
    pub(super) fn induced<'a>(&'a self, nodes: impl Iterator<Item = &'a Node>) -> LineageGraph {
        let mut sub = LineageGraph::default();
        for node in nodes {
            let j = sub.graph.add_node(node.clone());
            sub.index.insert(node.symbol.clone(), j);
        }
        for e in self.graph.edge_references() {
            let (a, b) = (&self.graph[e.source()].symbol, &self.graph[e.target()].symbol);
            if let (Some(&x), Some(&y)) = (sub.index.get(a), sub.index.get(b)) {
                let id = sub.graph.add_edge(x, y, e.weight().clone());
                sub.edge_index.insert((x, y, e.weight().kind), id);
                sub.edge_paragraphs.extend(e.weight().paragraphs.iter().map(|p| (id, super::paragraph_hash(p))));
            }
        }
        sub
    }

    /// The texts of the corpus and the links among them; what they only cite is left out.
    pub fn corpus_only(&self) -> LineageGraph {
        self.retain(|n| n.in_corpus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn corpus_only_keeps_the_texts_read_and_their_series() {
        let old = "人权理事会\n\n41/11. 新的和新兴的数字技术与人权\n\n人权理事会，\n\n\
                   回顾人权理事会 2017 年 7 月 6 日第 35/1 号决议，\n\n1. 决定继续处理此事。\n";
        let new = "人权理事会\n\n47/23. 新的和新兴数字技术与人权\n\n人权理事会，\n\n\
                   回顾人权理事会 2019 年 7 月 11 日第 41/11 号决议，\n\n1. 决定继续处理此事。\n";
        let docs = vec![
            crate::reader::read_bytes(old.as_bytes(), Path::new("a.txt")).unwrap(),
            crate::reader::read_bytes(new.as_bytes(), Path::new("b.txt")).unwrap(),
        ];
        let full = LineageGraph::build(&docs);
        assert!(full.node("A/HRC/RES/35/1").is_some());
        let sub = full.corpus_only();
        assert!(sub.node("A/HRC/RES/35/1").is_none());
        assert_eq!(sub.graph.node_count(), 2);
        assert!(sub.edges().any(|(f, t, _)| f.symbol == "A/HRC/RES/47/23" && t.symbol == "A/HRC/RES/41/11"));
    }
}
