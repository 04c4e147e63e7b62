//! What changed between two texts of a series: paragraphs aligned, inline redlines inside
//! each pair, and a summary.
//!
//! [`diff_documents`] takes two [`Document`]s and returns a [`DocumentDiff`], an owned
//! value that serialises to the `diff --format json` shape of the interface contract and
//! that every renderer reads. The stages, one file each:
//! - [`compare`]: tokens, the substantive key ("same text" ignores punctuation, width and
//!   spacing) and shingle profiles (character bigrams for Chinese, words for English);
//! - [`align`]: which paragraph became which (in order, split and merged, moved);
//! - [`inline`]: the redline inside a pair, on top of `similar`;
//! - [`scripted`]: edits whose right answer is known, to test and measure the alignment.
//!
//! Every paragraph of both texts is in exactly one pair, except that a paragraph split
//! into several (or several merged into one) is in one pair per piece, all marked with
//! the same [`Group`]. In each pair the inline runs spell both texts exactly: equal +
//! insert is the new text, equal + delete the old one (a change of punctuation, width or
//! spacing alone is a run marked `minor`, see [`inline`]). In a group, each pair's runs spell its piece
//! and the group's pieces, read in order, spell the whole.
//!
//! ```
//! use lineage::diff::{diff_documents, DiffOptions, Status};
//! use std::path::Path;
//! let read = |t: &str| lineage::reader::read_bytes(t.as_bytes(), Path::new("x.txt")).unwrap();
//! let old = read("人权理事会\n\n47/23. 数字技术与人权\n\n人权理事会，\n\n回顾其以往的决议，\n\n1. 决定继续处理此事。\n");
//! let new = read("人权理事会\n\n53/29. 数字技术与人权\n\n人权理事会，\n\n回顾其以往的各项决议，\n\n1. 决定继续处理此事。\n");
//! let diff = diff_documents(&old, &new, &DiffOptions::default());
//! assert_eq!(diff.paragraphs[0].status, Status::Modified);
//! assert_eq!(diff.paragraphs[1].status, Status::Unchanged);
//! ```

pub mod align;
pub use crate::text::compare;
pub mod inline;
pub mod scripted;

pub use align::{MatchedBy, Thresholds};
pub use compare::Shingling;
pub use inline::{InlineOp, Op};

use crate::model::{Document, Language, Paragraph, ParagraphKind};
use align::{Entry, Side};
use compare::{Profile, TokenClass};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct DiffOptions {
    /// Show punctuation and whitespace changes too; "unchanged" then means identical.
    pub exact: bool,
    pub thresholds: Thresholds,
    pub shingling: Shingling,
    /// Time allowed to one paragraph's redline before it is shown coarser.
    pub inline_budget: Duration,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            exact: false,
            thresholds: Thresholds::default(),
            shingling: Shingling::default(),
            inline_budget: Duration::from_millis(200),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The same text (up to punctuation and spacing unless exact), whatever its number.
    Unchanged,
    /// Edited, in its place.
    Modified,
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
    /// Its place changed (not merely its number): out of the order of the paragraphs
    /// around it, or into the other part (preambular ↔ operative); edited or not.
    Moved,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::Unchanged, Status::Modified, Status::Moved, Status::Added, Status::Removed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Modified => "modified",
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Moved => "moved",
        }
    }
}

/// The diff of two documents: the contract's `from`, `to`, `paragraphs` and `summary`,
/// with the languages, titles and notes a reader needs to trust it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDiff {
    pub from: String,
    pub to: String,
    pub from_title: String,
    pub to_title: String,
    pub from_language: Language,
    pub to_language: Language,
    /// Two language versions, paired by number rather than by wording.
    pub cross_language: bool,
    pub exact: bool,
    pub summary: Summary,
    /// In reading order: the new text's order, removed paragraphs where they stood.
    pub paragraphs: Vec<ParagraphPair>,
    /// What the reader should know about how this diff was made (coarser than usual,
    /// read backwards, across languages).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What changed, in brief: the status counts, and the substance (rights, requests, vote,
/// references) from [`crate::summary`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub counts: StatusCounts,
    /// Changes of punctuation, width or spacing only, and the pairs they stand in.
    pub minor_changes: usize,
    pub minor_paragraphs: usize,
    pub from_paragraphs: KindCounts,
    pub to_paragraphs: KindCounts,
    /// The contract's substance fields: rights, requests, vote, references.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub substance: Option<crate::summary::Summary>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub unchanged: usize,
    pub modified: usize,
    pub moved: usize,
    pub added: usize,
    pub removed: usize,
}

