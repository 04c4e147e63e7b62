//! Line-level clean-up of text pulled from PDFs and web pages.
//!
//! Normalisation only ever removes white space and markup (markdown emphasis, link
//! targets, escapes, LaTeX residue); every markup removal is reported so that the
//! document's account of dropped content stays complete.

use crate::text::chars::{any_neighbours, is_cjk, is_cjk_punct, is_han};
use crate::text::pattern::Pattern;
use std::borrow::Cow;

/// One line of the decoded input, 1-based, without its line terminator: a slice of the
/// decoded text, which the reader holds once.
#[derive(Debug, Clone, Copy)]
pub struct RawLine<'a> {
    pub number: usize,
    pub text: &'a str,
}

/// Split on LF, CRLF or a lone CR, keeping every line (blank ones too).
pub fn split_lines(text: &str) -> Vec<RawLine<'_>> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(end) => {
                let terminator = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..end], &rest[end + terminator..])
            }
            None => (rest, ""),
        };
        lines.push(RawLine { number: lines.len() + 1, text: line });
        rest = next;
    }
    lines
}

/// A line after normalisation, with the markup that was taken out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanLine<'a> {
    /// The line itself (without the spaces at its ends) when nothing was changed.
    pub text: Cow<'a, str>,
    pub markup_removed: Vec<String>,
}

// `**重申**`, `__Recalling__`: markdown emphasis around a word or phrase.
static EMPHASIS: Pattern = Pattern::new(r"\*\*([^*]+?)\*\*|__([^_]+?)__");
// `[68/167](#)`, `[A/77/463/Add.2](https://undocs.org/A/77/463/Add.2)`: keep the link text.
static LINK: Pattern = Pattern::new(r"\[([^\[\]]*(?:\\\][^\[\]]*)*)\]\(([^()\s]*)\)");
// `217 A\(III\)`: markdown escapes of punctuation.
static ESCAPE: Pattern = Pattern::new(r"\\([\\()\[\]*_#.\-+!`{}])");
// `联合国 $A_{/HRC/RES/53/29}$`: a symbol typeset as LaTeX by a PDF-to-markdown converter.
static LATEX_SYMBOL: Pattern = Pattern::new(r"\$\s*([A-Z])\s*_\{\s*(/[^}$]*)\}\s*\$");
// `# Annex`, `### 一. 导言`: markdown heading markers.
static HEADING: Pattern = Pattern::new(r"^\s*#{1,6}\s+");

/// How many times markup removal is repeated on one line at most (see [`clean_line`]).
const MAX_MARKUP_PASSES: usize = 32;

