//! Agreed-language search: the adopted paragraphs closest to a phrase or a paragraph of a
//! draft, with how the resolution that holds each was adopted.
//!
//! Candidates come from the index's trigram postings: for a phrase, the rows that hold
//! it as written (the lists of its rarest trigrams intersected, each row then checked on
//! its text, so a phrase broken across lines in the file is found, the paragraph's lines
//! being joined); for a paragraph of a draft, or a phrase found too rarely, the rows
//! richest in the query's rarest trigrams (weighted by inverse document frequency, as in
//! BM25), the commoner of them left out once ranking would read more postings than a
//! budget. Each candidate is then scored on its whole text, in units that suit each
//! script (pairs of Chinese characters; words and word pairs elsewhere): `coverage`, the
//! share of the query's units the paragraph holds (a phrase inside a long paragraph scores
//! high), and `similarity`, their Dice coefficient (a whole paragraph against another).

use super::postings::trigram_keys;
use super::postings;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How many of the query's rarest trigrams choose the candidates.
const RARE_TRIGRAMS: usize = 16;
/// The fewest trigrams that choose the candidates, however common.
const MIN_RARE_TRIGRAMS: usize = 8;
/// How many postings (paragraphs holding a trigram, summed over the trigrams) the
/// candidate query may rank; past it, only the [`MIN_RARE_TRIGRAMS`] rarest are used.
const POSTINGS_BUDGET: i64 = 50_000;
/// Queries up to this many characters (in search form) are phrases, also looked up as
/// written; longer ones are paragraphs of a draft.
const PHRASE_CHARS: usize = 40;
/// A phrase's candidates are checked on their text once the intersected lists leave
/// this many rows or fewer.
const PHRASE_CHECKS: usize = 64;
/// How many postings a phrase lookup reads, at most, to narrow its candidates.
const PHRASE_POSTINGS: i64 = 400_000;
/// How many candidates are scored in full.
const CANDIDATES: usize = 250;
/// A fuzzy hit must hold at least this share of the query.
const MIN_COVERAGE: f64 = 0.35;

#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub limit: usize,
    /// Only paragraphs that contain the phrase as written (after normalisation).
    pub exact: bool,
    /// Only paragraphs of resolutions adopted without a vote.
    pub consensus_only: bool,
    pub language: Option<crate::model::Language>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, exact: false, consensus_only: false, language: None }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub symbol: String,
    pub paragraph: String,
    pub text: String,
    pub language: String,
    pub body: String,
    pub title: String,
    pub adopted: Option<String>,
    /// `without_vote`, `recorded` or `unknown`.
    pub vote_method: String,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// The phrase stands in the paragraph as written.
    pub exact: bool,
    /// Share of the query's units found in the paragraph, 0–1.
    pub coverage: f64,
    /// Dice coefficient of the two texts' units, 0–1.
    pub similarity: f64,
}

impl Hit {
    /// Language adopted without a vote is the safest to reuse.
    pub fn by_consensus(&self) -> bool {
        self.vote_method == crate::model::VoteMethod::WithoutVote.as_str()
    }

    fn score(&self) -> f64 {
        let exact = if self.exact { 1.0 } else { 0.0 };
        exact + 0.6 * self.coverage + 0.4 * self.similarity
    }
}

/// The form texts are indexed and compared in: full-width forms and Chinese punctuation
/// folded to their ASCII counterparts, lower case, no space next to a Chinese character
/// (PDF extraction scatters them), single spaces elsewhere.
pub fn search_form(text: &str) -> String {
    let mut form = String::with_capacity(text.len());
    search_form_into(text, &mut form);
    form
}