impl StatusCounts {
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Unchanged => self.unchanged,
            Status::Modified => self.modified,
            Status::Moved => self.moved,
            Status::Added => self.added,
            Status::Removed => self.removed,
        }
    }

    fn count(&mut self, status: Status) {
        *match status {
            Status::Unchanged => &mut self.unchanged,
            Status::Modified => &mut self.modified,
            Status::Moved => &mut self.moved,
            Status::Added => &mut self.added,
            Status::Removed => &mut self.removed,
        } += 1;
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub preambular: usize,
    pub operative: usize,
    /// Report paragraphs, numbered or not.
    pub other: usize,
}

impl KindCounts {
    fn of(doc: &Document) -> KindCounts {
        let mut counts = KindCounts::default();
        for p in &doc.paragraphs {
            *match p.kind {
                ParagraphKind::Preambular => &mut counts.preambular,
                ParagraphKind::Operative => &mut counts.operative,
                ParagraphKind::Numbered | ParagraphKind::Unnumbered => &mut counts.other,
            } += 1;
        }
        counts
    }
}

/// One paragraph of the old text and what became of it in the new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphPair {
    pub from: Option<String>,
    pub to: Option<String>,
    /// The kind the paragraph has now (in the old text, if it was removed).
    pub kind: ParagraphKind,
    pub status: Status,
    /// Likeness of the two texts, 0 to 1 (0 for added and removed).
    #[serde(serialize_with = "three_decimals")]
    pub similarity: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    /// A preambular paragraph that became operative, or the reverse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_changed: Option<KindChange>,
    /// The split or merge this pair is one piece of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// Why the redline is coarser than usual.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degraded: Option<String>,
    /// A moved paragraph whose wording changed substantially too (likeness under
    /// [`REWORDED`]): "moved and reworded" to a reader; its status stays `moved`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reworded: bool,
    /// Changes of punctuation, width or spacing only in the redline (runs marked `minor`).
    #[serde(skip_serializing_if = "is_zero")]
    pub minor_changes: usize,
    /// The redline of the paragraph's full text (its items included, each on a new line
    /// as `(a) …`). Unchanged: one equal run; added: one insert; removed: one delete.
    pub inline: Vec<InlineOp>,
    /// The lettered items aligned, where both paragraphs have items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemPair>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindChange {
    pub from: ParagraphKind,
    pub to: ParagraphKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Split,
    Merge,
}

/// A paragraph split into several, or several merged into one: every member by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub kind: GroupKind,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// One lettered item of the old paragraph and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemPair {
    pub from: Option<String>,
    pub to: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "three_decimals")]
    pub similarity: f64,
    pub inline: Vec<InlineOp>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Likeness under which a moved paragraph is said to be reworded as well as moved:
/// much of its wording is new (78/221 OP1 → 79/184 OP4, 0.44, lost a long clause on the
/// Court's orders and gained another).
pub const REWORDED: f64 = 0.6;

fn three_decimals<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 1000.0).round() / 1000.0)
}

/// Preambular, operative and report paragraphs align among themselves first.
fn bucket(kind: ParagraphKind) -> u8 {
    match kind {
        ParagraphKind::Preambular => 0,
        ParagraphKind::Operative => 1,
        ParagraphKind::Numbered | ParagraphKind::Unnumbered => 2,
    }
}

/// Which paragraph became which, without the redlines: the first half of
/// [`diff_documents`], for callers that need only the pairs (and for measuring them).
#[derive(Debug, Clone)]
pub struct DocumentAlignment {
    /// Indexes into the two documents' paragraphs, sorted by new then old position.
    pub links: Vec<Link>,
    /// For each link, whether it kept its place in the order.
    pub in_place: Vec<bool>,
    pub notes: Vec<String>,
}

pub use align::Link;

pub fn align_documents(old: &Document, new: &Document, options: &DiffOptions) -> DocumentAlignment {
    let profiles = |d: &Document| -> Vec<Profile> {
        d.paragraphs.iter().map(|p| Profile::new(&p.full_text(), options.shingling)).collect()
    };
    align_profiled(old, new, &profiles(old), &profiles(new), options)
}

