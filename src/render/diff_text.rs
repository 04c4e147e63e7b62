//! A diff for the terminal: the summary, then each pair in reading order with its redline.
//!
//! Insertions are marked `[+…+]` and deletions `[-…-]` (`{+…+}` and `{-…-}` where only
//! punctuation, width or spacing changed) whether or not there is colour, so
//! the redline survives a pipe, a file or a colour-blind reader; colour (green, red struck
//! through) is added on top only when asked. Unchanged paragraphs take one line each
//! unless `all` is set.

use super::diff_labels::{group_note, heading, kind_note, minor_line, paragraph_counts, status_counts, status_sigil, status_words};
use crate::diff::inline::lines;
use crate::diff::{DocumentDiff, InlineOp, Op, ParagraphPair, Status};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// ANSI colour on top of the markers.
    pub color: bool,
    /// Unchanged paragraphs in full rather than on one line.
    pub all: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const INSERTED: &str = "\x1b[32m";
const DELETED: &str = "\x1b[31;9m";
/// A change of punctuation or spacing: shown, but dimmer than a change of wording.
const MINOR: &str = "\x1b[2;33m";

/// Width, in terminal columns, of the excerpt that stands for an unchanged paragraph.
const EXCERPT_COLUMNS: usize = 60;

pub fn diff(d: &DocumentDiff, style: TextStyle) -> String {
    let paint = |code: &str, text: &str| if style.color { format!("{code}{text}{RESET}") } else { text.to_string() };
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(BOLD, &format!("{} → {}", d.from, d.to)));
    if d.from_title == d.to_title {
        let _ = writeln!(out, "{}", d.to_title);
    } else {
        let _ = writeln!(out, "{} → {}", d.from_title, d.to_title);
    }
    let _ = writeln!(out, "{}", paragraph_counts(d));
    let _ = writeln!(out, "{}", status_counts(d));
    if let Some(line) = minor_line(d) {
        let _ = writeln!(out, "{line}, marked {{-…-}} {{+…+}}");
    }
    if let Some(substance) = &d.summary.substance {
        for line in super::summary_prose::lines(substance, d) {
            let _ = writeln!(out, "  {}", super::summary_prose::plain(&line));
        }
    }
    for note in &d.notes {
        let _ = writeln!(out, "note: {note}");
    }
    let mut section = None;
    for pair in &d.paragraphs {
        if section != Some(pair.kind) {
            section = Some(pair.kind);
            let _ = writeln!(out, "\n{}", paint(BOLD, heading(pair.kind)));
        }
        if d.cross_language {
            write_translation(&mut out, pair, d);
        } else {
            write_pair(&mut out, pair, style, &paint);
        }
    }
    out
}

fn head(pair: &ParagraphPair) -> String {
    let from = pair.from.as_deref().unwrap_or("");
    let to = pair.to.as_deref().unwrap_or("");
    format!("{} {from:>5} → {to:<5} {}", status_sigil(pair.status), status_words(pair))
}

/// Two language versions: each text on its own line under its language, nothing marked
/// (every word differs); the likeness is that of the numbers both cite.
fn write_translation(out: &mut String, pair: &ParagraphPair, d: &DocumentDiff) {
    let mut head = head(pair);
    if pair.from.is_some() && pair.to.is_some() {
        let _ = write!(head, " · cited numbers agree {:.2}", pair.similarity);
    }
    let _ = writeln!(out, "{head}");
    let texts = [(d.from_language, Op::Delete), (d.to_language, Op::Insert)];
    for (language, shown) in texts {
        let text: String = pair.inline.iter().filter(|o| o.op == shown).map(|o| o.text.as_str()).collect();
        for (n, line) in text.lines().enumerate() {
            let label = if n == 0 { language.as_str() } else { "" };
            let _ = writeln!(out, "      {label:<3} {line}");
        }
    }
}

fn write_pair(out: &mut String, pair: &ParagraphPair, style: TextStyle, paint: &dyn Fn(&str, &str) -> String) {
    let mut head = head(pair);
    if matches!(pair.status, Status::Modified | Status::Moved) {
        let _ = write!(head, " · {:.2}", pair.similarity);
    }
    for note in [kind_note(pair), group_note(pair), pair.degraded.clone()].into_iter().flatten() {
        let _ = write!(head, " · {note}");
    }
    if pair.status == Status::Unchanged && !style.all {
        let text = crate::diff::inline::new_text(&pair.inline);
        let _ = writeln!(out, "{}  {}", paint(DIM, &head), paint(DIM, &excerpt(&text)));
        return;
    }
    let _ = writeln!(out, "{head}");
    for line in lines(&pair.inline) {
        let _ = writeln!(out, "      {}", redline(&line, paint));
    }
}

fn redline(ops: &[InlineOp], paint: &dyn Fn(&str, &str) -> String) -> String {
    ops.iter()
        .map(|o| match o.op {
            Op::Equal => o.text.clone(),
            Op::Insert if o.minor => paint(MINOR, &format!("{{+{}+}}", o.text)),
            Op::Delete if o.minor => paint(MINOR, &format!("{{-{}-}}", o.text)),
            Op::Insert => paint(INSERTED, &format!("[+{}+]", o.text)),
            Op::Delete => paint(DELETED, &format!("[-{}-]", o.text)),
        })
        .collect()
}

/// The start of a text, cut to a number of terminal columns (a Chinese character takes
/// two), with an ellipsis where it was cut; items' line breaks become spaces.
fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut columns = 0;
    for c in text.chars() {
        let width = crate::text::chars::column_width(c);
        if columns + width > EXCERPT_COLUMNS {
            out.push('…');
            return out;
        }
        columns += width;
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_count_chinese_as_two_columns() {
        let zh = "字".repeat(40);
        assert_eq!(excerpt(&zh).chars().count(), EXCERPT_COLUMNS / 2 + 1);
        assert_eq!(excerpt("short\n(a) item"), "short (a) item");
        let en = "w".repeat(80);
        assert!(excerpt(&en).ends_with('…'));
    }
}
