//! Every line-level pattern of the reader, in one place, each with a real example.

use crate::text::is_figure;
use crate::text::pattern::{Captures, Match, Pattern};

/// A pattern with a bounded repetition of a wide class (`[^，,。]{1,120}`, `.{0,80}`),
/// compiled as the same pattern with the repetition unbounded, the bound checked on the
/// match. The regex crate compiles `{1,120}` of a Unicode class as 120 copies of it,
/// which made such a pattern cost ten times its neighbours to build; written `+` it is
/// one copy. Every match of the bounded pattern is a match of the wide one, ranked the
/// same, so when the wide pattern's match keeps within the bound (`fits`) it is the
/// bounded pattern's match too, captures and all. Otherwise the bounded pattern, built
/// only then, answers; or, for a pattern whose run is fixed by the wide match (a lazy
/// run anchored at the start stops at its first chance, so a longer one means no
/// shorter one exists), there is no match.
pub struct Bounded {
    wide: Pattern,
    bounded: Pattern,
    fits: fn(&Captures) -> bool,
    /// Whether a wide match beyond the bound means no match at all.
    fixed_run: bool,
}

impl Bounded {
    /// The bounded pattern answers when the wide match does not fit.
    pub const fn new(wide: &'static str, bounded: &'static str, fits: fn(&Captures) -> bool) -> Bounded {
        Bounded { wide: Pattern::new(wide), bounded: Pattern::new(bounded), fits, fixed_run: false }
    }

    /// A wide match that does not fit means no match (the run could be no shorter).
    pub const fn fixed_run(wide: &'static str, bounded: &'static str, fits: fn(&Captures) -> bool) -> Bounded {
        Bounded { wide: Pattern::new(wide), bounded: Pattern::new(bounded), fits, fixed_run: true }
    }

    /// As [`Pattern::captures`] on the bounded pattern.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let c = self.wide.captures(text)?;
        if (self.fits)(&c) {
            Some(c)
        } else if self.fixed_run {
            None
        } else {
            self.bounded.captures(text)
        }
    }

    /// As [`Pattern::find`] on the bounded pattern.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.captures(text).and_then(|c| c.get(0))
    }

    /// As [`Pattern::is_match`] on the bounded pattern.
    pub fn is_match(&self, text: &str) -> bool {
        self.wide.is_match(text) && self.captures(text).is_some()
    }

    /// Compiles the form that answers first, ahead of need.
    pub fn prepare(&self) {
        self.wide.prepare();
    }

    /// Both patterns, for tests that hold them to the same answers.
    pub fn forms(&self) -> (&Pattern, &Pattern) {
        (&self.wide, &self.bounded)
    }

    /// Panics unless this pattern answers as its bounded form on `text`: the same
    /// match and the same groups.
    #[cfg(test)]
    pub fn assert_agrees(&self, text: &str) {
        let spans = |c: Option<Captures>| c.map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
        assert_eq!(spans(self.captures(text)), spans(self.bounded.captures(text)), "{} on {text:?}", self.bounded.as_str());
        assert_eq!(self.is_match(text), self.bounded.is_match(text), "{text:?}");
    }
}

/// For a pattern anchored at the start whose first group follows a bounded run: the
/// run (the match before the group) is at most `max` characters.
pub fn lead_at_most(c: &Captures, max: usize) -> bool {
    match (c.get(0), c.get(1)) {
        (Some(whole), Some(group)) => chars_at_most(&whole.as_str()[..group.start() - whole.start()], max),
        _ => false,
    }
}

/// At most `max` characters in `text`, counted only as far as needed.
pub fn chars_at_most(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().nth(max).is_none()
}

// --- page furniture -------------------------------------------------------------------

// `GE.23-13988`, `2 GE.23-13988`, `GE.23-13988 3`, `GE.21-10073(E)`, `GE.20-08316 13`.
/// `re.captures(text)` with a cheap test first. Most lines match none of the line
/// patterns, and a `captures` that fails still costs a capture buffer and a slower
/// engine than a plain match.
pub fn captures<'t>(re: &Pattern, text: &'t str) -> Option<Captures<'t>> {
    if re.is_match(text) { re.captures(text) } else { None }
}

