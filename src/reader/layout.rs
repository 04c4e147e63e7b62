//! Page layout: which lines are page furniture, and the measures of the page (wrap
//! width, double spacing) that decide where a paragraph ends.

use super::patterns::*;
use crate::reader::normalize::{clean_line, RawLine};
use crate::text::is_cjk;
use crate::model::DropReason;

/// One input line, cleaned, with what layout analysis needs to know about it.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub number: usize,
    /// The line as read: a slice of the decoded text.
    pub raw: &'a str,
    pub text: std::borrow::Cow<'a, str>,
    /// The raw line starts with white space (page starts and headings in reports).
    pub indent: usize,
    pub markup_removed: Vec<String>,
    /// Set when the line is page furniture or otherwise carries no document text.
    pub drop: Option<DropReason>,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

pub fn prepare<'a>(raw: &[RawLine<'a>]) -> Vec<Line<'a>> {
    raw.iter()
        .map(|r| {
            let clean = clean_line(r.text);
            let indent = r.text.chars().take_while(|c| c.is_whitespace()).count();
            let drop = if clean.text.is_empty() { Some(DropReason::Blank) } else { None };
            Line {
                number: r.number,
                raw: r.text,
                text: clean.text,
                indent,
                markup_removed: clean.markup_removed,
                drop,
            }
        })
        .collect()
}

/// Width of a line as printed: a Han character takes two columns.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Mark page furniture. `front_end` is the index of the first line after the masthead
/// (symbol lines before it are the document's own masthead, not running headers);
/// `title` is the document's title, whose pieces reappear as running headers.
pub fn mark_furniture(lines: &mut [Line], front_end: usize, title: &str) {
    let strong: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| !l.is_blank() && is_strong_furniture(&l.text, i >= front_end))
        .collect();
    for (i, line) in lines.iter_mut().enumerate() {
        if line.is_blank() {
            continue;
        }
        if strong[i] {
            line.drop = Some(DropReason::PageFurniture);
        } else if is_footnote_rule(&line.text) {
            line.drop = Some(DropReason::FootnoteRule);
        } else if is_link_residue(&line.text) {
            line.drop = Some(DropReason::LinkResidue);
        }
    }
    // Running headers repeat the short title and sit in the page-break zone next to the
    // job number or page number: walk out from each strong furniture line over blank
    // lines and header lines only, so that body text quoting the title stays text.
    // A running title may wrap over several lines (some ending in a comma or colon of
    // the title); the block of lines is taken as a header only when all of it is a piece
    // of the title, so that a paragraph's continuation that happens to start with words
    // of the title after a page break stays text. Directly under the page's symbol line
    // the title is what the layout puts there, and the block may run on into text.
    let title_key = key(title);
    let title_long_enough = title_key.chars().count() >= 10;
    // A line's key is made once, when a block first asks for it: the blocks beside
    // furniture overlap, and the shorter blocks under a symbol line are asked again.
    let keys: Vec<std::cell::OnceCell<String>> = lines.iter().map(|_| std::cell::OnceCell::new()).collect();
    let title_piece = |block: &[usize], lines: &[Line]| {
        if !title_long_enough {
            return false;
        }
        let mut reading: Vec<usize> = block.to_vec();
        reading.sort_unstable();
        // Each line of a piece of the title is in the title: most blocks are body text,
        // and their first line says so.
        let mut k = String::new();
        for &i in &reading {
            let line_key = keys[i].get_or_init(|| key(&lines[i].text));
            if !title_key.contains(line_key.as_str()) {
                return false;
            }
            k.push_str(line_key);
        }
        let last = reading.last().map_or("", |&i| &*lines[i].text);
        k.chars().count() >= 8 && title_key.contains(&k) && !ends_terminal(last)
    };
    let count = lines.len();
    let inside = |j: isize| j >= front_end as isize && (j as usize) < count;
    for s in (front_end..lines.len()).filter(|&i| strong[i]) {
        let under_symbol = SYMBOL_LINE.is_match(&lines[s].text);
        for dir in [-1isize, 1] {
            let mut j = s as isize + dir;
            let mut steps = 0;
            let mut adjacent = true;
            while inside(j) && steps < 6 {
                if lines[j as usize].drop.is_some() {
                    adjacent &= !lines[j as usize].is_blank();
                    j += dir;
                    steps += 1;
                    continue;
                }
                // The block of text lines from here on, in walking order.
                let mut block = Vec::new();
                let mut k = j;
                while inside(k) && lines[k as usize].drop.is_none() && block.len() < 8 {
                    block.push(k as usize);
                    k += dir;
                }
                let taken = if title_piece(&block, lines) {
                    block.len()
                } else if adjacent && under_symbol && dir == 1 {
                    (1..block.len()).rev().find(|&n| title_piece(&block[..n], lines)).unwrap_or(0)
                } else {
                    0
                };
                let taken = if taken == 0 && is_page_line(&lines[j as usize].text) { 1 } else { taken };
                if taken == 0 {
                    break;
                }
                for &i in &block[..taken] {
                    lines[i].drop = Some(DropReason::PageFurniture);
                }
                j += dir * taken as isize;
                steps += taken;
                adjacent = true;
            }
        }
    }
    for i in front_end..lines.len() {
        if lines[i].drop.is_none()
            && neighbours_blank_or_furniture(lines, i)
            && PAGE_NUMBER.is_match(&lines[i].text)
        {
            lines[i].drop = Some(DropReason::PageFurniture);
        }
    }
}

