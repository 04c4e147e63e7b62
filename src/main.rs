//! The `lineage` binary: parse flags, run the command, map the outcome to an exit code.

use clap::Parser;
use lineage::cli::{Cli, Command};
use lineage::graph::{LineageGraph, Series};
use lineage::render::dot::{self, DotOptions};
use lineage::render::{graph as graph_view, json, text, Format, GraphFormat};
use lineage::{Corpus, Error};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lineage: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Error> {
    let corpus = Corpus::load(&cli.data)?;
    if !cli.quiet {
        for w in &corpus.warnings {
            eprintln!("lineage: warning: {}", w.message);
        }
    }
    let output = match &cli.command {
        Command::List { format } => match format {
            Format::Text => text::list(&corpus.documents),
            Format::Json => json::list(&corpus.documents),
        },
        Command::Show { id, format, dropped } => {
            let doc = corpus.find(id)?;
            match format {
                Format::Text => text::document(doc, *dropped),
                Format::Json => json::document(doc, *dropped),
            }
        }
        Command::Graph { format, series, output, expand_documents } => {
            let full = LineageGraph::build(&corpus.documents);
            let graph = match series {
                Some(id) => {
                    let doc = corpus.find(id)?;
                    full.series_subgraph(&series_or_alone(&full, doc))
                }
                None => full,
            };
            let options = DotOptions { expand_documents: *expand_documents };
            let rendered = match format {
                GraphFormat::Text => graph_view::graph_text(&graph),
                GraphFormat::Json => graph_view::graph_json(&graph),
                GraphFormat::Dot => dot::dot(&graph, options),
                GraphFormat::Svg => String::from_utf8_lossy(&dot::svg(&graph, options).map_err(Error::Output)?).into_owned(),
            };
            match output {
                Some(path) => {
                    std::fs::write(path, rendered).map_err(|source| Error::Io { path: path.clone(), source })?;
                    String::new()
                }
                None => rendered,
            }
        }
        Command::Chain { id, format } => {
            let doc = corpus.find(id)?;
            let graph = LineageGraph::build(&corpus.documents);
            let series = series_or_alone(&graph, doc);
            if graph.series_of(&doc.symbol).is_none() && !cli.quiet {
                eprintln!(
                    "lineage: {} belongs to no series: no other {} resolution in the corpus or its citations has this subject",
                    doc.symbol,
                    doc.body.as_str()
                );
            }
            match format {
                Format::Text => graph_view::chain_text(&graph, &series, &corpus.documents),
                Format::Json => graph_view::chain_json(&graph, &series, &corpus.documents),
            }
        }
        Command::Export => export(&corpus, &cli.out)?,
    };
    write_stdout(&output);
    if cli.strict && !corpus.warnings.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The series `doc` belongs to, or a series of `doc` alone.
fn series_or_alone(graph: &LineageGraph, doc: &lineage::Document) -> Series {
    graph.series_of(&doc.symbol).cloned().unwrap_or_else(|| Series {
        title: doc.title.clone(),
        body: doc.body,
        members: vec![doc.symbol.clone()],
    })
}

/// Write corpus.json and one JSON file per document under `out`; returns a summary.
fn export(corpus: &Corpus, out: &Path) -> Result<String, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let docs = out.join("documents");
    std::fs::create_dir_all(&docs).map_err(io(&docs))?;
    let list = out.join("corpus.json");
    std::fs::write(&list, json::list(&corpus.documents)).map_err(io(&list))?;
    for doc in &corpus.documents {
        let path = docs.join(format!("{}.{}.json", file_name(&doc.symbol), doc.language.as_str()));
        std::fs::write(&path, json::document(doc, true)).map_err(io(&path))?;
    }
    Ok(format!("wrote {} and {} documents to {}\n", list.display(), corpus.documents.len(), docs.display()))
}

/// A symbol as a file name: `A/HRC/RES/47/23` → `A_HRC_RES_47_23`; nothing in it can
/// leave the output folder.
fn file_name(symbol: &str) -> String {
    symbol
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect::<String>()
        .trim_matches('_')
        .to_string()
}

/// A closed pipe (`lineage show … | head`) is the reader's choice, not an error.
fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("lineage: cannot write output: {e}");
        }
}
