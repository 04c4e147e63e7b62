//! The shortest edit script between two sequences: Myers' algorithm in linear space, the
//! search `similar` makes for `Algorithm::Myers`, made over slices.
//!
//! Every redline and the coarse alignment of long texts diff sequences this way. The
//! search is `similar`'s, step for step: the same common prefix and suffix taken first,
//! the same middle snake found by the same rounds in the same order, the same halves
//! diffed in turn, and the same calls made to `similar`'s hooks, which compact and group
//! the edits as they do for `similar`'s own search. The script is therefore the one
//! `similar` gives, operation for operation (the tests below compare the two on many
//! sequences). What differs is only the cost: written generically over any indexable
//! sequence, `similar`'s search spent a third of an indexed `diff 47/23 53/29` stepping its
//! range iterators and checking its indices; over slices, with plain loops, it costs a
//! fraction of that.

use similar::algorithms::{Capture, Compact, DiffHook, Replace};
use similar::DiffOp;
use std::ops::Range;
use std::time::Instant;

/// The edit script turning `old` into `new`, compacted and grouped as
/// `similar::capture_diff_slices_deadline(Algorithm::Myers, old, new, deadline)` gives it.
/// Past `deadline` the search stops refining, and the script is coarser, as `similar`'s.
pub fn diff<T: PartialEq>(old: &[T], new: &[T], deadline: Option<Instant>) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let mut search = Search::new(old, new, deadline);
    match search.conquer(&mut hook, 0..old.len(), 0..new.len()).and_then(|()| hook.finish()) {
        Ok(()) => hook.into_inner().into_inner().into_ops(),
        Err(never) => match never {},
    }
}

/// One search's sequences and its two frontiers (forward and backward), each indexed by
/// diagonal `k` at `k + offset`.
struct Search<'a, T> {
    old: &'a [T],
    new: &'a [T],
    forward: Vec<usize>,
    backward: Vec<usize>,
    offset: isize,
    deadline: Option<Instant>,
}

/// The most rounds a middle snake of sequences of these lengths can take.
fn max_d(old_len: usize, new_len: usize) -> usize {
    (old_len + new_len).div_ceil(2) + 1
}

impl<'a, T: PartialEq> Search<'a, T> {
    fn new(old: &'a [T], new: &'a [T], deadline: Option<Instant>) -> Self {
        let max = max_d(old.len(), new.len());
        Search { old, new, forward: vec![0; 2 * max], backward: vec![0; 2 * max], offset: max as isize, deadline }
    }

    /// Diff `old` against `new`: the common prefix and suffix, and between them the two
    /// halves on either side of the middle snake, or a delete and an insert where the
    /// search gave up.
    fn conquer<D: DiffHook>(&mut self, d: &mut D, mut old: Range<usize>, mut new: Range<usize>) -> Result<(), D::Error> {
        let prefix = common_prefix(&self.old[old.clone()], &self.new[new.clone()]);
        if prefix > 0 {
            d.equal(old.start, new.start, prefix)?;
        }
        old.start += prefix;
        new.start += prefix;
        let suffix = common_suffix(&self.old[old.clone()], &self.new[new.clone()]);
        let suffix_at = (old.end - suffix, new.end - suffix);
        old.end -= suffix;
        new.end -= suffix;

        if old.is_empty() && new.is_empty() {
        } else if new.is_empty() {
            d.delete(old.start, old.len(), new.start)?;
        } else if old.is_empty() {
            d.insert(old.start, new.start, new.len())?;
        } else if let Some((x, y)) = self.middle_snake(old.clone(), new.clone()) {
            self.conquer(d, old.start..x, new.start..y)?;
            self.conquer(d, x..old.end, y..new.end)?;
        } else {
            d.delete(old.start, old.len(), new.start)?;
            d.insert(old.start, new.start, new.len())?;
        }

        if suffix > 0 {
            d.equal(suffix_at.0, suffix_at.1, suffix)?;
        }
        Ok(())
    }

    /// Where the middle snake of `old` against `new` begins: the two frontiers are pushed
    /// one edit further in turn, forward from the start and backward from the end, until
    /// they overlap. `None` past the deadline.
    fn middle_snake(&mut self, old: Range<usize>, new: Range<usize>) -> Option<(usize, usize)> {
        let (a, b) = (&self.old[old.clone()], &self.new[new.clone()]);
        let (n, m) = (a.len(), b.len());
        let delta = n as isize - m as isize;
        let odd = delta & 1 == 1;
        let offset = self.offset;
        let slot = |k: isize| (k + offset) as usize;
        let (forward, backward) = (&mut self.forward[..], &mut self.backward[..]);
        forward[slot(1)] = 0;
        backward[slot(1)] = 0;
        for d in 0..max_d(n, m) as isize {
            if self.deadline.is_some_and(|deadline| Instant::now() > deadline) {
                break;
            }
            let mut k = d;
            while k >= -d {
                let mut x = next_x(forward, slot, k, d);
                let y = (x as isize - k) as usize;
                let start = (x, y);
                if x < n && y < m {
                    x += common_prefix(&a[x..], &b[y..]);
                }
                forward[slot(k)] = x;
                if odd && (k - delta).abs() < d && x + backward[slot(-(k - delta))] >= n {
                    return Some((start.0 + old.start, start.1 + new.start));
                }
                k -= 2;
            }
            let mut k = d;
            while k >= -d {
                let mut x = next_x(backward, slot, k, d);
                let mut y = (x as isize - k) as usize;
                if x < n && y < m {
                    let advance = common_suffix(&a[..n - x], &b[..m - y]);
                    x += advance;
                    y += advance;
                }
                backward[slot(k)] = x;
                if !odd && (k - delta).abs() <= d && x + forward[slot(-(k - delta))] >= n {
                    return Some((n - x + old.start, m - y + new.start));
                }
                k -= 2;
            }
        }
        None
    }
}

