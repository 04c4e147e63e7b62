//! The `lineage` binary: parse flags, run the command, map the outcome to an exit code.

use clap::Parser;
use lineage::cli::{Cli, Command, LanguageArg};
use lineage::diff::{diff_documents, DiffOptions};
use lineage::render::{self, diff_text::TextStyle, json, text, Format};
use lineage::{Corpus, Error};
use std::io::{IsTerminal, Write};
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
        Command::Export => export(&corpus, &cli.out)?,
        Command::Diff { a, b, format, color, exact, cross_language, all, from_lang, to_lang, output } => {
            let request = DiffRequest { a, b, from_lang: *from_lang, to_lang: *to_lang, cross_language: *cross_language };
            let (old, new) = request.documents(&corpus)?;
            let options = DiffOptions { exact: *exact, ..DiffOptions::default() };
            let diff = diff_documents(old, new, &options);
            // `auto` colours a terminal only, never a file.
            let terminal = output.is_none() && std::io::stdout().is_terminal();
            let color = color.resolve(terminal, std::env::var_os("NO_COLOR").as_deref());
            let rendered = render::diff(&diff, *format, TextStyle { color, all: *all });
            match output {
                Some(path) => {
                    std::fs::write(path, rendered).map_err(|source| Error::Io { path: path.clone(), source })?;
                    if !cli.quiet {
                        eprintln!("lineage: wrote {}", path.display());
                    }
                    String::new()
                }
                None => rendered,
            }
        }
    };
    write_stdout(&output);
    if cli.strict && !corpus.warnings.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The two documents a `diff` names, checked: both found, in the languages asked for,
/// and in one language unless a cross-language diff was asked for.
struct DiffRequest<'a> {
    a: &'a str,
    b: &'a str,
    from_lang: Option<LanguageArg>,
    to_lang: Option<LanguageArg>,
    cross_language: bool,
}

impl DiffRequest<'_> {
    fn documents<'c>(&self, corpus: &'c Corpus) -> Result<(&'c lineage::Document, &'c lineage::Document), Error> {
        let old = corpus.find_in(self.a, self.from_lang.map(Into::into))?;
        let mut new = corpus.find_in(self.b, self.to_lang.map(Into::into))?;
        // `diff 47/23 47/23 --cross-language`: the other language of the same text.
        if self.cross_language && self.to_lang.is_none() && old.symbol == new.symbol && old.language == new.language {
            new = corpus.other_language(old).unwrap_or(new);
        }
        if old.language != new.language && !self.cross_language {
            return Err(Error::LanguagesDiffer {
                from: old.symbol.clone(),
                from_language: old.language.as_str().to_string(),
                to: new.symbol.clone(),
                to_language: new.language.as_str().to_string(),
            });
        }
        Ok((old, new))
    }
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