/// Clean one line: markup out, odd spaces unified, stray spaces inside Chinese closed up.
pub fn clean_line(raw: &str) -> CleanLine<'_> {
    let survey = survey(raw);
    if !survey.odd_characters && !survey.markup {
        // Most lines: nothing to replace or take out (a backslash is a markup byte, so no
        // escape either), and the line is only closed up.
        return CleanLine { text: close_up(raw), markup_removed: Vec::new() };
    }
    let mut removed = Vec::new();
    let mut text: String = if survey.odd_characters {
        let odd_space = |c: char| matches!(c, '\u{00A0}' | '\u{3000}' | '\t' | '\u{2002}'..='\u{200A}' | '\u{202F}');
        let invisible = |c: char| matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{00AD}');
        let mut text: String = raw.chars().filter(|&c| !invisible(c)).map(|c| if odd_space(c) { ' ' } else { c }).collect();
        // Control characters are never text of a document, and an escape sequence would
        // reach the terminal of whoever prints it: each is taken out and accounted for.
        if text.chars().any(char::is_control) {
            for c in text.chars().filter(|c| c.is_control()) {
                removed.push(format!("U+{:04X}", c as u32));
            }
            text.retain(|c| !c.is_control());
        }
        text
    } else {
        raw.to_string()
    };
    // Taking markup out can leave markup behind (`[[](#)](#)`, `****a**b**`, `[](#)# x`):
    // passes repeat until nothing more comes out, so that a cleaned line is clean. Each
    // pass shortens the line; the cap bounds the work on hostile nesting, far beyond
    // anything a converter writes.
    let may_hold_markup = |text: &str| text.bytes().any(is_markup_byte);
    for pass in 0..MAX_MARKUP_PASSES {
        if !(if pass == 0 { survey.markup } else { may_hold_markup(&text) }) {
            break;
        }
        let before = text.len();
        // Each pattern is tried only on a line holding what it cannot match without (a
        // markup byte is usually a footnote's asterisk or a barcode's): compiling the
        // four costs the reading thread some 0.3 ms, which a text with no markup is spared.
        if text.contains('#')
            && let Some(m) = HEADING.find(&text)
        {
            removed.push(m.as_str().trim().to_string());
            text = text[m.end()..].to_string();
        }
        if text.contains('$') && LATEX_SYMBOL.is_match(&text) {
            for c in LATEX_SYMBOL.captures_iter(&text) {
                removed.push(c[0].to_string());
            }
            text = LATEX_SYMBOL.replace_all(&text, "$1$2").into_owned();
        }
        if text.contains("](") && LINK.is_match(&text) {
            for c in LINK.captures_iter(&text) {
                removed.push(format!("[]({})", &c[2]));
            }
            text = LINK.replace_all(&text, "$1").into_owned();
        }
        if (text.contains("**") || text.contains("__")) && EMPHASIS.is_match(&text) {
            for _ in EMPHASIS.find_iter(&text) {
                removed.push("****".to_string());
            }
            text = EMPHASIS
                .replace_all_by(&text, |c: &crate::text::pattern::Captures| {
                    c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str()).to_string()
                })
                .into_owned();
        }
        if text.len() == before {
            break;
        }
    }
    // Escapes are taken out once: an escaped backslash (`\\(`) stands for text.
    if text.contains('\\') && ESCAPE.is_match(&text) {
        for _ in ESCAPE.find_iter(&text) {
            removed.push("\\".to_string());
        }
        text = ESCAPE.replace_all(&text, "$1").into_owned();
    }
    CleanLine { text: Cow::Owned(close_up_spaces(&text)), markup_removed: removed }
}

/// What one pass over a line's bytes tells [`clean_line`] it has to do.
struct Survey {
    /// Odd spaces, invisible characters or control characters, which are replaced or
    /// taken out character by character.
    odd_characters: bool,
    /// A byte that every kind of markup taken out has.
    markup: bool,
}

const fn is_markup_byte(b: u8) -> bool {
    matches!(b, b'#' | b'$' | b'[' | b'*' | b'_' | b'\\')
}

/// The bytes [`survey`] looks at: C0 controls, DEL, the markup bytes, and the lead
/// bytes of the odd characters (0xC2, 0xE2, 0xE3, 0xEF).
static SURVEYED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte < 0x20 || byte == 0x7F || matches!(byte, 0xC2 | 0xE2 | 0xE3 | 0xEF) || is_markup_byte(byte);
        b += 1;
    }
    table
};

/// Most lines have neither odd characters nor markup, and are then copied as they are.
/// The odd characters are found from their UTF-8 bytes: C0 controls, tab and DEL;
/// U+0080–U+00BF (C1 controls, no-break space, soft hyphen) after 0xC2; U+2000–U+203F
/// (the spaces of typesetting, zero-width space) after 0xE2 0x80; U+3000 (ideographic
/// space); U+FEFF (byte order mark).
fn survey(raw: &str) -> Survey {
    let bytes = raw.as_bytes();
    let mut survey = Survey { odd_characters: false, markup: false };
    for (i, &b) in bytes.iter().enumerate() {
        // Printable ASCII other than the markup bytes, and the bytes that neither start
        // an odd character nor are markup: most of any line, passed over at once.
        if !SURVEYED[usize::from(b)] {
            continue;
        }
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let odd = match b {
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(next(1), 0x80..=0x9F | 0xA0 | 0xAD),
            0xE2 => next(1) == 0x80,
            0xE3 => next(1) == 0x80 && next(2) == 0x80,
            0xEF => next(1) == 0xBB && next(2) == 0xBF,
            _ => false,
        };
        survey.odd_characters |= odd;
        survey.markup |= is_markup_byte(b);
        if survey.odd_characters && survey.markup {
            break;
        }
    }
    survey
}