/// [`search_form`] written into `out`, which is cleared first: a buffer reused from text
/// to text.
pub fn search_form_into(text: &str, out: &mut String) {
    use crate::text::is_han;
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    let mut form = Form { out: bytes, spaced: false, last_is_han: None };
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII, most of any English text, a byte at a time.
        let ascii = crate::text::chars::ascii_prefix(rest.as_bytes());
        form.keep_ascii(&rest.as_bytes()[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        let c = fold_search_char(c);
        if c.is_whitespace() {
            form.spaced = true;
        } else if c.is_ascii() || is_han(c) {
            // Chinese characters have no case; no character lower-cases to a space.
            form.keep(c.to_ascii_lowercase(), is_han(c));
        } else {
            for c in c.to_lowercase() {
                form.keep(c, is_han(c));
            }
        }
    }
    *out = String::from_utf8(form.out).expect("whole characters and ASCII bytes are UTF-8");
}

/// The search form as it is written: a run of spaces is kept as one, once the character
/// after it is known, only between two characters neither of which is Chinese, and never
/// at either end.
struct Form {
    out: Vec<u8>,
    spaced: bool,
    last_is_han: Option<bool>,
}

impl Form {
    /// A run of ASCII, lower-cased, each run of the spaces `char::is_whitespace` names
    /// (vertical tab among them) kept as one space between two characters kept. The run
    /// is copied whole, then lower-cased and closed up where it was copied, in one pass:
    /// a space is written only in place of one or more read, so the writing never
    /// overtakes the reading.
    fn keep_ascii(&mut self, run: &[u8]) {
        if is_plain(run) {
            // Most runs of a text the reader has put together: lower-cased as they stand.
            if self.spaced && self.last_is_han == Some(false) {
                self.out.push(b' ');
            }
            self.out.extend(run.iter().map(u8::to_ascii_lowercase));
            self.spaced = false;
            self.last_is_han = Some(false);
            return;
        }
        let start = self.out.len();
        // A space pending from before the run is written in front of it if a character
        // follows: room for it is made at the start.
        self.out.push(b' ');
        self.out.extend_from_slice(run);
        let written = &mut self.out[start..];
        let mut spaced = self.spaced;
        // Whether the last character kept is one before which a space is kept: kept, and
        // not Chinese.
        let mut after_word = self.last_is_han == Some(false);
        let mut at = 0;
        // Without a branch on the byte (a space comes every few bytes, at no place a
        // branch could learn): a space is written where one may be kept and the byte
        // after it, each kept by moving past it or not. Neither write reaches a byte not
        // yet read: `at` stays behind `read` by the room made at the start, and moves two
        // only past a space it did not move for.
        for read in 1..written.len() {
            let b = written[read];
            let space = crate::text::chars::is_ascii_space(b);
            written[at] = b' ';
            at += usize::from(spaced & after_word & !space);
            written[at] = b.to_ascii_lowercase();
            at += usize::from(!space);
            spaced = space;
            after_word |= !space;
        }
        self.spaced = spaced;
        if after_word {
            self.last_is_han = Some(false);
        }
        self.out.truncate(start + at);
    }

    fn keep(&mut self, c: char, han: bool) {
        self.space_before(han);
        self.out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    /// The space pending before a character kept next, if neither it (`han`) nor the one
    /// before it is Chinese.
    fn space_before(&mut self, han: bool) {
        if self.spaced {
            if self.last_is_han == Some(false) && !han {
                self.out.push(b' ');
            }
            self.spaced = false;
        }
        self.last_is_han = Some(han);
    }
}

/// Whether a run of ASCII is words one space apart, which its search form keeps as they
/// stand: not empty, no space at either end or beside another, and no other kind of
/// space. Read without a branch a byte (see [`crate::text::chars::any_neighbours`]).
fn is_plain(run: &[u8]) -> bool {
    use crate::text::chars::is_ascii_space;
    let other_space = |b: u8| is_ascii_space(b) & (b != b' ');
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return false };
    first != b' '
        && last != b' '
        && !other_space(first)
        && !other_space(last)
        && !crate::text::chars::any_neighbours(run, |a, b| other_space(a) | other_space(b) | ((a == b' ') & (b == b' ')))
}

/// Full-width forms and Chinese punctuation as their ASCII counterparts.
fn fold_search_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '、' => ',',
        '。' => '.',
        '“' | '”' | '「' | '」' | '《' | '》' => '"',
        '‘' | '’' => '\'',
        '—' | '–' => '-',
        c => c,
    }
}