pub static JOB_NUMBER_GE: Pattern =
    Pattern::new(r"^(?:[0-9０-９]{1,3}\s+)?GE\.[0-9０-９]{2}-[0-9０-９]{4,6}\s*(?:\([A-Z]\))?(?:\s+[0-9０-９]{1,3})?(?:\s+\*[0-9０-９]+\*)?$");
// `23-25910 (E)    020124`, `24-16433 (E)`, `23-20100`: New York job numbers.
pub static JOB_NUMBER_NY: Pattern =
    Pattern::new(r"^[0-9０-９]{2}-[0-9０-９]{5}\s*(?:\([A-Z]\))?(?:\s+[0-9０-９]{6})?(?:\s+\*[0-9０-９]+\*)?$");
// `*2325910*`: the barcode line under the job number.
pub static BARCODE: Pattern = Pattern::new(r"^\*[0-9０-９]{6,}\*$");
// `2/12`, `3/3`: "page of pages" footers.
pub static PAGE_OF: Pattern = Pattern::new(r"^([0-9０-９]{1,3})\s*/\s*([0-9０-９]{1,3})$");
// `2/18    25-17035`, `25-17035 (C)    3/4`: a page number and the job number on one line.
pub static PAGE_AND_JOB: Pattern =
    Pattern::new(r"^(?:[0-9０-９]{1,3}\s*/\s*[0-9０-９]{1,3}\s+[0-9０-９]{2}-[0-9０-９]{5}(?:\s*\([A-Z]\))?|[0-9０-９]{2}-[0-9０-９]{5}(?:\s*\([A-Z]\))?\s+[0-9０-９]{1,3}\s*/\s*[0-9０-９]{1,3})$");
// `12`: a bare page number.
pub static PAGE_NUMBER: Pattern = Pattern::new(r"^[0-9０-９]{1,3}$");
// `__________________`: the rule above a footnote block.
pub static FOOTNOTE_RULE: Pattern = Pattern::new(r"^[_\-–—=]{8,}$");
// `https://undocs.org/ch/A/HRC/RES/45/9`: a PDF's link layer written out as text.
pub static URL_LINE: Pattern = Pattern::new(r"^(?:https?://|www\.)\S+$");
// `A/HRC/44/24`, `A/RES/78/150`, `联合国 A/HRC/RES/53/29`, `United Nations A/RES/78/1`,
// `S/RES/2467 (2019)`, `E/RES/2024/4`: a line that is only a document symbol.
pub static SYMBOL_LINE: Pattern =
    Pattern::new(r"^(?:联合国|United Nations)?\s*((?:A|S|E|E/CN\.[0-9０-９]+|E/C\.[0-9０-９]+)/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]*[A-Z0-9](?:/Rev\.[0-9０-９]+)?(?:\s*\([0-9０-９]{4}\))?)(?:\s*\*)?$");
// `Distr.: General 18 July 2023 Chinese`, `Distr.: General`.
pub static DISTR: Pattern = Pattern::new(r"^Distr\.?\s*:");
// `Original: English`, `Chinese`, `English`: language lines of the masthead.
pub static LANGUAGE_LINE: Pattern =
    Pattern::new(r"^(?:Original\s*:\s*\w+|Chinese|English|French|Spanish|Russian|Arabic|中文|英文)$");
// `United Nations`, `联合国`, `General Assembly`: masthead words repeated on page one.
pub static MASTHEAD: Pattern =
    Pattern::new(r"^(?:United Nations|联合国|General Assembly|Security Council|Economic and Social Council)$");

// --- structure ------------------------------------------------------------------------

