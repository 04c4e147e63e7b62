//! Times `lineage diff` inside one process, stage by stage, on two files: reading and
//! parsing both, the diff itself ([`diff_documents`]: alignment, redlines, summary), and
//! the text rendering. `bench/diff_peers.sh` sets these beside the whole process, so the
//! cost of starting a process and finding the two texts in a corpus folder shows apart
//! from the algorithm.
//!
//! ```sh
//! cargo run --release --example diff_in_process -- OLD_FILE NEW_FILE [RUNS]
//! ```
//!
//! Prints one line of medians in milliseconds: `read=… diff=… render=… total=…`.

use lineage::diff::{diff_documents, DiffOptions};
use lineage::render::{self, diff_text::TextStyle, DiffFormat};
use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: diff_in_process OLD_FILE NEW_FILE [RUNS]");
        std::process::exit(2);
    }
    let (old_path, new_path) = (Path::new(&args[1]), Path::new(&args[2]));
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20).max(1);
    let options = DiffOptions::default();
    let style = TextStyle { color: false, all: false };
    let (mut read, mut diffed, mut rendered) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = 0;
    // One run more than asked, the first only to warm the caches.
    for run in 0..=runs {
        let start = Instant::now();
        let old = lineage::reader::read_file(old_path).expect("old file");
        let new = lineage::reader::read_file(new_path).expect("new file");
        let after_read = Instant::now();
        let diff = diff_documents(&old, &new, &options);
        let after_diff = Instant::now();
        let text = render::diff(&diff, DiffFormat::Text, style);
        let after_render = Instant::now();
        bytes = std::hint::black_box(text).len();
        if run > 0 {
            read.push(after_read - start);
            diffed.push(after_diff - after_read);
            rendered.push(after_render - after_diff);
        }
    }
    let total: Vec<Duration> = (0..runs).map(|k| read[k] + diffed[k] + rendered[k]).collect();
    println!(
        "read={:.3} diff={:.3} render={:.3} total={:.3} runs={runs} output_bytes={bytes}",
        median(read),
        median(diffed),
        median(rendered),
        median(total)
    );
}
