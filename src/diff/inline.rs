//! The inline redline inside a pair of paragraphs: which words or characters were struck
//! out and which were written in.
//!
//! The texts are cut into *units* and diffed by Myers' algorithm ([`crate::text::edits`],
//! `similar`'s search, with a deadline):
//! - by default a unit is one substantive token (a Han character or a Latin word) with the
//!   punctuation and spaces that follow it, and an opening bracket or quote that precedes
//!   it. Units compare by their substantive token only, so a full-width comma that became a
//!   half-width one, or a stray space from a PDF, is not a change of wording.
//! - with `exact`, every token (spaces and punctuation marks included) is a unit that
//!   compares by its exact text.
//!
//! Either way the runs spell both texts exactly: equal + delete is the old paragraph,
//! equal + insert the new one, character for character. A change of punctuation, width
//! or spacing alone is never hidden and never borrowed from the other text: it is a
//! delete and/or insert marked `minor`, which renderers show lighter than a change of
//! wording and the summary counts apart.
//!
//! A word-level diff of two rewordings tends to confetti: `[-a-][+b+]的[-c-][+d+]`. A
//! semantic clean-up then absorbs an equal run that is no longer than the changes on both
//! sides of it, so the redline shows whole phrases (the rule of diff-match-patch's
//! semantic clean-up, here on units).

use super::compare::{fold_char, fold_width, is_insubstantial, tokenize, tokens, KeyHasher, TokenClass};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use serde::{Deserialize, Serialize};
use crate::text::edits;
use similar::DiffTag;
use std::ops::Range;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// One run of a redline: text kept, written in, or struck out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineOp {
    pub op: Op,
    pub text: String,
    /// A change of punctuation, width or spacing only (never set on an equal run).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub minor: bool,
}

impl InlineOp {
    pub fn new(op: Op, text: impl Into<String>) -> InlineOp {
        InlineOp { op, text: text.into(), minor: false }
    }

    /// A change of punctuation, width or spacing only.
    pub fn minor(op: Op, text: impl Into<String>) -> InlineOp {
        InlineOp { op, text: text.into(), minor: op != Op::Equal }
    }

    /// Is this run a change of wording (not kept, not a minor change)?
    pub fn is_wording_change(&self) -> bool {
        self.op != Op::Equal && !self.minor
    }
}

/// How many minor changes (of punctuation, width or spacing) a redline holds: a struck
/// out run and the run written in its place count as one.
pub fn minor_changes(ops: &[InlineOp]) -> usize {
    let mut count = 0;
    let mut in_change = false;
    for op in ops {
        if op.minor {
            if !in_change {
                count += 1;
            }
            in_change = true;
        } else {
            in_change = false;
        }
    }
    count
}

/// A redline and, where the diff had to give up on detail, why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Redline {
    pub ops: Vec<InlineOp>,
    pub degraded: Option<String>,
}

/// Whether a diff of `units` units in all could outlast `budget`, and so is timed: Myers
/// takes at most `units²` steps, each well under 10 ns. One that cannot is not timed: the
/// clock is not read at each of its rounds (a twentieth of a diff's time), and its answer
/// is the same however busy the machine is.
fn timed(units: usize, budget: Duration) -> bool {
    (units as u128).pow(2) * 10 > budget.as_nanos()
}

/// Units beyond which a paragraph is not diffed word by word (a pasted annex, a text
/// with no paragraph breaks): the redline is then the whole old text struck out and the
/// whole new text written in, with a note.
const MAX_UNITS: usize = 40_000;

/// The old text as the redline spells it: equal and deleted runs.
pub fn old_text(ops: &[InlineOp]) -> String {
    ops.iter().filter(|o| o.op != Op::Insert).map(|o| o.text.as_str()).collect()
}

/// The new text as the redline spells it: equal and inserted runs.
pub fn new_text(ops: &[InlineOp]) -> String {
    ops.iter().filter(|o| o.op != Op::Delete).map(|o| o.text.as_str()).collect()
}

