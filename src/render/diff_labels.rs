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
        match parts.len() {
            0 => "no paragraphs".to_string(),
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