// `47/23. 新的和新兴的数字技术与人权`, `78/150. Achieving gender equality…`,
// `2024/4. Title` (ECOSOC): the resolution's number and title.
pub static TITLE_LINE: Pattern = Pattern::new(r"^([0-9０-９]{1,4}/[0-9０-９]{1,4})\s*[.．]\s*(\S.*)$");
// A Security Council resolution's heading, in every layout since 1946:
// `Resolution 2467 (2019)`, `RESOLUTION 895 (1994)`, `Resolution 338 (1973) of 22 October 1973`,
// `150 (1960). Resolution of 23 August 1960`, `1 (1946) Resolution of 25 January 1946`,
// `Resolution 361 (197-4)` (a scan's stray hyphen), `第 2467 (2019) 号决议`.
// Groups: n1/y1/d1 (Resolution N (YYYY) [of DATE]), n2/y2/d2 (N (YYYY). Resolution of DATE), n3/y3.
// The date runs to the end of the line, and the three forms open differently: a date
// longer than 40 characters has no other reading.
macro_rules! sc_title_line {
    ($date:literal) => {
        concat!(
            r"^(?:Resolution|RESOLUTION)\s+(?P<n1>[0-9０-９]{1,5})\s*\((?P<y1>[0-9０-９]{3}-?[0-9０-９])\)\s*(?:of\s+(?P<d1>.",
            $date,
            r"))?$|^(?P<n2>[0-9０-９]{1,4})\s*\((?P<y2>[0-9０-９]{4})\)\s*[.,]?\s*(?:Resolution|RESOLUTION)\s+of\s+(?P<d2>.",
            $date,
            r")$|^第\s*(?P<n3>[0-9０-９]{1,5})\s*\((?P<y3>[0-9０-９]{4})\)\s*号决议$"
        )
    };
}
/// Whether `line` holds what [`SC_TITLE_LINE`] cannot match without: the word
/// "Resolution" in either case, or the Chinese heading's opening and close. Most texts
/// have no such line, and the pattern is then never compiled.
pub fn may_be_sc_title(line: &str) -> bool {
    line.contains("Resolution") || line.contains("RESOLUTION") || (line.starts_with('第') && line.ends_with("号决议"))
}

pub static SC_TITLE_LINE: Bounded = Bounded::fixed_run(
    sc_title_line!("{6,}"),
    sc_title_line!("{6,40}"),
    |c| ["d1", "d2"].iter().all(|d| c.name(d).is_none_or(|m| chars_at_most(m.as_str(), 40))),
);
// `of 22 October 1973`, `of 15 August. 1991`, `on 28 January 1994`: the date line under a
// Security Council heading (`Adopted by the Security Council at its 3331st meeting,` may
// stand between them).
pub static SC_DATE_LINE: Pattern =
    Pattern::new(r"^(?:of|on)\s+[0-9０-９]{1,2}\s+[A-Z][a-z\]]+\.?\s+[0-9０-９]{4}\.?$|^[0-9０-９]{1,2}\s+[A-Z][a-z]+\s+[0-9０-９]{4}$");
// `[S/4462]`, `(S/1045}`, `[S/525, II]`, `[S/330/Corr. 1]`: the draft a resolution was
// adopted from, printed under the heading of the 1946-1964 volumes.
pub static SC_DRAFT_LINE: Pattern = Pattern::new(r"^[\[(]\s*[S$]/[^\])}]{1,40}[\])}]$");
// `Adopted by the Security Council at its 3331st meeting,`, `Adopted by the Security at its
// 3163rd meeting,`: the 1992-1994 masthead's adoption line.
pub static SC_ADOPTED_LINE: Pattern = Pattern::new(r"^Adopted by the Security(?: Council)? at its .{1,60}$");
// `人权理事会，`, `大会，`, `The General Assembly,`, `The Human Rights Council,`,
// `The Security Council,`: the line that opens the resolution's body.
pub static BODY_LINE: Pattern =
    Pattern::new(r"^(?:(人权理事会|大会|安全理事会|安理会|经济及社会理事会|经社理事会|人权委员会)\s*[，,]|The\s+(Human Rights Council|General Assembly|Security Council|Economic and Social Council|Commission on Human Rights)\s*,?)$");