fn align_profiled(old: &Document, new: &Document, old_profiles: &[Profile], new_profiles: &[Profile], options: &DiffOptions) -> DocumentAlignment {
    let mut notes = Vec::new();
    let links = if old.language != new.language {
        notes.push(format!(
            "two languages ({} → {}): paragraphs are paired by kind and number, not by wording; \
             similarity compares the numbers the texts cite (years, resolutions); there is no \
             word-level redline across languages",
            old.language.as_str(),
            new.language.as_str()
        ));
        links_by_number(&old.paragraphs, &new.paragraphs)
    } else {
        let buckets = |d: &Document| d.paragraphs.iter().map(|p| bucket(p.kind)).collect();
        let alignment = align::align(
            &Side::new(buckets(old), old_profiles),
            &Side::new(buckets(new), new_profiles),
            &options.thresholds,
            true,
        );
        notes.extend(alignment.degraded);
        alignment.links
    };
    if let (Some(a), Some(b)) = (old.session, new.session)
        && a > b
        && old.body == new.body
    {
        notes.push(format!(
            "{} (session {a}) is later than {} (session {b}): the redline reads from the later text to the earlier one",
            old.symbol, new.symbol
        ));
    }
    let in_place = align::in_order(&links);
    DocumentAlignment { links, in_place, notes }
}

/// Diff two documents. Never fails: what could not be done in full is said in `notes`
/// and in the pairs' `degraded`.
pub fn diff_documents(old: &Document, new: &Document, options: &DiffOptions) -> DocumentDiff {
    let cross_language = old.language != new.language;
    let old_texts: Vec<String> = old.paragraphs.iter().map(Paragraph::full_text).collect();
    let new_texts: Vec<String> = new.paragraphs.iter().map(Paragraph::full_text).collect();
    let old_profiles: Vec<Profile> = old_texts.iter().map(|t| Profile::new(t, options.shingling)).collect();
    let new_profiles: Vec<Profile> = new_texts.iter().map(|t| Profile::new(t, options.shingling)).collect();
    let DocumentAlignment { links, in_place, notes } = align_profiled(old, new, &old_profiles, &new_profiles, options);
    let pieces = Pieces::cut(&links, &old_texts, &new_texts, options);
    let builder = PairBuilder { old, new, old_texts: &old_texts, new_texts: &new_texts, options, cross_language };
    let entries: Vec<Entry> = align::reading_order(&links, &in_place, old.paragraphs.len(), new.paragraphs.len(), false);
    let mut paragraphs: Vec<ParagraphPair> = entries
        .iter()
        .map(|&entry| match entry {
            Entry::Pair(k) => builder.pair(&links, k, in_place[k], &pieces, &old_profiles, &new_profiles),
            Entry::Removed(i) => builder.removed(i),
            Entry::Added(j) => builder.added(j),
        })
        .collect();
    let mut counts = StatusCounts::default();
    let (mut minor_changes, mut minor_paragraphs) = (0, 0);
    for p in paragraphs.iter_mut() {
        counts.count(p.status);
        p.minor_changes = if cross_language { 0 } else { inline::minor_changes(&p.inline) };
        p.reworded = p.status == Status::Moved && p.similarity < REWORDED && p.inline.iter().any(InlineOp::is_wording_change);
        minor_changes += p.minor_changes;
        minor_paragraphs += usize::from(p.minor_changes > 0);
    }
    DocumentDiff {
        from: old.symbol.clone(),
        to: new.symbol.clone(),
        from_title: old.title.clone(),
        to_title: new.title.clone(),
        from_language: old.language,
        to_language: new.language,
        cross_language,
        exact: options.exact,
        summary: Summary {
            counts,
            minor_changes,
            minor_paragraphs,
            from_paragraphs: KindCounts::of(old),
            to_paragraphs: KindCounts::of(new),
            substance: Some(crate::summary::summarize(old, new)),
        },
        paragraphs,
        notes,
    }
}

/// Two language versions: the n-th preambular paragraph with the n-th, and so on.
fn links_by_number(old: &[Paragraph], new: &[Paragraph]) -> Vec<Link> {
    // Each paragraph's (kind, rank within its kind): numbering as printed may restart
    // or skip, the rank does not.
    let ranks = |paragraphs: &[Paragraph]| -> Vec<(u8, usize)> {
        let mut seen: HashMap<u8, usize> = HashMap::new();
        paragraphs
            .iter()
            .map(|p| {
                let n = seen.entry(bucket(p.kind)).or_insert(0);
                *n += 1;
                (bucket(p.kind), *n)
            })
            .collect()
    };
    let old_ranks: HashMap<(u8, usize), usize> = ranks(old).into_iter().enumerate().map(|(i, r)| (r, i)).collect();
    let mut links = Vec::new();
    for (j, (p, r)) in new.iter().zip(ranks(new)).enumerate() {
        if let Some(&i) = old_ranks.get(&r) {
            let similarity = numbers_alike(&old[i].full_text(), &p.full_text());
            links.push(Link { old: i, new: j, similarity, matched_by: MatchedBy::Number });
        }
    }
    links
}

