//! Times each stage of lineage on one corpus folder, side by side in one run, and prints
//! Markdown table rows: raw read of the same bytes (the physical limit), ingest on one
//! core and on all cores, graph and series, index build, incremental refresh, and search
//! latency (p50/p99) over queries drawn from the corpus itself.
//!
//! ```sh
//! cargo run --release --example bench_stages -- CORPUS_DIR LABEL [SEARCHES] [--mutable]
//! ```
//!
//! With `--mutable` (a generated corpus only), 1% of the files are edited to time an
//! incremental refresh, then put back.

use lineage::Corpus;
use lineage::graph::LineageGraph;
use lineage::corpus::index::{Index, SearchOptions};
use std::path::Path;
use std::time::{Duration, Instant};

fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn row(label: &str, stage: &str, time: Duration, detail: &str) {
    println!("| {label} | {stage} | {:.3} s | {detail} |", seconds(time));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: bench_stages CORPUS_DIR LABEL [SEARCHES]");
        std::process::exit(2);
    }
    let dir = Path::new(&args[1]);
    let label = &args[2];
    let searches: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(200);
    let mutable = args.iter().any(|a| a == "--mutable");

    // Raw read: every byte of every text file, nothing else.
    let files = lineage::reader::walk(dir).expect("corpus folder").texts;
    let start = Instant::now();
    let mut bytes = 0usize;
    for f in &files {
        bytes += std::fs::read(f).map(|b| b.len()).unwrap_or(0);
    }
    let raw = start.elapsed();
    let mb = bytes as f64 / 1e6;
    row(label, "raw read (std::fs::read)", raw, &format!("{} files, {mb:.1} MB, {:.0} MB/s", files.len(), mb / seconds(raw)));

    // Ingest on one core, then on all.
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    let start = Instant::now();
    let corpus = one.install(|| Corpus::load(dir)).expect("corpus");
    let single = start.elapsed();
    row(
        label,
        "ingest, 1 core",
        single,
        &format!(
            "{} documents, {:.1} MB/s, {:.0} docs/s, {:.2} of raw read",
            corpus.documents.len(),
            mb / seconds(single),
            corpus.documents.len() as f64 / seconds(single),
            seconds(raw) / seconds(single)
        ),
    );
    let start = Instant::now();
    let corpus = Corpus::load(dir).expect("corpus");
    let all = start.elapsed();
    row(
        label,
        &format!("ingest, {} cores", rayon::current_num_threads()),
        all,
        &format!("{:.1} MB/s, speed-up {:.2}×", mb / seconds(all), seconds(single) / seconds(all)),
    );

    let start = Instant::now();
    let graph = LineageGraph::build(&corpus.documents);
    let graphed = start.elapsed();
    row(
        label,
        "graph + series",
        graphed,
        &format!("{} nodes, {} edges, {} series", graph.graph.node_count(), graph.graph.edge_count(), graph.series.len()),
    );

    // Index: built from nothing, then refreshed after 1% of the files change.
    let scratch = std::env::temp_dir().join(format!("lineage-bench-{}-{label}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&scratch);
    let mut index = Index::open(&scratch).expect("index");
    let start = Instant::now();
    let built = index.refresh(dir, |_, _| {}).expect("index build");
    let build_time = start.elapsed();
    row(label, "index build", build_time, &format!("{} paragraphs", built.paragraphs));

    if mutable {
        let edited: Vec<&std::path::PathBuf> = files.iter().step_by(100).collect();
        let originals: Vec<Vec<u8>> = edited.iter().map(|f| std::fs::read(f).expect("read")).collect();
        for f in &edited {
            let mut text = std::fs::read_to_string(f).unwrap_or_default();
            text.push_str("\n\nA paragraph added to time an incremental refresh.\n");
            std::fs::write(f, text).expect("edit");
        }
        let start = Instant::now();
        let refreshed = index.refresh(dir, |_, _| {}).expect("refresh");
        row(label, "index refresh, 1% of files edited", start.elapsed(), &refreshed.status.describe());
        for (f, original) in edited.iter().zip(originals) {
            std::fs::write(f, original).expect("restore");
        }
        index.refresh(dir, |_, _| {}).expect("refresh");
    }

    let start = Instant::now();
    let status = index.status(dir).expect("status");
    row(label, "index freshness check", start.elapsed(), &format!("fresh: {}", status.is_fresh()));

    let start = Instant::now();
    let (docs, _) = index.documents(dir).expect("documents");
    row(label, "corpus from index", start.elapsed(), &format!("{} documents", docs.len()));

    // Search latency: queries are paragraphs of the corpus, cut and perturbed, so that
    // each has a true answer; half exact phrases, half fuzzy.
    let paragraphs: Vec<&str> = corpus
        .documents
        .iter()
        .filter(|d| d.kind == lineage::model::DocKind::Resolution)
        .flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str()))
        .filter(|t| t.chars().count() > 40)
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut found_source = [0usize; 2];
    for n in 0..searches.min(paragraphs.len()) {
        let text = paragraphs[(n * 7919) % paragraphs.len()];
        let chars: Vec<char> = text.chars().collect();
        let exact = n % 2 == 0;
        let query: String = if exact {
            chars[chars.len() / 4..chars.len() / 4 + 20.min(chars.len() / 2)].iter().collect()
        } else if text.is_ascii() {
            // A reworded draft: every seventh word left out.
            text.split(' ').enumerate().filter(|(i, _)| i % 7 != 3).map(|(_, w)| w).collect::<Vec<_>>().join(" ")
        } else {
            chars.iter().enumerate().filter(|(i, _)| i % 9 != 4).map(|(_, c)| c).collect()
        };
        let options = SearchOptions { exact, ..SearchOptions::default() };
        let start = Instant::now();
        let hits = index.search(&query, &options).expect("search");
        latencies.push(start.elapsed());
        if hits.iter().any(|h| h.text == text) {
            found_source[usize::from(!exact)] += 1;
        }
    }
    latencies.sort();
    let at = |q: f64| latencies.get(((latencies.len() as f64 - 1.0) * q) as usize).copied().unwrap_or_default();
    println!(
        "| {label} | search p50 / p99 | {:.1} ms / {:.1} ms | {} queries; source paragraph (or an identical one) in the top 10: {} of the exact 20-character phrases, {} of the reworded paragraphs |",
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        latencies.len(),
        found_source[0],
        found_source[1]
    );
    let _ = std::fs::remove_file(&scratch);
    let _ = std::fs::remove_file(scratch.with_extension("sqlite-wal"));
    let _ = std::fs::remove_file(scratch.with_extension("sqlite-shm"));
}