/// The runs cut at line breaks, for renderers that lay items out on lines of their own:
/// `[equal "a", insert "b\n(c) d"]` → `[[equal "a", insert "b"], [insert "(c) d"]]`.
pub fn lines(ops: &[InlineOp]) -> Vec<Vec<InlineOp>> {
    let mut lines = vec![Vec::new()];
    for op in ops {
        for (n, piece) in op.text.split('\n').enumerate() {
            if n > 0 {
                lines.push(Vec::new());
            }
            if let Some(line) = lines.last_mut() {
                push(line, op.op, piece, op.minor);
            }
        }
    }
    lines
}

/// Only the runs one side of the redline shows: the old text's (equal and deleted) or
/// the new text's (equal and inserted), for a side-by-side view.
pub fn side(ops: &[InlineOp], op_shown: Op) -> Vec<InlineOp> {
    ops.iter().filter(|o| o.op == Op::Equal || o.op == op_shown).cloned().collect()
}

/// The redline of a paragraph that was struck out and one written in its place, with
/// nothing aligned between them (added, removed, or two languages).
pub fn whole(old: &str, new: &str) -> Vec<InlineOp> {
    let mut ops = Vec::new();
    append(&mut ops, Op::Delete, old);
    append(&mut ops, Op::Insert, new);
    ops
}

/// Diff two texts into a redline. Never fails: over the deadline the search returns a
/// coarser diff, and the redline says so.
pub fn redline(old: &str, new: &str, exact: bool, budget: Duration) -> Redline {
    let mut keys = Keys::default();
    let old_units = units(old, exact, &mut keys);
    let new_units = units(new, exact, &mut keys);
    if old_units.len() > MAX_UNITS || new_units.len() > MAX_UNITS {
        return Redline {
            ops: whole(old, new),
            degraded: Some(format!(
                "paragraph too long for a word-level redline ({} and {} units; the limit is {MAX_UNITS}): shown as struck out and written anew",
                old_units.len(),
                new_units.len()
            )),
        };
    }
    let deadline = timed(old_units.len() + new_units.len(), budget).then(|| Instant::now() + budget);
    let Some(hunks) = diff_units(&old_units, &new_units, deadline) else {
        return Redline {
            ops: whole(old, new),
            degraded: Some("the word-level diff did not add up: shown as struck out and written anew".to_string()),
        };
    };
    let degraded = deadline.is_some_and(|deadline| Instant::now() >= deadline).then(|| {
        format!("redline over its time budget ({} ms): changes shown in coarser runs", budget.as_millis())
    });
    let hunks = absorb_small_equalities(hunks, &old_units, &new_units);
    Redline { ops: render_hunks(&hunks, old, new, &old_units, &new_units), degraded }
}

/// Byte offsets in `whole` where each of `pieces` after the first begins, found by
/// diffing `whole` against the pieces read one after another: how the text of a
/// paragraph was divided when it was split into several (or, read the other way, where
/// the merged text of several paragraphs joins).
pub fn cut_points(whole: &str, pieces: &[&str], budget: Duration) -> Vec<usize> {
    let mut keys = Keys::default();
    let whole_units = units(whole, false, &mut keys);
    let mut joined = Vec::new();
    let mut boundaries = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            boundaries.push(joined.len());
        }
        joined.extend(units(piece, false, &mut keys));
    }
    if whole_units.len() > MAX_UNITS || joined.len() > MAX_UNITS {
        return proportional_cuts(whole, pieces);
    }
    let deadline = timed(whole_units.len() + joined.len(), budget).then(|| Instant::now() + budget);
    let Some(runs) = runs(&whole_units, &joined, deadline) else {
        return proportional_cuts(whole, pieces);
    };
    // For each boundary in the joined pieces, the unit of `whole` reached when the diff
    // reaches it; text struck out at the boundary stays with the earlier piece.
    let mut cuts = Vec::with_capacity(boundaries.len());
    let mut next = boundaries.iter().peekable();
    for run in runs {
        while let Some(&&b) = next.peek() {
            if !run.new.contains(&b) {
                break;
            }
            cuts.push(if run.equal { run.old.start + (b - run.new.start) } else { run.old.start });
            next.next();
        }
    }
    cuts.extend(next.map(|_| whole_units.len()));
    cuts.into_iter()
        .map(|u| whole_units.get(u).map_or(whole.len(), |unit| unit.start))
        .collect()
}

