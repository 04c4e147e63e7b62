//! Footnote marks: find where each footnote is cited, take the mark out of the running
//! text, and anchor the footnote to its paragraph.
//!
//! Superscript marks (`报告，¹`) are unambiguous. Plain digits (`Rights1`, `20219` =
//! 2021 + footnote 9, `录音。1`) are only believed in sequence: footnote k is looked for
//! after footnote k-1's mark and before footnote k's own text on the page.

use super::patterns::is_superscript_digit;
use crate::model::{Diagnostic, Footnote, Paragraph};

/// Whether `text` has a superscript digit, found from its UTF-8 bytes without decoding
/// the text: `¹ ² ³` are 0xC2 0xB9, 0xB2, 0xB3, and `⁰ ⁴ … ⁹` are 0xE2 0x81 then 0xB0 or
/// 0xB4 to 0xB9.
fn has_superscript_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)),
        _ => bytes.get(i + 1) == Some(&0x81) && matches!(bytes.get(i + 2), Some(0xB0 | 0xB4..=0xB9)),
    })
}

/// Where a piece of running text lives: a paragraph's text or one of its items.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Slot {
    paragraph: usize,
    /// 0 = the paragraph's text, k = item k-1.
    field: usize,
}

fn field_text(paras: &[Paragraph], s: Slot) -> &str {
    let p = &paras[s.paragraph];
    if s.field == 0 {
        &p.text
    } else {
        &p.items[s.field - 1].text
    }
}

fn field_mut(paras: &mut [Paragraph], s: Slot) -> (&mut String, &mut Vec<String>) {
    let p = &mut paras[s.paragraph];
    if s.field == 0 {
        (&mut p.text, &mut p.footnote_marks)
    } else {
        let item = &mut p.items[s.field - 1];
        (&mut item.text, &mut item.footnote_marks)
    }
}

fn slots(paras: &[Paragraph]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        out.push(Slot { paragraph: i, field: 0 });
        for k in 0..p.items.len() {
            out.push(Slot { paragraph: i, field: k + 1 });
        }
    }
    out
}

/// `cited_elsewhere`: marks the text cites outside its paragraphs (a draft's sponsor line,
/// "Austria,* Brazil"), whose notes are anchored there.
pub fn anchor(paras: &mut [Paragraph], footnotes: &mut [Footnote], diagnostics: &mut Vec<Diagnostic>, cited_elsewhere: &[&str]) {
    let all = slots(paras);
    // 1. Superscript marks.
    for &slot in &all {
        let (text, marks) = field_mut(paras, slot);
        if !has_superscript_digit(text) {
            continue;
        }
        let mut cleaned = String::with_capacity(text.len());
        let mut run = String::new();
        for c in text.chars() {
            if is_superscript_digit(c) {
                run.push(c);
            } else {
                if !run.is_empty() {
                    marks.push(super::patterns::superscript_to_ascii(&run));
                    run.clear();
                }
                cleaned.push(c);
            }
        }
        if !run.is_empty() {
            marks.push(super::patterns::superscript_to_ascii(&run));
        }
        *text = crate::reader::normalize::close_up_spaces(&cleaned);
    }
    let mut anchored = vec![false; footnotes.len()];
    for &slot in &all {
        let id = paras[slot.paragraph].id.clone();
        let marks = if slot.field == 0 {
            paras[slot.paragraph].footnote_marks.clone()
        } else {
            paras[slot.paragraph].items[slot.field - 1].footnote_marks.clone()
        };
        for m in marks {
            if let Some(i) = (0..footnotes.len()).find(|&i| !anchored[i] && footnotes[i].mark == m) {
                footnotes[i].paragraph = Some(id.clone());
                anchored[i] = true;
            }
        }
    }

    // 2. Plain marks, in sequence.
    let mut cursor = (0usize, 0usize); // (index into `all`, byte offset)
    for fi in 0..footnotes.len() {
        if anchored[fi] || footnotes[fi].mark.parse::<u32>().is_err() {
            continue;
        }
        let mark = footnotes[fi].mark.clone();
        let limit_line = footnotes[fi].lines.first;
        let mut found = None;
        let finder = memchr::memmem::Finder::new(mark.as_bytes());
        'search: for (k, &slot) in all.iter().enumerate().skip(cursor.0) {
            if paras[slot.paragraph].lines.first > limit_line {
                break;
            }
            let text = field_text(paras, slot);
            let from = if k == cursor.0 { cursor.1 } else { 0 };
            let mut pos = from;
            while let Some(rel) = text.get(pos..).and_then(|t| finder.find(t.as_bytes())) {
                let s = pos + rel;
                let e = s + mark.len();
                if let Some(edit) = plain_mark_at(text, s, e) {
                    found = Some((k, slot, edit));
                    break 'search;
                }
                pos = e;
            }
        }
        match found {
            Some((k, slot, edit)) => {
                let id = paras[slot.paragraph].id.clone();
                let (text, marks) = field_mut(paras, slot);
                let next = edit.start;
                text.replace_range(edit.start..edit.end, &edit.replacement);
                *text = crate::reader::normalize::close_up_spaces(text);
                marks.push(mark.clone());
                footnotes[fi].paragraph = Some(id);
                anchored[fi] = true;
                let text = field_text(paras, slot);
                let mut at = next.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                cursor = (k, at);
            }
            None => diagnostics.push(Diagnostic {
                line: Some(footnotes[fi].lines.first),
                message: format!("footnote {} is not cited by a mark the reader could find", mark),
            }),
        }
    }
    for (i, f) in footnotes.iter().enumerate() {
        if !anchored[i] && f.mark.parse::<u32>().is_err() && !cited_elsewhere.contains(&f.mark.as_str()) {
            diagnostics.push(Diagnostic {
                line: Some(f.lines.first),
                message: format!("footnote '{}' is not anchored to a paragraph", f.mark),
            });
        }
    }
}

