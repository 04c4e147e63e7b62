//! The `lineage` binary: parse flags, run the command, map the outcome to an exit code.

use clap::Parser;
use lineage::cli::{Cli, Command};
use lineage::render::{json, text, Format};
use lineage::{Corpus, Error};
use std::io::Write;
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
    };
    write_stdout(&output);
    if cli.strict && !corpus.warnings.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// A closed pipe (`lineage show … | head`) is the reader's choice, not an error.
fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("lineage: cannot write output: {e}");
        }
    }
}