/// Cut points in proportion to the pieces' lengths, for texts too long to align.
fn proportional_cuts(whole: &str, pieces: &[&str]) -> Vec<usize> {
    let total: usize = pieces.iter().map(|p| p.len()).sum::<usize>().max(1);
    let mut acc = 0;
    pieces[..pieces.len().saturating_sub(1)]
        .iter()
        .map(|p| {
            acc += p.len();
            floor_char_boundary(whole, acc * whole.len() / total)
        })
        .collect()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A stretch of text that the diff moves as one piece.
#[derive(Debug)]
struct Unit<'a> {
    /// What it is compared by: the same number for the same characters (see [`Keys`]).
    key: u32,
    /// The text it stands for, with its attached punctuation and spaces.
    text: &'a str,
    /// Byte offset of `text` in the paragraph.
    start: usize,
    /// Characters of substance, for weighing an equal run against the changes around it.
    weight: usize,
}

/// Opening brackets and quotes belong to the word they open, not the one before them.
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '《' | '〈' | '（' | '［' | '｛' | '【' | '〔' | '「' | '『' | '“' | '‘' | '"')
}

/// The units' keys as numbers, one per distinct key among the texts compared, so that
/// the diff compares numbers rather than strings (the same equalities, found faster).
#[derive(Default)]
struct Keys {
    /// Keys of one character (a Han character, a punctuation mark), by the character.
    chars: HashMap<char, u32, BuildHasherDefault<KeyHasher>>,
    /// Longer keys (words), and the empty one, by their text.
    words: HashMap<String, u32, BuildHasherDefault<KeyHasher>>,
    /// A key being folded, reused from unit to unit.
    buffer: String,
}

impl Keys {
    /// The number of the key `key`.
    fn id(&mut self, key: &str) -> u32 {
        let next = (self.chars.len() + self.words.len()) as u32;
        let mut chars = key.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return *self.chars.entry(c).or_insert(next);
        }
        if let Some(&id) = self.words.get(key) {
            return id;
        }
        self.words.insert(key.to_string(), next);
        next
    }

    /// The number of `text` width-folded (see [`fold_char`]).
    fn folded_id(&mut self, text: &str) -> u32 {
        // Only a character of U+F000 to U+FFFF (lead byte 0xEF) can be a full-width form.
        if !text.as_bytes().contains(&0xEF) {
            return self.id(text);
        }
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        buffer.extend(text.chars().map(fold_char));
        let id = self.id(&buffer);
        self.buffer = buffer;
        id
    }
}

fn units<'a>(text: &'a str, exact: bool, keys: &mut Keys) -> Vec<Unit<'a>> {
    if exact {
        let mut at = 0;
        return tokens(text)
            .map(|t| {
                let start = at;
                at += t.text.len();
                // Punctuation and spaces weigh nothing, so that a lone character between
                // two punctuation changes stays visible as kept.
                let weight = if t.class.is_substantive() { t.text.chars().count() } else { 0 };
                Unit { key: keys.id(t.text), text: t.text, start, weight }
            })
            .collect();
    }
    // Where each unit starts: at its substantive token, or earlier where the gap before
    // it has an opening bracket or punctuation after a space (` <script`, ` "quoted`),
    // which belong to the word they open; the first unit also takes whatever precedes it.
    // Each unit's text runs to the next one's start; it is cut once all starts are known.
    let mut units: Vec<Unit> = Vec::with_capacity(text.len() / 3 + 1);
    let (mut opening, mut after_space) = (None, None);
    let mut at = 0;
    for t in tokens(text) {
        let offset = at;
        at += t.text.len();
        match t.class {
            TokenClass::Punct => {
                if opening.is_none() && t.text.chars().all(opens) {
                    opening = Some(offset);
                }
            }
            TokenClass::Space => after_space = Some(at),
            TokenClass::Word | TokenClass::Han => {
                let start = if units.is_empty() { 0 } else { [opening, after_space].into_iter().flatten().min().unwrap_or(offset) };
                // A Han token is one character, never a full-width form.
                let (key, weight) = match t.class {
                    TokenClass::Han => (keys.id(t.text), 1),
                    _ => (keys.folded_id(t.text), t.text.chars().count()),
                };
                units.push(Unit { key, text: "", start, weight });
                (opening, after_space) = (None, None);
            }
        }
    }
    if units.is_empty() {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Unit { key: keys.id(""), text, start: 0, weight: 0 }]
        };
    }
    let mut end = text.len();
    for unit in units.iter_mut().rev() {
        unit.text = &text[unit.start..end];
        end = unit.start;
    }
    units
}