// `又确认…`, `回顾…`, `深为关切地注意到…`: how a Chinese preambular paragraph opens.
pub static PP_OPENER_ZH: Pattern =
    Pattern::new(r"^(?:又|还|并|另)?(?:回顾|重申|确认|认识到|注意到|表示注意到|欢迎|强调|意识到|深为关切|关切地|表示关切|申明|铭记|考虑到|重点指出|承认|遵循|赞赏|深信|决心|忆及|注意|关注|震惊|痛惜|支持|祝贺|希望|感谢|赞扬|申明|指出|确信|深感)");
// The openings of a line the structure reader asks about on every line: each pattern
// matches the opening only, and the rest of the line is sliced off after it (capturing
// "the rest of the line" with a pattern is what made these the reader's costliest).

// `1. 重申…`, `- 1. 重申…`, `1.` alone (English PDFs put the text on the next line).
static NUMBERED_HEAD: Pattern = Pattern::new(r"^(?:[-•]\s+)?([0-9０-９]{1,3})\s*[.．]");
// `(a) 保护个人…`, `- (b) …`, `(a)` alone, `(一) 制定…`, `(ii) …`.
static ITEM_HEAD: Pattern = Pattern::new(r"^(?:[-•]\s+)?[(（]([a-z]{1,2}|[ivxlc]{1,6}|[一二三四五六七八九十]{1,3})[)）]\s*");
// `¹ A/HRC/47/52.`, `²² A/HRC/17/31，附件。`: a footnote typeset with superscripts.
static FOOTNOTE_SUPER_HEAD: Pattern = Pattern::new(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*");
// ` 1 提交的材料可查阅…`, `1  High-level political forum…`, `* Reissued…`: a footnote
// with a plain mark (only believed inside a footnote block or in sequence).
// Chinese opening punctuation closes up on the number: ` 99 《关于…》` reads `99《关于…》`.
static FOOTNOTE_PLAIN_HEAD: Pattern = Pattern::new(r"^([0-9０-９]{1,3}|\*{1,3})");

/// A line that opens a numbered paragraph: its number as printed and the text after it
/// ("" for `1.` alone). "1.5 per cent" is no paragraph.
pub fn numbered(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(|c: char| is_figure(c) || c == '-' || c == '•') {
        return None;
    }
    let c = NUMBERED_HEAD.captures(t)?;
    let after = &t[c.get(0)?.end()..];
    (after.is_empty() || after.starts_with(char::is_whitespace)).then(|| (c.get(1).map_or("", |m| m.as_str()), after.trim_start()))
}

/// A line that opens an item: its label (`a`, `ii`, `一`) and the text after it.
pub fn item(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(['(', '（', '-', '•']) {
        return None;
    }
    let c = ITEM_HEAD.captures(t)?;
    Some((c.get(1)?.as_str(), &t[c.get(0)?.end()..]))
}

/// A footnote typeset with superscripts: its mark as printed and its text.
pub fn footnote_super(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']) {
        return None;
    }
    let c = FOOTNOTE_SUPER_HEAD.captures(t)?;
    let rest = &t[c.get(0)?.end()..];
    (!rest.is_empty()).then(|| (c.get(1).map_or("", |m| m.as_str()), rest))
}

/// A footnote with a plain mark (`1`, `*`): its mark and its text.
pub fn footnote_plain(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(|c: char| is_figure(c) || c == '*') {
        return None;
    }
    let m = FOOTNOTE_PLAIN_HEAD.find(t)?;
    let after = &t[m.end()..];
    if after.starts_with(char::is_whitespace) {
        let rest = after.trim_start();
        return (!rest.is_empty()).then(|| (m.as_str(), rest));
    }
    after.starts_with(['《', '「', '『', '（', '“']).then(|| (m.as_str(), after))
}

