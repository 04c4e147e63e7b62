//! Rights named by a text: "隐私权", "意见和表达自由权、和平集会自由权和结社自由权",
//! "the rights to equality and non-discrimination, … and to privacy", each mapped to a
//! stable id of the rights lexicon (`lexicon/rights.tsv`) with its treaty anchor.
//!
//! The lexicon is data: a user adds a right or a wording by editing the TSV, whose header
//! explains the surface syntax. This module only knows how to match surfaces:
//! longest first, on a view of the text where spacing is evened out, with a gap marker
//! for wordings that wrap a list ("儿童免遭…的权利"), and with two English list rules
//! that share a head ("rights to A, to B and to C", "freedom of A and of B").
//!
//! What is searched: every paragraph's text and its items. Footnotes are not: in UN
//! texts they hold document symbols and the titles of cited records, never a right the
//! text itself names.
//!
//! What is not a right named: "human rights" alone; an instrument or body whose name
//! contains a right ("《儿童权利公约》", "儿童权利委员会", "Convention on the Rights of the
//! Child", "International Covenant on Economic, Social and Cultural Rights"); "right of
//! reply" and other procedural rights (not in the lexicon). A right named inside the
//! title of a cited resolution or report, or inside a mandate's name, is kept but marked
//! by its [`MentionContext`], so that a reader can tell "关于数字时代的隐私权的第 42/15 号
//! 决议" from the text's own "隐私权".

use crate::reader::patterns::{lead_at_most, Bounded};
use crate::text::chars::{any_neighbours, is_east_asian_block};
use crate::model::{Document, Language, Paragraph};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use crate::text::pattern::Pattern;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

const TSV: &str = include_str!("../../../lexicon/rights.tsv");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match Lexicon::from_tsv(TSV) {
    Ok(lexicon) => lexicon,
    // The TSV is compiled in and checked by the tests, so this is a build defect.
    Err(errors) => panic!("lexicon/rights.tsv is invalid:\n{}", errors.join("\n")),
});

/// The lexicon built from the compiled-in `lexicon/rights.tsv`, once per process.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// One row of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Right {
    pub id: &'static str,
    pub label: &'static str,
    /// The treaty article that guarantees the right, where there is one.
    pub anchor: Option<&'static str>,
    pub zh: Vec<&'static str>,
    pub en: Vec<&'static str>,
}

pub use crate::model::{MentionContext, RightFinding};

/// One match in a piece of text: which rights, where (byte offsets into the text) and
/// in what context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub ids: Vec<&'static str>,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub context: MentionContext,
}

/// Every right named in a document, one finding per (right, paragraph, item), in text
/// order. Where a paragraph names a right several times, the finding takes the first
/// wording in the text's own words, or the first wording at all if every mention is in a
/// title or a mandate's name.
pub fn find_rights(doc: &Document) -> Vec<RightFinding> {
    let mut findings = Vec::new();
    for paragraph in &doc.paragraphs {
        findings.extend(findings_in(paragraph, None, &paragraph.text, doc.language));
        for item in &paragraph.items {
            findings.extend(findings_in(paragraph, Some(&item.label), &item.text, doc.language));
        }
    }
    findings
}

fn findings_in(paragraph: &Paragraph, item: Option<&str>, text: &str, language: Language) -> Vec<RightFinding> {
    let lexicon = lexicon();
    let mut out: Vec<RightFinding> = Vec::new();
    for mention in rights_in_text(text, language) {
        for id in &mention.ids {
            let existing = out.iter_mut().find(|f| f.id == *id);
            match existing {
                Some(found) => {
                    if found.context != MentionContext::Text && mention.context == MentionContext::Text {
                        found.surface = mention.surface.clone();
                        found.context = MentionContext::Text;
                    }
                }
                None => {
                    let right = lexicon.right(id).expect("mentions carry lexicon ids");
                    out.push(RightFinding {
                        id: right.id.to_string(),
                        label: right.label.to_string(),
                        paragraph: paragraph.id.clone(),
                        item: item.map(str::to_string),
                        surface: mention.surface.clone(),
                        anchor: right.anchor.map(str::to_string),
                        context: mention.context,
                    });
                }
            }
        }
    }
    out
}

/// Every right named in `text`, in text order (a mention naming two rights carries both
/// ids). The building block of [`find_rights`], public for callers that hold bare text.
pub fn rights_in_text(text: &str, language: Language) -> Vec<Mention> {
    let lexicon = lexicon();
    let view = View::new(text, language);
    let mut hits: Vec<Hit> = match language {
        Language::Zh => {
            let mut hits = lexicon.zh.scan(&view.text);
            let list = zh_list_hits(&view.text, &lexicon.zh, &hits);
            hits.extend(list);
            hits
        }
        Language::En => {
            let mut hits = lexicon.en.scan(&view.text);
            hits.extend(list_hits(&view.text, &RIGHT_TO_LIST, &LIST_TO_SEPARATOR, &lexicon.en_right_to_tails));
            hits.extend(list_hits(&view.text, &FREEDOM_OF_LIST, &LIST_OF_SEPARATOR, &lexicon.en_freedom_of_tails));
            hits
        }
    };
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    // A list item is often a surface in its own right as well ("to freedom of opinion
    // and expression" holds "freedom of opinion and expression"): keep the wider match.
    // Only a kept hit that reaches the current start can cover it (hits come in order of
    // start), so the others are let go: a paragraph may name thousands of rights.
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut reaching: Vec<usize> = Vec::new();
    for hit in hits {
        reaching.retain(|&i| kept[i].end >= hit.start);
        let covered = reaching.iter().map(|&i| &kept[i]).any(|k| {
            k.start <= hit.start && hit.end <= k.end && hit.rights.iter().all(|r| k.rights.contains(r))
        });
        if !covered {
            reaching.push(kept.len());
            kept.push(hit);
        }
    }
    kept.into_iter()
        .map(|hit| Mention {
            ids: lexicon.ids_of(&hit.rights),
            start: view.orig(hit.start),
            end: view.orig(hit.end),
            surface: text[view.orig(hit.start)..view.orig(hit.end)].trim().to_string(),
            context: context(&view.text, hit.context_at, hit.end, language),
        })
        .collect()
}