/// The units two texts are compared by: each pair of adjacent Chinese characters (no
/// word breaks to rely on), and each word and pair of adjacent words of other scripts
/// (character pairs of English words match almost any paragraph). Each unit is given to
/// `emit` as the pieces it is made of, joined.
fn each_unit(form: &str, mut emit: impl FnMut(&[&str])) {
    use crate::text::is_han;
    // Words and Chinese characters as slices of `form`; "" where punctuation breaks a run
    // (no unit spans it).
    let mut tokens: Vec<&str> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in form.char_indices() {
        if is_han(c) || !c.is_alphanumeric() {
            if let Some(start) = word_start.take() {
                tokens.push(&form[start..i]);
            }
            if is_han(c) {
                tokens.push(&form[i..i + c.len_utf8()]);
            } else if !c.is_whitespace() {
                tokens.push("");
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        tokens.push(&form[start..]);
    }
    let han = |t: &str| t.chars().next().is_some_and(is_han);
    let mut any = false;
    for t in tokens.iter().filter(|t| !t.is_empty() && !han(t)) {
        emit(&[t]);
        any = true;
    }
    for pair in tokens.windows(2) {
        if !pair[0].is_empty() && !pair[1].is_empty() {
            let sep = if han(pair[0]) && han(pair[1]) { "" } else { " " };
            emit(&[pair[0], sep, pair[1]]);
            any = true;
        }
    }
    if !any {
        // A single Chinese character.
        for t in tokens.iter().filter(|t| !t.is_empty()) {
            emit(&[t]);
        }
    }
}

/// A text's units, each as a 64-bit fingerprint of its characters (FNV-1a): sets of
/// numbers, compared without building a string per unit.
fn units(form: &str) -> HashSet<u64, std::hash::BuildHasherDefault<crate::text::compare::KeyHasher>> {
    let mut out = HashSet::default();
    each_unit(form, |pieces| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in pieces.iter().flat_map(|p| p.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        out.insert(h);
    });
    out
}

pub(super) fn search(conn: &Connection, query: &str, options: &SearchOptions) -> rusqlite::Result<Vec<Hit>> {
    let q = search_form(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let query_units = units(&q);
    let lookup = postings::Lookup::new(conn)?;
    let mut hits = Vec::new();
    // The search form of each candidate read so far, by row id.
    let mut forms: HashMap<i64, String> = HashMap::new();
    if q.chars().count() < 3 {
        // Shorter than a trigram: the index cannot help, so scan.
        let mut stmt = conn.prepare("SELECT id, text FROM paragraphs ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while forms.len() < CANDIDATES {
            let Some(row) = rows.next()? else { break };
            let form = search_form(row.get_ref(1)?.as_str()?);
            if form.contains(&q) {
                forms.insert(row.get(0)?, form);
            }
        }
        let ids: Vec<i64> = forms.keys().copied().collect();
        score_rows(conn, &ids, &q, &query_units, options, &mut forms, &mut hits)?;
    } else {
        // A phrase is looked up as written. A paragraph of a draft is not: it is reworded
        // (that is why it is searched), and a phrase that no row holds would have every
        // row holding all of its trigrams read.
        let mut phrase_ids = Vec::new();
        if options.exact || q.chars().count() <= PHRASE_CHARS {
            phrase_ids = phrase_rows(conn, &lookup, &q, &mut forms)?;
            score_rows(conn, &phrase_ids, &q, &query_units, options, &mut forms, &mut hits)?;
        }
        // Ranking adds nothing when the rows holding the phrase were all found (fewer
        // than the candidates asked for) and enough of them score above any row that
        // does not hold it (at most 1): none of those could enter the list.
        let enough = hits.iter().filter(|h| h.score() > 1.0).count() >= options.limit;
        if !options.exact && phrase_ids.len() < CANDIDATES && !enough {
            let seen: HashSet<i64> = phrase_ids.iter().copied().collect();
            let ranked: Vec<i64> = ranked_rows(conn, &lookup, &q)?.into_iter().filter(|id| !seen.contains(id)).collect();
            score_rows(conn, &ranked, &q, &query_units, options, &mut forms, &mut hits)?;
        }
    }
    hits.sort_by(|a, b| {
        b.score()
            .total_cmp(&a.score())
            .then(b.by_consensus().cmp(&a.by_consensus()))
            .then(b.adopted.cmp(&a.adopted))
            .then(a.symbol.cmp(&b.symbol))
            .then(a.paragraph.cmp(&b.paragraph))
    });
    hits.truncate(options.limit);
    Ok(hits)
}

/// The rows whose search form holds the phrase `q` (three characters or more), in id
/// order, at most [`CANDIDATES`]: the lists of its rarest trigrams intersected, then each
/// row that holds them all checked on its text.
fn phrase_rows(conn: &Connection, lookup: &postings::Lookup, q: &str, forms: &mut HashMap<i64, String>) -> rusqlite::Result<Vec<i64>> {
    let mut counted = Vec::new();
    for t in trigram_keys(q) {
        let rows = lookup.count(t)?;
        if rows == 0 {
            return Ok(Vec::new());
        }
        counted.push((rows, t));
    }
    counted.sort_unstable();
    let mut candidates = lookup.ids(counted[0].1)?;
    let mut read = candidates.len() as i64;
    for &(rows, t) in &counted[1..] {
        // Few enough rows are checked faster on their text than by reading long lists.
        if candidates.len() <= PHRASE_CHECKS || read + rows > PHRASE_POSTINGS {
            break;
        }
        candidates = postings::intersect(&candidates, &lookup.ids(t)?);
        read += rows;
    }
    let mut text = conn.prepare_cached("SELECT text FROM paragraphs WHERE id = ?1")?;
    let mut found = Vec::new();
    for id in candidates {
        let id = id as i64;
        // An id whose row was removed since its postings were written is skipped.
        let Some(form) = text.query_row([id], |r| Ok(search_form(r.get_ref(0)?.as_str()?))).optional()? else { continue };
        if form.contains(q) {
            found.push(id);
            forms.insert(id, form);
            if found.len() >= CANDIDATES {
                break;
            }
        }
    }
    Ok(found)
}

/// The rows richest in the query's rarest trigrams, at most [`CANDIDATES`]: each trigram
/// a row holds adds its inverse document frequency (as in BM25), ties in id order.
fn ranked_rows(conn: &Connection, lookup: &postings::Lookup, q: &str) -> rusqlite::Result<Vec<i64>> {
    let rare = rarest_trigrams(lookup, q)?;
    if rare.is_empty() {
        return Ok(Vec::new());
    }
    let total: f64 = conn
        .query_row("SELECT value FROM meta WHERE key = 'rows'", [], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let mut scores: HashMap<u64, f64, std::hash::BuildHasherDefault<crate::text::compare::KeyHasher>> = HashMap::default();
    for (rows, t) in rare {
        let rows = rows as f64;
        let weight = ((total - rows + 0.5) / (rows + 0.5) + 1.0).ln();
        for id in lookup.ids(t)? {
            *scores.entry(id).or_insert(0.0) += weight;
        }
    }
    let mut ranked: Vec<(u64, f64)> = scores.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Rows removed since their postings were written take no place.
    let mut live = conn.prepare_cached("SELECT 1 FROM paragraphs WHERE id = ?1")?;
    let mut out = Vec::with_capacity(CANDIDATES);
    for (id, _) in ranked {
        if out.len() >= CANDIDATES {
            break;
        }
        if live.exists([id as i64])? {
            out.push(id as i64);
        }
    }
    Ok(out)
}

/// Read the rows `ids` with their documents and keep, as hits, those that pass the
/// options and hold enough of the query.
fn score_rows(
    conn: &Connection,
    ids: &[i64],
    q: &str,
    query_units: &HashSet<u64, std::hash::BuildHasherDefault<crate::text::compare::KeyHasher>>,
    options: &SearchOptions,
    forms: &mut HashMap<i64, String>,
    hits: &mut Vec<Hit>,
) -> rusqlite::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    // One query for every candidate (ids are integers from the index, safe to inline).
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT p.paragraph, p.text, d.symbol, d.language, d.body, d.title, d.adopted, d.vote_method,
                d.yes, d.no, d.abstain, p.id
         FROM paragraphs p JOIN documents d ON d.id = p.document
         WHERE p.id IN ({list})"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let hit = Hit {
            paragraph: r.get(0)?,
            text: r.get(1)?,
            symbol: r.get(2)?,
            language: r.get(3)?,
            body: r.get(4)?,
            title: r.get(5)?,
            adopted: r.get(6)?,
            vote_method: r.get(7)?,
            yes: r.get(8)?,
            no: r.get(9)?,
            abstain: r.get(10)?,
            exact: false,
            coverage: 0.0,
            similarity: 0.0,
        };
        Ok((hit, r.get::<_, i64>(11)?))
    })?;
    for row in rows {
        let (mut hit, id) = row?;
        if options.language.is_some_and(|l| l.as_str() != hit.language)
            || options.consensus_only && !hit.by_consensus()
        {
            continue;
        }
        let form = forms.entry(id).or_insert_with(|| search_form(&hit.text));
        hit.exact = form.contains(q);
        let own = units(form);
        let shared = query_units.intersection(&own).count() as f64;
        hit.coverage = if query_units.is_empty() { f64::from(u8::from(hit.exact)) } else { shared / query_units.len() as f64 };
        let total = (query_units.len() + own.len()) as f64;
        hit.similarity = if total == 0.0 { 0.0 } else { 2.0 * shared / total };
        if hit.exact || (!options.exact && hit.coverage >= MIN_COVERAGE) {
            hits.push(hit);
        }
    }
    Ok(())
}

