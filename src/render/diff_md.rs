//! A compilation text in Markdown, in the form delegations circulate between rounds:
//! the new text under PP/OP headings, each paragraph under its new number, deleted words
//! ~~struck through~~ and inserted words in **bold**, deleted paragraphs kept in place.
//!
//! A change of punctuation, width or spacing only is lighter: `<s>,</s>` struck and
//! `<u>;</u>` underlined, plain. Document text is escaped so that nothing in it is read as
//! Markdown. Emphasis markers next to punctuation do not open or close in CommonMark
//! (`文**，插入**`), so a change that starts or ends with a punctuation mark is written
//! with the HTML tags CommonMark passes through (`<del>`, `<strong>`), never with an
//! invisible character slipped into the text.

use super::diff_labels::{group_note, heading, kind_note, minor_line, paragraph_counts};
use crate::diff::inline::lines;
use crate::diff::{DocumentDiff, InlineOp, Op, ParagraphPair, Status};
use std::fmt::Write;

pub fn diff(d: &DocumentDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} → {}\n", escape(&d.from), escape(&d.to));
    if d.from_title == d.to_title {
        let _ = writeln!(out, "*{}*\n", escape(&d.to_title));
    } else {
        let _ = writeln!(out, "*{}* → *{}*\n", escape(&d.from_title), escape(&d.to_title));
    }
    let counts = &d.summary.counts;
    let _ = writeln!(out, "| unchanged | modified | moved | added | removed |");
    let _ = writeln!(out, "|---:|---:|---:|---:|---:|");
    let _ = writeln!(out, "| {} | {} | {} | {} | {} |\n", counts.unchanged, counts.modified, counts.moved, counts.added, counts.removed);
    if let Some(substance) = &d.summary.substance {
        for line in super::summary_prose::lines(substance, d) {
            let _ = writeln!(out, "- {}", escape(&super::summary_prose::plain(&line)));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{}. Deleted text is ~~struck through~~, inserted text is **bold**; a change of punctuation or spacing only is <s>struck</s> or <u>underlined</u>.\n", paragraph_counts(d));
    if let Some(line) = minor_line(d) {
        let _ = writeln!(out, "{line}.\n");
    }
    for note in &d.notes {
        let _ = writeln!(out, "> Note: {}\n", escape(note));
    }
    let mut section = None;
    for pair in &d.paragraphs {
        if section != Some(pair.kind) {
            section = Some(pair.kind);
            let _ = writeln!(out, "## {}\n", heading(pair.kind));
        }
        let _ = writeln!(out, "{}\n", paragraph(pair, d.cross_language));
    }
    out
}

/// `**PP25** *(was PP7, moved)* text…`, items on lines of their own. Across languages,
/// the two texts one under the other, unmarked.
fn paragraph(pair: &ParagraphPair, cross_language: bool) -> String {
    let label = match (&pair.from, &pair.to) {
        (_, Some(to)) => format!("**{}**", escape(to)),
        (Some(from), None) => format!("~~{}~~", escape(from)),
        (None, None) => String::new(),
    };
    let mut notes: Vec<String> = Vec::new();
    match pair.status {
        Status::Added => notes.push("new".into()),
        Status::Removed => notes.push("deleted".into()),
        Status::Moved if pair.reworded => notes.push(format!("moved from {} and reworded", pair.from.as_deref().unwrap_or("?"))),
        Status::Moved => notes.push(format!("moved from {}", pair.from.as_deref().unwrap_or("?"))),
        Status::Modified | Status::Unchanged => {
            if pair.from != pair.to && pair.group.is_none() {
                notes.push(format!("was {}", pair.from.as_deref().unwrap_or("?")));
            }
        }
    }
    notes.extend(kind_note(pair));
    notes.extend(group_note(pair));
    notes.extend(pair.degraded.clone());
    let mut out = label;
    if !notes.is_empty() {
        let _ = write!(out, " *({})*", escape(&notes.join("; ")));
    }
    if cross_language {
        // Items keep their lines: a backslash at the end of a line is a hard break.
        let text = |shown: Op| -> String {
            let text: String = pair.inline.iter().filter(|o| o.op == shown).map(|o| escape(&o.text)).collect();
            text.replace('\n', "\\\n")
        };
        let texts: Vec<String> = [text(Op::Delete), text(Op::Insert)].into_iter().filter(|t| !t.is_empty()).collect();
        let _ = write!(out, " {}", texts.join("\\\n"));
        return out;
    }
    let mut body: Vec<String> = lines(&pair.inline).iter().map(|line| redline(line)).collect();
    // A piece of a split that ends where an item begins ends in a line break: a hard
    // break at the very end of a paragraph would print as a backslash.
    while body.len() > 1 && body.last().is_some_and(String::is_empty) {
        body.pop();
    }
    // A backslash at the end of a line is a hard line break: items stay in the paragraph.
    let _ = write!(out, " {}", body.join("\\\n"));
    out
}

fn redline(ops: &[InlineOp]) -> String {
    ops.iter()
        .map(|o| match o.op {
            Op::Equal => escape(&o.text),
            Op::Insert if o.minor => tag("u", &o.text),
            Op::Delete if o.minor => tag("s", &o.text),
            Op::Insert => emphasise("**", &o.text),
            Op::Delete => emphasise("~~", &o.text),
        })
        .collect()
}

/// Wrap text in a marker: `~~2019~~`, `**also**`. Markers do not open or close next to
/// a space or a punctuation mark (`** x**` is not bold, nor is `文**，插入**`), and a
/// space left outside them would be read as kept: such a run is written with the HTML
/// tag CommonMark passes through (`<del> 2019 </del>`, `<strong>，插入</strong>`).
fn emphasise(marker: &str, text: &str) -> String {
    let awkward = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    if awkward(text.chars().next()) || awkward(text.chars().last()) {
        return tag(if marker == "~~" { "del" } else { "strong" }, text);
    }
    format!("{marker}{}{marker}", escape(text))
}

/// Text inside an HTML tag that Markdown passes through, escaped.
fn tag(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Backslash-escape every ASCII character that Markdown could read as markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_hold_their_text_and_nothing_else_is_markup() {
        assert_eq!(emphasise("**", "also"), "**also**");
        assert_eq!(emphasise("**", "also "), "<strong>also </strong>");
        assert_eq!(emphasise("~~", " 2019 "), "<del> 2019 </del>");
        assert_eq!(emphasise("**", "，插入"), "<strong>，插入</strong>");
        assert_eq!(emphasise("~~", "插入，"), "<del>插入，</del>");
        assert_eq!(tag("s", ","), "<s>,</s>");
        assert_eq!(emphasise("**", "  "), "<strong>  </strong>");
        assert_eq!(escape("*a* <script> [x](y) #1 | _b_"), "\\*a\\* \\<script\\> \\[x\\](y) \\#1 \\| \\_b\\_");
    }
}