/// Collapse runs of white space, trim the ends, and remove a space that stands between
/// two Han characters or beside full-width punctuation ("促进和保护人 权" is one word):
/// PDF extraction inserts those, Chinese typesetting never has them.
pub fn close_up_spaces(s: &str) -> String {
    close_up(s).into_owned()
}

/// [`close_up_spaces`], borrowing the text when it is closed up already.
fn close_up(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    let bytes = s.as_bytes();
    if is_closed_up(bytes) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    // Text between spaces is copied whole; each run of spaces is kept as one or dropped.
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b' ' {
            at += 1;
            continue;
        }
        out.push_str(&s[copied..at]);
        // After the trim a run of spaces has text on both sides.
        let before = bytes[at - 1];
        while bytes[at] == b' ' {
            at += 1;
        }
        copied = at;
        let after = bytes[at];
        let keep = if before.is_ascii() && after.is_ascii() {
            // Latin text, digits and ASCII punctuation keep the space between them.
            true
        } else {
            match (out.chars().next_back(), s[at..].chars().next()) {
                (Some(b), Some(a)) => !((is_han(b) && is_han(a)) || closes_up(b) || closes_up(a)),
                _ => false,
            }
        };
        if keep {
            out.push(' ');
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Most lines are closed up already: each space single, with ASCII on both sides (after
/// the trim, no space is first or last).
fn is_closed_up(bytes: &[u8]) -> bool {
    !any_neighbours(bytes, |a, b| ((a == b' ') & ((b == b' ') | (b >= 0x80))) | ((b == b' ') & (a >= 0x80)))
}

/// Full-width punctuation never has a space beside it; curly quotes are shared with
/// English text (and follow a footnote number: ` 25 “数字鸿沟”一词`), so they keep theirs.
fn closes_up(c: char) -> bool {
    is_cjk_punct(c) && !matches!(c, '“' | '”' | '‘' | '’')
}


/// Join the lines of one paragraph: no space where Chinese meets Chinese, the line-end
/// hyphen of an English compound kept and closed up ("people-" + "centred"), a space
/// elsewhere.
pub fn join_lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let (Some(last), Some(first)) = (out.chars().last(), part.chars().next()) {
            // Chinese PDFs set digits and Latin words apart with spaces ("第 41/11 号"); a
            // line break that fell on such a space took it away.
            let han_meets_latin = (is_han(last) && first.is_ascii_alphanumeric())
                || (last.is_ascii_alphanumeric() && is_han(first));
            let chinese = is_cjk(last) || is_cjk(first);
            let line_end_hyphen = last == '-'
                && out.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic())
                && first.is_alphanumeric();
            let slash = last == '/' || first == '/';
            let glue = han_meets_latin || !(chinese || line_end_hyphen || slash);
            if glue {
                out.push(' ');
            }
        }
        if out.ends_with('-')
            && out.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic())
            && part.chars().next().is_some_and(|c| c.is_alphabetic())
        {
            // A line-end hyphen: a compound ("people-centred") or a word broken by the
            // typesetter ("imple-mentation"). Which one is decided with the document's
            // vocabulary (`resolve_line_end_hyphens`); until then it is a soft hyphen.
            out.pop();
            out.push(SOFT_HYPHEN);
        }
        out.push_str(part);
    }
    close_up_spaces(&out)
}

/// Marks a hyphen that stood at the end of a line, pending [`resolve_line_end_hyphens`].
pub const SOFT_HYPHEN: char = '\u{00AD}';