// `一. 导言`, `A. 专题小组讨论成员的发言`, `I. Introduction`, `IV. Conclusions`.
// The title after its first character is at most 80 characters (see [`Bounded`]: the
// number, its stop and the spaces after it can be read one way only, so the run is fixed).
pub static HEADING_NUMBERED: Bounded = Bounded::fixed_run(
    r"^(?:[一二三四五六七八九十]{1,3}|[IVXL]{1,6}|[A-H])\s*[.．、]\s*\S(.*)$",
    r"^(?:[一二三四五六七八九十]{1,3}|[IVXL]{1,6}|[A-H])\s*[.．、]\s*\S(.{0,80})$",
    |c| c.get(1).is_some_and(|m| chars_at_most(m.as_str(), 80)),
);
// `I`, `II`, `B`: a section number alone on its line, its title on the next.
pub static SECTION_NUMBER_ALONE: Pattern = Pattern::new(r"^(?:[IVXL]{1,6}|[A-H])\.?$");
// `附件`, `Annex`, `Annex I`, `附件一`: the start of an annex.
pub static ANNEX: Pattern = Pattern::new(r"^(?:附件[一二三四五六七八九十]*|Annex(?:es)?(?:\s+[IVX]+)?)$");
// `第 38 次会议`, `第54次全体会议`, `38th meeting`, `49th plenary meeting`.
pub static MEETING: Pattern =
    Pattern::new(r"第\s*([0-9０-９]{1,4})\s*次(?:全体)?会议|([0-9０-９]{1,4})\s*(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting");
// `2021 年 7 月 13 日`, `13 July 2021`: a date standing alone on the closing lines.
pub static DATE_ONLY: Pattern =
    Pattern::new(r"^(?:[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[0-9０-９]{1,2}\s+[A-Z][a-z]+\s+[0-9０-９]{4})$");
// `2021 年 7 月 13 日`: a Chinese date anywhere in a line.
pub static DATE_ZH: Pattern = Pattern::new(r"([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日");
// `13 July 2021`: an English date anywhere in a line.
pub static DATE_EN: Pattern =
    Pattern::new(r"\b([0-9０-９]{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+([0-9０-９]{4})\b");
// `[经记录表决…`, `[未经表决获得通过。]`, `[Adopted by a recorded vote…`, `Adopted without a vote.`
pub static VOTE_START: Pattern =
    Pattern::new(r"^\[?\s*(?:经记录表决|经表决|未经表决|经协商一致|以\s*[0-9０-９]+\s*票|Adopted\s+(?:by|without|at|unanimously)|Adopted\s*\.?\s*$)");
// `Adopted at the 1551st meeting`, `Adopted unanimously at the`, `Adopted without a vote at
// the 1776th meeting.`: the Security Council's statement, which no other text opens a line with.
pub static SC_VOTE_START: Pattern =
    Pattern::new(r"^Adopted\s+(?:unanimously,?\s+|without\s+(?:a\s+)?vote,?\s+|by\s+consensus\s+)?at(?:\s+(?:the|its)\b|\s*$)");
// `第五十三届会议`, `Fifty-third session`, `Seventy-eighth session`.
pub static SESSION_ZH: Pattern = Pattern::new(r"^第([一二三四五六七八九十百零〇]+)届(?:特别)?会议$");
pub static SESSION_EN: Pattern =
    Pattern::new(r"^([A-Z][a-z]+(?:[-–][a-z]+)?(?:\s+hundred(?:\s+and)?\s+[a-z\-]+)?)\s+(?:special\s+)?session$");
