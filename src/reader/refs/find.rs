//! Locating candidates: where a resolution number or a document symbol sits,
//! which organ the surrounding words point at, and the raw date and subject
//! the citing text attaches to it. Nothing here decides the final organ or
//! writes a symbol; that is `resolve`'s job, which can weigh the number's
//! shape and the date against what the words say.
//!
//! Every scanner walks forward once. Lists are consumed whole and the outer
//! loop skips anything that starts inside what was consumed, and look-behinds
//! read a window of bounded size, so cost stays linear in the paragraph.

use super::patterns::*;
use super::types::{Body, Lang};
use crate::text::pattern::Captures;

/// How far back the organ/date/subject before a Chinese list is read. Long
/// enough for `人权理事会 2019 年 7 月 11 日关于<a 40-character subject>的第`.
const ZH_PREFIX_WINDOW: usize = 480;
/// How far back the words before `resolution` are read.
const EN_WINDOW: usize = 160;
/// Longest `on …` subject we accept, in bytes.
const EN_TITLE_MAX: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Special {
    /// Special session: `S-30/1`, `3201 (S-VI)`.
    S,
    /// Emergency special session: `ES-11/1`.
    ES,
}

/// The written form of a resolution number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `41/11`, `S-30/1`, `76/246 A`: General Assembly (from 1976) or Council.
    Session {
        special: Option<Special>,
        n: u32,
        m: u32,
        /// Digits of `m` as written, so a glued footnote can be peeled off.
        m_text: String,
        letter: Option<char>,
    },
    /// `2025/4`, `2005/69`: ECOSOC (from 1978) or the Commission on Human Rights.
    Year { year: i32, m: u32, m_text: String },
    /// `2467 (2019)`: Security Council.
    Sc { n: u32, year: i32 },
    /// `217 A (III)`, `1514 (XV)`, `3201 (S-VI)`: General Assembly before 1976
    /// (ECOSOC before 1978 when the text says so).
    Old { n: u32, letter: Option<char>, special: Option<Special>, session: u32, roman: String },
}

/// What the words around a list say about its organ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Known(Body),
    /// `理事会`, `the Council`: the citing body if it is a council, else the
    /// council whose numbering the shape has.
    Council,
    /// `委员会`, `the Commission`.
    Commission,
    /// `its resolution`: the citing body.
    Its,
    /// Nothing said.
    Unstated,
    /// An organ outside this graph (`World Health Assembly`, `环境大会`).
    Foreign,
    /// An outside organ named earlier in the clause, not right before the
    /// number (`…Conference on Landlocked Developing Countries, and its
    /// resolution 77/329 of 25 August 2023`): kept only if a date or the
    /// Security Council shape proves the number ours.
    NearForeign,
}

#[derive(Debug, Clone)]
pub(crate) struct ResCand<'a> {
    pub shape: Shape,
    pub start: usize,
    pub end: usize,
    pub ctx: Ctx,
    /// Whether `ctx` comes from words at this list (`人权理事会…第`, `General
    /// Assembly resolution`) rather than carried over from an earlier list.
    /// Only said organs justify overruling the citing body without a date.
    pub ctx_said: bool,
    pub date: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The PDF text layer glues footnote numbers to what precedes them
    /// (`59/3009` = 59/300 + note 9); only then may `resolve` peel digits off.
    pub glued_footnote_possible: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocCand {
    pub target: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Candidates<'a> {
    pub resolutions: Vec<ResCand<'a>>,
    pub documents: Vec<DocCand>,
}

pub(crate) fn find_candidates(text: &str, lang: Lang) -> Candidates<'_> {
    let mut out = Candidates::default();
    // Every number a reference is made of has an ASCII digit (a symbol's session, a
    // resolution's number); most preambular paragraphs have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mask = Mask::new(text);
    scan_documents(text, &mask, &mut out.documents);
    match lang {
        Lang::Zh => scan_zh(text, &mask, &mut out.resolutions),
        Lang::En => scan_en(text, &mask, &mut out.resolutions),
    }
    out
}

/// The paragraph's opening verb phrase, as written.
pub(crate) fn leading_verb(text: &str, lang: Lang) -> Option<&str> {
    let re = match lang {
        Lang::Zh => &ZH_VERB,
        Lang::En => &EN_VERB,
    };
    re.captures(text).and_then(|c| c.name("v")).map(|m| m.as_str())
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Largest char boundary not above `i`, so windows never split a character.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when the character before `pos` would make a match there the tail of
/// a longer token (`XA/HRC/1`, `12345/6`).
fn glued_before(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '\\'))
}

