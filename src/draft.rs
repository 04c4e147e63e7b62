//! The next draft of a series: the latest text, rolled over.
//!
//! The paragraph that recalls the series' previous text is made to recall this one
//! instead, with its number, date and title written the way the language writes them
//! ("2023 年 7 月 14 日关于…的第 53/29 号决议", "resolution 53/29 of 14 July 2023"); the
//! requests whose deadlines fall due are listed for the drafters' attention and marked at
//! their paragraphs. Everything else is the adopted text, numbered PP/OP.

use crate::symbol::resolution_number;
use crate::graph::LineageGraph;
use crate::mandates::{Mandate, Status};
use crate::model::{Date, Document, Language, ParagraphKind};
use crate::reader::refs::{Body, Lang, find_references};
use crate::text::pattern::Pattern;
use serde::Serialize;

/// "2021 年 7 月 13 日" with or without spaces.
static ZH_DATE: Pattern = Pattern::new(r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日");
/// " of 13 July 2021" right after a resolution number.
static EN_DATE: Pattern =
    Pattern::new(r"^\s+of\s+[0-9０-９]{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9０-９]{4}");

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// How far before a Chinese number its date may stand (bytes): `2019 年 7 月 11 日关于<a
/// title of 40 characters>的第`.
const ZH_DATE_REACH: usize = 240;

#[derive(Debug, Clone, Serialize)]
pub struct DraftParagraph {
    pub id: String,
    pub kind: ParagraphKind,
    pub text: String,
    pub items: Vec<(String, String)>,
    /// Notes for the drafters at this paragraph (rolled over, a deadline to update).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    /// The text the draft continues.
    pub after: String,
    pub title: String,
    pub language: Language,
    pub series: Vec<String>,
    /// What changed from the adopted text, and what needs the drafters' attention.
    pub attention: Vec<String>,
    pub paragraphs: Vec<DraftParagraph>,
}

/// A date as the text writes it: "2023 年 7 月 14 日", "14 July 2023".
fn written_date(date: Date, lang: Language) -> String {
    let (year, month, day) = (date.year(), date.month(), date.day());
    match lang {
        Language::Zh => format!("{year} 年 {month} 月 {day} 日"),
        Language::En => format!("{day} {} {year}", MONTHS[month as usize - 1]),
    }
}

/// `text` with the citation of `old` (at byte span `start..end`) made a citation of
/// `new`: number, date and, where the paragraph gives it, title.
fn roll_over(text: &str, start: usize, end: usize, old_title: Option<&str>, new: &Document) -> String {
    let number = resolution_number(&new.symbol);
    let date = new.adopted.map(|d| written_date(d, new.language));
    let (mut before, after) = (text[..start].to_string(), &text[end..]);
    let mut after = after.to_string();
    match new.language {
        Language::Zh => {
            let from = before.len().saturating_sub(ZH_DATE_REACH);
            let from = (from..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(0);
            if let (Some(m), Some(date)) = (ZH_DATE.find_iter(&before[from..]).last(), &date) {
                let (a, b) = (from + m.start(), from + m.end());
                before.replace_range(a..b, date);
            }
        }
        Language::En => {
            if let (Some(m), Some(date)) = (EN_DATE.find(&after), &date) {
                after.replace_range(m.start()..m.end(), &format!(" of {date}"));
            }
        }
    }
    if let Some(old) = old_title.filter(|t| !t.is_empty() && *t != new.title) {
        let from = before.len().saturating_sub(ZH_DATE_REACH);
        let from = (from..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(0);
        if let Some(at) = before[from..].rfind(old) {
            before.replace_range(from + at..from + at + old.len(), &new.title);
        } else if let Some(at) = after.find(old) {
            after.replace_range(at..at + old.len(), &new.title);
        }
    }
    format!("{before}{number}{after}")
}

/// `text` with `new` added after the citation of the previous text (at `start..end`)
/// where that citation closes a list ("…, 77/38 of 7 December 2022 and 78/17 of 4
/// December 2023 on …" → "…, 78/17 of 4 December 2023 and 79/16 of 2 December 2024
/// on …"): a series recalls all its texts, and the Assembly's drafts extend the list
/// rather than replace its last member. English only; `None` where the citation
/// closes no list.
fn extend_run(text: &str, start: usize, end: usize, new: &Document) -> Option<String> {
    if new.language != Language::En {
        return None;
    }
    let before = text[..start].strip_suffix(" and ")?;
    // A list of resolutions: the piece before "and" ends with a date (" of 7 December 2022").
    let last_year = before.get(before.len().checked_sub(4)?..)?;
    if !last_year.chars().all(|c| c.is_ascii_digit()) || !before[..before.len() - 4].ends_with(char::is_alphabetic) && !before.ends_with(char::is_numeric) {
        return None;
    }
    let after = &text[end..];
    let date_len = EN_DATE.find(after).map_or(0, |m| m.end());
    let date = new.adopted.map(|d| written_date(d, Language::En))?;
    let number = resolution_number(&new.symbol);
    Some(format!("{before}, {}{} and {number} of {date}{}", &text[start..end], &after[..date_len], &after[date_len..]))
}

/// A draft continuing `doc`, the series it belongs to in `graph`, and its mandates.
pub fn next_draft(doc: &Document, graph: &LineageGraph, mandates: &[Mandate]) -> Draft {
    let series: Vec<String> = graph.series_of(&doc.symbol).map(|s| s.members.clone()).unwrap_or_default();
    let predecessor = series.iter().position(|m| *m == doc.symbol).filter(|&i| i > 0).map(|i| series[i - 1].clone());
    let mut attention = Vec::new();
    if let Some(later) = series.iter().skip_while(|m| **m != doc.symbol).nth(1) {
        attention.push(format!("{later} is a later text of this series: a draft usually continues the latest"));
    }
    let lang = match doc.language {
        Language::Zh => Lang::Zh,
        Language::En => Lang::En,
    };
    let year = doc.adopted.map(|d| d.year());

    let mut rolled = false;
    let mut paragraphs: Vec<DraftParagraph> = doc
        .paragraphs
        .iter()
        .filter(|p| matches!(p.kind, ParagraphKind::Preambular | ParagraphKind::Operative))
        .map(|p| {
            let mut text = p.text.clone();
            let mut notes = Vec::new();
            // Every citation of the previous text moves on to this one ("the report on
            // the implementation of resolution 78/17" becomes "… of resolution 79/16").
            if let Some(pred) = predecessor.as_deref() {
                let found = find_references(&p.text, lang, doc.body, year);
                if let Some(f) = found.iter().find(|f| f.target == pred) {
                    text = extend_run(&p.text, f.start, f.end, doc)
                        .unwrap_or_else(|| roll_over(&p.text, f.start, f.end, f.title.as_deref(), doc));
                    notes.push(format!("rolled over: recalls {} instead of {pred}", doc.symbol));
                    rolled = true;
                }
            }
            DraftParagraph {
                id: p.id.clone(),
                kind: p.kind,
                text,
                items: p.items.iter().map(|i| (i.label.clone(), i.text.clone())).collect(),
                notes,
            }
        })
        .collect();
    if !rolled {
        // No paragraph recalls the previous text: add the recall the next text needs.
        let date = doc.adopted.map(|d| written_date(d, doc.language)).unwrap_or_default();
        let number = resolution_number(&doc.symbol);
        let recall = match doc.language {
            Language::Zh => format!("回顾{}{date}关于{}的第 {number} 号决议，", body_name_zh(doc.body), doc.title),
            Language::En => format!("Recalling its resolution {number} of {date} on {},", doc.title),
        };
        let at = paragraphs.iter().position(|p| p.kind == ParagraphKind::Operative).unwrap_or(paragraphs.len()).min(2);
        paragraphs.insert(
            at,
            DraftParagraph {
                id: String::new(),
                kind: ParagraphKind::Preambular,
                text: recall,
                items: Vec::new(),
                notes: vec![format!("new: no paragraph of {} recalls the previous text of the series", doc.symbol)],
            },
        );
        attention.push("a paragraph recalling this text was added after the opening paragraphs".to_string());
    }
    for m in mandates.iter().filter(|m| m.resolution == doc.symbol) {
        for d in &m.deadlines {
            let note = match (d.status, d.session) {
                (Status::Fulfilled, Some(s)) => {
                    format!("{}: the report due at session {s} is out ({}): take note of it", m.paragraph, d.fulfilled_by.join(", "))
                }
                (Status::Overdue, Some(s)) => {
                    format!("{}: asked for a report at session {s}, now past, and none is known: update the request", m.paragraph)
                }
                (Status::Due, Some(s)) => format!("{}: a report is due at session {s}: keep or move the deadline", m.paragraph),
                _ => continue,
            };
            if let Some(p) = paragraphs.iter_mut().find(|p| p.id == m.paragraph) {
                p.notes.push(note.clone());
            }
            attention.push(note);
        }
    }
    // Numbers follow the new order.
    let (mut pp, mut op) = (0, 0);
    for p in &mut paragraphs {
        p.id = match p.kind {
            ParagraphKind::Operative => {
                op += 1;
                format!("OP{op}")
            }
            _ => {
                pp += 1;
                format!("PP{pp}")
            }
        };
    }
    Draft {
        after: doc.symbol.clone(),
        title: doc.title.clone(),
        language: doc.language,
        series,
        attention,
        paragraphs,
    }
}


fn body_name_zh(body: Body) -> &'static str {
    match body {
        Body::HRC => "人权理事会",
        Body::GA => "大会",
        Body::SC => "安全理事会",
        Body::ECOSOC => "经济及社会理事会",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_recalled_resolutions_is_extended() {
        let text = "Recalling its resolutions 76/20 of 6 December 2021, 77/38 of 7 December 2022 and 78/17 of 4 December 2023 on the zone,";
        let at = text.find("78/17").unwrap();
        let mut new = crate::reader::read_bytes(
            "United Nations\nA/RES/79/16\n\nGeneral Assembly\n\n79/16. The zone\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides y.\n".as_bytes(),
            std::path::Path::new("x.txt"),
        )
        .unwrap();
        new.adopted = "2024-12-02".parse().ok();
        assert_eq!(
            extend_run(text, at, at + "78/17".len(), &new).as_deref(),
            Some("Recalling its resolutions 76/20 of 6 December 2021, 77/38 of 7 December 2022, 78/17 of 4 December 2023 and 79/16 of 2 December 2024 on the zone,")
        );
        let single = "Recalling its resolution 78/17 of 4 December 2023,";
        let at = single.find("78/17").unwrap();
        assert_eq!(extend_run(single, at, at + 5, &new), None);
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let date = Date::new(2023, 7, 14).unwrap();
        assert_eq!(written_date(date, Language::Zh), "2023 年 7 月 14 日");
        assert_eq!(written_date(date, Language::En), "14 July 2023");
    }
}
