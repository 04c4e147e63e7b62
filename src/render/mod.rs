//! Output: the only place where a format is chosen. Renderers take finished model values
//! and return strings; they never read files.

pub mod dot;
pub mod graph;
pub mod diff_html;
mod diff_labels;
pub mod diff_md;
pub mod diff_text;
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
/// The formats of `lineage diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For the terminal: `[-deleted-]` `[+inserted+]`, coloured where asked.
    Text,
    /// A compilation text as delegations circulate it: ~~deleted~~ and **inserted**.
    Md,
    /// One self-contained page, printable, every paragraph anchored (#OP5).
    Html,
    /// The contract's shape.
    Json,
}

/// Render a diff in the chosen format; `style` matters to text only.
pub fn diff(d: &crate::diff::DocumentDiff, format: DiffFormat, style: diff_text::TextStyle) -> String {
    match format {
        DiffFormat::Text => diff_text::diff(d, style),
        DiffFormat::Md => diff_md::diff(d),
        DiffFormat::Html => diff_html::diff(d),
        DiffFormat::Json => json::diff(d),
    }
}