/// The byte length of a right's object at the start of English `text` ("privacy, …" →
/// 7, as in "right to privacy"), or `None`. Mandate names hold such objects ("the Special
/// Rapporteur on the right to food to submit …"), and this tells their "to" from a verb's.
pub fn right_object_len(text: &str) -> Option<usize> {
    let view = View::new(text, Language::En);
    lexicon().en_right_to_tails.longest_at(&view.text, 0).map(|(end, _)| view.orig(end))
}

/// The parsed lexicon with one matcher per language.
#[derive(Debug)]
pub struct Lexicon {
    rights: Vec<Right>,
    by_id: HashMap<&'static str, usize>,
    zh: Matcher,
    en: Matcher,
    /// English surfaces "right to X" as "X", for the items of a "rights to A, to B" list.
    en_right_to_tails: Matcher,
    /// English surfaces "freedom of X" as "X", for the items of a "freedom of A and of B" list.
    en_freedom_of_tails: Matcher,
}

impl Lexicon {
    /// Parses the TSV, collecting every defect rather than stopping at the first, so
    /// one test run shows them all.
    pub fn from_tsv(text: &'static str) -> Result<Lexicon, Vec<String>> {
        let mut errors = Vec::new();
        let mut rights: Vec<Right> = Vec::new();
        let mut saw_header = false;
        for (number, line) in text.lines().enumerate() {
            let number = number + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            if !saw_header {
                saw_header = true;
                if fields != ["id", "label", "anchor", "zh", "en"] {
                    errors.push(format!("line {number}: expected the header id/label/anchor/zh/en"));
                }
                continue;
            }
            if fields.len() != 5 {
                errors.push(format!("line {number}: {} fields, expected 5", fields.len()));
                continue;
            }
            let id = fields[0];
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                errors.push(format!("line {number}: id {id:?} is not snake_case"));
            }
            let split = |list: &'static str| -> Vec<&'static str> {
                list.split(';').map(str::trim).filter(|s| !s.is_empty()).collect()
            };
            let right = Right {
                id,
                label: fields[1],
                anchor: Some(fields[2]).filter(|a| !a.is_empty() && *a != "-"),
                zh: split(fields[3]),
                en: split(fields[4]),
            };
            if right.label.is_empty() {
                errors.push(format!("line {number}: {id} has no label"));
            }
            if right.zh.is_empty() || right.en.is_empty() {
                errors.push(format!("line {number}: {id} needs at least one zh and one en surface"));
            }
            rights.push(right);
        }
        let mut by_id = HashMap::new();
        for (index, right) in rights.iter().enumerate() {
            if by_id.insert(right.id, index).is_some() {
                errors.push(format!("{} appears on more than one row", right.id));
            }
        }
        let zh = Matcher::build(&rights, Language::Zh, |r| &r.zh, None, &mut errors);
        let en = Matcher::build(&rights, Language::En, |r| &r.en, None, &mut errors);
        let en_right_to_tails = Matcher::build(&rights, Language::En, |r| &r.en, Some("right to "), &mut errors);
        let en_freedom_of_tails = Matcher::build(&rights, Language::En, |r| &r.en, Some("freedom of "), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Lexicon { rights, by_id, zh, en, en_right_to_tails, en_freedom_of_tails })
    }

    /// All rows, in file order.
    pub fn rights(&self) -> &[Right] {
        &self.rights
    }

    pub fn right(&self, id: &str) -> Option<&Right> {
        self.by_id.get(id).map(|&i| &self.rights[i])
    }

    fn ids_of(&self, indices: &[usize]) -> Vec<&'static str> {
        indices.iter().map(|&i| self.rights[i].id).collect()
    }
}

/// The longest gap "…" stands for, in characters.
const ZH_MAX_GAP: usize = 20;
const EN_MAX_GAP: usize = 60;

/// A surface split at its gap markers; `rights` are row indices of the lexicon.
#[derive(Debug)]
struct Surface {
    parts: Vec<String>,
    rights: Vec<usize>,
}

/// The surfaces of one language, indexed by their first (lower-case) character, with an
/// automaton over their first parts that finds in one pass the few places where a
/// surface can start (most of a paragraph names no right).
#[derive(Debug)]
struct Matcher {
    language: Language,
    surfaces: Vec<Surface>,
    by_first: HashMap<char, Vec<usize>>,
    /// Built on the first scan: a process reading only Chinese texts never builds the
    /// three English automata, nor an English-only one the Chinese.
    openings: OnceLock<AhoCorasick>,
    /// The same as a DFA, built once this many texts have been scanned
    /// ([`DFA_AFTER`]): a few milliseconds to build, then about three times as fast.
    fast_openings: OnceLock<AhoCorasick>,
    scans: AtomicUsize,
}

/// How many texts a matcher scans with its NFA before it builds its DFA: about 40
/// documents, past which the DFA has paid for its building. A command about one or two
/// documents never builds it.
const DFA_AFTER: usize = 2000;

/// A match in a view: view byte offsets; `context_at` is where the words that decide
/// its context begin (the head of a list for a list item).
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    context_at: usize,
    rights: Vec<usize>,
}

