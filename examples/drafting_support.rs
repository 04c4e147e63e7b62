//! How much of this year's committee drafts `lineage draft` writes from last year's
//! texts: for each draft of ../shared/corpus-drafts-en whose series has an adopted text
//! in ../shared/corpus-en, the share of its paragraphs the next draft gives word for word.
//!
//! `cargo run --release --example drafting_support [-- --misses]`

use lineage::graph::LineageGraph;
use std::path::Path;

fn main() {
    let shared = Path::new("../shared");
    let (en, drafts) = (shared.join("corpus-en"), shared.join("corpus-drafts-en"));
    if !en.is_dir() || !drafts.is_dir() {
        eprintln!("drafting_support: ../shared/corpus-en or ../shared/corpus-drafts-en is missing; nothing to measure");
        return;
    }
    let mut docs = Vec::new();
    for dir in [&en, &drafts] {
        let corpus = lineage::corpus::Corpus::load(dir).expect("the shared corpus reads");
        docs.extend(corpus.documents);
    }
    let graph = LineageGraph::build(&docs);
    let rows = lineage::negotiate::drafting_support(&docs, &graph);
    let show_misses = std::env::args().any(|a| a == "--misses");
    let (mut paragraphs, mut produced) = (0, 0);
    for r in &rows {
        paragraphs += r.paragraphs;
        produced += r.produced;
        if show_misses {
            println!("{} ← {}: {}/{} ({})", r.draft, r.predecessor, r.produced, r.paragraphs, r.missed.join(" "));
        }
    }
    println!(
        "{} committee drafts with an adopted predecessor: {produced} of {paragraphs} paragraphs ({:.1}%) written word for word by `lineage draft`",
        rows.len(),
        100.0 * produced as f64 / paragraphs.max(1) as f64
    );
}
