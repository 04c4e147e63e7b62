//! How closely texts extracted from PDFs read like their text twins: the measure behind
//! the choice of PDF extractor (README, "PDF and Word").
//!
//! `cargo run --release --example pdf_agreement -- MANIFEST.tsv SHARED_DIR EXTRACTED_DIR...`
//!
//! MANIFEST.tsv is `../shared/pdf-en/MANIFEST.tsv` (the PDF's file name in column 1, its
//! twin's path below SHARED_DIR in column 7). Each EXTRACTED_DIR holds one extractor's
//! output, `NAME.txt` for `NAME.pdf`; a folder holding the PDFs themselves is read through
//! lineage's own PDF path. Every extracted text and every twin is read by the
//! same reader; a table compares, per extractor, the symbol, the paragraphs (same id and
//! same text, spaces aside), the items, the footnotes and the references.

use std::collections::BTreeSet;
use std::path::Path;

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn paragraphs(doc: &lineage::model::Document) -> Vec<(String, String)> {
    doc.paragraphs.iter().map(|p| (p.id.clone(), squeeze(&p.text))).collect()
}

fn items(doc: &lineage::model::Document) -> Vec<(String, String, String)> {
    doc.paragraphs
        .iter()
        .flat_map(|p| p.items.iter().map(move |i| (p.id.clone(), i.label.clone(), squeeze(&i.text))))
        .collect()
}

fn footnotes(doc: &lineage::model::Document) -> Vec<(String, String)> {
    doc.footnotes.iter().map(|f| (f.mark.clone(), squeeze(&f.text))).collect()
}

fn references(doc: &lineage::model::Document) -> BTreeSet<String> {
    doc.references.iter().map(|r| r.target.clone()).collect()
}

/// The share of `want` found in `got` (as a multiset would count them).
fn agreement<T: Ord + Clone>(want: &[T], got: &[T]) -> (usize, usize) {
    let mut pool: Vec<T> = got.to_vec();
    pool.sort();
    let mut found = 0;
    for w in want {
        if let Ok(i) = pool.binary_search(w) {
            pool.remove(i);
            found += 1;
        }
    }
    (found, want.len())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: pdf_agreement MANIFEST.tsv SHARED_DIR EXTRACTED_DIR...");
        std::process::exit(2);
    }
    let manifest = std::fs::read_to_string(&args[0]).expect("manifest");
    let shared = Path::new(&args[1]);
    let pairs: Vec<(String, String)> = manifest
        .lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 7).then(|| (cols[0].trim_end_matches(".pdf").to_string(), cols[6].to_string()))
        })
        .collect();
    println!("| extractor | read | symbol | paragraphs | items | footnotes | references | texts whose paragraphs all agree |");
    println!("|---|---|---|---|---|---|---|---|");
    for dir in &args[2..] {
        let dir = Path::new(dir);
        let (mut read, mut symbol, mut whole) = (0, 0, 0);
        let (mut para, mut item, mut note, mut refs) = ((0, 0), (0, 0), (0, 0), (0, 0));
        for (name, twin) in &pairs {
            let Ok(want) = lineage::reader::read_file(&shared.join(twin)) else { continue };
            let add = |acc: &mut (usize, usize), (f, t): (usize, usize)| {
                acc.0 += f;
                acc.1 += t;
            };
            // A folder of PDFs is read through lineage's own PDF path; any other holds texts.
            let pdf = dir.join(format!("{name}.pdf"));
            let got = lineage::reader::read_file(&if pdf.exists() { pdf } else { dir.join(format!("{name}.txt")) });
            let Ok(got) = got else {
                add(&mut para, (0, want.paragraphs.len()));
                add(&mut item, (0, items(&want).len()));
                add(&mut note, (0, want.footnotes.len()));
                add(&mut refs, (0, references(&want).len()));
                if std::env::var_os("VERBOSE").is_some() {
                    eprintln!("{}: {name}: not read: {}", dir.display(), got.unwrap_err());
                }
                continue;
            };
            read += 1;
            symbol += usize::from(got.symbol == want.symbol);
            let p = agreement(&paragraphs(&want), &paragraphs(&got));
            whole += usize::from(p.0 == p.1 && got.paragraphs.len() == want.paragraphs.len());
            if std::env::var_os("VERBOSE").is_some() && p.0 != p.1 {
                eprintln!("{}: {name}: {}/{} paragraphs", dir.display(), p.0, p.1);
            }
            add(&mut para, p);
            add(&mut item, agreement(&items(&want), &items(&got)));
            add(&mut note, agreement(&footnotes(&want), &footnotes(&got)));
            let (w, g) = (references(&want), references(&got));
            add(&mut refs, (w.intersection(&g).count(), w.len()));
        }
        let pct = |(f, t): (usize, usize)| format!("{f}/{t} ({:.1}%)", 100.0 * f as f64 / t.max(1) as f64);
        println!(
            "| {} | {read}/{} | {symbol} | {} | {} | {} | {} | {whole} |",
            dir.file_name().unwrap_or_default().to_string_lossy(),
            pairs.len(),
            pct(para),
            pct(item),
            pct(note),
            pct(refs)
        );
    }
}