impl Matcher {
    /// Builds the matcher of one language; with `prefix`, only the surfaces that start
    /// with it, stripped of it.
    fn build(
        rights: &[Right],
        language: Language,
        surfaces_of: impl Fn(&Right) -> &Vec<&'static str>,
        prefix: Option<&str>,
        errors: &mut Vec<String>,
    ) -> Matcher {
        let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (index, right) in rights.iter().enumerate() {
            for surface in surfaces_of(right) {
                let key = match language {
                    Language::Zh => surface.to_string(),
                    Language::En => surface.to_lowercase().replace('’', "'"),
                };
                let key = match prefix {
                    Some(p) => match key.strip_prefix(p) {
                        Some(tail) if !tail.is_empty() => tail.to_string(),
                        _ => continue,
                    },
                    None => key,
                };
                let entry = owners.entry(key.clone()).or_default();
                if entry.contains(&index) {
                    if prefix.is_none() {
                        errors.push(format!("{surface:?} is listed twice under {}", right.id));
                    }
                    continue;
                }
                if entry.is_empty() {
                    order.push(key);
                }
                entry.push(index);
            }
        }
        let mut surfaces = Vec::new();
        for key in order {
            let owners = owners.remove(&key).unwrap_or_default();
            // One wording may name two rights, but only with a conjunction in it
            // ("和平集会和结社自由权"); anything else shared is a slip in the file.
            let conjoined = ["和", "与", "及", " and "].iter().any(|c| key.contains(c));
            if owners.len() > 1 && !conjoined && prefix.is_none() {
                let ids: Vec<&str> = owners.iter().map(|&i| rights[i].id).collect();
                errors.push(format!("{key:?} is a surface of {} but names no two rights", ids.join(" and ")));
            }
            let parts: Vec<String> = key.split('…').map(|p| p.trim().to_string()).collect();
            if parts.iter().any(|p| p.is_empty()) {
                errors.push(format!("{key:?}: a gap \"…\" needs words on both sides"));
                continue;
            }
            surfaces.push(Surface { parts, rights: owners });
        }
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (index, surface) in surfaces.iter().enumerate() {
            if let Some(first) = surface.parts[0].chars().next() {
                by_first.entry(first).or_default().push(index);
            }
        }
        Matcher { language, surfaces, by_first, openings: OnceLock::new(), fast_openings: OnceLock::new(), scans: AtomicUsize::new(0) }
    }

    /// Builds the automaton the first scans use, without counting a scan.
    fn prepare(&self) {
        self.openings.get_or_init(|| self.automaton(AhoCorasickKind::ContiguousNFA));
    }

    /// The automaton over the surfaces' first parts.
    fn openings(&self) -> &AhoCorasick {
        // A contiguous NFA: built in a fraction of a DFA's time. Both kinds find the
        // same matches.
        if self.scans.fetch_add(1, Ordering::Relaxed) >= DFA_AFTER {
            return self.fast_openings.get_or_init(|| self.automaton(AhoCorasickKind::DFA));
        }
        self.openings.get_or_init(|| self.automaton(AhoCorasickKind::ContiguousNFA))
    }

    fn automaton(&self, kind: AhoCorasickKind) -> AhoCorasick {
        AhoCorasick::builder()
            .kind(Some(kind))
            .ascii_case_insensitive(self.language == Language::En)
            .build(self.surfaces.iter().map(|s| s.parts[0].as_str()))
            .expect("the lexicon's surfaces are few and short")
    }

    /// Every match in `view`, scanning left to right and taking the longest match at
    /// each position, so that a shorter surface never splits a longer one.
    fn scan(&self, view: &str) -> Vec<Hit> {
        // Only where a surface's first part begins can a surface match.
        let mut starts: Vec<usize> = self.openings().find_overlapping_iter(view).map(|m| m.start()).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut hits = Vec::new();
        let mut at = 0;
        for start in starts {
            if start < at {
                continue;
            }
            if let Some((end, surface)) = self.longest_at(view, start) {
                if self.acceptable(view, start, end) {
                    hits.push(Hit { start, end, context_at: start, rights: self.surfaces[surface].rights.clone() });
                }
                // A rejected match is an instrument's or body's name: nothing inside
                // it is a right named either.
                at = end;
            }
        }
        hits
    }

    /// The longest surface matching at byte `at`: (end, surface index).
    fn longest_at(&self, view: &str, at: usize) -> Option<(usize, usize)> {
        let first = view[at..].chars().next()?;
        let key = match self.language {
            Language::Zh => first,
            Language::En => first.to_ascii_lowercase(),
        };
        if self.language == Language::En && !is_word_start(view, at) {
            return None;
        }
        let candidates = self.by_first.get(&key)?;
        let mut best: Option<(usize, usize)> = None;
        for &index in candidates {
            if let Some(end) = self.match_parts(view, at, &self.surfaces[index].parts)
                && best.is_none_or(|(e, _)| end > e)
            {
                best = Some((end, index));
            }
        }
        best
    }

    fn match_parts(&self, view: &str, at: usize, parts: &[String]) -> Option<usize> {
        let mut end = starts_with_at(view, at, &parts[0], self.language)?;
        for part in &parts[1..] {
            end = self.find_after_gap(view, end, part)?;
        }
        if self.language == Language::En && !is_word_end(view, end) {
            return None;
        }
        Some(end)
    }

    /// The end of `part` found after a gap of at most the language's maximum with no
    /// clause punctuation in it.
    fn find_after_gap(&self, view: &str, from: usize, part: &str) -> Option<usize> {
        let max_gap = if self.language == Language::Zh { ZH_MAX_GAP } else { EN_MAX_GAP };
        let mut at = from;
        for _ in 0..=max_gap {
            if (self.language == Language::Zh || is_word_start(view, at))
                && let Some(end) = starts_with_at(view, at, part, self.language)
            {
                return Some(end);
            }
            let c = view[at..].chars().next()?;
            if is_clause_punctuation(c) {
                return None;
            }
            at += c.len_utf8();
        }
        None
    }

    /// Whether a match names a right rather than an instrument or a body.
    fn acceptable(&self, view: &str, start: usize, end: usize) -> bool {
        match self.language {
            Language::Zh => {
                let after = &view[end..];
                let names_instrument = ["委员会", "公约", "宣言", "议定书"].iter().any(|s| after.starts_with(s));
                // 权力 (power), 权限 (competence), 权威 … are other words that begin with 权.
                let other_word = view[..end].ends_with('权')
                    && after.chars().next().is_some_and(|c| "力限威衡责属宜术贵重".contains(c));
                !names_instrument && !other_word
            }
            Language::En => {
                let named_instrument = EN_INSTRUMENT_BEFORE.is_match(tail_window(view, start, 40));
                !named_instrument && (start == 0 || !capitalised_head(&view[start..end]))
            }
        }
    }
}