fn keys(units: &[Unit]) -> Vec<u32> {
    units.iter().map(|u| u.key).collect()
}

/// A stretch of the diff of two unit sequences: kept, or changed.
struct Run {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The diff of two unit sequences as runs laid end to end. The ranges are rebuilt from
/// the ops' lengths, in order: after `similar`'s compaction a delete's position in the
/// new sequence is not always where the runs before it end. `None` if the lengths do not
/// add up to both sequences.
fn runs(old: &[Unit], new: &[Unit], deadline: Option<Instant>) -> Option<Vec<Run>> {
    let ops = edits::diff(&keys(old), &keys(new), deadline);
    let (mut o, mut n) = (0, 0);
    let mut runs = Vec::with_capacity(ops.len());
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (old_len, new_len) = (old_range.len(), new_range.len());
        runs.push(Run { equal: tag == DiffTag::Equal, old: o..o + old_len, new: n..n + new_len });
        o += old_len;
        n += new_len;
    }
    (o == old.len() && n == new.len()).then_some(runs)
}

/// A run of the diff over units: kept as is, or changed (struck out and/or written in).
#[derive(Debug, Clone, PartialEq)]
enum Hunk {
    Equal { old: Range<usize>, new: Range<usize> },
    Change { old: Range<usize>, new: Range<usize> },
}

impl Hunk {
    fn ranges(&self) -> (&Range<usize>, &Range<usize>) {
        match self {
            Hunk::Equal { old, new } | Hunk::Change { old, new } => (old, new),
        }
    }
}

fn diff_units(old: &[Unit], new: &[Unit], deadline: Option<Instant>) -> Option<Vec<Hunk>> {
    let mut hunks: Vec<Hunk> = Vec::new();
    for run in runs(old, new, deadline)? {
        if run.equal {
            hunks.push(Hunk::Equal { old: run.old, new: run.new });
            continue;
        }
        match hunks.last_mut() {
            Some(Hunk::Change { old, new }) => {
                old.end = run.old.end;
                new.end = run.new.end;
            }
            _ => hunks.push(Hunk::Change { old: run.old, new: run.new }),
        }
    }
    Some(hunks)
}

fn weight(units: &[Unit], range: &Range<usize>) -> usize {
    units[range.clone()].iter().map(|u| u.weight).sum()
}

/// Absorb each equal run that weighs no more than the larger side of the change before
/// it and of the change after it, until none is left: `[-一切-][+所有+]的[-x-][+y+]`
/// reads better as one change than as two around a lone `的`.
fn absorb_small_equalities(mut hunks: Vec<Hunk>, old: &[Unit], new: &[Unit]) -> Vec<Hunk> {
    let change_weight = |h: &Hunk| {
        let (o, n) = h.ranges();
        weight(old, o).max(weight(new, n))
    };
    loop {
        let absorbable = (1..hunks.len().saturating_sub(1)).find(|&i| match &hunks[i] {
            Hunk::Equal { new: n, .. } => {
                matches!(hunks[i - 1], Hunk::Change { .. })
                    && matches!(hunks[i + 1], Hunk::Change { .. })
                    && weight(new, n) <= change_weight(&hunks[i - 1])
                    && weight(new, n) <= change_weight(&hunks[i + 1])
            }
            Hunk::Change { .. } => false,
        });
        let Some(i) = absorbable else { return hunks };
        let (before_old, before_new) = hunks[i - 1].ranges();
        let (after_old, after_new) = hunks[i + 1].ranges();
        let merged = Hunk::Change { old: before_old.start..after_old.end, new: before_new.start..after_new.end };
        hunks.splice(i - 1..=i + 1, [merged]);
    }
}