/// Spans of text where no reference is looked for: web addresses and markdown
/// link targets. Sorted and disjoint because both come from left-to-right scans
/// that are merged.
struct Mask(Vec<(usize, usize)>);

impl Mask {
    fn new(text: &str) -> Mask {
        // Each pattern only where the text holds what it cannot match without: most texts
        // hold no address, and the two patterns are then not even compiled.
        let urls = (text.contains("http") || text.contains("www.")).then(|| URL.find_iter(text));
        let targets = text.contains("](").then(|| MD_TARGET.find_iter(text));
        let mut spans: Vec<(usize, usize)> =
            urls.into_iter().flatten().chain(targets.into_iter().flatten()).map(|m| (m.start(), m.end())).collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Mask(merged)
    }

    fn contains(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|&(s, _)| s <= pos);
        i > 0 && pos < self.0[i - 1].1
    }
}

/// A matched number, its span and where the text after it resumes.
struct Item {
    shape: Shape,
    start: usize,
    end: usize,
    resume: usize,
}

/// Builds the shape from a match of any pattern that contains `item!()`.
/// `base` is the offset of the haystack the captures were taken from.
fn parse_item(caps: &Captures<'_>, base: usize, text: &str) -> Option<Item> {
    let item = caps.name("item")?;
    let whole = caps.get(0)?;
    let start = base + item.start();
    let mut end = base + item.end();
    let mut resume = base + whole.end();
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let shape = if let Some(n) = num("sc_n") {
        let year = num("sc_y")? as i32;
        Shape::Sc { n, year }
    } else if let Some(n) = num("old_n") {
        let written = caps.name("old_r")?.as_str();
        let (special, roman) = split_special(written);
        let session = roman_value(roman)?;
        let letter = caps.name("old_l").and_then(|m| m.as_str().chars().next());
        Shape::Old { n, letter, special, session, roman: written.to_string() }
    } else {
        let n = num("new_n")?;
        let m_match = caps.name("new_m")?;
        let m = m_match.as_str().parse::<u32>().ok()?;
        let m_text = m_match.as_str().to_string();
        let special = caps.name("new_p").map(|p| split_special(p.as_str()).0).unwrap_or(None);
        let mut letter = caps.name("new_l").and_then(|l| l.as_str().chars().next());
        if letter.is_some() {
            // `76/246 A and` carries a letter; `41/11 A/HRC/…` and `41/11 Add.1`
            // do not, the capital starts the next word.
            let after = &text[end..];
            if after.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '/') {
                letter = None;
                end = base + m_match.end();
                resume = end;
            }
        }
        if n >= 1000 {
            if special.is_some() || letter.is_some() {
                return None;
            }
            Shape::Year { year: n as i32, m, m_text }
        } else {
            Shape::Session { special, n, m, m_text, letter }
        }
    };
    Some(Item { shape, start, end, resume })
}

/// `S-VI` → (S, `VI`), `ES-11` → (ES, `11`), `XXI` → (None, `XXI`).
fn split_special(s: &str) -> (Option<Special>, &str) {
    if let Some(r) = s.strip_prefix("ES-") {
        (Some(Special::ES), r)
    } else if let Some(r) = s.strip_prefix("S-") {
        (Some(Special::S), r)
    } else {
        (None, s)
    }
}