// The patterns below are anchored at the start, and the reader asks them of every line:
// each is asked only of the lines that can match it.

/// [`FOOTNOTE_RULE`]: eight dashes at least, the first `_`, `-`, `=` or one that starts
/// with the byte 0xE2 (`–`, `—`).
fn is_footnote_rule(text: &str) -> bool {
    text.len() >= 8 && matches!(text.as_bytes()[0], b'_' | b'-' | b'=' | 0xE2) && FOOTNOTE_RULE.is_match(text)
}

/// [`URL_LINE`]: `http…` or `www.…`.
fn is_link_residue(text: &str) -> bool {
    text.starts_with(['h', 'w']) && URL_LINE.is_match(text)
}

/// A bare page number or a masthead word repeated on the page.
fn is_page_line(text: &str) -> bool {
    PAGE_NUMBER.is_match(text) || MASTHEAD.is_match(text)
}

fn neighbours_blank_or_furniture(lines: &[Line], i: usize) -> bool {
    let prev_ok = i == 0 || lines[i - 1].drop.is_some();
    let next_ok = i + 1 >= lines.len() || lines[i + 1].drop.is_some();
    prev_ok && next_ok
}

fn is_strong_furniture(text: &str, after_front: bool) -> bool {
    // Each pattern is anchored at the start, so the first character rules most lines out
    // before any pattern runs (the reader asks this of every line).
    let Some(first) = text.chars().next() else { return false };
    let digit = crate::text::is_figure(first);
    // Job numbers, page numbers and barcodes are figures, spaces and capitals with a few
    // marks: a line with a lower-case ASCII letter is none of them (a numbered paragraph).
    let figures = (digit || first == 'G') && !text.bytes().any(|b| b.is_ascii_lowercase());
    if figures && JOB_NUMBER_GE.is_match(text) {
        return true;
    }
    if digit && figures {
        if JOB_NUMBER_NY.is_match(text) || PAGE_AND_JOB.is_match(text) {
            return true;
        }
        if let Some(c) = PAGE_OF.captures(text) {
            let (page, of): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            if page >= 1 && page <= of {
                return true;
            }
        }
    }
    if first == '*' && BARCODE.is_match(text) {
        return true;
    }
    // A symbol has a slash.
    after_front
        && (matches!(first, '联' | 'U' | 'A' | 'S' | 'E') || first.is_whitespace())
        && memchr::memchr(b'/', text.as_bytes()).is_some()
        && SYMBOL_LINE.is_match(text)
}