/// Dice over what two language versions both write in digits, years (`2021`) and
/// resolution numbers (`47/23`): a translation that cites the same scores 1, one that
/// lost or changed a citation less. (Days and months are left out: Chinese writes
/// them in digits, English in words.)
fn numbers_alike(a: &str, b: &str) -> f64 {
    let (mut a, mut b) = (citations(a), citations(b));
    a.sort();
    b.sort();
    compare::dice(&a, &b)
}

/// Years and `n/m` resolution numbers, in order: `第 47/23 号决议 … 2021 年` →
/// `["47/23", "2021"]`.
fn citations(text: &str) -> Vec<String> {
    let tokens = compare::tokenize(text);
    let digits = |i: usize| {
        tokens.get(i).filter(|t| t.class == TokenClass::Word).map(|t| compare::fold_width(t.text)).filter(|w| w.chars().all(|c| c.is_ascii_digit()))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = digits(i) else {
            i += 1;
            continue;
        };
        let mut symbol = first.clone();
        let mut end = i + 1;
        while tokens.get(end).is_some_and(|t| t.text == "/") && let Some(next) = digits(end + 1) {
            symbol.push('/');
            symbol.push_str(&next);
            end += 2;
        }
        if end > i + 1 || (first.len() == 4 && (first.starts_with("19") || first.starts_with("20"))) {
            found.push(symbol);
        }
        i = end;
    }
    found
}

/// The pieces of split and merged paragraphs: for each link in a group, the part of the
/// whole that its piece corresponds to.
struct Pieces {
    /// Link index → (old text piece, new text piece), for links in a group.
    texts: HashMap<usize, (String, String)>,
    /// Link index → the group it belongs to.
    groups: HashMap<usize, Members>,
}

/// A group's members by their indexes in the old and new paragraph lists.
struct Members {
    kind: GroupKind,
    olds: Vec<usize>,
    news: Vec<usize>,
}

impl Pieces {
    fn cut(links: &[Link], old_texts: &[String], new_texts: &[String], options: &DiffOptions) -> Pieces {
        let mut pieces = Pieces { texts: HashMap::new(), groups: HashMap::new() };
        let mut wholes: HashMap<(GroupKind, usize), Vec<usize>> = HashMap::new();
        for (k, l) in links.iter().enumerate() {
            match l.matched_by {
                MatchedBy::Split => wholes.entry((GroupKind::Split, l.old)).or_default().push(k),
                MatchedBy::Merge => wholes.entry((GroupKind::Merge, l.new)).or_default().push(k),
                _ => {}
            }
        }
        for ((kind, whole), mut members) in wholes {
            // The whole is on one side, its pieces on the other.
            let (whole_text, piece_side) = match kind {
                GroupKind::Split => (&old_texts[whole], new_texts),
                GroupKind::Merge => (&new_texts[whole], old_texts),
            };
            let piece_of = |l: &Link| if kind == GroupKind::Split { l.new } else { l.old };
            members.sort_by_key(|&k| piece_of(&links[k]));
            let piece_texts: Vec<&str> = members.iter().map(|&k| piece_side[piece_of(&links[k])].as_str()).collect();
            let mut bounds = vec![0];
            bounds.extend(inline::cut_points(whole_text, &piece_texts, options.inline_budget));
            bounds.push(whole_text.len());
            for (n, &k) in members.iter().enumerate() {
                let segment = whole_text[bounds[n]..bounds[n + 1].max(bounds[n])].to_string();
                let piece = piece_texts[n].to_string();
                let texts = match kind {
                    GroupKind::Split => (segment, piece),
                    GroupKind::Merge => (piece, segment),
                };
                pieces.texts.insert(k, texts);
            }
            let side = |of: fn(&Link) -> usize| -> Vec<usize> {
                let mut v: Vec<usize> = members.iter().map(|&k| of(&links[k])).collect();
                v.dedup();
                v
            };
            let (olds, news) = (side(|l| l.old), side(|l| l.new));
            for &k in &members {
                pieces.groups.insert(k, Members { kind, olds: olds.clone(), news: news.clone() });
            }
        }
        pieces
    }
}