/// An instrument or body whose name holds a right, even where a text writes it in lower
/// case: "the Convention of the rights of the Child", "Committee on the rights of …".
static EN_INSTRUMENT_BEFORE: Pattern =
    Pattern::new(r"(?i)\b(?:convention|covenant|committee|declaration|protocol)\s+(?:on|of)\s+(?:the\s+)?$");

/// Whether the match writes its head word as a name does ("Rights of the Child",
/// "Economic, Social and Cultural Rights", "Freedom of Expression"): UN English
/// capitalises instruments and bodies and lower-cases rights.
fn capitalised_head(matched: &str) -> bool {
    matched
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "Right" | "Rights" | "Freedom" | "Freedoms"))
}

/// Byte end of `needle` if `view` has it at `at` (ASCII case folded for English).
fn starts_with_at(view: &str, at: usize, needle: &str, language: Language) -> Option<usize> {
    let end = at + needle.len();
    let slice = view.as_bytes().get(at..end)?;
    let same = match language {
        Language::Zh => slice == needle.as_bytes(),
        Language::En => slice.eq_ignore_ascii_case(needle.as_bytes()),
    };
    same.then_some(end)
}

fn is_word_start(view: &str, at: usize) -> bool {
    view[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// A word ends where no letter or digit follows, nor a hyphen joining another word
/// ("right to life" is not in "right to life-saving care").
fn is_word_end(view: &str, end: usize) -> bool {
    let mut rest = view[end..].chars();
    match rest.next() {
        None => true,
        Some('-') => rest.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    }
}

fn is_clause_punctuation(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '.' | '(' | ')' | '（' | '）')
}

/// The text as matched: spacing evened out, 《…》 titles blanked, with a map back to the
/// original byte offsets so that every finding quotes the source. Most texts need no
/// change at all (single spaces, no title, no curly apostrophe): their view is the text
/// itself and the map the identity, so neither is built.
struct View<'a> {
    text: Cow<'a, str>,
    /// `orig[b]` is the original byte offset of view byte `b`; one extra entry for the end.
    /// `None` when the view is the text itself.
    map: Option<Vec<usize>>,
}

/// Stands for a character inside 《…》: not a surface character, not punctuation.
const MASKED: char = '□';

impl<'a> View<'a> {
    fn new(text: &'a str, language: Language) -> View<'a> {
        if view_is_text(text, language) {
            return View { text: Cow::Borrowed(text), map: None };
        }
        let mut out = String::with_capacity(text.len());
        let mut orig = Vec::with_capacity(text.len() + 1);
        let mut title_depth = 0usize;
        let mut at = 0;
        while at < text.len() {
            // Outside a title, a run of characters that the view keeps as they are is
            // copied whole: most of any text.
            if title_depth == 0 {
                let run = plain_run(&text[at..]);
                if run > 0 {
                    out.push_str(&text[at..at + run]);
                    orig.extend(at..at + run);
                    at += run;
                    continue;
                }
            }
            let Some(c) = text[at..].chars().next() else { break };
            if c.is_whitespace() {
                let after_run = text[at..].trim_start();
                let before = out.chars().next_back();
                let after = after_run.chars().next();
                // Spaces between Chinese characters are PDF residue, never a word break.
                let cjk_join = language == Language::Zh && before.is_some_and(is_east_asian_block) && after.is_some_and(is_east_asian_block);
                if before.is_some() && after.is_some() && !cjk_join {
                    out.push(' ');
                    orig.push(at);
                }
                at = text.len() - after_run.len();
                continue;
            }
            let shown = match c {
                '《' => {
                    title_depth += 1;
                    c
                }
                '》' => {
                    title_depth = title_depth.saturating_sub(1);
                    c
                }
                _ if title_depth > 0 => MASKED,
                '’' | '‘' => '\'',
                _ => c,
            };
            out.push(shown);
            orig.extend(std::iter::repeat_n(at, shown.len_utf8()));
            at += c.len_utf8();
        }
        orig.push(text.len());
        View { text: Cow::Owned(out), map: Some(orig) }
    }

    /// The original byte offset of view byte `b`.
    fn orig(&self, b: usize) -> usize {
        match &self.map {
            Some(map) => map[b],
            None => b,
        }
    }
}

/// Whether [`View::new`] would give `text` back unchanged: no white space but single
/// ASCII spaces between other characters (none at all in Chinese, where a space between
/// two Chinese characters is dropped), no title mark "《", no curly apostrophe.
///
/// The ASCII bytes are read in blocks without a branch (a space at either end, two
/// spaces together, another ASCII space character), and then only the characters whose
/// first byte can start a white space, "《" or a curly apostrophe (0xC2, 0xE1, 0xE2,
/// 0xE3) are decoded.
fn view_is_text(text: &str, language: Language) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return true };
    let other_space = |b: u8| (b'\t'..=b'\r').contains(&b);
    let no_space = language == Language::Zh;
    if first == b' ' || last == b' ' || other_space(first) || (no_space && memchr::memchr(b' ', bytes).is_some()) {
        return false;
    }
    if any_neighbours(bytes, |a, b| ((a == b' ') & (b == b' ')) | other_space(b)) {
        return false;
    }
    let changed_at = |i: usize| {
        let c = text[i..].chars().next().expect("a character starts at its first byte");
        c.is_whitespace() || matches!(c, '《' | '’' | '‘')
    };
    !memchr::memchr3_iter(0xE1, 0xE2, 0xE3, bytes).any(changed_at) && !memchr::memchr_iter(0xC2, bytes).any(changed_at)
}

/// The byte length of the opening of `text` that a [`View`] keeps unchanged outside a
/// title: no white space, no title marks, no curly apostrophes.
fn plain_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if (b as char).is_whitespace() {
                break;
            }
            at += 1;
        } else {
            let Some(c) = text[at..].chars().next() else { break };
            if c.is_whitespace() || matches!(c, '《' | '》' | '’' | '‘') {
                break;
            }
            at += c.len_utf8();
        }
    }
    at
}