/// Lower-case letters and digits only: compares a running header with the title whatever
/// the wrapping and punctuation.
fn key(s: &str) -> String {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

/// Measures of the page that paragraph assembly relies on.
#[derive(Debug, Clone, Copy)]
pub struct PageShape {
    /// The width (in columns) that wrapped lines reach: the 90th percentile.
    pub wrap_width: usize,
    /// Lines are hard-wrapped (a good share end mid-sentence).
    pub wrapped: bool,
    /// Every line is followed by a blank line, so blank lines separate nothing.
    pub double_spaced: bool,
}

impl PageShape {
    pub fn is_full(&self, line: &str) -> bool {
        self.wrapped && display_width(line) * 10 >= self.wrap_width * 8
    }
}

pub fn measure(lines: &[Line], from: usize) -> PageShape {
    let text: Vec<usize> = (from..lines.len()).filter(|&i| lines[i].drop.is_none()).collect();
    if text.is_empty() {
        return PageShape { wrap_width: 0, wrapped: false, double_spaced: false };
    }
    let mut widths: Vec<usize> = text.iter().map(|&i| display_width(&lines[i].text)).collect();
    widths.sort_unstable();
    let wrap_width = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
    let open_ended = text
        .iter()
        .filter(|&&i| !ends_terminal(&lines[i].text))
        .count();
    let wrapped = open_ended * 10 >= text.len() * 3;
    let followed_by_blank = text
        .iter()
        .filter(|&&i| lines.get(i + 1).is_some_and(|l| l.is_blank()))
        .count();
    let double_spaced = wrapped && followed_by_blank * 10 >= text.len() * 8;
    PageShape { wrap_width, wrapped, double_spaced }
}

/// Does this text end a clause (so that a blank line after it ends the paragraph)?
/// Footnote marks and closing brackets after the punctuation do not count.
pub fn ends_terminal(text: &str) -> bool {
    let mut t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || is_superscript_digit(c) || matches!(c, ')' | ']' | '”' | '’' | '"' | '）' | '】')
    });
    // `…Agreement,2`, `…guidelines. 27`: a plain footnote number after the punctuation.
    let digits = t.chars().rev().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let head = t[..t.len() - digits].trim_end();
        if head.ends_with(is_clause_end) {
            t = head;
        }
    }
    t.chars().last().is_some_and(is_clause_end)
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | '.' | '：' | ':' | '！' | '!' | '？' | '?')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The furniture test as the patterns alone answer it, for the tests before them.
    fn strong_by_patterns(text: &str, after_front: bool) -> bool {
        JOB_NUMBER_GE.is_match(text)
            || JOB_NUMBER_NY.is_match(text)
            || PAGE_AND_JOB.is_match(text)
            || PAGE_OF.captures(text).is_some_and(|c| {
                let (page, of): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
                page >= 1 && page <= of
            })
            || BARCODE.is_match(text)
            || (after_front && SYMBOL_LINE.is_match(text))
    }

    /// Lines made of the pieces of page furniture, and of text around them.
    fn furniture_lines() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("GE.".to_string()), Just("23".to_string()), Just("-".to_string()), Just("13988".to_string()),
            Just("(E)".to_string()), Just(" ".to_string()), Just("  ".to_string()), Just("*2325910*".to_string()),
            Just("*".to_string()), Just("/".to_string()), Just("12".to_string()), Just("０".to_string()),
            Just("A/".to_string()), Just("HRC/".to_string()), Just("RES/".to_string()), Just("78".to_string()),
            Just("Rev.".to_string()), Just("(2019)".to_string()), Just("United Nations ".to_string()), Just("联合国 ".to_string()),
            Just("S".to_string()), Just("E/CN.".to_string()), Just("________".to_string()), Just("—".to_string()),
            Just("–".to_string()), Just("=".to_string()), Just("https://".to_string()), Just("www.".to_string()),
            Just("undocs.org".to_string()), Just("\u{3000}".to_string()),
            "[a-z]{1,4}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 1..10).prop_map(|v| v.concat())
    }

    #[test]
    fn furniture_is_found_on_real_lines() {
        for l in ["GE.23-13988", "2 GE.23-13988", "23-25910 (E)    020124", "2/12", "*2325910*", "A/RES/78/150", "United Nations A/RES/78/1"] {
            assert!(is_strong_furniture(l, true), "{l}");
        }
        assert!(!is_strong_furniture("12. Requests the Secretary-General", true));
        assert!(is_footnote_rule("__________________") && is_footnote_rule("————————"));
        assert!(is_link_residue("https://undocs.org/ch/A/HRC/RES/45/9"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        #[test]
        fn the_tests_before_the_furniture_patterns_pass_every_line_they_match(t in furniture_lines(), after_front: bool) {
            prop_assert_eq!(is_strong_furniture(&t, after_front), strong_by_patterns(&t, after_front), "{:?}", t);
            prop_assert_eq!(is_footnote_rule(&t), FOOTNOTE_RULE.is_match(&t), "{:?}", t);
            prop_assert_eq!(is_link_residue(&t), URL_LINE.is_match(&t), "{:?}", t);
        }
    }
}
