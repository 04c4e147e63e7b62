//! Which paragraph of the old text became which paragraph of the new one.
//!
//! Five passes, each on what the earlier ones left:
//! 1. **sequence**: within each kind (preambular, operative, other), the order-preserving
//!    set of pairs with the greatest total similarity, counting only pairs at or above
//!    [`Thresholds::sequence`] (a weighted longest common subsequence, by dynamic
//!    programming over the similarity matrix);
//!    A weak pair in order then gives way to a much stronger one out of order
//!    ([`Thresholds::displace`]): a paragraph moved past an unchanged one;
//! 2. **split and merge**: a paragraph whose text now stands in several consecutive
//!    paragraphs, each mostly made of its text ([`Thresholds::piece`]) and each further
//!    piece made of the part its partner does not account for ([`Thresholds::gain`]);
//!    and the same read the other way for several paragraphs merged into one;
//! 3. **best match**: the paragraphs still unpaired, across positions and across kinds
//!    (a preambular paragraph that became operative), paired greedily by similarity at or
//!    above [`Thresholds::best_match`];
//! 4. **opening**: what is still unpaired between the same two in-order pairs, where
//!    the openings match ([`Thresholds::opening`]): a paragraph whose body was
//!    rewritten or whose list of conferences was brought up to date;
//! 5. **order**: the pairs that keep their relative order (a weighted longest increasing
//!    subsequence that favours the first two passes) are in place; the others moved.
//!
//! The same engine aligns the lettered items inside a pair of paragraphs.

use super::compare::{PairCounts, Profile};
use serde::Serialize;

/// The similarity levels at which the alignment pairs paragraphs. The defaults are the
/// ones `make bench` measured best on scripted edits of the seeds (see README).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Least similarity for two paragraphs at the same place in the order to be one
    /// paragraph, edited.
    pub sequence: f64,
    /// Least similarity for two paragraphs at different places to be one paragraph,
    /// moved: higher than `sequence`, because a pair out of order is a stronger claim.
    pub best_match: f64,
    /// Least share of a piece's text found in the paragraph it was split from (or merged
    /// into) for it to count as a piece of it.
    pub piece: f64,
    /// Least share of a further piece found in the part of the whole that its partner
    /// does not account for.
    pub gain: f64,
    /// Least likeness of their opening words for two paragraphs left unpaired in the
    /// same place (between the same two pairs) to be one paragraph, rewritten.
    pub opening: f64,
    /// How much more alike a paragraph must be to one out of order than to its partner
    /// in order for the weak in-order pair to give way.
    pub displace: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { sequence: 0.3, best_match: 0.4, piece: 0.5, gain: 0.4, opening: 0.65, displace: 0.25 }
    }
}

/// How a pair was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The order-preserving alignment.
    Sequence,
    /// The search across positions and kinds for what the order left unpaired.
    BestMatch,
    /// A piece of a paragraph split into several.
    Split,
    /// One of several paragraphs merged into one.
    Merge,
    /// Left unpaired in the same place by the other passes, and opening with the same
    /// words: one paragraph, its body rewritten.
    Opening,
    /// Paired by kind and number, not by text (two language versions).
    Number,
}

/// One pair: indexes into the old and new sequences.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub old: usize,
    pub new: usize,
    pub similarity: f64,
    pub matched_by: MatchedBy,
}

/// One side of an alignment: each entry's kind bucket (entries align only within their
/// bucket in the sequence pass) and its profile.
pub struct Side<'a> {
    pub buckets: Vec<u8>,
    pub profiles: Vec<&'a Profile>,
}