/// The text of a range of units: they stand end to end in their paragraph, so it is
/// one stretch of it.
fn span<'a>(text: &'a str, units: &[Unit<'a>], range: &Range<usize>) -> &'a str {
    match (units[range.clone()].first(), units[range.clone()].last()) {
        (Some(first), Some(last)) => &text[first.start..last.start + last.text.len()],
        _ => "",
    }
}

fn render_hunks(hunks: &[Hunk], old: &str, new: &str, old_units: &[Unit], new_units: &[Unit]) -> Vec<InlineOp> {
    let mut ops = Vec::new();
    for hunk in hunks {
        match hunk {
            Hunk::Equal { old: o, new: n } => {
                // Units that compare equal may still differ in the punctuation, width or
                // spacing they carry: each side keeps its own, the difference shown minor.
                // A run of units that read the same is kept as one stretch of the text.
                let mut same_from = n.start;
                for (k, (a, b)) in old_units[o.clone()].iter().zip(&new_units[n.clone()]).enumerate() {
                    if a.text != b.text {
                        append(&mut ops, Op::Equal, span(new, new_units, &(same_from..n.start + k)));
                        minor_redline(&mut ops, a.text, b.text);
                        same_from = n.start + k + 1;
                    }
                }
                append(&mut ops, Op::Equal, span(new, new_units, &(same_from..n.end)));
            }
            Hunk::Change { old: o, new: n } => {
                let deleted = span(old, old_units, o);
                let inserted = span(new, new_units, n);
                if is_insubstantial(deleted) && is_insubstantial(inserted) {
                    minor_redline(&mut ops, deleted, inserted);
                } else {
                    append(&mut ops, Op::Delete, deleted);
                    append(&mut ops, Op::Insert, inserted);
                }
            }
        }
    }
    let ops = join_clusters(ops);
    debug_assert_eq!(new_text(&ops), new);
    debug_assert_eq!(old_text(&ops), old);
    ops
}

/// A minor change that touches a change of wording is part of it: `[+the+]` after a
/// space that came along reads `[+ the+]`, not `{+ +}[+the+]`. Each run of changes with
/// a change of wording in it becomes one struck-out run and one written-in run.
fn join_clusters(ops: Vec<InlineOp>) -> Vec<InlineOp> {
    let mut out: Vec<InlineOp> = Vec::with_capacity(ops.len());
    let mut cluster: Vec<InlineOp> = Vec::new();
    let flush = |cluster: &mut Vec<InlineOp>, out: &mut Vec<InlineOp>| {
        if cluster.iter().any(InlineOp::is_wording_change) {
            let side = |op: Op| cluster.iter().filter(|o| o.op == op).map(|o| o.text.as_str()).collect::<String>();
            let (deleted, inserted) = (side(Op::Delete), side(Op::Insert));
            append(out, Op::Delete, &deleted);
            append(out, Op::Insert, &inserted);
        } else {
            for o in cluster.iter() {
                push(out, o.op, &o.text, o.minor);
            }
        }
        cluster.clear();
    };
    for op in ops {
        if op.op == Op::Equal {
            flush(&mut cluster, &mut out);
            append(&mut out, Op::Equal, &op.text);
        } else {
            cluster.push(op);
        }
    }
    flush(&mut cluster, &mut out);
    out
}

/// The redline of two stretches that differ in punctuation, width or spacing only: the
/// tokens both share kept, the others struck out and written in as minor changes.
fn minor_redline(ops: &mut Vec<InlineOp>, old: &str, new: &str) {
    let old_tokens: Vec<&str> = tokenize(old).iter().map(|t| t.text).collect();
    let new_tokens: Vec<&str> = tokenize(new).iter().map(|t| t.text).collect();
    let diff = edits::diff(&old_tokens, &new_tokens, None);
    for op in diff {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            append(ops, Op::Equal, &new_tokens[n].concat());
            continue;
        }
        let (deleted, inserted) = (old_tokens[o].concat(), new_tokens[n].concat());
        // A token that only changed width (a full-width letter or digit) is minor too.
        let minor = fold_width(&deleted) == fold_width(&inserted) || (is_insubstantial(&deleted) && is_insubstantial(&inserted));
        push(ops, Op::Delete, &deleted, minor);
        push(ops, Op::Insert, &inserted, minor);
    }
}

/// Append a run, joining it to the last one when they are of the same kind.
pub fn append(ops: &mut Vec<InlineOp>, op: Op, text: &str) {
    push(ops, op, text, false);
}

