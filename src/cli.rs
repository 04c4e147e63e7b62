//! Command-line flags (clap derive) and their validation into what `main` runs.

use crate::model::Language;
use crate::render::{DiffFormat, Format};
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
    /// No progress or warnings on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every document: symbol, body, kind, language, date, title.
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// One document's metadata, paragraphs, footnotes and vote.
    Show {
        /// Full symbol (A/HRC/RES/47/23) or short form (47/23, hrc/47/23, ga/77/211).
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Also print the account of every line that is not paragraph text: masthead,
        /// formula, page furniture, blank lines, markup.
        #[arg(long)]
        dropped: bool,
    },
    /// Write the whole corpus as JSON to the output folder: corpus.json (the list) and
    /// documents/<symbol>.json (each document, with its line account).
    Export,
    /// What changed from A to B: paragraphs aligned (unchanged, modified, moved, added,
    /// removed) with inline redlines.
    Diff {
        /// The earlier text: full symbol or short form.
        a: String,
        /// The later text.
        b: String,
        #[arg(long, value_enum, default_value = "text")]
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
        #[arg(long, value_enum)]
        from_lang: Option<LanguageArg>,
        /// The language of B where the corpus has it in several.
        #[arg(long, value_enum)]
        to_lang: Option<LanguageArg>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    Zh,
    En,
}

impl From<LanguageArg> for Language {
    fn from(l: LanguageArg) -> Language {
        match l {
            LanguageArg::Zh => Language::Zh,
            LanguageArg::En => Language::En,
        }
    }
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
}