impl<'a> Side<'a> {
    pub fn new(buckets: Vec<u8>, profiles: &'a [Profile]) -> Side<'a> {
        Side { buckets, profiles: profiles.iter().collect() }
    }

    /// Entries that all align with one another (the items of a paragraph).
    pub fn single(profiles: &'a [Profile]) -> Side<'a> {
        Side::new(vec![0; profiles.len()], profiles)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub links: Vec<Link>,
    /// Why the alignment is coarser than it should be, if it is.
    pub degraded: Option<String>,
}

/// Cells of one similarity matrix beyond which the sequence pass looks only near the
/// diagonal (two texts of thousands of paragraphs each).
const MAX_CELLS: usize = 4_000_000;

/// Pairs of entries (one from each side) beyond which likeness is not measured at all:
/// even banded, the matrix and the passes that look across the whole text (moves,
/// splits, displaced pairs) cost memory and time in proportion to the pairs, and two
/// texts of 470,000 paragraphs asked for 1.7 TB. Such texts are aligned coarsely
/// ([`coarse`]), and the alignment says so.
const MAX_PAIRS: usize = 4 * MAX_CELLS;

/// Time allowed to the coarse alignment's diff of paragraph keys before it settles for
/// a coarser one.
const COARSE_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);

/// Shingles below which a paragraph is too short to be called a piece of another: a
/// closing "Decides to remain seized of the matter" is contained in many paragraphs.
const MIN_PIECE_SHINGLES: usize = 4;

/// Align two sequences. `pieces` turns on the split and merge pass (paragraphs; items
/// are aligned one to one).
pub fn align(old: &Side, new: &Side, t: &Thresholds, pieces: bool) -> Alignment {
    if old.profiles.len().saturating_mul(new.profiles.len()) > MAX_PAIRS {
        return coarse(old, new, t);
    }
    // Every likeness below is read from one table of the pairs' shared shingles.
    let pairs = PairCounts::new(&old.profiles, &new.profiles);
    let mut alignment = Alignment::default();
    let buckets: std::collections::BTreeSet<u8> = old.buckets.iter().chain(&new.buckets).copied().collect();
    for bucket in buckets {
        let olds: Vec<usize> = (0..old.buckets.len()).filter(|&i| old.buckets[i] == bucket).collect();
        let news: Vec<usize> = (0..new.buckets.len()).filter(|&j| new.buckets[j] == bucket).collect();
        let (links, banded) = sequence_pass(&olds, &news, &pairs, t.sequence);
        alignment.links.extend(links);
        if banded {
            alignment.degraded = Some(format!(
                "{} × {} paragraphs of one kind: aligned near the diagonal only",
                olds.len(),
                news.len()
            ));
        }
    }
    displace_weak_pairs(&mut alignment.links, old, new, &pairs, t);
    if pieces {
        pieces_pass(&mut alignment.links, old, new, &pairs, t, Direction::Split);
        pieces_pass(&mut alignment.links, old, new, &pairs, t, Direction::Merge);
    }
    let moved = best_match_pass(&alignment.links, old, new, &pairs, t.best_match);
    alignment.links.extend(moved);
    let rewritten = opening_pass(&alignment.links, old, new, &pairs, t.opening);
    alignment.links.extend(rewritten);
    alignment.links.sort_by_key(|l| (l.new, l.old));
    alignment
}

/// The alignment of two texts too long to compare every pair: a diff of the sequences
/// of paragraph keys (linear when the texts are mostly the same) pairs identical
/// paragraphs in order, and where a run of paragraphs was replaced by another, they are
/// paired one to one where they stand when alike enough. No moves, splits or merges.
fn coarse(old: &Side, new: &Side, t: &Thresholds) -> Alignment {
    use similar::DiffOp;
    fn keys<'a>(side: &Side<'a>) -> Vec<(u8, &'a str)> {
        side.buckets.iter().copied().zip(side.profiles.iter().map(|p| p.key())).collect()
    }
    let (old_keys, new_keys) = (keys(old), keys(new));
    let deadline = std::time::Instant::now() + COARSE_BUDGET;
    let mut links = Vec::new();
    let mut pair = |i: usize, j: usize| {
        if old.buckets[i] != new.buckets[j] {
            return;
        }
        let similarity = old.profiles[i].similarity(new.profiles[j]);
        if similarity >= t.sequence {
            links.push(Link { old: i, new: j, similarity, matched_by: MatchedBy::Sequence });
        }
    };
    for op in crate::text::edits::diff(&old_keys, &new_keys, Some(deadline)) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => (0..len).for_each(|k| pair(old_index + k, new_index + k)),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (0..old_len.min(new_len)).for_each(|k| pair(old_index + k, new_index + k))
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    links.sort_by_key(|l| (l.new, l.old));
    Alignment {
        links,
        degraded: Some(format!(
            "{} and {} paragraphs are too many to compare every pair: identical paragraphs are paired in order, \
             the others one to one where they stand; moves, splits and merges are not looked for",
            old.profiles.len(),
            new.profiles.len()
        )),
    }
}

/// The order-preserving pairs with the greatest total similarity. Returns the links and
/// whether the matrix was too large and only a band around the diagonal was searched.
fn sequence_pass(olds: &[usize], news: &[usize], pairs: &PairCounts, threshold: f64) -> (Vec<Link>, bool) {
    let (n, m) = (olds.len(), news.len());
    if n == 0 || m == 0 {
        return (Vec::new(), false);
    }
    let banded = n.saturating_mul(m) > MAX_CELLS;
    let band = (MAX_CELLS / n.max(m)).max(1);
    let near = |i: usize, j: usize| !banded || (i * m / n).abs_diff(j) <= band / 2;
    // weight[i][j]: the pair's similarity where it qualifies.
    let mut weight = vec![0.0f64; n * m];
    for i in 0..n {
        for (j, &new_j) in news.iter().enumerate() {
            let s = pairs.similarity(olds[i], new_j);
            if near(i, j) && s >= threshold {
                weight[i * m + j] = s;
            }
        }
    }
    // best[i][j]: the greatest total over the first i old and first j new entries.
    let mut best = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 1..=n {
        for j in 1..=m {
            let w = weight[(i - 1) * m + (j - 1)];
            let diagonal = if w > 0.0 { best[at(i - 1, j - 1)] + w } else { f64::MIN };
            best[at(i, j)] = diagonal.max(best[at(i - 1, j)]).max(best[at(i, j - 1)]);
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let w = weight[(i - 1) * m + (j - 1)];
        if w > 0.0 && best[at(i, j)] == best[at(i - 1, j - 1)] + w {
            links.push(Link { old: olds[i - 1], new: news[j - 1], similarity: w, matched_by: MatchedBy::Sequence });
            i -= 1;
            j -= 1;
        } else if best[at(i, j)] == best[at(i - 1, j)] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    links.reverse();
    (links, banded)
}

/// A weak pair found in order gives way to a much stronger pair out of order: a
/// paragraph that moved past an unchanged one cannot be reached in order, and the order
/// pass may have paired it with a neighbour through boilerplate alone ("Recalls
/// paragraph 12 of the report of the Advisory Committee" / "…paragraph 5…").
fn displace_weak_pairs(links: &mut [Link], old: &Side, new: &Side, pairs: &PairCounts, t: &Thresholds) {
    let (mut old_taken, mut new_taken) = taken(links, old, new);
    let mut weakest_first: Vec<usize> = (0..links.len()).collect();
    weakest_first.sort_by(|&a, &b| links[a].similarity.total_cmp(&links[b].similarity));
    // Every link is weighed against every free paragraph on both sides.
    for k in weakest_first {
        let l = links[k];
        let needed = (l.similarity + t.displace).max(t.best_match);
        // No likeness exceeds 1: a pair this strong cannot give way.
        if needed > 1.0 {
            continue;
        }
        let free_new = (0..new.profiles.len())
            .filter(|&j| !new_taken[j])
            .map(|j| (pairs.similarity(l.old, j), j))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let free_old = (0..old.profiles.len())
            .filter(|&i| !old_taken[i])
            .map(|i| (pairs.similarity(i, l.new), i))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let better_new = free_new.filter(|(s, _)| *s >= needed);
        let better_old = free_old.filter(|(s, _)| *s >= needed);
        let take_new = match (better_new, better_old) {
            (Some(a), Some(b)) => a.0 >= b.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => continue,
        };
        links[k] = if take_new {
            let (similarity, j) = better_new.unwrap_or_default();
            new_taken[l.new] = false;
            new_taken[j] = true;
            Link { old: l.old, new: j, similarity, matched_by: MatchedBy::BestMatch }
        } else {
            let (similarity, i) = better_old.unwrap_or_default();
            old_taken[l.old] = false;
            old_taken[i] = true;
            Link { old: i, new: l.new, similarity, matched_by: MatchedBy::BestMatch }
        };
    }
}

/// Which entries of each side some link already pairs.
fn taken(links: &[Link], old: &Side, new: &Side) -> (Vec<bool>, Vec<bool>) {
    let mut old_taken = vec![false; old.profiles.len()];
    let mut new_taken = vec![false; new.profiles.len()];
    for l in links {
        old_taken[l.old] = true;
        new_taken[l.new] = true;
    }
    (old_taken, new_taken)
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    /// One old paragraph, several new ones.
    Split,
    /// Several old paragraphs, one new one.
    Merge,
}

/// Find paragraphs split into several (or several merged into one) and record each
/// group's links in place of its partner's single link. Written once for splits: for
/// merges the two sides are swapped on the way in and out.
fn pieces_pass(links: &mut Vec<Link>, old: &Side, new: &Side, pairs: &PairCounts, t: &Thresholds, direction: Direction) {
    let (whole_side, piece_side) = match direction {
        Direction::Split => (old, new),
        Direction::Merge => (new, old),
    };
    let orient = |l: &Link| if direction == Direction::Split { (l.old, l.new) } else { (l.new, l.old) };
    // The table's row and column of a whole and a piece: the old text is the rows.
    let cell = |whole: usize, piece: usize| if direction == Direction::Split { (whole, piece) } else { (piece, whole) };
    let shared = |whole: usize, piece: usize| {
        let (i, j) = cell(whole, piece);
        pairs.shared(i, j)
    };
    let similarity = |whole: usize, piece: usize| {
        let (i, j) = cell(whole, piece);
        pairs.similarity(i, j)
    };
    let piece_in_whole = |whole: usize, piece: usize| {
        let (i, j) = cell(whole, piece);
        if direction == Direction::Split { pairs.column_in_row(i, j) } else { pairs.row_in_column(i, j) }
    };
    let mut piece_taken: Vec<bool> = vec![false; piece_side.profiles.len()];
    for l in links.iter() {
        piece_taken[orient(l).1] = true;
    }
    let matched_by = if direction == Direction::Split { MatchedBy::Split } else { MatchedBy::Merge };
    for whole in 0..whole_side.profiles.len() {
        let whole_profile = whole_side.profiles[whole];
        let partners: Vec<&Link> = links.iter().filter(|l| orient(l).0 == whole).collect();
        // A paragraph already in a group (a piece of a split cannot also be the whole of
        // a merge) is left as it is.
        if partners.len() > 1 || partners.iter().any(|l| l.matched_by != MatchedBy::Sequence) {
            continue;
        }
        // A whole paired with the same wording leaves nothing for another piece to
        // account for.
        if partners.first().is_some_and(|l| l.similarity >= 1.0) {
            continue;
        }
        let partner = partners.first().map(|l| orient(l).1);
        let is_piece = |p: usize| {
            !piece_taken[p]
                && piece_side.profiles[p].len() >= MIN_PIECE_SHINGLES
                && piece_in_whole(whole, p) >= t.piece
        };
        // The run of consecutive pieces around the partner, or, for a paragraph left
        // unpaired, around the piece that shares most with it.
        let best_piece = || {
            (0..piece_side.profiles.len())
                .filter(|&p| is_piece(p))
                .max_by_key(|&p| (shared(whole, p), std::cmp::Reverse(p)))
        };
        let Some(anchor) = partner.or_else(best_piece) else { continue };
        // Another piece must come from the part of the whole that the anchor does not
        // account for: a new paragraph that merely repeats the partner's wording (a
        // request to the same Office) is not a piece.
        let unexplained = whole_profile.minus(piece_side.profiles[anchor]);
        let bucket = piece_side.buckets[anchor];
        let fits = |p: usize| {
            p != anchor
                && piece_side.buckets[p] == bucket
                && is_piece(p)
                && piece_side.profiles[p].containment_in(&unexplained) >= t.gain
        };
        let mut first = anchor;
        while first > 0 && fits(first - 1) {
            first -= 1;
        }
        let mut last = anchor;
        while last + 1 < piece_side.profiles.len() && fits(last + 1) {
            last += 1;
        }
        if last == first {
            continue;
        }
        links.retain(|l| orient(l).0 != whole);
        piece_taken[first..=last].fill(true);
        for p in first..=last {
            let similarity = similarity(whole, p);
            let (o, n) = if direction == Direction::Split { (whole, p) } else { (p, whole) };
            links.push(Link { old: o, new: n, similarity, matched_by });
        }
    }
}

/// Pair what is left, greedily, most similar first, across positions and kinds.
fn best_match_pass(links: &[Link], old: &Side, new: &Side, pairs: &PairCounts, threshold: f64) -> Vec<Link> {
    let (mut old_taken, mut new_taken) = taken(links, old, new);
    let mut candidates = Vec::new();
    for i in (0..old.profiles.len()).filter(|&i| !old_taken[i]) {
        for j in (0..new.profiles.len()).filter(|&j| !new_taken[j]) {
            let s = pairs.similarity(i, j);
            if s >= threshold {
                candidates.push((s, i, j));
            }
        }
    }
    // Most similar first; equal similarities in reading order, so the result does not
    // depend on the sort's stability.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut found = Vec::new();
    for (s, i, j) in candidates {
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            found.push(Link { old: i, new: j, similarity: s, matched_by: MatchedBy::BestMatch });
        }
    }
    found
}

/// Least similarity, over the whole text, for two paragraphs paired by their openings:
/// some of the body must be shared too ("Decides to include in the provisional agenda"
/// opens many unrelated paragraphs).
const MIN_OPENING_PAIR_SIMILARITY: f64 = 0.1;

/// Pair, in order, what is still unpaired between the same two in-order pairs (same
/// kind) where the openings match: the paragraph whose list of conferences or reports
/// was brought up to date, which shares too little of its body to be found otherwise.
fn opening_pass(links: &[Link], old: &Side, new: &Side, pairs: &PairCounts, threshold: f64) -> Vec<Link> {
    let (old_taken, new_taken) = taken(links, old, new);
    // The in-order pairs fence the gaps; pairs found out of order do not.
    let mut fences: Vec<(usize, usize)> = links.iter().filter(|l| l.matched_by != MatchedBy::BestMatch).map(|l| (l.old, l.new)).collect();
    fences.sort_unstable();
    let mut found = Vec::new();
    let mut gap_start = (0, 0);
    for fence in fences.into_iter().chain([(old.profiles.len(), new.profiles.len())]) {
        if fence.0 >= gap_start.0 && fence.1 >= gap_start.1 {
            let olds: Vec<usize> = (gap_start.0..fence.0).filter(|&i| !old_taken[i]).collect();
            let news: Vec<usize> = (gap_start.1..fence.1).filter(|&j| !new_taken[j]).collect();
            found.extend(pair_openings_in_order(&olds, &news, old, new, pairs, threshold));
            gap_start = (fence.0 + 1, fence.1 + 1);
        }
    }
    found
}

/// Within one gap: the first unpaired new paragraph of the same kind whose opening
/// matches, in order (gaps are short: a few paragraphs).
fn pair_openings_in_order(olds: &[usize], news: &[usize], old: &Side, new: &Side, pairs: &PairCounts, threshold: f64) -> Vec<Link> {
    let mut found = Vec::new();
    let mut next_new = 0;
    for &i in olds {
        let candidate = news[next_new.min(news.len())..].iter().position(|&j| {
            old.buckets[i] == new.buckets[j]
                && old.profiles[i].opening_similarity(new.profiles[j]) >= threshold
                && pairs.similarity(i, j) >= MIN_OPENING_PAIR_SIMILARITY
        });
        if let Some(offset) = candidate {
            let j = news[next_new + offset];
            found.push(Link { old: i, new: j, similarity: pairs.similarity(i, j), matched_by: MatchedBy::Opening });
            next_new += offset + 1;
        }
    }
    found
}

/// Links beyond which the order pass stops weighing every pair against every other and
/// takes the first three passes' pairs as in place, the best-match pairs as moved.
const MAX_ORDERED_LINKS: usize = 3000;

/// For each link (sorted by new then old position), whether it keeps its place in the
/// order: it lies on the heaviest chain of links that increase on both sides, where a
/// pair found in order (or as part of a split or merge) outweighs any number of pairs
/// found out of order.
pub fn in_order(links: &[Link]) -> Vec<bool> {
    let k = links.len();
    let weight = |l: &Link| if l.matched_by == MatchedBy::BestMatch { 1u64 } else { 1_000_000 };
    if k > MAX_ORDERED_LINKS {
        return links.iter().map(|l| l.matched_by != MatchedBy::BestMatch).collect();
    }
    let before = |a: &Link, b: &Link| a.new <= b.new && a.old <= b.old && (a.new, a.old) != (b.new, b.old);
    let mut chain = vec![0u64; k];
    let mut previous: Vec<Option<usize>> = vec![None; k];
    for b in 0..k {
        chain[b] = weight(&links[b]);
        for a in 0..b {
            if before(&links[a], &links[b]) && chain[a] + weight(&links[b]) > chain[b] {
                chain[b] = chain[a] + weight(&links[b]);
                previous[b] = Some(a);
            }
        }
    }
    let mut kept = vec![false; k];
    let mut at = (0..k).max_by_key(|&b| (chain[b], std::cmp::Reverse(b)));
    while let Some(b) = at {
        kept[b] = true;
        at = previous[b];
    }
    kept
}

/// One entry of a diff in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The link at this index.
    Pair(usize),
    /// An old entry with no link.
    Removed(usize),
    /// A new entry with no link.
    Added(usize),
}

/// The order in which a reader meets the pairs: the new text's order, with each removed
/// paragraph shown where it stood among the paragraphs that kept their place. A link that
/// is not `in_place` is shown at its new place; with `moved_as_removed_and_added` it is
/// instead shown as struck out at its old place and written in at its new one.
pub fn reading_order(
    links: &[Link],
    in_place: &[bool],
    old_len: usize,
    new_len: usize,
    moved_as_removed_and_added: bool,
) -> Vec<Entry> {
    let mut old_linked = vec![false; old_len];
    let mut new_linked = vec![false; new_len];
    for l in links {
        old_linked[l.old] = true;
        new_linked[l.new] = true;
    }
    let mut by_new: Vec<Vec<usize>> = vec![Vec::new(); new_len];
    for (k, l) in links.iter().enumerate() {
        by_new[l.new].push(k);
    }
    let mut removed: Vec<usize> = (0..old_len).filter(|&i| !old_linked[i]).collect();
    if moved_as_removed_and_added {
        removed.extend(links.iter().zip(in_place).filter(|(_, p)| !**p).map(|(l, _)| l.old));
        removed.sort_unstable();
        removed.dedup();
    }
    let mut removed = removed.into_iter().peekable();
    let mut entries = Vec::with_capacity(old_len + new_len);
    for j in 0..new_len {
        if !new_linked[j] {
            entries.push(Entry::Added(j));
            continue;
        }
        let mut shown_as_added = false;
        for &k in &by_new[j] {
            if in_place[k] {
                while let Some(&i) = removed.peek().filter(|&&i| i < links[k].old) {
                    entries.push(Entry::Removed(i));
                    removed.next();
                }
                entries.push(Entry::Pair(k));
            } else if !moved_as_removed_and_added {
                entries.push(Entry::Pair(k));
            } else if !shown_as_added {
                entries.push(Entry::Added(j));
                shown_as_added = true;
            }
        }
    }
    entries.extend(removed.map(Entry::Removed));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::compare::Shingling;

    fn profiles(texts: &[&str]) -> Vec<Profile> {
        texts.iter().map(|t| Profile::new(t, Shingling::default())).collect()
    }

    fn pairs(old: &[&str], new: &[&str]) -> Vec<(usize, usize, MatchedBy)> {
        let (o, n) = (profiles(old), profiles(new));
        align(&Side::single(&o), &Side::single(&n), &Thresholds::default(), true)
            .links
            .iter()
            .map(|l| (l.old, l.new, l.matched_by))
            .collect()
    }

    const A: &str = "回顾一切人权和基本自由都是普遍、不可分割、相互依存和相互关联的";
    const B: &str = "注意到秘书长关于新技术的各种倡议，包括 2020 年启动的《人权行动呼吁》";
    const C: &str = "请高级专员办事处召集两次专家磋商会，讨论人权与新的和新兴的数字技术的技术标准制定进程之间的关系";
    const D: &str = "决定继续处理此事";

    #[test]
    fn inserted_and_deleted_paragraphs_leave_the_rest_in_order() {
        use MatchedBy::Sequence;
        assert_eq!(pairs(&[A, B, C], &[A, D, C]), [(0, 0, Sequence), (2, 2, Sequence)]);
        assert_eq!(pairs(&[A, C], &[A, B, C]), [(0, 0, Sequence), (1, 2, Sequence)]);
        assert!(pairs(&[], &[A]).is_empty());
        assert!(pairs(&[A], &[]).is_empty());
    }

    #[test]
    fn a_paragraph_moved_up_is_found_out_of_order() {
        let links = pairs(&[A, B, C], &[C, A, B]);
        assert_eq!(links.iter().map(|l| (l.0, l.1)).collect::<Vec<_>>(), [(2, 0), (0, 1), (1, 2)]);
        let (o, n) = (profiles(&[A, B, C]), profiles(&[C, A, B]));
        let al = align(&Side::single(&o), &Side::single(&n), &Thresholds::default(), true);
        assert_eq!(in_order(&al.links), [false, true, true]);
    }

    #[test]
    fn a_split_paragraph_is_one_group() {
        let whole = format!("{A}，{C}");
        let links = pairs(&[&whole, B], &[A, C, B]);
        assert_eq!(links, [(0, 0, MatchedBy::Split), (0, 1, MatchedBy::Split), (1, 2, MatchedBy::Sequence)]);
        let links = pairs(&[A, C, B], &[&whole, B]);
        assert_eq!(links, [(0, 0, MatchedBy::Merge), (1, 0, MatchedBy::Merge), (2, 1, MatchedBy::Sequence)]);
    }

    #[test]
    fn reading_order_shows_removed_paragraphs_where_they_stood() {
        let links = [
            Link { old: 0, new: 0, similarity: 1.0, matched_by: MatchedBy::Sequence },
            Link { old: 2, new: 1, similarity: 1.0, matched_by: MatchedBy::Sequence },
            Link { old: 1, new: 3, similarity: 1.0, matched_by: MatchedBy::BestMatch },
        ];
        let in_place = in_order(&links);
        assert_eq!(in_place, [true, true, false]);
        use Entry::*;
        assert_eq!(
            reading_order(&links, &in_place, 4, 4, false),
            [Pair(0), Pair(1), Added(2), Pair(2), Removed(3)]
        );
        assert_eq!(
            reading_order(&links, &in_place, 4, 4, true),
            [Pair(0), Removed(1), Pair(1), Added(2), Added(3), Removed(3)]
        );
    }
}