/// Append a run that may be a minor change, joining it to the last one of the same kind.
pub fn push(ops: &mut Vec<InlineOp>, op: Op, text: &str, minor: bool) {
    if text.is_empty() {
        return;
    }
    let minor = minor && op != Op::Equal;
    match ops.last_mut() {
        Some(last) if last.op == op && last.minor == minor => last.text.push_str(text),
        _ => ops.push(InlineOp { op, text: text.to_string(), minor }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: Duration = Duration::from_millis(500);

    /// The redline in the `[-…-]` `[+…+]` notation of the text renderer, for tables.
    fn marked(old: &str, new: &str, exact: bool) -> String {
        redline(old, new, exact, BUDGET)
            .ops
            .iter()
            .map(|o| match o.op {
                Op::Equal => o.text.clone(),
                Op::Delete if o.minor => format!("{{-{}-}}", o.text),
                Op::Insert if o.minor => format!("{{+{}+}}", o.text),
                Op::Delete => format!("[-{}-]", o.text),
                Op::Insert => format!("[+{}+]", o.text),
            })
            .collect()
    }

    #[test]
    fn redlines_read_as_phrases_in_both_languages() {
        let rows = [
            ("回顾一切人权和基本自由", "回顾所有人权和基本自由", "回顾[-一切-][+所有+]人权和基本自由"),
            ("又确认新的和新兴的数字技术", "又认识到新的和新兴数字技术", "又[-确认-][+认识到+]新的和新兴[-的-]数字技术"),
            (
                "Recalling that all human rights are universal,",
                "Recalling also that all human rights are universal and indivisible,",
                "Recalling [+also +]that all human rights are universal[-,-][+ and indivisible,+]",
            ),
            (
                "Requests the Office to convene two expert consultations",
                "Requests the High Commissioner to organize one expert meeting",
                "Requests the [-Office to convene two expert consultations-][+High Commissioner to organize one expert meeting+]",
            ),
        ];
        for (old, new, want) in rows {
            assert_eq!(marked(old, new, false), want, "{old} → {new}");
        }
    }

    #[test]
    fn punctuation_and_spaces_are_minor_changes_spelt_from_their_own_text() {
        let (old, new) = ("遵循《联合国宪章》的宗旨和原则，第 77/211 号", "遵循《联合国宪章》的宗旨和原则,第77/211号");
        let want = "遵循《联合国宪章》的宗旨和原则{-，-}{+,+}第{- -}77/211{- -}号";
        assert_eq!(marked(old, new, false), want);
        assert_eq!(marked(old, new, true), want);
        assert_eq!(marked("A, B and C.", "A; B and C", false), "A{-,-}{+;+} B and C{-.-}");
        // 78/221 → 79/184 OP4: the old text keeps its own semicolon.
        let r = redline("across borders;", "across borders,", false, BUDGET).ops;
        assert_eq!(old_text(&r), "across borders;");
        assert_eq!(minor_changes(&r), 1);
        assert!(r.iter().all(|o| o.op == Op::Equal || o.minor));
        // A wording change stays a wording change.
        assert_eq!(marked("Charter, and", "Charter and the", false), "Charter{-,-} and[+ the+]");
    }

    #[test]
    fn inserts_and_equals_spell_the_new_text_and_exact_spells_both() {
        let rows = [
            ("", "新的段落"),
            ("旧的段落", ""),
            ("(a) 保护个人，", "（a）保护所有个人,"),
            ("  spaced  out ", "spaced out"),
            ("，。", "、"),
            ("Decides to remain seized of the matter.", "Decides to remain actively seized of the matter;"),
        ];
        for (old, new) in rows {
            for exact in [false, true] {
                let ops = redline(old, new, exact, BUDGET).ops;
                assert_eq!(new_text(&ops), new, "{old} → {new} exact={exact}");
                assert_eq!(old_text(&ops), old, "{old} → {new} exact={exact}");
                assert!(ops.iter().all(|o| !o.text.is_empty()));
            }
        }
    }

    #[test]
    fn runs_stay_in_order_where_similar_compacts_a_deletion() {
        // A real pair (A/RES/78/152 → 79/205) on which the positions `similar` reports
        // after compaction run backwards.
        let old = "Stressing the urgent need to address the unprecedented global decline in biodiversity, recalling with concern the findings of the Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services, and welcoming the first part of the fifteenth meeting of the Conference of the Parties to the Convention on Biological Diversity, held in Kunming, China, from 11 to 15 October 2021, and the second part of the fifteenth meeting of the Conference of the Parties to the Convention, held in Montreal, Canada, from 7 to 19 December 2022, and its outcomes, including the Kunming-Montreal Global Biodiversity Framework, and urging their early, inclusive and effective implementation,";
        let new = "Stressing the urgent need to address the unprecedented global decline in biodiversity, recalling with concern the findings of the Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services, further recalling the Kunming-Montreal Global Biodiversity Framework adopted at the fifteenth meeting of the Conference of the Parties to the Convention on Biological Diversity and urging its early, inclusive and effective implementation, and welcoming the convening of the sixteenth meeting of the Conference of the Parties to the Convention on Biological Diversity, held in Cali, Colombia, from 21 October to 1 November 2024, on the theme“Peace with nature”,";
        for exact in [false, true] {
            let r = redline(old, new, exact, BUDGET);
            assert_eq!(new_text(&r.ops), new);
            assert_eq!(old_text(&r.ops), old);
            assert!(r.degraded.is_none());
        }
    }

    #[test]
    fn runs_are_cut_at_line_breaks() {
        let ops = [InlineOp::new(Op::Equal, "a"), InlineOp::new(Op::Insert, "b\n(c) d"), InlineOp::new(Op::Equal, "\n(d) e")];
        let lines = lines(&ops);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], [InlineOp::new(Op::Equal, "a"), InlineOp::new(Op::Insert, "b")]);
        assert_eq!(lines[1], [InlineOp::new(Op::Insert, "(c) d")]);
        assert_eq!(lines[2], [InlineOp::new(Op::Equal, "(d) e")]);
        assert_eq!(super::lines(&[]), [Vec::<InlineOp>::new()]);
    }

    #[test]
    fn a_huge_paragraph_degrades_to_a_whole_replacement_and_says_so() {
        let old = "字".repeat(MAX_UNITS + 1);
        let r = redline(&old, "新", false, BUDGET);
        assert_eq!(r.ops, whole(&old, "新"));
        assert!(r.degraded.unwrap().contains("too long"));
    }

    #[test]
    fn only_a_diff_that_could_outlast_its_budget_is_timed() {
        // The default 200 ms: up to some 4,400 units in all.
        let default = super::super::DiffOptions::default().inline_budget;
        assert!(!timed(4_400, default));
        assert!(timed(4_500, default));
        assert!(timed(1, Duration::ZERO));
        // A short paragraph's redline is whole, however little time it is given.
        let (old, new) = ("请高级专员办事处提交报告；", "请高级专员办事处向理事会提交一份报告；");
        let r = redline(old, new, false, Duration::from_nanos(1_000_000));
        assert_eq!(r.degraded, None);
        assert_eq!(r, redline(old, new, false, BUDGET));
    }

    #[test]
    fn an_expired_deadline_still_gives_a_valid_redline() {
        let old: String = (0..3000).map(|i| if i % 3 == 0 { '甲' } else { '乙' }).collect();
        let new: String = (0..3000).map(|i| if i % 5 == 0 { '乙' } else { '甲' }).collect();
        let r = redline(&old, &new, true, Duration::ZERO);
        assert_eq!((old_text(&r.ops), new_text(&r.ops)), (old.clone(), new.clone()));
        assert!(r.degraded.is_some());
    }

    #[test]
    fn cut_points_find_where_a_split_paragraph_divides() {
        let whole = "请高级专员办事处召集两次专家磋商会，并就此向人权理事会第五十届会议提交报告；";
        let cuts = cut_points(whole, &["请高级专员办事处召集两次专家磋商会；", "又请高级专员办事处就此向人权理事会第五十届会议提交报告；"], BUDGET);
        assert_eq!(cuts.len(), 1);
        assert_eq!(&whole[cuts[0]..], "并就此向人权理事会第五十届会议提交报告；");
        let en = "Requests the Office to convene a consultation, and to submit a report thereon;";
        let cuts = cut_points(en, &["Requests the Office to convene a consultation;", "Also requests the Office to submit a report thereon;"], BUDGET);
        assert_eq!(&en[cuts[0]..], "and to submit a report thereon;");
        assert_eq!(cut_points("", &["a", "b"], BUDGET), [0]);
    }
}
