//! Text as the diff compares it: tokens, the substantive key that decides "same text",
//! and the shingle profile whose overlap measures how alike two paragraphs are.
//!
//! One tokeniser serves both languages. A Han (or kana, hangul) character is a token of
//! its own, because Chinese has no spaces and a run of characters is not a word; a run
//! of Latin letters and digits is a word. Whitespace runs and punctuation marks are
//! tokens too, so that `--exact` can show them, but they are not *substantive*: the key
//! and the profile leave them out, which is what makes a full-width comma, a half-width
//! one and a stray space from a PDF compare equal.

use crate::text::chars::is_unspaced_script;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// What a token is, which decides how the diff treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// A run of letters and digits outside the CJK blocks: `Recalling`, `2019`, `A`.
    Word,
    /// One CJK character: `权`.
    Han,
    /// A run of whitespace.
    Space,
    /// One punctuation mark or symbol: `，`, `,`, `《`, `/`.
    Punct,
}

impl TokenClass {
    /// Words and characters carry meaning; spaces and punctuation, for this tool, do not.
    pub fn is_substantive(self) -> bool {
        matches!(self, TokenClass::Word | TokenClass::Han)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub class: TokenClass,
}


fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced_script(c)
}

/// Split text into tokens that concatenate back to it exactly.
///
/// `回顾第 47/23 号决议` → `回` `顾` `第` ` ` `47` `/` `23` ` ` `号` `决` `议`;
/// `Recalling also,` → `Recalling` ` ` `also` `,`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokens(text).collect()
}

/// The tokens of [`tokenize`], one at a time.
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        let class = if is_unspaced_script(c) {
            TokenClass::Han
        } else if c.is_whitespace() {
            TokenClass::Space
        } else if is_word_char(c) {
            TokenClass::Word
        } else {
            TokenClass::Punct
        };
        let mut end = start + c.len_utf8();
        if matches!(class, TokenClass::Word | TokenClass::Space) {
            let same = |c: char| if class == TokenClass::Word { is_word_char(c) } else { c.is_whitespace() };
            while let Some(&(i, next)) = chars.peek() {
                if !same(next) {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        Some(Token { text: &text[start..end], class })
    })
}

/// Full-width Latin letters and digits (`Ａ`, `１`) as their ASCII forms, so that a
/// number typed in either width is the same number.
pub fn fold_width(word: &str) -> String {
    word.chars().map(fold_char).collect()
}

/// Is this piece of text only punctuation and whitespace (nothing a reader would call a
/// change of wording)?
pub fn is_insubstantial(text: &str) -> bool {
    tokenize(text).iter().all(|t| !t.class.is_substantive())
}

/// How two texts compare: the substantive key (same key = same text for this tool) and
/// the shingles that measure likeness.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The substantive tokens, width-folded, joined by a separator no text contains.
    key: String,
    /// Hashes of the shingles (n-grams of lower-cased substantive tokens, every number
    /// as one placeholder), sorted: a multiset that two profiles intersect by merging.
    shingles: Vec<u64>,
    /// The shingles of the opening words alone: a UN paragraph opens with what it does
    /// ("Acknowledging the important contribution of…", "Calls upon Member States to…"),
    /// which a new version keeps when it rewrites the rest.
    opening: Vec<u64>,
}

/// Substantive tokens that make a paragraph's opening.
pub const OPENING_UNITS: usize = 8;

/// Which n-grams make the shingles. Chinese reads well as character bigrams (most
/// words are two characters), English as word bigrams: single words let the boilerplate
/// of operative paragraphs ("Requests the Office of the High Commissioner") make
/// unrelated paragraphs look alike (measured in `make bench`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shingling {
    pub han_ngram: usize,
    pub word_ngram: usize,
}

impl Default for Shingling {
    fn default() -> Self {
        Shingling { han_ngram: 2, word_ngram: 2 }
    }
}

const KEY_SEPARATOR: char = '\u{1F}';