struct PairBuilder<'a> {
    old: &'a Document,
    new: &'a Document,
    old_texts: &'a [String],
    new_texts: &'a [String],
    options: &'a DiffOptions,
    cross_language: bool,
}

impl PairBuilder<'_> {
    fn removed(&self, i: usize) -> ParagraphPair {
        let p = &self.old.paragraphs[i];
        ParagraphPair {
            from: Some(p.id.clone()),
            to: None,
            kind: p.kind,
            status: Status::Removed,
            similarity: 0.0,
            matched_by: None,
            kind_changed: None,
            group: None,
            degraded: None,
            reworded: false,
            minor_changes: 0,
            inline: inline::whole(&self.old_texts[i], ""),
            items: Vec::new(),
        }
    }

    fn added(&self, j: usize) -> ParagraphPair {
        let p = &self.new.paragraphs[j];
        ParagraphPair {
            from: None,
            to: Some(p.id.clone()),
            kind: p.kind,
            status: Status::Added,
            similarity: 0.0,
            matched_by: None,
            kind_changed: None,
            group: None,
            degraded: None,
            reworded: false,
            minor_changes: 0,
            inline: inline::whole("", &self.new_texts[j]),
            items: Vec::new(),
        }
    }

    fn pair(&self, links: &[Link], k: usize, in_place: bool, pieces: &Pieces, old_profiles: &[Profile], new_profiles: &[Profile]) -> ParagraphPair {
        let link = links[k];
        let (o, n) = (&self.old.paragraphs[link.old], &self.new.paragraphs[link.new]);
        let kind_changed = (o.kind != n.kind).then_some(KindChange { from: o.kind, to: n.kind });
        // A preambular paragraph made operative (or the reverse) has changed its place
        // even where the order around it has not.
        let in_place = in_place && kind_changed.is_none();
        let group = pieces.groups.get(&k).map(|g| Group {
            kind: g.kind,
            from: g.olds.iter().map(|&i| self.old.paragraphs[i].id.clone()).collect(),
            to: g.news.iter().map(|&j| self.new.paragraphs[j].id.clone()).collect(),
        });
        let mut pair = ParagraphPair {
            from: Some(o.id.clone()),
            to: Some(n.id.clone()),
            kind: n.kind,
            status: if in_place { Status::Modified } else { Status::Moved },
            similarity: link.similarity,
            matched_by: Some(link.matched_by),
            kind_changed,
            group,
            degraded: None,
            reworded: false,
            minor_changes: 0,
            inline: Vec::new(),
            items: Vec::new(),
        };
        if self.cross_language {
            pair.inline = inline::whole(&self.old_texts[link.old], &self.new_texts[link.new]);
            return pair;
        }
        if let Some((old_piece, new_piece)) = pieces.texts.get(&k) {
            pair.similarity = Profile::new(old_piece, self.options.shingling)
                .similarity(&Profile::new(new_piece, self.options.shingling));
            let r = inline::redline(old_piece, new_piece, self.options.exact, self.options.inline_budget);
            (pair.inline, pair.degraded) = (r.ops, r.degraded);
            return pair;
        }
        let (old_text, new_text) = (&self.old_texts[link.old], &self.new_texts[link.new]);
        let same = if self.options.exact {
            old_text == new_text
        } else {
            old_profiles[link.old].same_text(&new_profiles[link.new])
        };
        if same && in_place {
            pair.status = Status::Unchanged;
        }
        if old_text == new_text {
            pair.inline = vec![InlineOp::new(Op::Equal, new_text.as_str())];
            pair.inline.retain(|op| !op.text.is_empty());
        } else if !o.items.is_empty() && !n.items.is_empty() {
            let (ops, items, degraded) = self.items_redline(o, n);
            (pair.inline, pair.items, pair.degraded) = (ops, items, degraded);
        } else {
            let r = inline::redline(old_text, new_text, self.options.exact, self.options.inline_budget);
            (pair.inline, pair.degraded) = (r.ops, r.degraded);
        }
        pair
    }

    /// The redline of two paragraphs with lettered items: the lead text, then each item
    /// against the item it became (an item that moved is struck out at its old place and
    /// written in at its new one, so that the runs still spell both texts).
    fn items_redline(&self, old: &Paragraph, new: &Paragraph) -> (Vec<InlineOp>, Vec<ItemPair>, Option<String>) {
        let options = self.options;
        let redline = |a: &str, b: &str| inline::redline(a, b, options.exact, options.inline_budget);
        let lead = redline(&old.text, &new.text);
        let mut degraded = lead.degraded;
        let mut ops = lead.ops;
        let old_profiles: Vec<Profile> = old.items.iter().map(|i| Profile::new(&i.text, options.shingling)).collect();
        let new_profiles: Vec<Profile> = new.items.iter().map(|i| Profile::new(&i.text, options.shingling)).collect();
        let links = align::align(&Side::single(&old_profiles), &Side::single(&new_profiles), &options.thresholds, false).links;
        let in_place = align::in_order(&links);
        // Each item pair's redline, computed once and used both in the item list and in
        // the paragraph's runs.
        let mut item_ops: Vec<Vec<InlineOp>> = Vec::with_capacity(links.len());
        let mut statuses = Vec::with_capacity(links.len());
        for (k, l) in links.iter().enumerate() {
            let (a, b) = (&old.items[l.old], &new.items[l.new]);
            let same = if options.exact { a.text == b.text } else { old_profiles[l.old].same_text(&new_profiles[l.new]) };
            let r = redline(&a.text, &b.text);
            degraded = degraded.or(r.degraded);
            statuses.push(match (in_place[k], same) {
                (false, _) => Status::Moved,
                (true, true) => Status::Unchanged,
                (true, false) => Status::Modified,
            });
            item_ops.push(r.ops);
        }
        let prefix = |label: &str| format!("\n({label}) ");
        for entry in align::reading_order(&links, &in_place, old.items.len(), new.items.len(), true) {
            match entry {
                Entry::Pair(k) => {
                    let (a, b) = (&old.items[links[k].old], &new.items[links[k].new]);
                    if a.label == b.label {
                        inline::append(&mut ops, Op::Equal, &prefix(&b.label));
                    } else {
                        inline::append(&mut ops, Op::Delete, &prefix(&a.label));
                        inline::append(&mut ops, Op::Insert, &prefix(&b.label));
                    }
                    for op in &item_ops[k] {
                        inline::append(&mut ops, op.op, &op.text);
                    }
                }
                Entry::Removed(i) => {
                    let item = &old.items[i];
                    inline::append(&mut ops, Op::Delete, &format!("{}{}", prefix(&item.label), item.text));
                }
                Entry::Added(j) => {
                    let item = &new.items[j];
                    inline::append(&mut ops, Op::Insert, &format!("{}{}", prefix(&item.label), item.text));
                }
            }
        }
        let items = align::reading_order(&links, &in_place, old.items.len(), new.items.len(), false)
            .into_iter()
            .map(|entry| match entry {
                Entry::Pair(k) => ItemPair {
                    from: Some(old.items[links[k].old].label.clone()),
                    to: Some(new.items[links[k].new].label.clone()),
                    status: statuses[k],
                    similarity: links[k].similarity,
                    inline: item_ops[k].clone(),
                },
                Entry::Removed(i) => ItemPair {
                    from: Some(old.items[i].label.clone()),
                    to: None,
                    status: Status::Removed,
                    similarity: 0.0,
                    inline: inline::whole(&old.items[i].text, ""),
                },
                Entry::Added(j) => ItemPair {
                    from: None,
                    to: Some(new.items[j].label.clone()),
                    status: Status::Added,
                    similarity: 0.0,
                    inline: inline::whole("", &new.items[j].text),
                },
            })
            .collect();
        (ops, items, degraded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_versions_compare_by_years_and_resolution_numbers() {
        assert_eq!(citations("关于第 47/23 号决议，2021 年 7 月 13 日"), ["47/23", "2021"]);
        assert_eq!(citations("resolution 47/23 of 13 July 2021 and A/HRC/53/42"), ["47/23", "2021", "53/42"]);
        assert_eq!(numbers_alike("第 47/23 号决议，2021 年 7 月", "resolution 47/23 of July 2021"), 1.0);
        assert_eq!(numbers_alike("决定继续处理此事。", "Decides to remain seized of the matter."), 1.0);
        assert!(numbers_alike("第 47/23 号决议", "resolution 47/16") < 0.1);
    }
}