/// Settle each line-end hyphen: the word is written without it when the document itself
/// writes the joined word elsewhere ("imple-" / "mentation", "implementation"), and keeps
/// it otherwise ("people-centred", "Secretary-General": UN typesetting breaks lines at
/// real hyphens).
pub fn resolve_line_end_hyphens(text: &str, vocabulary: &std::collections::HashSet<String>) -> String {
    if !text.contains(SOFT_HYPHEN) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != SOFT_HYPHEN {
            out.push(c);
            continue;
        }
        let (left, right) = hyphen_sides(&chars, i);
        let broken_word = vocabulary.contains(&hyphen_join(&left, &right))
            || (left.chars().all(|c| c.is_lowercase()) && is_word_tail(&right));
        if !broken_word {
            out.push('-');
        }
    }
    out
}

/// Endings that never start an English word: `strength-` / `ening`, `protec-` / `tion`.
fn is_word_tail(fragment: &str) -> bool {
    const TAILS: [&str; 16] = [
        "ening", "ing", "ings", "tion", "tions", "sion", "sions", "ment", "ments", "ity",
        "ities", "ness", "ance", "ence", "ation", "ations",
    ];
    TAILS.contains(&fragment) || ["tion", "sion", "ation"].iter().any(|t| fragment.starts_with(t))
}

/// The letters on either side of the line-end hyphen at `chars[i]`.
fn hyphen_sides(chars: &[char], i: usize) -> (String, String) {
    let left: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    let right: String = chars[i + 1..].iter().take_while(|c| c.is_alphabetic()).collect();
    (left, right)
}

/// The word a line-end hyphen would make if closed up, lower-cased, as looked up in the
/// vocabulary.
fn hyphen_join(left: &str, right: &str) -> String {
    format!("{left}{right}").to_lowercase()
}

/// The words that the line-end hyphens of `texts` would make if closed up, lower-cased:
/// the only words [`resolve_line_end_hyphens`] looks up.
pub fn hyphen_joins<'a>(texts: impl IntoIterator<Item = &'a str>) -> std::collections::HashSet<String> {
    let mut joins = std::collections::HashSet::new();
    for text in texts {
        if !text.contains(SOFT_HYPHEN) {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == SOFT_HYPHEN {
                let (left, right) = hyphen_sides(&chars, i);
                joins.insert(hyphen_join(&left, &right));
            }
        }
    }
    joins
}

/// The words of four letters or more of a text, lower-cased, that are among `wanted`
/// (the words [`hyphen_joins`] finds), for [`resolve_line_end_hyphens`]. A text has tens
/// of thousands of words and a handful of line-end hyphens, so a word whose length no
/// wanted word has is passed over without being lower-cased.
pub fn vocabulary<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    wanted: &std::collections::HashSet<String>,
) -> std::collections::HashSet<String> {
    // For each byte length, the first letters (a to z, one bit each) of the wanted words
    // of that length: an ASCII word lower-cases to the same length and to its own first
    // letter lower-cased, so one look-up passes over most words without lower-casing them.
    let mut initials = vec![0u32; wanted.iter().map(String::len).max().map_or(0, |n| n + 1)];
    for w in wanted {
        if let Some(&first) = w.as_bytes().first().filter(|b| b.is_ascii_lowercase()) {
            initials[w.len()] |= initial_bit(first);
        }
    }
    let mut words = std::collections::HashSet::new();
    let mut lowered = [0u8; 64];
    for line in lines {
        if line.is_ascii() {
            ascii_vocabulary(line.as_bytes(), &initials, wanted, &mut lowered, &mut words);
            continue;
        }
        for (w, ascii) in Words::of(line) {
            // Lower-casing keeps an ASCII word's length; others are checked in full.
            let skip = w.len() < 4
                || (ascii && !may_be_wanted(&initials, w.as_bytes()))
                || (!ascii && w.chars().count() < 4);
            if skip {
                continue;
            }
            if ascii {
                keep_ascii_word(w.as_bytes(), wanted, &mut lowered, &mut words);
            } else {
                let lower = w.to_lowercase();
                if wanted.contains(&lower) {
                    words.insert(lower);
                }
            }
        }
    }
    words
}

