//! Words shared by the diff renderers, so that text, Markdown and HTML name things alike.

use crate::diff::{DocumentDiff, GroupKind, KindCounts, ParagraphPair, Status};
use crate::model::ParagraphKind;

/// The heading of the part of a resolution a pair stands in.
pub fn heading(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Preambular => "Preambular paragraphs",
        ParagraphKind::Operative => "Operative paragraphs",
        ParagraphKind::Numbered | ParagraphKind::Unnumbered => "Other paragraphs",
    }
}

/// One character for a status, as in a unified diff: `=` kept, `~` edited, `>` moved.
pub fn status_sigil(status: Status) -> char {
    match status {
        Status::Unchanged => '=',
        Status::Modified => '~',
        Status::Moved => '>',
        Status::Added => '+',
        Status::Removed => '-',
    }
}

fn kind_word(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Preambular => "preambular",
        ParagraphKind::Operative => "operative",
        ParagraphKind::Numbered => "numbered",
        ParagraphKind::Unnumbered => "unnumbered",
    }
}

/// A pair's status as a reader says it: `moved and reworded` for a moved paragraph
/// whose wording changed substantially too (its JSON status stays `moved`).
pub fn status_words(pair: &ParagraphPair) -> &'static str {
    if pair.reworded { "moved and reworded" } else { pair.status.as_str() }
}

/// `3 changes of punctuation or spacing only, in 2 paragraphs`, or nothing.
pub fn minor_line(d: &DocumentDiff) -> Option<String> {
    let (n, p) = (d.summary.minor_changes, d.summary.minor_paragraphs);
    (n > 0).then(|| {
        format!(
            "{} of punctuation or spacing only, in {}",
            plural(n, "change", "changes"),
            plural(p, "paragraph", "paragraphs")
        )
    })
}

/// `1 paragraph`, `2 paragraphs`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The status counts on one line: `23 unchanged · 55 modified · 2 moved (1 reworded) · …`.
pub fn status_counts(d: &DocumentDiff) -> String {
    let reworded = d.paragraphs.iter().filter(|p| p.reworded).count();
    Status::ALL
        .iter()
        .map(|s| {
            let mut part = format!("{} {}", d.summary.counts.get(*s), s.as_str());
            if *s == Status::Moved && reworded > 0 {
                part.push_str(&format!(" ({reworded} reworded)"));
            }
            part
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `preambular → operative` for a paragraph that crossed parts.
pub fn kind_note(pair: &ParagraphPair) -> Option<String> {
    pair.kind_changed.map(|k| format!("{} → {}", kind_word(k.from), kind_word(k.to)))
}

/// `split: OP3 → OP3, OP4` / `merged: PP5, PP6 → PP5` for a pair in a group.
pub fn group_note(pair: &ParagraphPair) -> Option<String> {
    pair.group.as_ref().map(|g| {
        let word = match g.kind {
            GroupKind::Split => "split",
            GroupKind::Merge => "merged",
        };
        format!("{word}: {} → {}", g.from.join(", "), g.to.join(", "))
    })
}

/// `19 preambular and 6 operative paragraphs → 28 preambular and 9 operative`, naming
/// only the kinds a text has (a report has neither).
pub fn paragraph_counts(d: &DocumentDiff) -> String {
    let describe = |k: &KindCounts| {
        let parts: Vec<String> = [(k.preambular, "preambular"), (k.operative, "operative"), (k.other, "other")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, word)| format!("{n} {word}"))
            .collect();
        let total = k.preambular + k.operative + k.other;
        match parts.len() {
            0 => "no paragraphs".to_string(),
            _ if total == 1 => parts.join(" and ") + " paragraph",
            _ => parts.join(" and ") + " paragraphs",
        }
    };
    format!("{} → {}", describe(&d.summary.from_paragraphs), describe(&d.summary.to_paragraphs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{diff_documents, DiffOptions};

    #[test]
    fn paragraph_counts_name_only_the_kinds_a_text_has() {
        let read = |t: &str| crate::reader::read_bytes(t.as_bytes(), std::path::Path::new("x.txt")).unwrap();
        let old = read("人权理事会\n\n1/1. 标题\n\n人权理事会，\n\n回顾以往的决议，\n\n1. 决定继续处理此事。\n");
        let empty = crate::model::Document { paragraphs: Vec::new(), ..old.clone() };
        let d = diff_documents(&old, &empty, &DiffOptions::default());
        assert_eq!(paragraph_counts(&d), "1 preambular and 1 operative paragraphs → no paragraphs");
    }
}
