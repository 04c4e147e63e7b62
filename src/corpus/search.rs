//! Agreed-language search: the adopted paragraphs closest to a phrase or a paragraph of a
//! draft, with how the resolution that holds each was adopted.
//!
//! Candidates come from the FTS5 trigram index: for a phrase, the phrase itself (a
//! substring match); for a paragraph of a draft, or a phrase found too rarely, the
//! paragraphs richest in the query's rarest trigrams (bm25 order), rarity read from a
//! count the index keeps per trigram, the commoner of them left out once ranking would
//! read more postings than a budget. Each candidate is then scored on its whole text, in units that suit each
//! script (pairs of Chinese characters; words and word pairs elsewhere): `coverage`, the
//! share of the query's units the paragraph holds (a phrase inside a long paragraph scores
//! high), and `similarity`, their Dice coefficient (a whole paragraph against another).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::HashSet;

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
        self.vote_method == "without_vote"
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
    use crate::text::is_han;
    let folded: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '、' => ',',
            '。' => '.',
            '“' | '”' | '「' | '」' | '《' | '》' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(text.len());
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

/// The units two texts are compared by: each pair of adjacent Chinese characters (no
/// word breaks to rely on), and each word and pair of adjacent words of other scripts
/// (character pairs of English words match almost any paragraph).
fn units(form: &str) -> HashSet<String> {
    use crate::text::is_han;
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in form.chars() {
        if is_han(c) || !c.is_alphanumeric() {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            if is_han(c) {
                tokens.push(c.to_string());
            } else if !c.is_whitespace() {
                // Punctuation breaks a run: no unit spans it.
                tokens.push(String::new());
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let han = |t: &str| t.chars().next().is_some_and(is_han);
    let mut out = HashSet::new();
    for t in tokens.iter().filter(|t| !t.is_empty() && !han(t)) {
        out.insert(t.clone());
    }
    for pair in tokens.windows(2) {
        if !pair[0].is_empty() && !pair[1].is_empty() {
            let sep = if han(&pair[0]) && han(&pair[1]) { "" } else { " " };
            out.insert(format!("{}{sep}{}", pair[0], pair[1]));
        }
    }
    if out.is_empty() {
        // A single Chinese character.
        out.extend(tokens.into_iter().filter(|t| !t.is_empty()));
    }
    out
}

/// An FTS5 string literal: the text in double quotes, inner quotes doubled.
fn fts_literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

pub(super) fn search(conn: &Connection, query: &str, options: &SearchOptions) -> rusqlite::Result<Vec<Hit>> {
    let q = search_form(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = Vec::new();
    if q.chars().count() < 3 {
        // Shorter than a trigram: the index cannot help, so scan.
        let pattern = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut stmt = conn.prepare("SELECT rowid FROM paragraph_text WHERE text LIKE ?1 ESCAPE '\\' LIMIT ?2")?;
        ids.extend(stmt.query_map(params![pattern, CANDIDATES as i64], |r| r.get::<_, i64>(0))?.flatten());
    } else {
        // A phrase is looked up as written. A paragraph of a draft is not: it is reworded
        // (that is why it is searched), and a phrase query that no row answers walks
        // every row holding all of its trigrams.
        if options.exact || q.chars().count() <= PHRASE_CHARS {
            let mut stmt = conn.prepare("SELECT rowid FROM paragraph_text WHERE paragraph_text MATCH ?1 LIMIT ?2")?;
            ids.extend(stmt.query_map(params![fts_literal(&q), CANDIDATES as i64], |r| r.get::<_, i64>(0))?.flatten());
        }
        // Candidates enough that hold the phrase itself need no ranking: none would
        // score above them.
        if !options.exact && ids.len() < CANDIDATES {
            let rare = rarest_trigrams(conn, &q)?;
            if !rare.is_empty() {
                let expr = rare.iter().map(|t| fts_literal(t)).collect::<Vec<_>>().join(" OR ");
                let mut stmt = conn.prepare(
                    "SELECT rowid FROM paragraph_text WHERE paragraph_text MATCH ?1 ORDER BY rank LIMIT ?2",
                )?;
                ids.extend(stmt.query_map(params![expr, CANDIDATES as i64], |r| r.get::<_, i64>(0))?.flatten());
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();

    let query_units = units(&q);
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // One query for every candidate (ids are integers from the index, safe to inline),
    // with the stored search form so no candidate is normalised again.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT p.paragraph, p.text, d.symbol, d.language, d.body, d.title, d.adopted, d.vote_method,
                d.yes, d.no, d.abstain, t.text
         FROM paragraphs p JOIN documents d ON d.id = p.document JOIN paragraph_text t ON t.rowid = p.id
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
        Ok((hit, r.get::<_, String>(11)?))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (mut hit, form) = row?;
        if options.language.is_some_and(|l| l.as_str() != hit.language)
            || options.consensus_only && !hit.by_consensus()
        {
            continue;
        }
        hit.exact = form.contains(&q);
        let own = units(&form);
        let shared = query_units.intersection(&own).count() as f64;
        hit.coverage = if query_units.is_empty() { f64::from(u8::from(hit.exact)) } else { shared / query_units.len() as f64 };
        let total = (query_units.len() + own.len()) as f64;
        hit.similarity = if total == 0.0 { 0.0 } else { 2.0 * shared / total };
        if hit.exact || (!options.exact && hit.coverage >= MIN_COVERAGE) {
            hits.push(hit);
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

/// The query's trigrams that the index holds, rarest first, at most [`RARE_TRIGRAMS`]:
/// their posting lists are short, so the candidate query stays fast as the corpus grows.
fn rarest_trigrams(conn: &Connection, q: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT rows FROM trigram_rows WHERE term = ?1")?;
    let mut counted: Vec<(i64, String)> = Vec::new();
    for t in super::index::trigram_keys(q).into_iter().map(super::index::trigram_text) {
        let rows: i64 = stmt.query_row([&t], |r| r.get(0)).optional()?.unwrap_or(0);
        if rows > 0 {
            counted.push((rows, t));
        }
    }
    counted.sort();
    // Ranking reads every posting of every trigram chosen: past a budget of postings
    // the commoner ones add time, not candidates (a wording used in thousands of
    // resolutions is found by its rarer trigrams already).
    let mut postings = 0i64;
    Ok(counted
        .into_iter()
        .take(RARE_TRIGRAMS)
        .enumerate()
        .take_while(|(i, (rows, _))| {
            postings += rows;
            *i < MIN_RARE_TRIGRAMS || postings <= POSTINGS_BUDGET
        })
        .map(|(_, (_, t))| t)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_form_folds_what_pdfs_scatter() {
        assert_eq!(search_form("隐 私 权，和 平集会"), "隐私权,和平集会");
        assert_eq!(search_form("The  Right\nto Privacy"), "the right to privacy");
        assert_eq!(search_form("（ＡＢＣ）"), "(abc)");
        assert_eq!(search_form("第 41/11 号"), "第41/11号");
        assert_eq!(search_form("  "), "");
    }

    #[test]
    fn units_suit_each_script() {
        let zh = units(&search_form("隐私权，和平"));
        assert!(zh.contains("隐私") && zh.contains("私权") && zh.contains("和平") && !zh.contains("权,"));
        let en = units(&search_form("the right to privacy"));
        assert!(en.contains("privacy") && en.contains("to privacy") && !en.contains("ri"));
        assert_eq!(units("隐"), HashSet::from(["隐".to_string()]));
        assert!(units("").is_empty());
    }

    #[test]
    fn fts_literals_quote_quotes() {
        assert_eq!(fts_literal(r#"a "b""#), r#""a ""b""""#);
    }
}