/// Value of a Roman numeral in canonical form; `None` for malformed ones
/// such as `IIII` or `VX`, which are not session numbers.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let vals: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    // Subtractive pairs are added as one step; a round trip through the
    // canonical spelling then rejects what no session number looks like.
    let mut total = 0u32;
    let mut i = 0;
    while i < vals.len() {
        let v = vals[i];
        match vals.get(i + 1) {
            Some(&next) if next > v => {
                total += next - v;
                i += 2;
            }
            _ => {
                total += v;
                i += 1;
            }
        }
    }
    (total > 0 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

fn scan_documents(text: &str, mask: &Mask, out: &mut Vec<DocCand>) {
    for m in DOC.find_iter(text) {
        if mask.contains(m.start()) || glued_before(text, m.start()) {
            continue;
        }
        if let Some(d) = build_document(text, m.start(), m.end()) {
            out.push(d);
        }
    }
    // Inside masked addresses only the UN resolver is trusted to hold a symbol.
    for u in text.contains("undocs.org/").then(|| UNDOCS.find_iter(text)).into_iter().flatten() {
        if let Some(m) = DOC_AT.find(&text[u.end()..])
            && let Some(d) = build_document(text, u.end(), u.end() + m.end())
        {
            out.push(d);
        }
    }
}

/// Completes a symbol with what may follow its last slash component (a year
/// for the Security Council, a Roman session for old General Assembly numbers,
/// a part or volume) and writes it in the UN's spelling.
fn build_document(text: &str, start: usize, end: usize) -> Option<DocCand> {
    let base = &text[start..end];
    if !base.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    if base.starts_with("S/RES/")
        && let Some(c) = DOC_SC_YEAR_SUFFIX.captures(rest)
    {
        let y = c.name("y")?.as_str();
        let all = c.get(0)?;
        return Some(DocCand { target: format!("{base} ({y})"), start, end: end + all.end() });
    }
    if base.starts_with("A/RES/")
        && base.matches('/').count() == 2
        && let Some(c) = DOC_OLD_SUFFIX.captures(rest)
    {
        let r = c.name("r")?.as_str();
        let all = c.get(0)?;
        let target = match c.name("l") {
            Some(l) => format!("{base} {} ({r})", l.as_str()),
            None => format!("{base} ({r})"),
        };
        return Some(DocCand { target, start, end: end + all.end() });
    }
    // The suffix opens with "Part" or "Vol" within its first 14 bytes (two spaces, a
    // backslash, a bracket, two spaces), which most symbols are not followed by.
    let head = &rest.as_bytes()[..rest.len().min(24)];
    if (head.windows(4).any(|w| w == b"Part") || head.windows(3).any(|w| w == b"Vol"))
        && let Some(c) = DOC_PART_SUFFIX.captures(rest)
    {
        let p = c.name("p")?.as_str();
        let more = c.name("rest").map_or("", |m| m.as_str());
        let all = c.get(0)?;
        let part = p.split_whitespace().collect::<Vec<_>>().join(" ");
        return Some(DocCand { target: format!("{base} ({part}){more}"), start, end: end + all.end() });
    }
    Some(DocCand { target: base.to_string(), start, end })
}

// ---------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------

pub(crate) fn classify_zh(name: &str) -> Ctx {
    match name {
        "人权理事会" => Ctx::Known(Body::HRC),
        "安全理事会" | "安理会" => Ctx::Known(Body::SC),
        "经济及社会理事会" | "经济社会理事会" | "经社理事会" => Ctx::Known(Body::ECOSOC),
        "人权委员会" => Ctx::Known(Body::CHR),
        "大会" => Ctx::Known(Body::GA),
        "理事会" => Ctx::Council,
        "委员会" => Ctx::Commission,
        _ => Ctx::Foreign,
    }
}

/// Chinese lists: `[organ][date][关于…的]第 A 号、[date]第 B 号和第 C 号决议`.
/// A list counts only if it closes with `决议` (or runs off the end of the
/// paragraph); `号申诉`, `号来文`, `号决定` end it without a result.
fn scan_zh<'a>(text: &'a str, mask: &Mask, out: &mut Vec<ResCand<'a>>) {
    let mut consumed = 0usize;
    let mut carried = Ctx::Unstated;
    let mut checked = 0usize;
    for caps in ZH_ANCHOR.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if whole.start() < consumed || mask.contains(whole.start()) {
            continue;
        }
        let Some(first) = parse_item(&caps, 0, text) else { continue };
        if caps.name("di").is_none() {
            // Without `第` only `N 号决议` is a citation; `47/52` inside
            // `A/HRC/47/52` or a date such as `22/06/2022` is not.
            let closes = ZH_TERMINAL.find(&text[first.resume..]).is_some_and(|t| t.as_str().contains('号'));
            if glued_before(text, first.start) || !closes {
                continue;
            }
        }
        if checked < whole.start() {
            if ZH_SENTENCE_END.is_match(&text[checked..whole.start()]) {
                carried = Ctx::Unstated;
            }
            checked = whole.start();
        }

        let floor = floor_boundary(text, first.start.saturating_sub(ZH_PREFIX_WINDOW)).max(consumed);
        let prefix = &text[floor.min(first.start)..first.start];
        let mut ctx = carried;
        let mut said = false;
        let mut title = None;
        let mut date = None;
        if let Some(p) = ZH_PREFIX.captures(prefix) {
            if let Some(b) = p.name("body") {
                ctx = classify_zh(b.as_str());
                said = true;
            }
            title = p.name("title").map(|m| m.as_str());
            date = p.name("d2").or_else(|| p.name("d1")).map(|m| m.as_str());
        }

        let mut items = vec![ResCand {
            shape: first.shape,
            start: first.start,
            end: first.end,
            ctx,
            ctx_said: said,
            date,
            title,
            glued_footnote_possible: false,
        }];
        let mut cur = first.resume;
        let closed = loop {
            let rest = &text[cur..];
            if let Some(t) = ZH_TERMINAL.find(rest) {
                break Some(cur + t.end());
            }
            if let Some(c) = ZH_NEXT_ITEM.captures(rest) {
                let Some(next) = parse_item(&c, cur, text) else { break None };
                if let Some(b) = c.name("body") {
                    ctx = classify_zh(b.as_str());
                    said = true;
                }
                if let Some(t) = c.name("title") {
                    title = Some(t.as_str());
                }
                items.push(ResCand {
                    shape: next.shape,
                    start: next.start,
                    end: next.end,
                    ctx,
                    ctx_said: said,
                    date: c.name("d2").or_else(|| c.name("d1")).map(|m| m.as_str()),
                    title,
                    glued_footnote_possible: false,
                });
                cur = next.resume.max(cur + 1).min(text.len());
                continue;
            }
            if ZH_OPEN_END.is_match(rest) {
                break Some(text.len());
            }
            break None;
        };
        match closed {
            Some(end) => {
                carried = ctx;
                out.extend(items);
                consumed = end;
            }
            None => consumed = cur,
        }
    }
}