struct Edit {
    start: usize,
    end: usize,
    replacement: String,
}

// Words after which a number is a number, not a footnote mark.
const NUMBERING_WORDS: [&str; 24] = [
    "resolution", "resolutions", "paragraph", "paragraphs", "para", "paras", "no", "nos",
    "article", "articles", "goal", "goals", "annex", "chapter", "section", "vol", "page", "p",
    "pp", "rule", "principle", "target", "decision", "item",
];
// Characters after which a Chinese number counts something (个国家, 第 5 段, 30%).
// 人, 国 and 所 are left out (`。43 所有这些…`): `。20 人们可以…`, `。26 人权理事会…` start sentences.
const COUNTERS: &str = "个名项起次年月日号段条款届页卷%％岁倍亿万千百种份周天小时分秒元";

/// If the digits at `s..e` are a footnote mark, the edit that takes them out.
fn plain_mark_at(text: &str, s: usize, e: usize) -> Option<Edit> {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    if after.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '%' || c == '％' || c == '-' || c == '–') {
        return None;
    }
    if after == Some('.') && text[e + 1..].chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let next_word = text[e..].trim_start().chars().next();
    if next_word.is_some_and(|c| COUNTERS.contains(c)) {
        return None;
    }
    // `of 9 December 2021`: a day of the month.
    let following: String = text[e..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    if crate::text::numerals::english_month(&following).is_some() {
        return None;
    }
    match before {
        None => None,
        // `20219`: a year with the mark glued on.
        Some(c) if c.is_ascii_digit() => {
            let run_start = text[..s]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit())
                .last()
                .map(|(i, _)| i)?;
            let year = &text[run_start..s];
            let plausible_year = year.len() == 4
                && (year.starts_with("19") || year.starts_with("20"))
                && text[..run_start].chars().next_back().is_none_or(|c| c == ' ');
            plausible_year.then(|| Edit { start: s, end: e, replacement: String::new() })
        }
        Some(' ') => {
            let head = text[..s].trim_end();
            let prev = head.chars().next_back()?;
            if prev.is_ascii_digit() {
                // `of September 2016 7`: a mark after a year is still a mark.
                let digits = head.chars().rev().take_while(|c| c.is_ascii_digit()).count();
                let year = &head[head.len() - digits..];
                let before_year = head[..head.len() - digits].chars().next_back();
                let is_year = digits == 4
                    && (year.starts_with("19") || year.starts_with("20"))
                    && before_year == Some(' ');
                if !is_year {
                    return None;
                }
                return Some(Edit { start: head.len(), end: e, replacement: String::new() });
            }
            if prev == '第' || prev == '/' {
                return None;
            }
            let word: String = head
                .trim_end_matches('.')
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
                .to_lowercase();
            if NUMBERING_WORDS.contains(&word.as_str()) {
                return None;
            }
            let head_len = head.len();
            Some(Edit { start: head_len, end: e, replacement: String::new() })
        }
        Some(c) if c == '/' || c == '-' || c == '.' || c == ':' || c == '–' || c == '(' => None,
        Some(_) => Some(Edit { start: s, end: e, replacement: String::new() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superscript_digits_are_found_from_their_bytes() {
        let mut text = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            text.clear();
            text.push('a');
            text.push(c);
            text.push('“');
            assert_eq!(has_superscript_digit(&text), is_superscript_digit(c), "{c:?}");
        }
    }

    fn check(text: &str, mark: &str) -> Option<String> {
        let s = text.find(mark)?;
        // Find the candidate occurrence that plain_mark_at accepts, as anchor() does.
        let mut pos = 0;
        while let Some(rel) = text[pos..].find(mark) {
            let s = pos + rel;
            if let Some(edit) = plain_mark_at(text, s, s + mark.len()) {
                let mut t = text.to_string();
                t.replace_range(edit.start..edit.end, &edit.replacement);
                return Some(crate::reader::normalize::close_up_spaces(&t));
            }
            pos = s + mark.len();
        }
        let _ = s;
        None
    }

    #[test]
    fn plain_mark_table() {
        let rows = [
            ("resolution 48/4 of 7 October 20219 and", "9", Some("resolution 48/4 of 7 October 2021 and")),
            ("the Universal Declaration of Human Rights1 and", "1", Some("the Universal Declaration of Human Rights and")),
            ("Change 1 and the Paris Agreement,2 in", "2", Some("Change 1 and the Paris Agreement, in")),
            ("专题小组讨论有网播，也有录音。1", "1", Some("专题小组讨论有网播，也有录音。")),
            ("发挥着重要作用。2 2019 年是", "2", Some("发挥着重要作用。2019 年是")),
            ("人权理事会27 和大会28 均", "27", Some("人权理事会和大会28 均")),
            ("超过 30%，33 个国家", "33", None),
            ("见下文第 16-23 段", "16", None),
            ("resolution 16 and", "16", None),
            ("para. 53)", "53", None),
            ("Framework of September 2016 7 and the report", "7", Some("Framework of September 2016 and the report")),
            ("76/106 of 9 December 2021", "9", None),
            ("from 1 January to 31 December 2021, 8", "8", Some("from 1 January to 31 December 2021,")),
        ];
        for (text, mark, want) in rows {
            assert_eq!(check(text, mark).as_deref(), want, "{text}");
        }
    }
}
