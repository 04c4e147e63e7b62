//! Command-line flags (clap derive) and their validation into what `main` runs.

use crate::model::{Choice, Language};
use crate::render::{DiffFormat, DraftFormat, Format, GraphFormat};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "lineage", version, about = "Read, link and diff United Nations resolutions")]
pub struct Cli {
    /// Folder of texts to read (every .txt/.md file below it).
    #[arg(long, global = true, default_value = "data")]
    pub data: PathBuf,
    /// Folder where generated files are written.
    #[arg(long, global = true, default_value = "out")]
    pub out: PathBuf,
    /// Treat a file that cannot be read as a failure (exit 1) instead of a warning.
    #[arg(long, global = true)]
    pub strict: bool,
    /// The search index (SQLite). Default: the corpus folder's own index,
    /// <out>/index/<hash of the folder's path>.sqlite. An index answers only for the
    /// folder it was built for: commands read the corpus from it when it matches the
    /// files, and from the files when not; `index` never overwrites another folder's.
    #[arg(long, global = true, value_name = "FILE")]
    pub index: Option<PathBuf>,
    /// No progress or warnings on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
// Each subcommand's flags are built only when it is the one run (or its help is asked
// for): building every subcommand made each command 0.3 ms slower to start.
#[command(defer = true)]
pub enum Command {
    /// Every document: symbol, body, kind, language, date, title.
    List {
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
    },
    /// One document's metadata, paragraphs, footnotes and vote.
    Show {
        /// Full symbol (A/HRC/RES/47/23) or short form (47/23, hrc/47/23, ga/77/211).
        id: String,
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
        /// Also print the account of every line that is not paragraph text: masthead,
        /// formula, page furniture, blank lines, markup.
        #[arg(long)]
        dropped: bool,
    },
    /// The citation and lineage graph: every text of the corpus and everything it cites,
    /// with the series of resolutions on one subject.
    Graph {
        #[arg(long, value_parser = choice::<GraphFormat>(), default_value = "text")]
        format: GraphFormat,
        /// Only the series of this document, with what its members cite and are cited by.
        #[arg(long, value_name = "ID")]
        series: Option<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// In DOT and SVG, draw every cited document as its own node instead of one
        /// note per citing text.
        #[arg(long)]
        expand_documents: bool,
        /// Only the texts of the corpus, without what they only cite.
        #[arg(long)]
        corpus_only: bool,
        /// Draw (DOT, SVG) up to N nodes; past the default budget Graphviz takes minutes.
        #[arg(long, value_name = "N", default_value_t = crate::render::dot::NODE_BUDGET)]
        max_nodes: usize,
    },
    /// A static HTML site of the corpus: an index, a page per document, series, diff of
    /// successive texts and provenance, and the mandates. Relative links only; pages whose
    /// content did not change are not rewritten.
    Site {
        /// The folder to write (default: site/ in the output folder).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// The series a document belongs to, oldest first, with the date and vote of each
    /// text and the links between them.
    Chain {
        id: String,
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
    },
    /// Build or refresh the search index: only files whose content changed are read again.
    Index {
        /// Forget the index and read every file again.
        #[arg(long)]
        rebuild: bool,
    },
    /// Agreed language: the adopted paragraphs closest to a phrase or a paragraph of a
    /// draft, with how each resolution was adopted (consensus or vote).
    Search {
        /// The phrase or paragraph to look for (Chinese or English).
        query: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only paragraphs that contain the phrase as written.
        #[arg(long)]
        exact: bool,
        /// Only resolutions adopted without a vote.
        #[arg(long)]
        consensus: bool,
        /// Only texts in this language.
        #[arg(long, value_parser = choice::<Language>())]
        lang: Option<Language>,
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
    },
    /// Every request a resolution makes in its own name (to OHCHR, the High Commissioner,
    /// the Secretary-General…), the sessions it is due at, and whether a report answering
    /// it is known: fulfilled (by which document), due, or overdue.
    Mandates {
        /// Only the requests of this resolution.
        id: Option<String>,
        /// Judge due and overdue as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<crate::model::Date>,
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
    },
    /// Where each paragraph's language first appeared in the series and when it last
    /// changed, like `git blame` for a resolution.
    Blame {
        id: String,
        #[arg(long, value_parser = choice::<DiffFormat>(), default_value = "text")]
        format: DiffFormat,
    },
    /// A starting text for the next resolution of ID's series: ID's text with its recalling
    /// paragraph rolled over to cite ID, and the deadlines that fall due marked.
    Draft {
        id: String,
        /// Judge deadlines as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<crate::model::Date>,
        #[arg(long, value_parser = choice::<DraftFormat>(), default_value = "text")]
        format: DraftFormat,
    },
    /// Every text of ID's series × every country (from the texts' voting blocks and any
    /// UNDL voting file in the corpus), with the changes between successive texts.
    Votes {
        id: String,
        #[arg(long, value_parser = choice::<crate::render::votes::VotesFormat>(), default_value = "text")]
        format: crate::render::votes::VotesFormat,
        /// Only these countries: ISO3 codes, comma-separated (CHN,IND).
        #[arg(long, value_delimiter = ',', value_name = "ISO3,...")]
        country: Vec<String>,
        /// Only the countries whose vote changed at least once (joining or leaving the
        /// body is not a change of vote).
        #[arg(long)]
        changed: bool,
    },
    /// Write the whole corpus as JSON to the output folder: corpus.json (the list) and
    /// documents/<symbol>.<lang>.json (each document, with its line account).
    Export,
    /// What changed from A to B: paragraphs aligned (unchanged, modified, moved, added,
    /// removed) with inline redlines.
    Diff {
        /// The earlier text: full symbol or short form. A draft alone is compared with
        /// the latest adopted text of its series.
        a: String,
        /// The later text; an amendment to A gives A with the amendment's edits applied.
        b: Option<String>,
        #[arg(long, value_parser = choice::<DiffFormat>(), default_value = "text")]
        format: DiffFormat,
        /// Colour in text output: auto = when stdout is a terminal and NO_COLOR is unset.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Show punctuation and whitespace changes too (full- and half-width commas,
        /// stray spaces): by default they are not changes.
        #[arg(long)]
        exact: bool,
        /// Allow A and B in different languages (paired by number; no word-level redline).
        #[arg(long)]
        cross_language: bool,
        /// Show unchanged paragraphs in full (text format) instead of one line each.
        #[arg(long)]
        all: bool,
        /// The language of A where the corpus has it in several.
        #[arg(long, value_parser = choice::<Language>())]
        from_lang: Option<Language>,
        /// The language of B where the corpus has it in several.
        #[arg(long, value_parser = choice::<Language>())]
        to_lang: Option<Language>,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal and the value of
    /// NO_COLOR (any non-empty value turns colour off, https://no-color.org; an explicit
    /// `always` wins over it).
    pub fn resolve(self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}


/// A YYYY-MM-DD date that exists.
fn parse_date(s: &str) -> Result<crate::model::Date, String> {
    s.parse().map_err(|e: crate::text::date::NotADate| e.to_string())
}

/// A parser for the values of a [`Choice`], offering their names in `--help`.
fn choice<T: Choice + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::ALL.iter().map(|c| c.name()))
        .map(|name| T::from_name(&name).expect("clap accepts only the listed names"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_follows_the_terminal_and_no_color_unless_forced() {
        let rows = [
            (ColorChoice::Auto, true, None, true),
            (ColorChoice::Auto, false, None, false),
            (ColorChoice::Auto, true, Some("1"), false),
            (ColorChoice::Auto, true, Some(""), true),
            (ColorChoice::Always, false, Some("1"), true),
            (ColorChoice::Never, true, None, false),
        ];
        for (choice, terminal, no_color, want) in rows {
            assert_eq!(choice.resolve(terminal, no_color.map(OsStr::new)), want, "{choice:?} {terminal} {no_color:?}");
        }
    }

    #[test]
    fn every_subcommand_is_well_formed_when_built() {
        // The subcommands' flags are built late (`defer`); this builds them all and
        // checks them as clap checks a command line it is given.
        use clap::CommandFactory;
        let cli = Cli::command();
        cli.clone().debug_assert();
        let mut built = cli;
        built.build();
        for sub in built.get_subcommands().filter(|sub| sub.get_name() != "help") {
            assert!(sub.get_arguments().any(|a| a.get_id() == "data"), "{} lacks the global flags", sub.get_name());
        }
    }

    #[test]
    fn every_format_and_language_reads_back_from_its_name() {
        fn round_trip<T: Choice + PartialEq + std::fmt::Debug>() {
            let names: Vec<&str> = T::ALL.iter().map(|c| c.name()).collect();
            for c in T::ALL {
                assert_eq!(T::from_name(c.name()), Some(*c));
            }
            assert_eq!(names.len(), names.iter().collect::<std::collections::HashSet<_>>().len(), "{names:?}");
        }
        round_trip::<Format>();
        round_trip::<GraphFormat>();
        round_trip::<DraftFormat>();
        round_trip::<DiffFormat>();
        round_trip::<crate::render::votes::VotesFormat>();
        round_trip::<Language>();
        assert_eq!(DiffFormat::from_name("docx"), Some(DiffFormat::Docx));
        assert_eq!(DiffFormat::from_name("pdf"), None);
    }
}
