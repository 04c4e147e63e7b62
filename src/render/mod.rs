//! Output: the only place where a format is chosen. Renderers take finished model values
//! and return strings; they never read files.

pub mod dot;
pub mod graph;
pub mod json;
pub mod text;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The forms of the lineage graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// The series and counts, for people.
    Text,
    /// Graphviz DOT source.
    Dot,
    /// A picture drawn by Graphviz's `dot`.
    Svg,
    Json,
}

/// The forms of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    Text,
    /// Markdown, with PP/OP headings and the drafters' notes as quotes.
    Md,
    Json,
}