// ---------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------

/// Capitalised nouns that make a name an organ; a name ending in one of them
/// that is not one of ours is someone else's (`World Health Assembly`,
/// `Commission on Narcotic Drugs`, `Conference of the Parties`).
const ORGAN_NOUNS: &[&str] = &[
    "Assembly",
    "Council",
    "Commission",
    "Committee",
    "Conference",
    "Board",
    "Organization",
    "Organisation",
    "Forum",
    "Union",
    "Agency",
    "Programme",
    "Fund",
    "Parties",
    "Congress",
    "Meeting",
    "Summit",
    "Court",
    "Tribunal",
    "Authority",
    "Secretariat",
];

/// Lower-case words that may join the words of a name: `Commission on the Status of Women`.
const NAME_JOINERS: &[&str] = &["and", "on", "of", "the", "for", "to", "in"];

/// Words that may stand between an organ's name and the `its`/`resolution`
/// that belongs to it: `the General Assembly in its resolution`, `Environment
/// Assembly, as reflected in its resolution`, `the Conference of the States
/// Parties to the Convention, including resolutions`. Capitalised words (the
/// rest of a long name) are allowed as well; a verb such as `recalling` is
/// not, and so `the Human Rights Council, and recalling its resolution` stays
/// the citing body's.
const ORGAN_BRIDGE: &[&str] = &[
    "in",
    "by",
    "through",
    "under",
    "when",
    "as",
    "which",
    "that",
    "and",
    "adopted",
    "reflected",
    "contained",
    "set",
    "out",
    "expressed",
    "endorsed",
    "approved",
    "including",
    "notably",
    "particularly",
    "especially",
    "particular",
    "such",
    "namely",
    "inter",
    "alia",
    "at",
    "its",
    "their",
    "the",
    "of",
    "to",
    "on",
    "for",
];
/// Longest run of bridging words accepted.
const ORGAN_BRIDGE_MAX: usize = 12;

fn known_en(name: &str) -> Ctx {
    match name {
        "Economic and Social Council" | "ECOSOC" => Ctx::Known(Body::ECOSOC),
        "Security Council" => Ctx::Known(Body::SC),
        "Human Rights Council" => Ctx::Known(Body::HRC),
        "Commission on Human Rights" => Ctx::Known(Body::CHR),
        "General Assembly" => Ctx::Known(Body::GA),
        "Council" => Ctx::Council,
        "Assembly" => Ctx::Known(Body::GA),
        "Commission" => Ctx::Commission,
        _ => Ctx::Foreign,
    }
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// `WHA`, `UNEA`, `CND`: an acronym right before `resolution` names an organ,
/// and the ones we know are spelt out.
fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && w.chars().any(|c| c.is_ascii_uppercase())
        && w != "ECOSOC"
}