// `议程项目 3`, `议程项目 2 和 3`, `议程项目 68(b)`, `Agenda item 18`, `Agenda items 13 and 117`.
pub static AGENDA: Pattern = Pattern::new(r"^(?:议程项目|Agenda items?)\s*(.+)$");
// `联合国人权事务高级专员的报告*`, `Report of the United Nations High Commissioner…`: an
// author of at most 40 characters before `的报告`, or 120 after `Report of the`.
macro_rules! report_author {
    ($zh:literal, $en:literal) => {
        concat!(r"^(?:(?P<zh>.", $zh, r")的报告|Report of the (?P<en>.", $en, r"))\s*\*?$")
    };
}
pub static REPORT_AUTHOR: Bounded = Bounded::new(
    report_author!("{2,}", "{3,}"),
    report_author!("{2,40}", "{3,120}"),
    |c| c.name("zh").is_none_or(|a| chars_at_most(a.as_str(), 40)) && c.name("en").is_none_or(|a| chars_at_most(a.as_str(), 120)),
);
// `概要`, `Summary`: the summary heading of a report.
pub static SUMMARY: Pattern = Pattern::new(r"^(?:概要|Summary)$");

/// Superscript digits to ASCII (footnote marks).
pub fn superscript_to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            other => other,
        })
        .collect()
}

pub fn is_superscript_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}

