//! Metadata from the masthead and the closing formula: symbol, body, session, agenda
//! item, title, adoption date, meeting.

use super::layout::Line;
use crate::text::numerals::{chinese_number, english_month, english_ordinal, iso_date};
use super::patterns::*;
use crate::model::{Body, Date, DocKind, Language};
use crate::text::pattern::Pattern;

/// Lines that only name a document symbol, with their index: masthead and page headers.
pub fn symbol_lines(lines: &[Line]) -> Vec<(usize, String)> {
    lines
        .iter()
        .enumerate()
        // Every symbol holds a slash: a line without one is passed over unsearched.
        .filter(|(_, l)| l.text.contains('/'))
        .filter_map(|(i, l)| {
            SYMBOL_LINE.captures(&l.text).map(|c| (i, normalise_symbol(&c[1])))
        })
        .collect()
}

/// `S/RES/2467(2019)` → `S/RES/2467 (2019)`: one spelling per symbol.
pub fn normalise_symbol(s: &str) -> String {
    let s = s.trim();
    match s.find('(') {
        Some(i) if i > 0 && !s[..i].ends_with(' ') => format!("{} {}", &s[..i], &s[i..]),
        _ => s.to_string(),
    }
}

/// The organ named by a body line ("人权理事会，") or a masthead line.
pub fn body_from_name(name: &str) -> Option<Body> {
    let n = name.trim().trim_end_matches([',', '，']).trim_start_matches("The ").trim();
    Some(match n {
        "人权理事会" | "Human Rights Council" => Body::HRC,
        "大会" | "General Assembly" => Body::GA,
        "安全理事会" | "安理会" | "Security Council" => Body::SC,
        "经济及社会理事会" | "经社理事会" | "Economic and Social Council" => Body::ECOSOC,
        "人权委员会" | "Commission on Human Rights" => Body::CHR,
        _ => return None,
    })
}


pub fn language(lines: &[Line]) -> Language {
    let mut han = 0usize;
    let mut latin = 0usize;
    for l in lines {
        // A byte that is an ASCII letter is one; Han characters are looked for only in a
        // line that is not all ASCII.
        latin += crate::text::chars::count_bytes(l.text.as_bytes(), |b| b.is_ascii_alphabetic());
        if !l.text.is_ascii() {
            han += l.text.chars().filter(|&c| !c.is_ascii() && crate::text::is_han(c)).count();
        }
    }
    // A Chinese text still carries Latin symbols and URLs; one Han character in twenty
    // letters is already a Chinese document.
    if han * 4 >= latin {
        Language::Zh
    } else {
        Language::En
    }
}

pub fn session(texts: &[&str]) -> Option<u32> {
    for t in texts {
        if let Some(c) = SESSION_ZH.captures(t) {
            return chinese_number(&c[1]);
        }
        if t.ends_with("session")
            && let Some(c) = SESSION_EN.captures(t)
            && let Some(n) = english_ordinal(&c[1]) {
                return Some(n);
            }
    }
    None
}

pub fn agenda_item(texts: &[&str]) -> Option<String> {
    texts.iter().find_map(|t| AGENDA.captures(t).map(|c| c[1].trim().to_string()))
}

/// The first date in a text, Chinese or English, as ISO.
pub fn first_date(text: &str) -> Option<Date> {
    let zh = DATE_ZH.captures(text).map(|c| (c.get(0).map_or(0, |m| m.start()), c));
    let en = DATE_EN.captures(text).map(|c| (c.get(0).map_or(0, |m| m.start()), c));
    match (zh, en) {
        (Some((zs, z)), Some((es, _))) if zs <= es => zh_date(&z),
        (Some((_, z)), None) => zh_date(&z),
        (_, Some((_, e))) => en_date(&e),
        (None, None) => None,
    }
}

