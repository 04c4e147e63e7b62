//! The Security Council's own layouts: the heading of a resolution in each period since
//! 1946, and the meeting its vote statement names.
//!
//! - 1946-1964 volumes: `150 (1960). Resolution of 23 August 1960`, then the draft's
//!   symbol `[S/4462]`; the earliest open with a subject heading (`MILITARY STAFF
//!   COMMITTEE`) above `1 (1946) Resolution of 25 January 1946`.
//! - 1965-1993 volumes: `Resolution 338 (1973)` / `of 22 October 1973`.
//! - 1992-1994 documents: `RESOLUTION 895 (1994)` / `Adopted by the Security Council at
//!   its 3331st meeting,` / `on 28 January 1994`.

use super::layout::Line;
use super::meta::first_date;
use super::patterns::*;
use crate::text::pattern::Pattern;

/// What the heading lines say.
#[derive(Debug)]
pub struct Heading {
    pub symbol: String,
    pub date: Option<crate::model::Date>,
    /// A subject heading in capitals above the resolution's heading, else empty.
    pub title: String,
    /// The first line after the heading's own lines (date, draft symbol, adoption line,
    /// and the body line where it follows them directly).
    pub body_start: usize,
    /// The body line stands after text that belongs to the resolution (old `Whereas …`
    /// preambles), not directly under the heading.
    pub body_line_after_text: bool,
}

/// Reads the heading at `at` (a line `SC_TITLE_LINE` matches) and the masthead lines under
/// it, up to `limit` (the first numbered paragraph); `body_idx` is the body line found.
pub fn heading(lines: &[Line], at: usize, limit: usize, body_idx: Option<usize>) -> Heading {
    let c = SC_TITLE_LINE.captures(&lines[at].text).expect("an SC heading");
    let group = |names: [&str; 3]| names.iter().find_map(|n| c.name(n)).map_or("", |m| m.as_str());
    let number = group(["n1", "n2", "n3"]).trim_start_matches('0');
    let year: String = group(["y1", "y2", "y3"]).chars().filter(char::is_ascii_digit).collect();
    let mut date = ["d1", "d2"].iter().find_map(|n| c.name(n)).and_then(|m| first_date(&clean_date(m.as_str())));
    let mut j = at + 1;
    let limit = limit.min(lines.len());
    while j < limit {
        let t = &*lines[j].text;
        if lines[j].is_blank() {
            j += 1;
            continue;
        }
        if SC_DATE_LINE.is_match(t) || SC_DRAFT_LINE.is_match(t) || SC_ADOPTED_LINE.is_match(t) {
            if date.is_none() && !SC_ADOPTED_LINE.is_match(t) {
                date = first_date(&clean_date(t));
            }
            j += 1;
            continue;
        }
        break;
    }
    // The body line directly under the heading's lines is part of the masthead.
    let (body_start, after_text) = match body_idx {
        Some(b) if b >= j && lines[j..b].iter().all(|l| l.is_blank() || l.drop.is_some()) => (b + 1, false),
        Some(b) if b >= j => (j, true),
        _ => (j, false),
    };
    let title = lines[..at]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .filter(|l| l.text.chars().count() <= 100 && !l.text.chars().any(char::is_lowercase))
        .map(|l| l.text.trim().to_string())
        .unwrap_or_default();
    Heading {
        symbol: format!("S/RES/{} ({year})", if number.is_empty() { "0" } else { number }),
        date,
        title,
        body_start,
        body_line_after_text: after_text,
    }
}

/// `of 15 August. 1991` → `15 August 1991`: a scan's stray full stop after the month.
fn clean_date(t: &str) -> String {
    t.replace(". ", " ")
}

/// `Adopted at the 1747th meeting`, `at its 3331st meeting`, `at the 1612th meet-\ning`,
/// `at the resumed 2nd meeting`, `at the 1234th (closed) meeting`: the meeting a vote
/// statement names.
/// The word in brackets is kept out of case folding: the Unicode word class is its own case
/// variants, so it matches the same, and folding it was most of this pattern's compilation.
static VOTE_MEETING: Pattern =
    Pattern::new(r"(?i)\bat\s+(?:its|the)\s+(?:resumed\s+)?([0-9０-９]{1,4})\s*(?:st|nd|rd|th|d)\s*(?:\((?-i:\w+)\)\s*)?meet");

pub fn meeting(vote_text: &str) -> Option<u32> {
    let joined = vote_text.replace("-\n", "").replace('\n', " ");
    VOTE_MEETING.captures(&joined).and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The meeting pattern with its bracketed word out of case folding parses to the same
    /// syntax tree as the spelling that folded it: it matches the same texts.
    #[test]
    fn meeting_means_what_the_folded_spelling_meant() {
        let folded = r"(?i)\bat\s+(?:its|the)\s+(?:resumed\s+)?([0-9０-９]{1,4})\s*(?:st|nd|rd|th|d)\s*(?:\(\w+\)\s*)?meet";
        let tree = |p: &str| regex_syntax::Parser::new().parse(p).expect("parses");
        assert_eq!(tree(VOTE_MEETING.as_str()), tree(folded));
        assert_eq!(meeting("Adopted at the 1234th (closed) meeting"), Some(1234));
    }

    #[test]
    fn headings_of_every_period() {
        let rows = [
            ("Resolution 338 (1973)", "338", "1973", None),
            ("RESOLUTION 895 (1994)", "895", "1994", None),
            ("150 (1960). Resolution of 23 August 1960", "150", "1960", Some("23 August 1960")),
            ("1 (1946) Resolution of 25 January 1946", "1", "1946", Some("25 January 1946")),
            ("Resolution 361 (197-4)", "361", "197-4", None),
            ("Resolution 464 (1980) of 19 February 1980", "464", "1980", Some("19 February 1980")),
        ];
        for (line, n, y, d) in rows {
            let c = SC_TITLE_LINE.captures(line).unwrap_or_else(|| panic!("{line}"));
            assert!(crate::reader::patterns::may_be_sc_title(line), "{line}");
            assert_eq!(c.name("n1").or(c.name("n2")).unwrap().as_str(), n);
            assert_eq!(c.name("y1").or(c.name("y2")).unwrap().as_str(), y);
            assert_eq!(c.name("d1").or(c.name("d2")).map(|m| m.as_str()), d);
        }
        for line in ["Recalling its resolution 338 (1973) of 22 October 1973,", "Resolution 338 (1973) and the"] {
            assert!(!SC_TITLE_LINE.is_match(line), "{line}");
        }
        for line in ["of 22 October 1973", "of 15 August. 1991", "on 28 January 1994"] {
            assert!(SC_DATE_LINE.is_match(line), "{line}");
        }
        for line in ["[S/4462]", "(S/1045}", "[S/525, II]", "[S/330/Corr. 1]"] {
            assert!(SC_DRAFT_LINE.is_match(line), "{line}");
        }
    }

    #[test]
    fn meetings_named_in_votes() {
        assert_eq!(meeting("Adopted at the 1747th meeting by 14 votes to none"), Some(1747));
        assert_eq!(meeting("Adopted at the 1612th meet-\ning by 14 votes to none. 8"), Some(1612));
        assert_eq!(meeting("Adopted unanimously at the\n2368th meeting."), Some(2368));
        assert_eq!(meeting("Adopted unanimously at its 3004th meeting."), Some(3004));
        assert_eq!(meeting("Adopted at the 2nd meeting. 22"), Some(2));
        assert_eq!(meeting("Adopted unanimously at the 1234th (closed) meeting"), Some(1234));
        assert_eq!(meeting("Adopted without a vote."), None);
    }
}
