//! Times how long the regex crate takes to compile each pattern given on standard input
//! (one a line) and to run its first search, median of many runs, so that the reader's
//! one-time set-up can be weighed pattern by pattern and a cheaper spelling tried.
//!
//! ```sh
//! printf '%s\n' '(?i)\bresolutions?\b' '\b[Rr]esolutions?\b' | cargo run --release --example pattern_cost
//! ```

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let runs = 40;
    for line in std::io::stdin().lock().lines() {
        let pattern = line.expect("a line of standard input");
        if pattern.is_empty() {
            continue;
        }
        let mut compile = Vec::new();
        let mut first = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let re = match regex::Regex::new(&pattern) {
                Ok(re) => re,
                Err(e) => {
                    println!("error {pattern}: {e}");
                    break;
                }
            };
            let compiled = Instant::now();
            std::hint::black_box(re.is_match("大会 2019 年 7 月 11 日关于 the General Assembly, Recalling its resolution 41/11"));
            compile.push(compiled - start);
            first.push(compiled.elapsed());
        }
        if compile.is_empty() {
            continue;
        }
        compile.sort();
        first.sort();
        println!(
            "{:8.1} µs compile {:7.1} µs first search  {pattern}",
            compile[runs / 2].as_secs_f64() * 1e6,
            first[runs / 2].as_secs_f64() * 1e6
        );
    }
}
