//! Words shared by the diff renderers, so that text, Markdown and HTML name things alike.

use crate::diff::{GroupKind, ParagraphPair, Status};
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