/// The query's trigrams that the index holds, rarest first, at most [`RARE_TRIGRAMS`],
/// with how many rows hold each: their posting lists are short, so ranking stays fast as
/// the corpus grows.
fn rarest_trigrams(lookup: &postings::Lookup, q: &str) -> rusqlite::Result<Vec<(i64, u64)>> {
    let mut counted: Vec<(i64, u64)> = Vec::new();
    for t in trigram_keys(q) {
        let rows = lookup.count(t)?;
        if rows > 0 {
            counted.push((rows, t));
        }
    }
    counted.sort_unstable();
    // Ranking reads every posting of every trigram chosen: past a budget of postings
    // the commoner ones add time, not candidates (a wording used in thousands of
    // resolutions is found by its rarer trigrams already).
    let mut read = 0i64;
    Ok(counted
        .into_iter()
        .take(RARE_TRIGRAMS)
        .enumerate()
        .take_while(|(i, (rows, _))| {
            read += rows;
            *i < MIN_RARE_TRIGRAMS || read <= POSTINGS_BUDGET
        })
        .map(|(_, counted)| counted)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The search form as it was first written: every character folded and lower-cased
    /// into a list, then each space kept or dropped looking at both its neighbours.
    fn search_form_by_neighbours(text: &str) -> String {
        use crate::text::is_han;
        let folded: Vec<char> = text.chars().map(fold_search_char).flat_map(char::to_lowercase).collect();
        let mut out = String::new();
        for (i, &c) in folded.iter().enumerate() {
            if c.is_whitespace() {
                let before = out.chars().last();
                let after = folded[i + 1..].iter().find(|c| !c.is_whitespace());
                let next_to_han = before.is_some_and(is_han) || after.is_some_and(|&c| is_han(c));
                if before.is_some() && before != Some(' ') && !next_to_han && after.is_some() {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    proptest! {
        /// Read in one pass, the search form is what looking at each space's neighbours
        /// gave, on text mixing Chinese, full-width forms, spaces of every kind, letters
        /// that lower-case to two characters, and ASCII.
        #[test]
        fn search_form_in_one_pass_is_the_neighbours_form(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "隐", "私", "权", "，", "、", "。", "《", "》", "“", "”", "‘", "’", "—", "–", "\u{3000}", "Ａ", "ｂ", "１",
                " ", "  ", "\t", "\n", "\u{b}", "\r", "\u{a0}", "\u{2003}", "İ", "ẞ", "Σ", "é", "A", "b", "c", "Right", "to", "privacy", ".", ",", "-",
            ]), 0..24).prop_map(|v| v.concat())
        ) {
            prop_assert_eq!(search_form(&text), search_form_by_neighbours(&text));
        }
    }

    #[test]
    fn search_form_folds_what_pdfs_scatter() {
        assert_eq!(search_form("隐 私 权，和 平集会"), "隐私权,和平集会");
        assert_eq!(search_form("The  Right\nto Privacy"), "the right to privacy");
        assert_eq!(search_form("（ＡＢＣ）"), "(abc)");
        assert_eq!(search_form("第 41/11 号"), "第41/11号");
        assert_eq!(search_form("  "), "");
    }

    #[test]
    fn ascii_text_has_the_same_form_a_byte_at_a_time() {
        for text in ["The  Right\nto Privacy", " \t a\x0Bb\r\n C. ", "", "   ", "(A/RES/78/213),\nRecalling", "x", "Recalling its resolution 47/23,", "隐私 Right to Privacy 权", "“The Right” to", "，\u{3000}A"] {
            assert_eq!(search_form(text), search_form_by_neighbours(text), "{text:?}");
        }
        assert_eq!(search_form(" \t The  Right\x0Bto\r\nPrivacy. "), "the right to privacy.");
    }

    fn unit_texts(form: &str) -> HashSet<String> {
        let mut out = HashSet::new();
        each_unit(form, |pieces| {
            out.insert(pieces.concat());
        });
        out
    }

    #[test]
    fn units_suit_each_script() {
        let zh = unit_texts(&search_form("隐私权，和平"));
        assert!(zh.contains("隐私") && zh.contains("私权") && zh.contains("和平") && !zh.contains("权,"));
        let en = unit_texts(&search_form("the right to privacy"));
        assert!(en.contains("privacy") && en.contains("to privacy") && !en.contains("ri"));
        assert_eq!(unit_texts("隐"), HashSet::from(["隐".to_string()]));
        assert!(unit_texts("").is_empty());
        assert_eq!(unit_texts("a-b c"), HashSet::from(["a".to_string(), "b".to_string(), "c".to_string(), "b c".to_string()]));
        // The fingerprints count the same units as the texts.
        for form in ["隐私权,和平", "the right to privacy", "隐", "", "a-b c", "第41/11号 the 人权 council"] {
            assert_eq!(units(form).len(), unit_texts(form).len(), "{form}");
        }
    }
}