/// Items equal at the start of both sequences.
#[inline(always)]
fn common_prefix<T: PartialEq>(old: &[T], new: &[T]) -> usize {
    old.iter().zip(new).take_while(|(a, b)| b == a).count()
}

/// Items equal at the end of both sequences.
#[inline(always)]
fn common_suffix<T: PartialEq>(old: &[T], new: &[T]) -> usize {
    old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| b == a).count()
}

/// Where a frontier reaches on diagonal `k` in round `d` before following its snake: one
/// edit on from the diagonal above or the one below, whichever reached further (only the
/// one that exists at the round's edges).
#[inline(always)]
fn next_x(frontier: &[usize], slot: impl Fn(isize) -> usize, k: isize, d: isize) -> usize {
    if k == -d || (k != d && frontier[slot(k - 1)] < frontier[slot(k + 1)]) {
        frontier[slot(k + 1)]
    } else {
        frontier[slot(k - 1)] + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::{capture_diff_slices_deadline, Algorithm};

    /// A reproducible stream of small numbers (xorshift), for sequences over a few symbols.
    struct Numbers(u64);

    impl Numbers {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % below
        }
    }

    fn same_as_similar<T: PartialEq + std::hash::Hash + Eq + Ord + std::fmt::Debug>(old: &[T], new: &[T]) {
        assert_eq!(diff(old, new, None), capture_diff_slices_deadline(Algorithm::Myers, old, new, None), "{old:?} / {new:?}");
    }

    #[test]
    fn the_script_is_similar_s_on_many_sequences() {
        let mut numbers = Numbers(0x9E37_79B9_7F4A_7C15);
        for round in 0..4000 {
            // Few symbols make many equally short scripts, among which the search's order
            // of rounds alone picks one.
            let symbols = 2 + (round % 6) as u64;
            let old: Vec<u64> = (0..numbers.next(60)).map(|_| numbers.next(symbols)).collect();
            // Half the new sequences are edits of the old one, as a new version is.
            let new: Vec<u64> = if round % 2 == 0 {
                (0..numbers.next(60)).map(|_| numbers.next(symbols)).collect()
            } else {
                let mut new = old.clone();
                for _ in 0..numbers.next(8) {
                    let at = numbers.next(new.len() as u64 + 1) as usize;
                    match numbers.next(3) {
                        0 => new.insert(at, numbers.next(symbols)),
                        1 if at < new.len() => drop(new.remove(at)),
                        _ if at < new.len() => new[at] = numbers.next(symbols),
                        _ => {}
                    }
                }
                new
            };
            same_as_similar(&old, &new);
        }
    }

    #[test]
    fn empty_and_identical_sequences() {
        same_as_similar::<u32>(&[], &[]);
        same_as_similar(&[1u32, 2, 3], &[]);
        same_as_similar(&[], &[1u32, 2, 3]);
        same_as_similar(&[1u32, 2, 3], &[1, 2, 3]);
        assert_eq!(diff(&[1u32, 2, 3], &[1, 2, 3], None), vec![DiffOp::Equal { old_index: 0, new_index: 0, len: 3 }]);
    }

    #[test]
    fn words_of_a_real_rewording() {
        let old: Vec<&str> = "Requests the High Commissioner to submit a report to the Council at its fifty-third session".split(' ').collect();
        let new: Vec<&str> = "Requests the Office of the High Commissioner to present an oral update to the Human Rights Council at its fifty-sixth session".split(' ').collect();
        same_as_similar(&old, &new);
    }

    #[test]
    fn a_passed_deadline_gives_a_coarse_but_whole_script() {
        let old: Vec<u32> = (0..200).map(|i| i % 7).collect();
        let new: Vec<u32> = (0..220).map(|i| i % 5).collect();
        let past = Instant::now();
        let ops = diff(&old, &new, Some(past));
        assert_eq!(ops, capture_diff_slices_deadline(Algorithm::Myers, &old, &new, Some(past)));
        let (old_len, new_len) = ops.iter().fold((0, 0), |(o, n), op| (o + op.old_range().len(), n + op.new_range().len()));
        assert_eq!((old_len, new_len), (200, 220));
    }
}