/// The bit of an ASCII letter in [`vocabulary`]'s table of first letters.
fn initial_bit(letter: u8) -> u32 {
    1 << (letter.to_ascii_lowercase() - b'a')
}

/// Whether an ASCII word (not empty) has the length and first letter of a wanted word.
fn may_be_wanted(initials: &[u32], word: &[u8]) -> bool {
    initials.get(word.len()).is_some_and(|&bits| bits & initial_bit(word[0]) != 0)
}

/// Keep an ASCII word, lower-cased, when it is wanted. It is lower-cased in `lowered`
/// (when it fits), not in a new string for each word.
fn keep_ascii_word(
    word: &[u8],
    wanted: &std::collections::HashSet<String>,
    lowered: &mut [u8; 64],
    words: &mut std::collections::HashSet<String>,
) {
    let lower = match lowered.get_mut(..word.len()) {
        Some(buf) => {
            for (l, b) in buf.iter_mut().zip(word) {
                *l = b.to_ascii_lowercase();
            }
            &*buf
        }
        None => &word.to_ascii_lowercase(),
    };
    let lower = std::str::from_utf8(lower).expect("ASCII stays UTF-8");
    if wanted.contains(lower) && !words.contains(lower) {
        words.insert(lower.to_string());
    }
}

/// [`vocabulary`] of a line that is all ASCII, where a word is a run of ASCII letters and
/// lower-casing it is lower-casing its bytes.
fn ascii_vocabulary(
    bytes: &[u8],
    initials: &[u32],
    wanted: &std::collections::HashSet<String>,
    lowered: &mut [u8; 64],
    words: &mut std::collections::HashSet<String>,
) {
    let mut at = 0;
    while at < bytes.len() {
        while at < bytes.len() && !bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let len = at - start;
        if len >= 4 && may_be_wanted(initials, &bytes[start..at]) {
            keep_ascii_word(&bytes[start..at], wanted, lowered, words);
        }
    }
}