/// Compiles, ahead of need, the line patterns that laying out and assembling nearly any
/// text asks, in either language: page furniture, the title, the numbered paragraphs and
/// items, footnote marks, the meeting, date and vote lines, the session and the date of
/// the masthead (see [`crate::reader::Preparation`]).
pub fn prepare() {
    for pattern in [
        &JOB_NUMBER_GE, &JOB_NUMBER_NY, &BARCODE, &PAGE_AND_JOB, &PAGE_OF, &PAGE_NUMBER, &FOOTNOTE_RULE, &URL_LINE,
        &MASTHEAD, &SYMBOL_LINE, &TITLE_LINE, &BODY_LINE, &NUMBERED_HEAD, &ITEM_HEAD, &FOOTNOTE_SUPER_HEAD,
        &FOOTNOTE_PLAIN_HEAD, &SECTION_NUMBER_ALONE, &MEETING, &DATE_ONLY, &VOTE_START, &SESSION_ZH, &SESSION_EN,
        &DATE_ZH, &DATE_EN, &AGENDA,
    ] {
        pattern.prepare();
    }
    HEADING_NUMBERED.prepare();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_patterns_match_real_lines() {
        for l in ["GE.23-13988", "2 GE.23-13988", "GE.23-13988 3", "GE.20-08316 13", "GE.21-10073(E)"] {
            assert!(JOB_NUMBER_GE.is_match(l), "{l}");
        }
        for l in ["23-25910 (E)    020124", "24-16433 (E)", "23-20100"] {
            assert!(JOB_NUMBER_NY.is_match(l), "{l}");
        }
        assert!(BARCODE.is_match("*2325910*"));
        assert!(PAGE_OF.is_match("2/12"));
        for l in ["A/HRC/44/24", "A/RES/78/150", "联合国 A/HRC/RES/53/29", "S/RES/2467 (2019)", "A/78/L.104/Rev.1", "A/C.3/80/L.20/Rev.2 *"] {
            assert!(SYMBOL_LINE.captures(l).is_some(), "{l}");
        }
        assert!(!SYMBOL_LINE.is_match("A/HRC/47/52."));
    }

    #[test]
    fn numbered_heading_keeps_its_bound_of_80() {
        let title = |n: usize| format!("I. {}", "x".repeat(n));
        for text in ["一. 导言", "IV. Conclusions", "A. 专题小组讨论成员的发言", "B .  x", "I.", &title(80), &title(81), &title(200)] {
            HEADING_NUMBERED.assert_agrees(text);
        }
        assert!(HEADING_NUMBERED.is_match(&title(81)));
        assert!(!HEADING_NUMBERED.is_match(&title(82)));
    }

    #[test]
    fn report_author_keeps_its_bounds() {
        let zh = |n: usize| format!("{}的报告 *", "字".repeat(n));
        let en = |n: usize| format!("Report of the {}", "x".repeat(n));
        for line in [zh(1), zh(2), zh(40), zh(41), en(2), en(3), en(120), en(121), format!("Report of the {}的报告", "x".repeat(30))] {
            REPORT_AUTHOR.assert_agrees(&line);
        }
        assert!(REPORT_AUTHOR.is_match(&zh(40)) && !REPORT_AUTHOR.is_match(&zh(41)));
        assert!(REPORT_AUTHOR.is_match(&en(120)) && !REPORT_AUTHOR.is_match(&en(121)));
        assert!(REPORT_AUTHOR.is_match("联合国人权事务高级专员的报告*"));
    }

    #[test]
    fn security_council_heading_keeps_its_date_of_40() {
        let date = |n: usize| format!("{}1973", "x".repeat(n - 4));
        let lines = [
            "Resolution 338 (1973)".to_string(),
            "RESOLUTION 361 (197-4) of 30 August 1974".to_string(),
            "Resolution 338 (1973) of 22 October".to_string(),
            "Resolution 338 (1973) of 22 Oct".to_string(),
            format!("Resolution 338 (1973) of {}", date(40)),
            format!("Resolution 338 (1973) of   {}", date(40)),
            format!("Resolution 338 (1973) of {}", date(41)),
            format!("338 (1973). Resolution of {}", date(40)),
            format!("338 (1973). Resolution of {}", date(41)),
            "第 2467 (2019) 号决议".to_string(),
        ];
        for line in &lines {
            SC_TITLE_LINE.assert_agrees(line);
        }
        assert!(SC_TITLE_LINE.is_match(&lines[4]) && SC_TITLE_LINE.is_match(&lines[7]));
        // Every line it matches holds what it cannot match without.
        for line in &lines {
            assert!(!SC_TITLE_LINE.is_match(line) || may_be_sc_title(line), "{line}");
        }
        assert!(!SC_TITLE_LINE.is_match(&lines[6]) && !SC_TITLE_LINE.is_match(&lines[8]));
    }

    #[test]
    fn structure_patterns_match_real_lines() {
        assert_eq!(&TITLE_LINE.captures("47/23. 新的和新兴的数字技术与人权").unwrap()[1], "47/23");
        assert!(BODY_LINE.is_match("人权理事会，"));
        assert!(BODY_LINE.is_match("The General Assembly,"));
        assert!(BODY_LINE.is_match("The General Assembly"));
        assert_eq!(numbered("- 1. 重申必须"), Some(("1", "重申必须")));
        assert_eq!(numbered("12."), Some(("12", "")));
        assert_eq!(numbered("3.   Requests  the Office"), Some(("3", "Requests  the Office")));
        assert_eq!(numbered("1.5 per cent"), None);
        assert_eq!(numbered("1234. x"), None);
        assert_eq!(item("- (a) 保护个人"), Some(("a", "保护个人")));
        assert_eq!(item("(一) 制定严格的"), Some(("一", "制定严格的")));
        assert_eq!(item("(b)"), Some(("b", "")));
        assert_eq!(footnote_super("²² A/HRC/17/31，附件。"), Some(("²²", "A/HRC/17/31，附件。")));
        assert_eq!(footnote_super("¹ "), None);
        assert_eq!(footnote_plain("1  High-level political forum"), Some(("1", "High-level political forum")));
        assert_eq!(footnote_plain("99《关于》"), Some(("99", "《关于》")));
        assert_eq!(footnote_plain("** Reissued"), Some(("**", "Reissued")));
        assert_eq!(footnote_plain("1234 x"), None);
        assert_eq!(footnote_plain("12"), None);
        assert_eq!(footnote_plain("3x"), None);
        assert!(MEETING.is_match("2023 年 7 月 14 日 第 37 次会议"));
        assert!(MEETING.is_match("49th plenary meeting"));
        assert!(VOTE_START.is_match("[经记录表决，以 44 票赞成"));
        assert!(VOTE_START.is_match("[未经表决获得通过。]"));
        assert!(VOTE_START.is_match("Adopted without a vote."));
        assert!(SESSION_EN.is_match("Seventy-eighth session"));
        assert!(SESSION_ZH.is_match("第五十三届会议"));
    }
}
