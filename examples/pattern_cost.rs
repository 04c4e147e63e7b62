//! Times how long each pattern given on standard input (one a line) takes to compile, in
//! the form built for many texts and in the form built for a few (see
//! `lineage::text::pattern`), and to run its first search, median of many runs, so that
//! the reader's one-time set-up can be weighed pattern by pattern and a cheaper spelling
//! tried.
//!
//! ```sh
//! printf '%s\n' '(?i)\bresolutions?\b' '\b[Rr]esolutions?\b' | cargo run --release --example pattern_cost
//! ```
//!
//! A line holding two patterns separated by a tab weighs the second as a respelling of
//! the first: both are timed, and the line says whether they parse to the same syntax
//! tree, that is, whether they match the same texts in the same way.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let runs = 40;
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("a line of standard input");
        if line.is_empty() {
            continue;
        }
        if let Some((old, new)) = line.split_once('\t') {
            let tree = |p: &str| regex_syntax::Parser::new().parse(p).map_err(|e| e.to_string());
            let same = match (tree(old), tree(new)) {
                (Ok(a), Ok(b)) => if a == b { "same syntax tree" } else { "DIFFERENT syntax trees" },
                _ => "does not parse",
            };
            match (cost(old, runs, false), cost(new, runs, false)) {
                (Ok(a), Ok(b)) => println!("{same}: {:.1} → {:.1} µs compile", a.0, b.0),
                (Err(e), _) | (_, Err(e)) => println!("error: {e}"),
            }
            continue;
        }
        match (cost(&line, runs, false), cost(&line, runs, true)) {
            (Ok((compile, first)), Ok((few, few_first))) => println!(
                "{compile:8.1} µs compile {first:7.1} µs first search; for a few texts {few:8.1} {few_first:7.1}  {line}"
            ),
            (Err(e), _) | (_, Err(e)) => println!("error {line}: {e}"),
        }
    }
}

/// The median time, in µs, to compile `pattern` in the form built for a few texts or for
/// many, and to run its first search.
fn cost(pattern: &str, runs: usize, few_texts: bool) -> Result<(f64, f64), String> {
    if few_texts {
        lineage::text::pattern::expect_few_texts();
    } else {
        lineage::text::pattern::expect_many_texts();
    }
    let mut compile = Vec::new();
    let mut first = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let re = lineage::text::pattern::Pattern::checked(pattern.to_string())?;
        let compiled = Instant::now();
        std::hint::black_box(re.is_match("大会 2019 年 7 月 11 日关于 the General Assembly, Recalling its resolution 41/11"));
        compile.push(compiled - start);
        first.push(compiled.elapsed());
    }
    compile.sort();
    first.sort();
    Ok((compile[runs / 2].as_secs_f64() * 1e6, first[runs / 2].as_secs_f64() * 1e6))
}