/// The words of a line, each with whether it is all ASCII: the runs of alphabetic
/// characters. ASCII, most of any line, is passed over a byte at a time; another
/// character is decoded where it stands.
struct Words<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn of(line: &'a str) -> Words<'a> {
        Words { line, at: 0 }
    }

    /// The length in bytes of the character at `at` if it is a letter (that is not ASCII).
    fn wide_letter_at(&self, at: usize) -> Result<usize, usize> {
        let c = self.line[at..].chars().next().expect("a character starts here");
        if c.is_alphabetic() { Ok(c.len_utf8()) } else { Err(c.len_utf8()) }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.line.as_bytes();
        // Up to the next letter.
        loop {
            while self.at < bytes.len() && bytes[self.at].is_ascii() && !bytes[self.at].is_ascii_alphabetic() {
                self.at += 1;
            }
            if self.at >= bytes.len() {
                return None;
            }
            if bytes[self.at].is_ascii() {
                break;
            }
            match self.wide_letter_at(self.at) {
                Ok(_) => break,
                Err(width) => self.at += width,
            }
        }
        // Over the letters.
        let start = self.at;
        let mut ascii = true;
        loop {
            while self.at < bytes.len() && bytes[self.at].is_ascii_alphabetic() {
                self.at += 1;
            }
            if self.at >= bytes.len() || bytes[self.at].is_ascii() {
                break;
            }
            match self.wide_letter_at(self.at) {
                Ok(width) => {
                    ascii = false;
                    self.at += width;
                }
                Err(_) => break,
            }
        }
        Some((&self.line[start..self.at], ascii))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_table() {
        let rows = [
            ("促进和保护人 权", "促进和保护人权"),
            ("与人权有关的其他相关文书和 国际法履行", "与人权有关的其他相关文书和国际法履行"),
            ("包括 2020 年发起的《人权行动呼吁》、 2020 年 6 月", "包括 2020 年发起的《人权行动呼吁》、2020 年 6 月"),
            ("1. **重申**《世界人权宣言》", "1. 重申《世界人权宣言》"),
            ("第 [68/167](#) 号、", "第 68/167 号、"),
            ("¹ 第 [217 A\\(III\\)](#)号决议。", "¹ 第 217 A(III)号决议。"),
            ("联合国 $A_{/HRC/RES/53/29}$", "联合国 A/HRC/RES/53/29"),
            ("## Annex", "Annex"),
            ("Recalling  its resolution\u{00A0}77/211 ", "Recalling its resolution 77/211"),
            ("\u{3000}人权理事会，", "人权理事会，"),
        ];
        for (raw, want) in rows {
            assert_eq!(clean_line(raw).text, want, "{raw}");
        }
    }

    #[test]
    fn markup_removals_are_reported() {
        let c = clean_line("1. **重申**见第 [68/167](#) 号");
        assert_eq!(c.text, "1. 重申见第 68/167 号");
        assert_eq!(c.markup_removed.len(), 2);
    }

    #[test]
    fn normalisation_is_idempotent() {
        for raw in ["促进和保护人 权", "第 [68/167](#) 号", "a  b", "**x** [y](z)"] {
            let once = clean_line(raw).text;
            assert_eq!(clean_line(&once).text, once);
        }
    }

    #[test]
    fn join_lines_table() {
        let rows: [(&[&str], &str); 6] = [
            (&["…还要求工商企业力求防止", "或减轻因商业关系"], "…还要求工商企业力求防止或减轻因商业关系"),
            (&["Recalling its resolution", "77/181 of 14 December 2022"], "Recalling its resolution 77/181 of 14 December 2022"),
            (&["women-led micro-, small and medium-", "sized enterprises"], "women-led micro-, small and medium-sized enterprises"),
            (&["a comprehensive, far-reaching and people-", "centred set"], "a comprehensive, far-reaching and people-centred set"),
            (&["requests the Secretary-", "General to report"], "requests the Secretary-General to report"),
            (&["…隐私权的第", "77/211 号决议"], "…隐私权的第 77/211 号决议"),
        ];
        let none = std::collections::HashSet::new();
        for (parts, want) in rows {
            assert_eq!(resolve_line_end_hyphens(&join_lines(parts.iter().copied()), &none), want);
        }
    }

    #[test]
    fn the_vocabulary_reads_ascii_and_other_lines_alike() {
        let wanted: std::collections::HashSet<String> =
            ["implementation", "peacekeeping", "égalité", "ab"].iter().map(|w| w.to_string()).collect();
        let found = |lines: &[&str]| {
            let mut words: Vec<String> = vocabulary(lines.iter().copied(), &wanted).into_iter().collect();
            words.sort();
            words
        };
        // Whole words only, whatever their case; a word of fewer than four letters never.
        assert_eq!(found(&["the IMPLEMENTATION of", "Ab ab"]), ["implementation"]);
        assert_eq!(found(&["the “Implementation” of", "ÉGALITÉ"]), ["implementation", "égalité"]);
        assert_eq!(found(&["implementations", "reimplementation", "Peacekeeping4"]), ["peacekeeping"]);
        assert_eq!(found(&["implementationé", "éimplementation –"]), Vec::<String>::new());
    }

    #[test]
    fn a_word_broken_by_the_typesetter_is_rejoined_when_the_text_knows_it() {
        let joined = join_lines(["successful imple-", "mentation of national strategies, people-", "centred"]);
        let vocab = vocabulary(["the implementation of the Agenda"], &hyphen_joins([joined.as_str()]));
        assert_eq!(
            resolve_line_end_hyphens(&joined, &vocab),
            "successful implementation of national strategies, people-centred"
        );
    }

    #[test]
    fn split_lines_handles_every_line_ending() {
        let lines = split_lines("a\r\nb\rc\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
        assert_eq!(lines[3].number, 4);
    }
}