fn zh_date(c: &crate::text::pattern::Captures) -> Option<Date> {
    iso_date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn en_date(c: &crate::text::pattern::Captures) -> Option<Date> {
    iso_date(c[3].parse().ok()?, english_month(&c[2])?, c[1].parse().ok()?)
}

/// The adoption date: the closing formula's date, else the masthead's "adopted on" line.
pub fn adopted(closing: &[&str], front: &[&str]) -> Option<Date> {
    for t in closing {
        if let Some(d) = first_date(t) {
            return Some(d);
        }
    }
    let joined = front.join(" ");
    let lower = joined.to_lowercase();
    for key in ["通过的决议", "大会决议", "adopted by the", "adopted at", "通过"] {
        if let Some(i) = lower.find(key) {
            // The date stands just before (zh) or just after (en) the phrase.
            let window_start = joined.floor_char_boundary(i.saturating_sub(60));
            let window_end = joined.floor_char_boundary((i + 120).min(joined.len()));
            if let Some(d) = first_date(&joined[window_start..window_end]) {
                return Some(d);
            }
        }
    }
    None
}

pub fn meeting(closing: &[&str]) -> Option<u32> {
    closing.iter().find_map(|t| {
        MEETING.captures(t).and_then(|c| c.get(1).or(c.get(2))).and_then(|m| m.as_str().parse().ok())
    })
}

// `本报告系根据人权理事会第 45/9 号决议提交`, `人权理事会第 38/11 号决议请联合国人权事务高级专员编写`,
// `submitted pursuant to Human Rights Council resolution 45/9`, `In its resolution 38/11, the
// Human Rights Council requested`: the resolution a report answers.
static MANDATE_ZH: Pattern =
    Pattern::new(r"(?:根据|依照|按照|在)?(人权理事会|大会|理事会)?\s*第\s*([0-9０-９]{1,3}/[0-9０-９]{1,3})\s*号决议(?:中)?[，,]?\s*(?:提交|(?:人权理事会|大会|理事会)?请)");
static MANDATE_EN: Pattern =
    Pattern::new(r"(?i)(?:pursuant to|in accordance with|in its|submitted in response to)\s+(?:(Human Rights Council|General Assembly|Council|Assembly)\s+)?resolutions?\s+([0-9０-９]{1,3}/[0-9０-９]{1,3})");

/// The resolution that requested a report, as the report states it in its first
/// paragraphs; the citing body is the report's own unless the text names another.
pub fn mandated_by(texts: &[&str], own_body: Body) -> Option<String> {
    for t in texts {
        let found = MANDATE_ZH.captures(t).or_else(|| MANDATE_EN.captures(t));
        if let Some(c) = found {
            let body = c.get(1).map_or(own_body, |m| match m.as_str() {
                "人权理事会" | "Human Rights Council" => Body::HRC,
                "大会" | "General Assembly" | "Assembly" => Body::GA,
                _ => own_body,
            });
            return crate::symbol::resolution_symbol(body, &c[2]);
        }
    }
    None
}

/// Where the masthead ends and what it says about the document's shape.
pub(super) struct Masthead {
    pub(super) kind: DocKind,
    /// Index of the first line after the masthead, title and body line.
    pub(super) body_start: usize,
    /// Indices of the title line(s) and body line ("人权理事会，").
    pub(super) formula: Vec<usize>,
    pub(super) title: String,
    pub(super) number: Option<String>,
    pub(super) body_line: Option<Body>,
    pub(super) sc_symbol: Option<String>,
    /// A Security Council heading's date (`of 22 October 1973`, `Resolution of 23 August 1960`).
    pub(super) sc_date: Option<Date>,
    /// A body line that stands after preambular text and is skipped by the assembler.
    pub(super) skip: Option<usize>,
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(first_date("人权理事会 2021 年 7 月 13 日通过的决议").map(|d| d.to_string()).as_deref(), Some("2021-07-13"));
        assert_eq!(first_date("Resolution adopted by the General Assembly on 19 December 2023").map(|d| d.to_string()).as_deref(), Some("2023-12-19"));
        assert_eq!(first_date("no date here"), None);
    }

    #[test]
    fn adoption_date_from_masthead_when_closing_has_none() {
        let front = ["Resolution adopted by the General Assembly", "on 22 September 2024"];
        assert_eq!(adopted(&[], &front).map(|d| d.to_string()).as_deref(), Some("2024-09-22"));
        assert_eq!(adopted(&["2022年12月15日", "第54次全体会议"], &[]).map(|d| d.to_string()).as_deref(), Some("2022-12-15"));
    }

    #[test]
    fn sessions_and_meetings() {
        assert_eq!(session(&["第五十三届会议"]), Some(53));
        assert_eq!(session(&["Seventy-eighth session"]), Some(78));
        assert_eq!(meeting(&["2023 年 7 月 14 日 第 37 次会议"]), Some(37));
        assert_eq!(meeting(&["49th plenary meeting"]), Some(49));
        assert_eq!(agenda_item(&["议程项目 68(b)"]).as_deref(), Some("68(b)"));
    }

    #[test]
    fn the_resolution_a_report_answers() {
        let rows = [
            ("本报告系根据人权理事会第 45/9 号决议提交。在决议中，理事会请", Some("A/HRC/RES/45/9")),
            ("人权理事会第 38/11 号决议请联合国人权事务高级专员编写一份", Some("A/HRC/RES/38/11")),
            ("The present report is submitted pursuant to Human Rights Council resolution 45/9.", Some("A/HRC/RES/45/9")),
            ("In its resolution 38/11, the Human Rights Council requested", Some("A/HRC/RES/38/11")),
            ("人权理事会第 38/7 号决议。", None),
        ];
        for (t, want) in rows {
            assert_eq!(mandated_by(&[t], Body::HRC).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn symbols() {
        assert_eq!(normalise_symbol("S/RES/2467(2019)"), "S/RES/2467 (2019)");
        assert_eq!(Body::from_symbol("A/HRC/RES/47/23"), Body::HRC);
        assert_eq!(Body::from_symbol("A/RES/77/211"), Body::GA);
    }
}