/// Walks a capitalised name backwards from its last word and reports whether
/// it is an organ (and so, not being one of ours, a foreign one).
fn names_an_organ(words: &[&str]) -> bool {
    for w in words.iter().rev().take(10) {
        if ORGAN_NOUNS.contains(w) {
            return true;
        }
        if !is_capitalised(w) && !NAME_JOINERS.contains(w) {
            return false;
        }
    }
    false
}

/// Classifies a generic organ word by the word before it: `the Council` is
/// generic, `Governing Council` and `Health Assembly` are foreign.
fn generic_or_foreign(noun: &str, before: Option<&str>) -> Ctx {
    match before {
        Some(p) if is_capitalised(p) && p != "The" => Ctx::Foreign,
        _ => known_en(noun),
    }
}

/// What the words right before `resolution` say about the organ.
fn en_context_before(text: &str, kw: usize) -> Ctx {
    let from = floor_boundary(text, kw.saturating_sub(EN_WINDOW));
    let window = &text[from..kw];
    let trimmed = window.trim_end();
    if let Some(c) = EN_KNOWN_BODY_END.captures(trimmed) {
        return c.name("b").map_or(Ctx::Unstated, |b| known_en(b.as_str()));
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let Some(&raw_last) = words.last() else { return Ctx::Unstated };
    // `Council, resolution` or `(see resolution`: punctuation cuts the tie
    // with the word itself, but the clause may still name the organ.
    if raw_last.ends_with(|c: char| !c.is_alphanumeric()) && !raw_last.ends_with(['’', '\'']) {
        return organ_in_clause(text, from, kw).unwrap_or(Ctx::Unstated);
    }
    let last = raw_last.trim_end_matches("’s").trim_end_matches("'s");
    let before = if words.len() >= 2 { Some(words[words.len() - 2]) } else { None };
    match last {
        "its" => {
            let its_at = from + trimmed.len() - raw_last.len();
            organ_in_clause(text, from, its_at).unwrap_or(Ctx::Its)
        }
        "Council" | "Assembly" | "Commission" => generic_or_foreign(last, before),
        w if is_acronym(w) => Ctx::Foreign,
        w if is_capitalised(w) => {
            let mut ws = words.clone();
            if let Some(l) = ws.last_mut() {
                *l = last;
            }
            if names_an_organ(&ws) {
                Ctx::Foreign
            } else {
                organ_in_clause(text, from, kw).unwrap_or(Ctx::Unstated)
            }
        }
        _ => organ_in_clause(text, from, kw).unwrap_or(Ctx::Unstated),
    }
}

/// The organ named just before position `at` (a keyword or its `its`) when
/// only bridging words separate the two, e.g. `the General Assembly in its
/// resolution 61/295` → GA; `None` when nothing is named that close.
fn organ_in_clause(text: &str, from: usize, at: usize) -> Option<Ctx> {
    let hay = &text[from..at];
    let m = EN_ORGAN_MENTION.find_iter(hay).last()?;
    let gap = &hay[m.end()..];
    if gap.contains(['.', ';']) {
        return None;
    }
    let gap_words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let bridged = gap_words.len() <= ORGAN_BRIDGE_MAX
        && gap_words
            .iter()
            .all(|w| ORGAN_BRIDGE.contains(w) || is_capitalised(w) || matches!(*w, "’s" | "'s"));
    if !bridged {
        return None;
    }
    let before = hay[..m.start()].split_whitespace().next_back();
    Some(match m.as_str() {
        n @ ("Council" | "Assembly" | "Commission") => generic_or_foreign(n, before),
        n @ ("Economic and Social Council"
        | "ECOSOC"
        | "Security Council"
        | "Human Rights Council"
        | "Commission on Human Rights"
        | "General Assembly") => known_en(n),
        _ => Ctx::Foreign,
    })
    .map(|c| if c == Ctx::Foreign { Ctx::NearForeign } else { c })
}

/// Organ named after the list (`of the Human Rights Council`), or `None` when
/// the words there name no organ at all (`of the United Nations`).
fn classify_en_post(name: &str) -> Option<Ctx> {
    for known in [
        "Economic and Social Council",
        "Security Council",
        "Human Rights Council",
        "Commission on Human Rights",
        "General Assembly",
    ] {
        if name.starts_with(known) {
            return Some(known_en(known));
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.first() {
        Some(&"Assembly") => return Some(Ctx::Known(Body::GA)),
        Some(&"Council") => return Some(Ctx::Council),
        _ => {}
    }
    words.iter().any(|w| ORGAN_NOUNS.contains(w)).then_some(Ctx::Foreign)
}

/// How many commas an `on …` subject may run past to reach the next member of its list.
const EN_TITLE_COMMAS: usize = 3;

/// Span of an `on …` subject starting at `start`: up to punctuation, a footnote mark, or
/// the point where the list or sentence carries on. A comma ends it unless the next
/// member of the list follows before the next comma (a subject with commas of its own).
fn en_title_span(text: &str, start: usize) -> (usize, usize) {
    let rest = &text[start..];
    let mut hard = rest.len();
    let mut commas: Vec<usize> = Vec::new();
    for (i, ch) in rest.char_indices() {
        if i >= EN_TITLE_MAX {
            hard = rest[..i].rfind(char::is_whitespace).unwrap_or(0);
            break;
        }
        let ends_sentence = ch == '.' && rest[i + 1..].chars().next().is_none_or(char::is_whitespace);
        if ends_sentence || matches!(ch, ';' | '(' | ')' | '[' | ']' | '“' | '”' | '"') {
            hard = i;
            break;
        }
        if ch == ',' {
            commas.push(i);
        }
    }
    let mut stop = commas.first().copied().unwrap_or(hard);
    for (n, &comma) in commas.iter().enumerate().take(EN_TITLE_COMMAS) {
        let segment_end = commas.get(n + 1).copied().unwrap_or(hard);
        // A member right at the comma (", 75/316") or before the next one.
        if let Some(m) = EN_NEXT_MEMBER.find(&rest[comma..segment_end.max(comma)]) {
            // "on X, in which it …, and 48/4": a clause, not a subject with commas.
            let extended = &rest[..comma + m.start()];
            if m.start() == 0 || !(extended.contains(" which ") || extended.contains(" whereby ")) {
                stop = comma + m.start();
            }
            break;
        }
    }
    let mut cand = &rest[..stop];
    if let Some(m) = EN_TITLE_CUT.find(cand) {
        cand = &cand[..m.start()];
    }
    if let Some(m) = EN_TITLE_FOOTNOTE.find(cand) {
        // Keep the letter the mark was glued to: `age3` → `age`.
        let keep = cand[m.start()..].chars().next().filter(|c| c.is_ascii_lowercase() || *c == ')');
        cand = &cand[..m.start() + keep.map_or(0, char::len_utf8)];
    }
    let t = cand.trim_end().trim_end_matches(',').trim_end();
    (start, start + t.len())
}

/// English lists: `[organ] resolution(s) A [of date] [on subject], B … and C`.
fn scan_en<'a>(text: &'a str, mask: &Mask, out: &mut Vec<ResCand<'a>>) {
    let mut consumed = 0usize;
    let mut carried = Ctx::Unstated;
    let mut checked = 0usize;
    for kw in EN_KEYWORD.find_iter(text) {
        if kw.start() < consumed || mask.contains(kw.start()) {
            continue;
        }
        let Some(c) = EN_FIRST_ITEM.captures(&text[kw.end()..]) else { continue };
        let Some(first) = parse_item(&c, kw.end(), text) else { continue };
        if checked < kw.start() {
            if EN_SENTENCE_END.is_match(&text[checked..kw.start()]) {
                carried = Ctx::Unstated;
            }
            checked = kw.start();
        }
        let said = en_context_before(text, kw.start());
        let ctx = if said == Ctx::Unstated { carried } else { said };

        let mut items: Vec<ResCand<'a>> = Vec::new();
        let mut untitled_from = 0usize;
        let mut post: Option<Ctx> = None;
        let mut next = Some(first);
        let mut cur = kw.end();
        while let Some(item) = next.take() {
            items.push(ResCand {
                shape: item.shape,
                start: item.start,
                end: item.end,
                ctx,
                ctx_said: said != Ctx::Unstated,
                date: None,
                title: None,
                glued_footnote_possible: true,
            });
            cur = item.resume.max(cur);
            // `36/87 A and B of 9 December 1981`, `61/89 A, B and C`: the other parts of a
            // lettered resolution, each a resolution of its own.
            if let Some(ResCand { shape: Shape::Session { special, n, m, m_text, letter: Some(_) }, .. }) = items.last().cloned() {
                while let Some(sibling) = EN_SIBLING_PART.captures(&text[cur..]) {
                    let Some(part) = sibling.name("part") else { break };
                    items.push(ResCand {
                        shape: Shape::Session { special, n, m, m_text: m_text.clone(), letter: part.as_str().chars().next() },
                        start: cur + part.start(),
                        end: cur + part.end(),
                        ctx,
                        ctx_said: said != Ctx::Unstated,
                        date: None,
                        title: None,
                        glued_footnote_possible: false,
                    });
                    cur += part.end();
                }
            }

            if let Some(d) = EN_DATE_AFTER.captures(&text[cur..])
                && let (Some(date), Some(all), Some(last)) = (d.name("date"), d.get(0), items.last_mut())
            {
                last.date = Some(date.as_str());
                cur += all.end();
                // The parts of one resolution share its date.
                let dated = items.len();
                if let Some(ResCand { shape: Shape::Session { n, m, .. }, .. }) = items.last().cloned() {
                    for it in items[..dated - 1].iter_mut().rev() {
                        match it.shape {
                            Shape::Session { n: n2, m: m2, .. } if n2 == n && m2 == m && it.date.is_none() => it.date = Some(date.as_str()),
                            _ => break,
                        }
                    }
                }
            }
            if let Some(p) = EN_POST_BODY.captures(&text[cur..])
                && let Some(name) = p.name("name")
                && let Some(found) = classify_en_post(name.as_str())
            {
                post = Some(found);
                cur += name.end();
            }
            if let Some(t) = EN_TITLE_ENTITLED.captures(&text[cur..]) {
                if let (Some(tt), Some(all)) = (t.name("t"), t.get(0)) {
                    for it in items[untitled_from..].iter_mut().filter(|i| i.title.is_none()) {
                        it.title = Some(tt.as_str());
                    }
                    untitled_from = items.len();
                    cur += all.end();
                }
            } else if let Some(on) = EN_TITLE_ON.find(&text[cur..]) {
                let (ts, te) = en_title_span(text, cur + on.end());
                if te > ts {
                    let tt = &text[ts..te];
                    for it in items[untitled_from..].iter_mut().filter(|i| i.title.is_none()) {
                        it.title = Some(tt);
                    }
                    untitled_from = items.len();
                    cur = te;
                }
            }

            // Separators, then the next member if there is one.
            let mut q = cur;
            loop {
                let r = &text[q..];
                if let Some(c) = EN_ITEM.captures(r) {
                    next = parse_item(&c, q, text);
                    break;
                }
                match EN_SEP.find(r) {
                    Some(m) if m.end() > 0 => q += m.end(),
                    _ => break,
                }
            }
        }
        consumed = cur.max(kw.end());
        if (said == Ctx::Unstated || said == Ctx::Its)
            && let Some(p) = post
        {
            for it in &mut items {
                it.ctx = p;
                it.ctx_said = true;
            }
        }
        if !matches!(said, Ctx::Unstated | Ctx::Foreign | Ctx::NearForeign) {
            carried = said;
        }
        out.extend(items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str, lang: Lang) -> Vec<(String, Ctx)> {
        find_candidates(text, lang)
            .resolutions
            .iter()
            .map(|c| (text[c.start..c.end].to_string(), c.ctx))
            .collect()
    }

    #[test]
    fn roman_numerals() {
        for (s, v) in [
            ("III", Some(3)),
            ("XXI", Some(21)),
            ("XLVIII", Some(48)),
            ("XV", Some(15)),
            ("IIII", None),
            ("VX", None),
            ("", None),
        ] {
            assert_eq!(roman_value(s), v, "{s}");
        }
    }

    /// Spans and organ hints, zh and en side by side.
    #[test]
    fn candidate_table() {
        use Ctx::*;
        type Row<'a> = (&'a str, Lang, &'a [(&'a str, Ctx)]);
        let rows: &[Row] = &[
            ("第 41/11 号决议", Lang::Zh, &[("41/11", Unstated)]),
            ("resolution 41/11", Lang::En, &[("41/11", Unstated)]),
            ("人权理事会第 41/11 号决议", Lang::Zh, &[("41/11", Known(Body::HRC))]),
            ("Human Rights Council resolution 41/11", Lang::En, &[("41/11", Known(Body::HRC))]),
            ("理事会第 47/16 号决议", Lang::Zh, &[("47/16", Council)]),
            ("Council resolution 47/16", Lang::En, &[("47/16", Council)]),
            ("its resolution 77/181", Lang::En, &[("77/181", Its)]),
            ("世界卫生大会第 72/2 号决议", Lang::Zh, &[("72/2", Foreign)]),
            ("World Health Assembly resolution 72/2", Lang::En, &[("72/2", Foreign)]),
            ("Commission on Narcotic Drugs resolution 62/1", Lang::En, &[("62/1", Foreign)]),
            ("the General Assembly in its resolution 61/295", Lang::En, &[("61/295", Known(Body::GA))]),
            ("the Human Rights Council, and recalling its resolution 73/179", Lang::En, &[("73/179", Its)]),
            ("第 [217 A\\(III\\)](#)号决议", Lang::Zh, &[("217 A\\(III\\)", Unstated)]),
            ("第 21/16 和第 24/5 号决议", Lang::Zh, &[("21/16", Unstated), ("24/5", Unstated)]),
            (
                "第 32/13、38/7 和 38/11 号决议",
                Lang::Zh,
                &[("32/13", Unstated), ("38/7", Unstated), ("38/11", Unstated)],
            ),
            ("77/211 号决议,并注意到", Lang::Zh, &[("77/211", Unstated)]),
            ("第 1234/05 号申诉", Lang::Zh, &[]),
            ("resolution 41/11 A/HRC/41/1", Lang::En, &[("41/11", Unstated)]),
            (
                "resolutions 76/246 A and 77/263 A",
                Lang::En,
                &[("76/246 A", Unstated), ("77/263 A", Unstated)],
            ),
            (
                "resolutions 54/18,37 54/22,38 54/2639",
                Lang::En,
                &[("54/18", Unstated), ("54/22", Unstated), ("54/2639", Unstated)],
            ),
            (
                "resolutions 5/1 and 5/2 of the Human Rights Council",
                Lang::En,
                &[("5/1", Known(Body::HRC)), ("5/2", Known(Body::HRC))],
            ),
            ("resolution 1/1 of the Conference of the Parties", Lang::En, &[("1/1", Foreign)]),
        ];
        for (text, lang, want) in rows {
            let got = shapes(text, *lang);
            let want: Vec<(String, Ctx)> = want.iter().map(|(s, c)| (s.to_string(), *c)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn masks_addresses_but_reads_undocs() {
        let t = "www.accessnow.org/cms/assets/uploads/2020/02/KeepItOn-2019-report-1.pdf 与 https://undocs.org/ch/A/HRC/RES/45/9";
        let c = find_candidates(t, Lang::Zh);
        let docs: Vec<&str> = c.documents.iter().map(|d| d.target.as_str()).collect();
        assert_eq!(docs, ["A/HRC/RES/45/9"]);
        assert!(c.resolutions.is_empty());
    }

    /// Each kind of address masked alone: a web address with no `www.`, one with no
    /// scheme, a markdown link's target; the text outside them still read.
    #[test]
    fn masks_each_kind_of_address_alone() {
        let rows: &[(&str, &[&str])] = &[
            ("https://example.org/?q=A/HRC/53/29 与 A/HRC/53/30", &["A/HRC/53/30"]),
            ("http://example.org/?q=A/HRC/53/29 与 A/HRC/53/30", &["A/HRC/53/30"]),
            ("www.example.org/?q=A/HRC/53/29 与 A/HRC/53/30", &["A/HRC/53/30"]),
            ("[报告](?q=A/HRC/53/29) 与 A/HRC/53/30", &["A/HRC/53/30"]),
            ("?q=A/HRC/53/29 与 A/HRC/53/30", &["A/HRC/53/29", "A/HRC/53/30"]),
        ];
        for (t, want) in rows {
            let c = find_candidates(t, Lang::Zh);
            let docs: Vec<&str> = c.documents.iter().map(|d| d.target.as_str()).collect();
            assert_eq!(&docs, want, "{t}");
        }
    }

    #[test]
    fn floor_boundary_never_splits() {
        let s = "第41/11号";
        for i in 0..=s.len() + 2 {
            let b = floor_boundary(s, i);
            assert!(s.is_char_boundary(b));
        }
    }
}
