//! Output: the only place where a format is chosen. Renderers take finished model values
//! and return strings; they never read files.

pub mod docx;
pub mod dot;
pub mod graph;
pub mod diff_html;
pub mod diff_labels;
pub mod summary_prose;
pub mod diff_md;
pub mod diff_text;
pub mod json;
pub mod site;
pub mod text;
pub mod votes;

use crate::model::choice;

/// Text from the input made safe for a terminal: a control character other than a line
/// break or tab becomes U+FFFD. The model's text has none (the reader takes them out);
/// what is quoted as it was read (dropped lines, file names) may, and an escape
/// sequence would drive the terminal of whoever prints it.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if s.chars().any(unsafe_char) {
        s.chars().map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c }).collect::<String>().into()
    } else {
        s.into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// The forms of the lineage graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftFormat {
    Text,
    /// Markdown, with PP/OP headings and the drafters' notes as quotes.
    Md,
    Json,
    /// A Word file (.docx), written with `-o FILE`.
    Docx,
}
/// The formats of `lineage diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// For the terminal: `[-deleted-]` `[+inserted+]`, coloured where asked.
    Text,
    /// A compilation text as delegations circulate it: ~~deleted~~ and **inserted**.
    Md,
    /// One self-contained page, printable, every paragraph anchored (#OP5).
    Html,
    /// The contract's shape.
    Json,
    /// The compilation text as a Word file with tracked changes, written with `-o FILE`.
    Docx,
}

choice!(Format { Text => "text", Json => "json" });
choice!(GraphFormat { Text => "text", Dot => "dot", Svg => "svg", Json => "json" });
choice!(DraftFormat { Text => "text", Md => "md", Json => "json", Docx => "docx" });
choice!(DiffFormat { Text => "text", Md => "md", Html => "html", Json => "json", Docx => "docx" });

/// Render a diff in the chosen format; `style` matters to text only.
pub fn diff(d: &crate::diff::DocumentDiff, format: DiffFormat, style: diff_text::TextStyle) -> String {
    match format {
        DiffFormat::Text => diff_text::diff(d, style),
        DiffFormat::Md => diff_md::diff(d),
        DiffFormat::Html => diff_html::diff(d),
        DiffFormat::Json => json::diff(d),
        // A Word file is bytes, written by `docx::diff` (the command line asks for -o).
        DiffFormat::Docx => diff_md::diff(d),
    }
}

/// Render a blame: text, Markdown, an HTML page in the diff's style, or JSON.
pub fn blame(b: &crate::blame::Blame, format: DiffFormat) -> String {
    use std::fmt::Write;
    let lines: Vec<(String, String)> =
        b.paragraphs.iter().map(|p| (p.paragraph.clone(), crate::blame::describe(p, &b.symbol))).collect();
    let walked = format!("Walked: {}", b.walked.join(" ← "));
    let gap = b.gap.as_ref().map(|g| format!("{g} is not in the corpus in this language: language older than it is not traced"));
    let mut out = String::new();
    match format {
        DiffFormat::Json => return json::to_string(b),
        DiffFormat::Text => {
            let _ = writeln!(out, "{}  {}\n{walked}", b.symbol, b.title);
            if let Some(g) = &gap {
                let _ = writeln!(out, "{g}");
            }
            let _ = writeln!(out);
            for (_, line) in &lines {
                let _ = writeln!(out, "{line}");
            }
        }
        // The command line refuses a Word blame; Markdown is the nearest text.
        DiffFormat::Md | DiffFormat::Docx => {
            let _ = writeln!(out, "# Provenance of {}\n\n*{}*\n\n{walked}\n", b.symbol, diff_md::escape(&b.title));
            if let Some(g) = &gap {
                let _ = writeln!(out, "> {g}\n");
            }
            for (_, line) in &lines {
                let _ = writeln!(out, "- {}", diff_md::escape(line));
            }
        }
        DiffFormat::Html => {
            let e = diff_html::escape;
            let _ = writeln!(
                out,
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Provenance of {}</title><style>{}</style></head><body>",
                e(&b.symbol),
                diff_html::STYLE
            );
            let _ = writeln!(out, "<h1>Provenance of {}</h1>\n<p>{}</p>\n<p>{}</p>", e(&b.symbol), e(&b.title), e(&walked));
            if let Some(g) = &gap {
                let _ = writeln!(out, "<p class=\"notes\">{}</p>", e(g));
            }
            let _ = writeln!(out, "<ul>");
            for (id, line) in &lines {
                let _ = writeln!(out, "<li id=\"{}\">{}</li>", e(id), e(line));
            }
            let _ = writeln!(out, "</ul>\n</body></html>");
        }
    }
    out
}