/// The head of an English list of rights sharing "right(s) to": "the rights to equality
/// and non-discrimination, to freedom of opinion and expression … and to privacy".
static RIGHT_TO_LIST: Pattern = Pattern::new(r"(?i)\brights? to ");
/// What separates the items of such a list: ", to", " and to", ", and to".
static LIST_TO_SEPARATOR: Pattern = Pattern::new(r"(?i)^(?:,? and|,) to ");
/// ", " and " and " between the items of a "rights to" list that do not repeat "to":
/// "the rights to equality and non-discrimination, freedom of opinion and expression …,
/// an effective remedy and privacy".
static BARE_SEPARATOR: Pattern = Pattern::new(r"(?i)^(?:,? and|,) ");
/// The head of a list of freedoms: "freedom of peaceful assembly and of association",
/// "freedoms of expression, assembly and association".
static FREEDOM_OF_LIST: Pattern = Pattern::new(r"(?i)\bfreedoms? of ");
/// ", of", " and of", ", and of", ", ", " and ", " or ".
static LIST_OF_SEPARATOR: Pattern = Pattern::new(r"(?i)^(?:(?:,? and|,|,? or) of |,? and |, |,? or )");

/// How far a list may run: past this many items, or past clause punctuation, it is prose.
const MAX_LIST_ITEMS: usize = 8;
const MAX_LIST_ITEM_BYTES: usize = 160;

/// The items of English lists that share a head: at the start of each item, the
/// longest tail surface ("privacy" for "right to privacy").
fn list_hits(view: &str, head: &Pattern, separator: &Pattern, tails: &Matcher) -> Vec<Hit> {
    let mut hits = Vec::new();
    for head_match in head.find_iter(view) {
        if capitalised_head(head_match.as_str()) {
            continue;
        }
        let mut item_start = head_match.end();
        let mut surface_start = head_match.start();
        for _ in 0..MAX_LIST_ITEMS {
            // The next separator is looked for after the item's own surface, so that the
            // "and" of "opinion and expression" does not split it.
            let mut at = item_start;
            let item_is_a_right = tails.longest_at(view, item_start).is_some();
            if let Some((end, surface)) = tails.longest_at(view, item_start) {
                hits.push(Hit { start: surface_start, end, context_at: head_match.start(), rights: tails.surfaces[surface].rights.clone() });
                at = end;
            }
            let next = loop {
                if at - item_start > MAX_LIST_ITEM_BYTES {
                    break None;
                }
                let Some(c) = view[at..].chars().next() else { break None };
                if let Some(sep) = separator.find(&view[at..]) {
                    break Some((at, at + sep.end()));
                }
                // "the rights to A, B and C": an item without its own "to" continues the
                // list only where a right's object follows ("privacy"), not a new clause.
                // Only between rights: "human rights to the conception, design, use,
                // development …" is no list of rights.
                if std::ptr::eq(head, &RIGHT_TO_LIST)
                    && item_is_a_right
                    && let Some(sep) = BARE_SEPARATOR.find(&view[at..])
                    && tails.longest_at(view, at + sep.end()).is_some()
                {
                    break Some((at, at + sep.end()));
                }
                if matches!(c, ';' | ':' | '.' | '(' | ')') {
                    break None;
                }
                at += c.len_utf8();
            };
            let Some((separator_start, separator_end)) = next else { break };
            // The item's surface starts at its own "to"/"of" (", to privacy" → "to privacy").
            let sep = view[separator_start..separator_end].to_ascii_lowercase();
            surface_start = if sep.ends_with(" to ") || sep.ends_with(" of ") { separator_end - 3 } else { separator_end };
            item_start = separator_end;
        }
    }
    hits
}