impl Profile {
    pub fn new(text: &str, shingling: Shingling) -> Profile {
        let mut key = String::with_capacity(text.len() + text.len() / 2);
        // Each token once: its width-folded characters make the key, and a hash of them in
        // lower case is the unit the shingles are built from. Numbers are what
        // a new year's text changes in a paragraph that is otherwise the same (`resolution
        // 77/133 of 12 December 2022` → `78/85 of 7 December 2023`): for likeness they
        // count as "a number", whichever; the opening keeps them (below).
        let mut units = Vec::with_capacity(text.len() / 3 + 1);
        let mut literal = Vec::with_capacity(OPENING_UNITS);
        let mut han = 0;
        for t in tokens(text).filter(|t| t.class.is_substantive()) {
            let mut unit = FNV_OFFSET;
            let mut digits = true;
            if t.class == TokenClass::Han {
                // One character of a script without case, never a digit and never
                // folded: its bytes as they stand.
                han += 1;
                key.push_str(t.text);
                digits = false;
                for &b in t.text.as_bytes() {
                    unit = (unit ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            } else {
                for c in t.text.chars().map(fold_char) {
                    key.push(c);
                    digits &= c.is_ascii_digit();
                    if c.is_ascii() {
                        unit = (unit ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME);
                    } else {
                        for l in c.to_lowercase() {
                            unit = fnv_char(unit, l);
                        }
                    }
                }
            }
            key.push(KEY_SEPARATOR);
            units.push(if digits { NUMBER_UNIT } else { unit });
            if literal.len() < OPENING_UNITS {
                literal.push(unit);
            }
        }
        // The script that dominates the text picks the n-gram size: a Chinese paragraph
        // with a few numbers in it is still read as Chinese.
        let n = if han * 2 >= units.len() { shingling.han_ngram } else { shingling.word_ngram }.max(1);
        let shingles = shingle(&units, n);
        // The opening keeps its numbers: "Recalling its resolution 77/244" and
        // "Reaffirming also its resolution 70/1" open alike only once numbers are masked.
        let opening = shingle(&literal, n);
        Profile { key, shingles, opening }
    }

    /// Likeness of the two openings (Dice over their shingles).
    pub fn opening_similarity(&self, other: &Profile) -> f64 {
        dice(&self.opening, &other.opening)
    }

    /// Same substantive text: only punctuation, whitespace or character width differ.
    pub fn same_text(&self, other: &Profile) -> bool {
        self.key == other.key
    }

    /// The substantive key: equal keys are the same text for this tool.
    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    /// Number of shingles (the profile's size, for containment).
    pub fn len(&self) -> usize {
        self.shingles.len()
    }

    /// Shingles the two profiles share, counted as a multiset.
    pub fn shared(&self, other: &Profile) -> usize {
        shared_sorted(&self.shingles, &other.shingles)
    }

    /// Dice coefficient, 2|A∩B| / (|A|+|B|): 1 for the same wording, 0 for nothing in
    /// common. Two texts with nothing substantive (two empty paragraphs) are alike.
    pub fn similarity(&self, other: &Profile) -> f64 {
        dice(&self.shingles, &other.shingles)
    }

    /// How much of `self` is found in `other`, |A∩B| / |A|: a piece of a split paragraph
    /// is contained in the paragraph it came from even though their Dice is low.
    pub fn containment_in(&self, other: &Profile) -> f64 {
        containment(self.shared(other), self.len())
    }

    /// What of `self` is left once `other` is taken out (multiset difference): the part
    /// of a paragraph that its partner does not account for.
    pub fn minus(&self, other: &Profile) -> Profile {
        let (a, b) = (&self.shingles, &other.shingles);
        let mut left = Vec::with_capacity(a.len());
        let mut j = 0;
        for &x in a {
            while j < b.len() && b[j] < x {
                j += 1;
            }
            if j < b.len() && b[j] == x {
                j += 1;
            } else {
                left.push(x);
            }
        }
        Profile { key: String::new(), shingles: left, opening: Vec::new() }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;
/// The unit every number stands for in the shingles.
const NUMBER_UNIT: u64 = 0x2323_2323_2323_2323;

fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// A full-width form of an ASCII character (`１`, `Ａ`, `，`) as that character.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The n-grams of `units` (each a hash of one token), hashed and sorted (a text
/// shorter than n is one shingle). Shingles are compared with each other only, within
/// one run, so a fast hash that spreads words well is all they need.
fn shingle(units: &[u64], n: usize) -> Vec<u64> {
    let n = n.min(units.len()).max(1);
    let mut shingles: Vec<u64> = units
        .windows(n)
        .map(|gram| {
            let mut h = FNV_OFFSET;
            for unit in gram {
                h = (h ^ unit).wrapping_mul(FNV_PRIME).rotate_left(29);
            }
            h
        })
        .collect();
    shingles.sort_unstable();
    shingles
}

/// Dice coefficient of two sorted multisets: 2|A∩B| / (|A|+|B|), 1 for two empty ones.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    dice_of(shared_sorted(a, b), a.len() + b.len())
}

/// Dice from the shared count and the two sizes summed: one formula for [`dice`] and
/// [`PairCounts`], so that both give the same bits.
pub fn dice_of(shared: usize, total: usize) -> f64 {
    if total == 0 {
        return 1.0;
    }
    2.0 * shared as f64 / total as f64
}

/// The shingles of many profiles, indexed by shingle: the likeness of one profile to
/// each of them in one pass over its shingles' postings, instead of one merge per pair.
/// Aligning two texts compares every paragraph with every paragraph of its kind; merging
/// sorted shingle lists for each pair was most of the diff's time on long texts, and
/// most pairs share few shingles, which the postings never visit.
struct ShingleIndex {
    /// Shingle → where its postings start in `postings`, and how many there are.
    ranges: HashMap<u64, (u32, u32), BuildHasherDefault<KeyHasher>>,
    /// (indexed profile, how many times it holds the shingle), each shingle's together:
    /// a query reads them in one run of memory.
    postings: Vec<(u32, u32)>,
    sizes: Vec<usize>,
}

impl ShingleIndex {
    fn new<'a>(profiles: impl IntoIterator<Item = &'a Profile>) -> ShingleIndex {
        let profiles: Vec<&Profile> = profiles.into_iter().collect();
        // Room for every shingle at once: growing the table rehashes what it holds.
        let room: usize = profiles.iter().map(|p| p.shingles.len()).sum();
        let mut ranges: HashMap<u64, (u32, u32), BuildHasherDefault<KeyHasher>> =
            HashMap::with_capacity_and_hasher(room, Default::default());
        // Each shingle's postings counted, then laid out one after the other.
        for profile in &profiles {
            for run in profile.shingles.chunk_by(|a, b| a == b) {
                ranges.entry(run[0]).or_insert((0, 0)).1 += 1;
            }
        }
        let mut start = 0;
        for range in ranges.values_mut() {
            let count = range.1;
            *range = (start, 0);
            start += count;
        }
        let mut postings = vec![(0u32, 0u32); start as usize];
        let mut sizes = Vec::with_capacity(profiles.len());
        for (j, profile) in profiles.iter().enumerate() {
            for run in profile.shingles.chunk_by(|a, b| a == b) {
                if let Some(range) = ranges.get_mut(&run[0]) {
                    postings[(range.0 + range.1) as usize] = (j as u32, run.len() as u32);
                    range.1 += 1;
                }
            }
            sizes.push(profile.shingles.len());
        }
        ShingleIndex { ranges, postings, sizes }
    }

    /// `shared[j]` = the shingles `profile` shares with the j-th indexed profile, counted
    /// as a multiset (what [`Profile::shared`] counts).
    fn shared(&self, profile: &Profile, shared: &mut [u32]) {
        for run in profile.shingles.chunk_by(|a, b| a == b) {
            let Some(&(start, len)) = self.ranges.get(&run[0]) else { continue };
            let count = run.len() as u32;
            for &(j, theirs) in &self.postings[start as usize..(start + len) as usize] {
                shared[j as usize] += count.min(theirs);
            }
        }
    }
}

/// The shingles every profile of one list shares with every profile of another, counted
/// once: each likeness an alignment asks for (in order, out of order, of a piece to its
/// whole) is then read from the table, the same number [`Profile::similarity`],
/// [`Profile::shared`] and [`Profile::containment_in`] give.
pub struct PairCounts {
    /// Row-major: `shared[i * columns + j]`.
    shared: Vec<u32>,
    row_sizes: Vec<usize>,
    column_sizes: Vec<usize>,
}

impl PairCounts {
    pub fn new(rows: &[&Profile], columns: &[&Profile]) -> PairCounts {
        let index = ShingleIndex::new(columns.iter().copied());
        let m = columns.len();
        let mut shared = vec![0u32; rows.len() * m];
        for (i, row) in rows.iter().enumerate() {
            index.shared(row, &mut shared[i * m..(i + 1) * m]);
        }
        PairCounts { shared, row_sizes: rows.iter().map(|p| p.len()).collect(), column_sizes: index.sizes }
    }

    /// Shingles row `i` and column `j` share.
    pub fn shared(&self, i: usize, j: usize) -> usize {
        self.shared[i * self.column_sizes.len() + j] as usize
    }

    /// Dice of row `i` and column `j`: [`Profile::similarity`].
    pub fn similarity(&self, i: usize, j: usize) -> f64 {
        dice_of(self.shared(i, j), self.row_sizes[i] + self.column_sizes[j])
    }

    /// How much of row `i` is found in column `j`: [`Profile::containment_in`].
    pub fn row_in_column(&self, i: usize, j: usize) -> f64 {
        containment(self.shared(i, j), self.row_sizes[i])
    }

    /// How much of column `j` is found in row `i`.
    pub fn column_in_row(&self, i: usize, j: usize) -> f64 {
        containment(self.shared(i, j), self.column_sizes[j])
    }
}

/// |A∩B| / |A|, 0 for an empty A: one formula for [`Profile::containment_in`] and
/// [`PairCounts`].
fn containment(shared: usize, size: usize) -> f64 {
    if size == 0 {
        return 0.0;
    }
    shared as f64 / size as f64
}

/// How many members two sorted lists share, a repeated member as often as both hold it.
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A hasher for number keys (shingles, trigram keys, row ids): one multiplication, folded.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    /// Eight bytes at a time (a text key: a word, a file's name), the last ones padded.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        // The product's halves folded together: the table picks buckets by the low bits,
        // which a plain product takes from the key's low bits alone (a trigram's last
        // character), crowding every trigram of a letter into a few buckets.
        let product = u128::from(self.0 ^ n) * 0x9E37_79B9_7F4A_7C15;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(tokens: &[Token<'a>]) -> Vec<&'a str> {
        tokens.iter().map(|t| t.text).collect()
    }

    #[test]
    fn han_characters_are_tokens_of_their_own_and_latin_runs_are_words() {
        let t = tokenize("回顾第 47/23 号决议");
        assert_eq!(texts(&t), ["回", "顾", "第", " ", "47", "/", "23", " ", "号", "决", "议"]);
        let t = tokenize("Recalling also, the Secretary-General’s");
        assert_eq!(texts(&t), ["Recalling", " ", "also", ",", " ", "the", " ", "Secretary", "-", "General", "’", "s"]);
        assert_eq!(tokenize("").len(), 0);
        assert_eq!(tokenize("a\u{3000}b").iter().map(|t| t.class).collect::<Vec<_>>(),
            [TokenClass::Word, TokenClass::Space, TokenClass::Word]);
    }

    #[test]
    fn tokens_concatenate_back_to_the_text() {
        for s in ["遵循《联合国宪章》的宗旨和原则，", "  lead and trail  ", "ＡＢＣ１２３，", "é\u{301}x", "👍🏽 ok"] {
            assert_eq!(tokenize(s).iter().map(|t| t.text).collect::<String>(), s);
        }
    }

    #[test]
    fn punctuation_width_and_spaces_do_not_change_the_key() {
        let s = Shingling::default();
        let rows = [
            ("遵循《联合国宪章》的宗旨和原则，", "遵循《联合国宪章》的宗旨和原则,"),
            ("第 77/211 号决议", "第77/211号决议"),
            ("平等和不歧视权、意见和表达自由权", "平等和不歧视权,意见和表达自由权"),
            ("resolution 41/11 of 11 July 2019,", "resolution  41/11 of 11 July 2019;"),
            ("第１２号", "第12号"),
        ];
        for (a, b) in rows {
            assert!(Profile::new(a, s).same_text(&Profile::new(b, s)), "{a} / {b}");
        }
        assert!(!Profile::new("回顾一切人权", s).same_text(&Profile::new("回顾所有人权", s)));
        assert!(!Profile::new("Recalling", s).same_text(&Profile::new("Recalling also", s)));
    }

    #[test]
    fn similarity_is_dice_over_shingles() {
        let s = Shingling::default();
        let a = Profile::new("回顾一切人权和基本自由", s);
        assert_eq!(a.similarity(&a), 1.0);
        let b = Profile::new("回顾所有人权和基本自由", s);
        let sim = a.similarity(&b);
        assert!(sim > 0.6 && sim < 1.0, "{sim}");
        let c = Profile::new("决定继续处理此事", s);
        assert_eq!(a.similarity(&c), 0.0);
        assert_eq!(Profile::new("", s).similarity(&Profile::new("，", s)), 1.0);
        assert_eq!(Profile::new("", s).similarity(&c), 0.0);
        let en = Profile::new("Decides to remain seized of the matter.", s);
        let en2 = Profile::new("Decides to remain actively seized of the matter.", s);
        assert!(en.similarity(&en2) > 0.7, "{}", en.similarity(&en2));
        // A new year's citation is the same wording with other numbers.
        let cited = Profile::new("Recalling its resolution 77/133 of 12 December 2022,", s);
        let recited = Profile::new("Recalling its resolution 78/85 of 7 December 2023,", s);
        assert_eq!(cited.similarity(&recited), 1.0);
        assert!(!cited.same_text(&recited));
        let opening = Profile::new("Acknowledging the important contribution of international and regional conferences such as the summit hosted by the Netherlands", s);
        let reopening = Profile::new("Acknowledging the important contribution of State-led international and regional conferences, including those hosted by the Philippines", s);
        let (start, whole) = (opening.opening_similarity(&reopening), opening.similarity(&reopening));
        assert!(start > 0.5 && whole < start, "{start} {whole}");
    }

    #[test]
    fn a_list_against_itself_gives_the_same_similarities_as_pairwise_dice() {
        let s = Shingling::default();
        let texts = [
            "回顾一切人权和基本自由，人权和基本自由",
            "回顾所有人权和基本自由",
            "决定继续处理此事",
            "",
            "，",
            "Recalling its resolution 77/133 of 12 December 2022, and its resolution 77/133",
            "Decides to remain seized of the matter.",
        ];
        let profiles: Vec<Profile> = texts.iter().map(|t| Profile::new(t, s)).collect();
        let all: Vec<&Profile> = profiles.iter().collect();
        let table = PairCounts::new(&all, &all);
        for (i, a) in profiles.iter().enumerate() {
            let row: Vec<f64> = (0..profiles.len()).map(|j| table.similarity(i, j)).collect();
            let pairwise: Vec<f64> = profiles.iter().map(|b| a.similarity(b)).collect();
            assert_eq!(row, pairwise);
        }
    }

    #[test]
    fn the_pair_table_gives_the_same_likenesses_as_the_profiles() {
        let s = Shingling::default();
        let old = ["回顾一切人权和基本自由，人权和基本自由", "", "决定继续处理此事", "Decides to remain seized of the matter."];
        let new = ["回顾所有人权和基本自由", "，", "Decides to remain actively seized of the matter.", "决定继续处理此事", "人权和基本自由"];
        let (old, new): (Vec<Profile>, Vec<Profile>) =
            (old.iter().map(|t| Profile::new(t, s)).collect(), new.iter().map(|t| Profile::new(t, s)).collect());
        let table = PairCounts::new(&old.iter().collect::<Vec<_>>(), &new.iter().collect::<Vec<_>>());
        for (i, a) in old.iter().enumerate() {
            for (j, b) in new.iter().enumerate() {
                assert_eq!(table.shared(i, j), a.shared(b));
                assert_eq!(table.similarity(i, j).to_bits(), a.similarity(b).to_bits());
                assert_eq!(table.row_in_column(i, j).to_bits(), a.containment_in(b).to_bits());
                assert_eq!(table.column_in_row(i, j).to_bits(), b.containment_in(a).to_bits());
            }
        }
    }

    #[test]
    fn scripts_without_spaces_have_no_case_and_no_full_width_forms() {
        // What lets a profile hash such a character's bytes as they stand.
        for c in (0..=0x3FFFF).filter_map(char::from_u32).filter(|&c| is_unspaced_script(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
            assert_eq!(fold_char(c), c);
            assert!(!c.is_ascii_digit());
        }
    }

    #[test]
    fn a_piece_is_contained_in_the_paragraph_it_came_from() {
        let s = Shingling::default();
        let whole = Profile::new("请高级专员办事处召集两次专家磋商会，并就此向人权理事会第五十届会议提交报告", s);
        let piece = Profile::new("并就此向人权理事会第五十届会议提交报告", s);
        assert!(piece.containment_in(&whole) > 0.95);
        assert!(whole.containment_in(&piece) < 0.6);
        assert_eq!(Profile::new("", s).containment_in(&whole), 0.0);
        // What the first piece does not account for is what the second piece holds.
        let first = Profile::new("请高级专员办事处召集两次专家磋商会", s);
        assert!(piece.containment_in(&whole.minus(&first)) > 0.95);
        assert!(first.containment_in(&whole.minus(&first)) < 0.1);
        assert_eq!(whole.minus(&whole).len(), 0);
    }
}