/// The items of a Chinese list that shares one "的权利" / "权利" at its end: "表达自由、
/// 获取信息以及和平集会自由的权利" names three rights, though "获取信息" alone is no
/// surface. Items are cut at "、" and "以及"; each is looked up with the shared ending
/// put back ("获取信息" + "权" = "获取信息权"); the first may open with the clause's verb
/// ("享有表达自由"), so its longest tail that is a right counts.
fn zh_list_hits(view: &str, matcher: &Matcher, found: &[Hit]) -> Vec<Hit> {
    /// How far back from "权利" a list may reach, in bytes (about 40 characters).
    const REACH: usize = 120;
    let mut hits = Vec::new();
    for (at, _) in view.match_indices("权利") {
        // A list the lexicon knows whole ("经济、社会和文化权利"), or a body's name
        // ("经济、社会、文化权利委员会"), is not cut into items.
        let after = at + "权利".len();
        if found.iter().any(|h| h.start < at && h.end >= after) || !matcher.acceptable(view, at, after) {
            continue;
        }
        let end = if view[..at].ends_with('的') { at - '的'.len_utf8() } else { at };
        let mut start = end.saturating_sub(REACH);
        while !view.is_char_boundary(start) {
            start += 1;
        }
        if let Some(p) = view[start..end].rfind(['，', ',', '；', ';', '。', '：', ':', '（', '(', '）', ')']) {
            start += p + view[start + p..].chars().next().map_or(0, char::len_utf8);
        }
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut piece_start = start;
        let segment = &view[start..end];
        let mut i = 0;
        while i < segment.len() {
            let rest = &segment[i..];
            let sep = if rest.starts_with('、') { '、'.len_utf8() } else if rest.starts_with("以及") { "以及".len() } else { 0 };
            if sep > 0 {
                pieces.push((piece_start, start + i));
                piece_start = start + i + sep;
                i += sep;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        pieces.push((piece_start, end));
        if pieces.len() < 2 {
            continue;
        }
        for (n, &(a, b)) in pieces.iter().enumerate() {
            // The first item may open with other words; the others are whole items.
            let candidates: Vec<usize> = if n == 0 { view[a..b].char_indices().map(|(k, _)| a + k).collect() } else { vec![a] };
            let found = candidates.into_iter().find_map(|from| {
                ["权", "的权利", "自由权", ""].iter().find_map(|ending| {
                    let candidate = format!("{}{ending}", &view[from..b]);
                    matcher
                        .longest_at(&candidate, 0)
                        .filter(|(e, _)| *e == candidate.len())
                        .map(|(_, surface)| (from, matcher.surfaces[surface].rights.clone()))
                })
            });
            if let Some((from, rights)) = found {
                hits.push(Hit { start: from, end: b, context_at: from, rights });
            }
        }
    }
    hits
}

/// A cited title's opening before the right: "… 2019 on the", "report on the", "entitled".
// "resolution 42/15 of 26 September 2019 on the right to privacy in the digital age"
static EN_TITLE_BEFORE: Pattern =
    Pattern::new(r#"(?i)(?:(?:\b(?:19|20)[0-9０-９][0-9０-９]|\b[0-9０-９]+/[0-9０-９]+|\breports?|\bstud(?:y|ies)|\bNo\. ?[0-9０-９]+)\s+on|\bentitled)\s+["“]?(?:the\s+)?(?:(?:promotion and protection|realization|enjoyment) of (?:the\s+)?)?(?:human\s+)?(?:rights? to\s+)?$"#);
/// A mandate's name before the right: "Special Rapporteur on the promotion and
/// protection of the right to freedom of opinion and expression".
static EN_MANDATE_BEFORE: Pattern =
    Pattern::new(r"(?i)\b(?:special rapporteurs?|independent expert|working group|special representative|expert mechanism)\s+on\s+(?:the\s+)?(?:(?:promotion and protection|realization|enjoyment) of (?:the\s+)?)?(?:human\s+)?(?:rights? to\s+)?$");
/// "关于" opening a cited title before the right, with no clause break between:
/// "理事会 2019 年 9 月 26 日关于数字时代的隐私权的第 42/15 号决议".
static ZH_TITLE_BEFORE: Pattern = Pattern::new(r"关于[^，,；;。：]*$");
/// …and the cited document's number or kind after it, still in the same clause.
static ZH_TITLE_AFTER: Pattern = Pattern::new(r"^[^，,；;。]*?(?:号决议|号决定|号一般性意见|的报告|号报告)");
/// A mandate's name after the right: "隐私权特别报告员", "和平集会自由权和结社自由权特别报告员".
/// Its words before the title run to 20 characters, checked on the match (see [`Bounded`]).
static ZH_MANDATE_AFTER: Bounded = Bounded::fixed_run(
    r"^[^，,；;。、]*?(特别报告员|独立专家|工作组|特别代表|专家机制)",
    r"^[^，,；;。、]{0,20}?(特别报告员|独立专家|工作组|特别代表|专家机制)",
    |c| lead_at_most(c, 20),
);

/// How far around a match the context rules look, in bytes.
const CONTEXT_WINDOW: usize = 300;

fn context(view: &str, start: usize, end: usize, language: Language) -> MentionContext {
    let before = tail_window(view, start, CONTEXT_WINDOW);
    let after = head_window(view, end, CONTEXT_WINDOW * 2);
    match language {
        Language::Zh => {
            if ZH_MANDATE_AFTER.is_match(after) {
                MentionContext::Mandate
            } else if ZH_TITLE_BEFORE.is_match(before) && ZH_TITLE_AFTER.is_match(after) {
                MentionContext::Title
            } else {
                MentionContext::Text
            }
        }
        Language::En => {
            if EN_MANDATE_BEFORE.is_match(before) {
                MentionContext::Mandate
            } else if EN_TITLE_BEFORE.is_match(before) {
                MentionContext::Title
            } else {
                MentionContext::Text
            }
        }
    }
}

/// The last `max` bytes of `view[..end]`, cut at a character boundary.
pub(crate) fn tail_window(view: &str, end: usize, max: usize) -> &str {
    let mut start = end.saturating_sub(max);
    while !view.is_char_boundary(start) {
        start += 1;
    }
    &view[start..end]
}

/// The first `max` bytes of `view[start..]`, cut at a character boundary.
fn head_window(view: &str, start: usize, max: usize) -> &str {
    let mut end = (start + max).min(view.len());
    while !view.is_char_boundary(end) {
        end -= 1;
    }
    &view[start..end]
}

/// Builds, ahead of need, the lexicon's automaton for `language` and the patterns that
/// reading the rights of a text in it nearly always uses (see [`crate::reader::Preparation`]).
pub fn prepare(language: Language) {
    let lexicon = lexicon();
    match language {
        Language::Zh => {
            lexicon.zh.prepare();
            ZH_MANDATE_AFTER.prepare();
            ZH_TITLE_AFTER.prepare();
            ZH_TITLE_BEFORE.prepare();
        }
        Language::En => {
            lexicon.en.prepare();
            for pattern in [&LIST_OF_SEPARATOR, &FREEDOM_OF_LIST, &LIST_TO_SEPARATOR, &RIGHT_TO_LIST] {
                pattern.prepare();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_text_is_its_own_view_as_read_a_character_at_a_time() {
        let mut text = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for (before, after) in [("a", "b"), ("", ""), ("a ", " b"), ("“", "")] {
                text.clear();
                text.push_str(before);
                text.push(c);
                text.push_str(after);
                for language in [Language::En, Language::Zh] {
                    assert_eq!(view_is_text(&text, language), view_is_text_by_characters(&text, language), "{text:?}");
                }
            }
        }
        for t in ["", " ", "a  b", "a b", "a b ", " a", "人 权", "a\tb", "women’s rights", "《公约》", "x\u{3000}y"] {
            for language in [Language::En, Language::Zh] {
                assert_eq!(view_is_text(t, language), view_is_text_by_characters(t, language), "{t:?}");
            }
        }
    }

    /// [`view_is_text`] as it read the text a character at a time, for the tests.
    fn view_is_text_by_characters(text: &str, language: Language) -> bool {
        let bytes = text.as_bytes();
        // A space at the start is dropped, as is one after another.
        let mut after_space = true;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                if b == b' ' {
                    if after_space || language == Language::Zh {
                        return false;
                    }
                    after_space = true;
                } else if (b as char).is_whitespace() {
                    return false;
                } else {
                    after_space = false;
                }
                at += 1;
            } else {
                let Some(c) = text[at..].chars().next() else { return false };
                if c.is_whitespace() || matches!(c, '《' | '’' | '‘') {
                    return false;
                }
                after_space = false;
                at += c.len_utf8();
            }
        }
        // A space at the end is dropped.
        !after_space || bytes.is_empty()
    }

    #[test]
    fn mandate_after_keeps_its_bound_of_20() {
        for n in [0, 5, 19, 20, 21, 40] {
            for tail in ["特别报告员", "专家机制", "", "、工作组"] {
                ZH_MANDATE_AFTER.assert_agrees(&format!("{}{tail}", "字".repeat(n)));
            }
        }
    }

    fn ids(text: &str, language: Language) -> Vec<&'static str> {
        let mut out = Vec::new();
        for mention in rights_in_text(text, language) {
            for id in mention.ids {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    fn zh(text: &str) -> Vec<&'static str> {
        ids(text, Language::Zh)
    }

    fn en(text: &str) -> Vec<&'static str> {
        ids(text, Language::En)
    }

    #[test]
    fn the_lexicon_file_is_valid_and_covers_the_contract() {
        let lexicon = Lexicon::from_tsv(TSV).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        let contract = [
            "life", "equality_non_discrimination", "equal_protection_of_law", "opinion_expression",
            "information", "peaceful_assembly", "association", "effective_remedy", "privacy",
            "thought_conscience_religion", "fair_hearing", "liberty_security", "torture", "movement",
            "participation", "esc_rights", "health", "education", "work", "social_security", "food",
            "water_sanitation", "housing", "culture", "science_benefits", "development",
            "self_determination", "child_protection", "disability", "gender_equality",
        ];
        for id in contract {
            let right = lexicon.right(id).unwrap_or_else(|| panic!("{id} is missing"));
            assert!(!right.zh.is_empty() && !right.en.is_empty(), "{id}");
        }
        assert_eq!(lexicon.right("privacy").and_then(|r| r.anchor), Some("ICCPR art. 17"));
        assert_eq!(lexicon.right("health").and_then(|r| r.anchor), Some("ICESCR art. 12"));
        assert_eq!(lexicon.right("development").and_then(|r| r.anchor), None, "\"-\" is no anchor");
        let unique: HashSet<&str> = lexicon.rights().iter().map(|r| r.id).collect();
        assert_eq!(unique.len(), lexicon.rights().len());
    }

    #[test]
    fn a_defective_lexicon_reports_every_defect() {
        let bad = "id\tlabel\tanchor\tzh\ten\n\
                   privacy\tright to privacy\t-\t隐私权\tright to privacy\n\
                   privacy\tagain\t-\t隐私\tprivacy\n\
                   Bad-Id\tx\t-\t甲权\tx right\n\
                   food\tright to food\t-\t\tright to food\n\
                   water\tright to water\t-\t水权\tright to privacy\n";
        let errors = Lexicon::from_tsv(bad).unwrap_err().join("\n");
        assert!(errors.contains("privacy appears on more than one row"), "{errors}");
        assert!(errors.contains("\"Bad-Id\" is not snake_case"), "{errors}");
        assert!(errors.contains("food needs at least one zh and one en surface"), "{errors}");
        assert!(errors.contains("names no two rights"), "{errors}");
    }

    #[test]
    fn one_right_in_either_language() {
        // (zh, en, id): the same right, worded as the two language versions word it.
        let table = [
            ("保护隐私权", "protect the right to privacy", "privacy"),
            ("包括生命权", "including the right to life", "life"),
            ("意见和表达自由权", "the right to freedom of opinion and expression", "opinion_expression"),
            ("持有意见而不受干涉的权利", "the right to hold opinions without interference", "opinion_expression"),
            ("寻求、接收和传播信息权", "the right to seek, receive and impart information", "information"),
            ("寻求、接受和传播信息的自由", "the freedom to seek, receive and impart information", "information"),
            ("平等和不歧视权", "the right to equality and non-discrimination", "equality_non_discrimination"),
            ("平等和不受歧视权", "the right to equality and non-discrimination", "equality_non_discrimination"),
            ("获得有效补救权", "the right to an effective remedy", "effective_remedy"),
            ("有效补救权", "the right to an effective remedy", "effective_remedy"),
            ("思想、良心和宗教自由权", "the right to freedom of thought, conscience and religion", "thought_conscience_religion"),
            ("宗教或信仰自由权", "freedom of religion or belief", "thought_conscience_religion"),
            ("平等享有法律保护权", "the right to equal protection of the law", "equal_protection_of_law"),
            ("接受公正和公开审讯权", "the right to a fair and public hearing", "fair_hearing"),
            ("人人享有能达到的最高标准身心健康权",
             "the right of everyone to the enjoyment of the highest attainable standard of physical and mental health", "health"),
            ("儿童免遭暴力、虐待、忽视和性剥削的权利",
             "the right of the child to be protected from all forms of violence, abuse, neglect and sexual exploitation", "child_protection"),
            ("人人有权享有科学进步及其应用所产生的惠益",
             "the right of everyone to enjoy the benefits of scientific progress and its applications", "science_benefits"),
            ("经济、社会和文化权利", "economic, social and cultural rights", "esc_rights"),
            ("受教育权", "the right to education", "education"),
            ("适足食物权", "the right to adequate food", "food"),
            ("发展权", "the right to development", "development"),
            ("巴勒斯坦人民的自决权", "the right of the Palestinian people to self-determination", "self_determination"),
            ("安全饮用水和卫生设施权", "the human rights to safe drinking water and sanitation", "water_sanitation"),
            ("支持残疾人和弱势群体享有权利", "the enjoyment of the rights of persons with disabilities", "disability"),
            ("男女平等权利", "the equal rights of men and women", "gender_equality"),
            ("迁徙自由", "freedom of movement", "movement"),
            ("免受酷刑的权利", "the right not to be subjected to torture", "torture"),
            ("人身自由和安全权", "the right to liberty and security of person", "liberty_security"),
        ];
        for (zh_text, en_text, id) in table {
            assert_eq!(zh(zh_text), [id], "{zh_text}");
            assert_eq!(en(en_text), [id], "{en_text}");
        }
    }

    #[test]
    fn lists_yield_each_right() {
        let table: [(&str, Language, &[&str]); 11] = [
            // A/HRC/RES/53/29-style lists that do not repeat "to" / "权".
            ("may pose risks to the rights to equality and non-discrimination, freedom of opinion and expression, \
              freedom of peaceful assembly and association, an effective remedy and privacy", Language::En,
             &["equality_non_discrimination", "opinion_expression", "peaceful_assembly", "association", "effective_remedy", "privacy"]),
            ("表达自由、获取信息以及和平集会自由的权利", Language::Zh, &["opinion_expression", "information", "peaceful_assembly"]),
            ("享有表达自由、获取信息以及和平集会自由的权利，", Language::Zh, &["opinion_expression", "information", "peaceful_assembly"]),
            ("意见和表达自由权、和平集会自由权和结社自由权", Language::Zh,
             &["opinion_expression", "peaceful_assembly", "association"]),
            ("和平集会与结社自由权", Language::Zh, &["peaceful_assembly", "association"]),
            ("表达自由权、不受干涉持有意见权、和平集会与结社自由权", Language::Zh,
             &["opinion_expression", "peaceful_assembly", "association"]),
            ("the rights to freedom of peaceful assembly and of association", Language::En,
             &["peaceful_assembly", "association"]),
            ("the rights to equality and non-discrimination, to freedom of opinion and expression, to freedom of \
              peaceful assembly and of association, to an effective remedy and to privacy, in accordance with law",
             Language::En,
             &["equality_non_discrimination", "opinion_expression", "peaceful_assembly", "association", "effective_remedy", "privacy"]),
            ("the right to freedom of expression and to privacy", Language::En, &["opinion_expression", "privacy"]),
            ("freedom of expression, peaceful assembly and association", Language::En,
             &["opinion_expression", "peaceful_assembly", "association"]),
            ("the rights to work, to social security and to education", Language::En, &["work", "social_security", "education"]),
        ];
        for (text, language, expected) in table {
            assert_eq!(ids(text, language), expected, "{text}");
        }
    }

    #[test]
    fn a_list_ends_with_its_clause() {
        // "to development" is a new clause's infinitive, not a third item.
        assert_eq!(en("the rights to food and to water; calls upon States to promote the right to development"),
            ["food", "water_sanitation", "development"]);
        assert_eq!(en("the right to privacy, and encourages States to life-long learning"), ["privacy"]);
    }

    #[test]
    fn what_is_not_a_right_named() {
        let zh_rows = [
            "促进和保护人权和基本自由",
            "执行《儿童权利公约》",
            "《公民及政治权利国际公约》和《经济社会文化权利国际公约》",
            "儿童权利委员会的一般性意见",
            "经济、社会、文化权利委员会",
            "向个人提供有效补救",
            "为获取信息和参与公共生活提供便利",
            "促进性别平等",
            "残疾人充分享有人权",
            "行使立法权力",
        ];
        for text in zh_rows {
            assert_eq!(zh(text), Vec::<&str>::new(), "{text}");
        }
        let en_rows = [
            "human rights and fundamental freedoms",
            "the Convention on the Rights of the Child",
            "the International Covenant on Economic, Social and Cultural Rights",
            "the Committee on the Rights of Persons with Disabilities",
            "the Declaration on the Right to Development",
            "the right of reply",
            "shall participate without the right to vote",
            "to provide an effective remedy",
            "access to information and participation in public life",
            "to promote gender equality",
            "the right to life-saving treatment",
            "the rights of the presiding officer",
            "the Convention of the rights of the Child",
        ];
        for text in en_rows {
            assert_eq!(en(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn spacing_left_by_a_pdf_does_not_hide_a_right() {
        assert_eq!(zh("意见和表达 自由权"), ["opinion_expression"]);
        assert_eq!(en("the right  to\nprivacy"), ["privacy"]);
        let mention = &rights_in_text("包括隐 私权在内", Language::Zh)[0];
        assert_eq!(mention.surface, "隐 私权", "the surface quotes the source");
    }

    #[test]
    fn titles_and_mandates_are_marked() {
        let contexts = |text: &str, language| -> Vec<(&'static str, &'static str)> {
            rights_in_text(text, language)
                .into_iter()
                .flat_map(|m| m.ids.into_iter().map(move |id| (id, m.context.as_str())))
                .collect()
        };
        assert_eq!(contexts("2019 年 9 月 26 日关于数字时代的隐私权的第 42/15 号决议", Language::Zh), [("privacy", "title")]);
        assert_eq!(contexts("42/15 of 26 September 2019 on the right to privacy in the digital age", Language::En),
            [("privacy", "title")]);
        assert_eq!(contexts("人权理事会隐私权特别报告员的报告", Language::Zh), [("privacy", "mandate")]);
        assert_eq!(contexts("the Special Rapporteur on the right to privacy", Language::En), [("privacy", "mandate")]);
        assert_eq!(contexts("和平集会自由权和结社自由权特别报告员", Language::Zh),
            [("peaceful_assembly", "mandate"), ("association", "mandate")]);
        let en_mandate = contexts("the Special Rapporteur on the rights to freedom of peaceful assembly and of association", Language::En);
        assert!(en_mandate.iter().all(|(_, c)| *c == "mandate"), "{en_mandate:?}");
        assert_eq!(contexts("关于隐私权，", Language::Zh), [("privacy", "text")], "关于 without a cited number is prose");
        assert_eq!(contexts("violations of the right to privacy", Language::En), [("privacy", "text")]);
    }
}
