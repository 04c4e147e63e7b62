//! Paragraph assembly: lines in, paragraphs, items, footnotes, headings and the closing
//! formula out.
//!
//! A paragraph ends only where the text says so: a new number, item or heading starts,
//! or a blank line follows a line that ends a sentence or clause. A paragraph whose text
//! stops mid-clause ("…限制", "…隐私权的第") runs on across blank lines, page furniture
//! and footnote blocks, because that is what a page break does to it.

use super::layout::{ends_terminal, Line, PageShape};
use super::patterns::*;
use crate::reader::normalize::join_lines;
use crate::model::{
    Diagnostic, DocKind, DropReason, Footnote, Heading, Item, LineSpan, MetaLine, Paragraph,
    ParagraphKind,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Body,
    Closing,
    Annex,
}

// The builders hold each line's text as a slice of the line it was read from: the text
// is copied once, when the lines of a paragraph are joined.
#[derive(Debug, Default)]
struct ItemBuild<'a> {
    label: String,
    lines: Vec<(usize, &'a str)>,
}

#[derive(Debug)]
struct Unit<'a> {
    kind: ParagraphKind,
    number: Option<u32>,
    lines: Vec<(usize, &'a str)>,
    items: Vec<ItemBuild<'a>>,
    section: Option<String>,
}

impl<'a> Unit<'a> {
    fn last_text(&self) -> &'a str {
        self.items
            .last()
            .and_then(|it| it.lines.last())
            .or(self.lines.last())
            .map_or("", |(_, t)| t)
    }

    fn push_text(&mut self, n: usize, t: &'a str) {
        match self.items.last_mut() {
            Some(item) => item.lines.push((n, t)),
            None => self.lines.push((n, t)),
        }
    }

    fn first_line(&self) -> usize {
        self.lines
            .first()
            .map(|l| l.0)
            .or_else(|| self.items.first().and_then(|i| i.lines.first().map(|l| l.0)))
            .unwrap_or(0)
    }

    fn last_line(&self) -> usize {
        let mut last = self.lines.last().map_or(0, |l| l.0);
        for item in &self.items {
            if let Some(l) = item.lines.last() {
                last = last.max(l.0);
            }
        }
        last
    }
}

#[derive(Debug)]
struct FootnoteBuild<'a> {
    mark: String,
    lines: Vec<(usize, &'a str)>,
}

/// What assembly produces, before footnote marks are anchored.
#[derive(Debug, Default)]
pub struct Assembled {
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub headings: Vec<Heading>,
    pub closing: Vec<MetaLine>,
    pub vote_lines: Vec<MetaLine>,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct Assembler<'a> {
    lines: &'a [Line<'a>],
    shape: PageShape,
    kind: DocKind,
    english: bool,
    units: Vec<Unit<'a>>,
    footnotes: Vec<FootnoteBuild<'a>>,
    out: Assembled,
    part: Part,
    next_number: u32,
    seen_operative: bool,
    section: Option<String>,
    in_footnotes: bool,
    /// Page furniture or link residue seen since the last text line.
    page_break: bool,
    /// A blank line seen since the last text line.
    blank: bool,
    /// Page furniture seen since the last footnote line.
    break_since_footnote: bool,
    in_vote: bool,
    /// A heading stood between the last paragraph and this line.
    after_heading: bool,
    /// The last heading was a bare section number whose title may follow.
    heading_open: bool,
    /// A line (by number) that the masthead already holds and assembly passes over.
    skip: Option<usize>,
    /// The voting statement has no brackets and ends at the next blank line.
    vote_until_blank: bool,
}

impl<'a> Assembler<'a> {
    pub fn new(lines: &'a [Line<'a>], shape: PageShape, kind: DocKind, english: bool) -> Self {
        Assembler {
            lines,
            shape,
            kind,
            english,
            units: Vec::new(),
            footnotes: Vec::new(),
            out: Assembled::default(),
            part: Part::Body,
            next_number: 1,
            seen_operative: false,
            section: None,
            in_footnotes: false,
            page_break: false,
            blank: false,
            break_since_footnote: false,
            in_vote: false,
            after_heading: false,
            heading_open: false,
            skip: None,
            vote_until_blank: false,
        }
    }

    /// Pass over the line numbered `line` (a body line the masthead holds).
    pub fn skipping(mut self, line: Option<usize>) -> Self {
        self.skip = line;
        self
    }

    /// Assemble lines `from..` (the masthead and title were consumed by the caller).
    pub fn run(mut self, from: usize) -> Assembled {
        let lines = self.lines;
        for line in &lines[from.min(lines.len())..] {
            if Some(line.number) == self.skip {
                continue;
            }
            match line.drop {
                Some(DropReason::Blank) => {
                    if std::mem::take(&mut self.vote_until_blank) {
                        self.in_vote = false;
                    }
                    self.blank = true;
                    continue;
                }
                Some(DropReason::FootnoteRule) => {
                    self.in_footnotes = true;
                    self.page_break = true;
                    self.break_since_footnote = false;
                    continue;
                }
                Some(_) => {
                    self.page_break = true;
                    self.break_since_footnote = true;
                    continue;
                }
                None => {}
            }
            self.line(line);
            self.blank = false;
            self.page_break = false;
        }
        self.finish()
    }

    fn line(&mut self, line: &'a Line<'a>) {
        let t = &*line.text;
        let n = line.number;

        if self.in_vote {
            self.out.vote_lines.push(MetaLine { line: n, text: t.to_string() });
            if t.contains(']') || t.contains('】') {
                self.in_vote = false;
            }
            return;
        }
        if self.footnote_line(line) {
            return;
        }
        if self.kind == DocKind::Resolution && self.closing_line(line) {
            return;
        }
        if let Some((number, rest)) = numbered(t) {
            let num: u32 = number.parse().unwrap_or(0);
            if num == self.next_number {
                self.start_numbered(num, n, rest);
                return;
            }
        }
        // `26` alone on its line where paragraph 26 is due: its full stop was lost in the
        // extraction (a page number beside blank lines is furniture before this).
        if self.next_number >= 2 && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) && t.parse() == Ok(self.next_number) {
            self.start_numbered(self.next_number, n, "");
            return;
        }
        if let Some((label, text)) = item(t) {
            if !self.units.is_empty() && self.item_fits(label) {
                self.start_item(label.to_string(), n, text);
                return;
            }
            // `(i)`, `(一)` under a lettered item: a sub-item, kept in the item's text.
            if self.units.last().is_some_and(|u| !u.items.is_empty()) {
                if let Some(u) = self.units.last_mut() {
                    u.push_text(n, t);
                }
                return;
            }
        }
        if self.heading_line(line) {
            return;
        }
        if self.heading_title(line) {
            return;
        }
        if self.continues(line)
            && let Some(u) = self.units.last_mut() {
                u.push_text(n, t);
                return;
            }
        self.start_unnumbered(n, t);
    }

    /// Footnote starts and continuations; true when the line was consumed.
    fn footnote_line(&mut self, line: &'a Line<'a>) -> bool {
        let t = &*line.text;
        if let Some((mark, text)) = footnote_super(t) {
            let mark = superscript_to_ascii(mark);
            self.start_footnote(mark, line.number, text);
            return true;
        }
        let expected = self.next_footnote_mark();
        if let Some((mark, text)) = footnote_plain(t) {
            let mark = mark.to_string();
            let numeric: Option<u32> = mark.parse().ok();
            // Footnotes are numbered 1, 2, 3…; a block on a new page may start again at 1
            // (an annex). Anything else that starts with a number is running text:
            // `3 – 14 June 1992, vol. I…` continues footnote 1.
            let restart = numeric == Some(1) && self.in_footnotes && self.fresh_block();
            let in_sequence = numeric == Some(expected)
                || restart
                || (mark.starts_with('*') && (self.in_footnotes || line.indent > 0));
            let plausible_place = self.in_footnotes
                || (line.indent > 0 && (self.blank || self.page_break) && numeric.is_some());
            // A numbered paragraph "12. …" never reaches here (it has a full stop).
            if in_sequence && plausible_place {
                self.start_footnote(mark, line.number, text);
                return true;
            }
        }
        let starts_numbered = || numbered(t).is_some_and(|(number, _)| number.parse::<u32>().ok() == Some(self.next_number));
        if self.in_footnotes && !starts_numbered() && item(t).is_none()
            && let Some(f) = self.footnotes.last_mut() {
                let last = f.lines.last().map_or("", |l| l.1);
                let wrapped = !self.blank && !self.page_break;
                // A page resumes with an indented line (` 间社会组织记录的…`); a footnote's
                // own wrapped lines are flush left.
                if !self.break_since_footnote && line.indent == 0 && (wrapped || !ends_terminal(last)) {
                    f.lines.push((line.number, t));
                    return true;
                }
            }
        self.in_footnotes = false;
        false
    }

    /// No footnote has been read since the last rule or page break.
    fn fresh_block(&self) -> bool {
        self.footnotes.is_empty() || self.break_since_footnote || self.page_break
    }

    fn next_footnote_mark(&self) -> u32 {
        self.footnotes
            .iter()
            .rev()
            .find_map(|f| f.mark.parse::<u32>().ok())
            .map_or(1, |m| m + 1)
    }

    fn start_footnote(&mut self, mark: String, n: usize, text: &'a str) {
        self.footnotes.push(FootnoteBuild { mark, lines: vec![(n, text)] });
        self.in_footnotes = true;
        self.break_since_footnote = false;
    }

    /// Closing formula of a resolution: date, meeting, voting record, annex heading.
    fn closing_line(&mut self, line: &Line) -> bool {
        let t = &*line.text;
        let n = line.number;
        if self.units.is_empty() {
            return false;
        }
        // An unnumbered operative part ("Decides that …") ends where the vote statement
        // opens a paragraph of its own after a finished sentence.
        // The Security Council's "Adopted [unanimously] at the 1551st meeting" is a vote
        // statement wherever it stands.
        let after_sentence = self.blank && self.units.last().is_some_and(|u| last_char_is_stop(u.last_text()));
        if may_open_vote(t)
            && VOTE_START.is_match(t)
            && (self.seen_operative || self.part == Part::Closing || after_sentence || SC_VOTE_START.is_match(t))
        {
            self.out.vote_lines.push(MetaLine { line: n, text: t.to_string() });
            // `Adopted at the 312th meeting by 8 votes to none,` / `with 3 abstentions (China,`
            // …: an unbracketed statement that stops mid-clause runs on to the blank line.
            self.vote_until_blank = !t.starts_with('[') && !last_char_is_stop(t);
            self.in_vote = (t.starts_with('[') && !t.contains(']')) || self.vote_until_blank;
            self.part = Part::Closing;
            return true;
        }
        if self.part == Part::Annex {
            return false;
        }
        let closing_shape = (t.starts_with(crate::text::is_figure) && DATE_ONLY.is_match(t))
            || (t.chars().count() <= 40 && MEETING.is_match(t));
        if closing_shape && ends_terminal_or_closing(self.units.last().map_or("", |u| u.last_text())) {
            self.out.closing.push(MetaLine { line: n, text: t.to_string() });
            self.part = Part::Closing;
            return true;
        }
        if is_annex(t) && (self.part == Part::Closing || self.seen_operative) {
            self.part = Part::Annex;
            self.next_number = 1;
            self.section = Some(t.to_string());
            self.out.headings.push(Heading { text: t.to_string(), lines: LineSpan::single(n) });
            self.after_heading = true;
            return true;
        }
        false
    }

    fn heading_line(&mut self, line: &Line) -> bool {
        let t = &*line.text;
        let is_heading = match self.kind {
            DocKind::Report | DocKind::Other | DocKind::Amendment => {
                is_numbered_heading(t)
                    || (t.starts_with(['概', 'S']) && SUMMARY.is_match(t))
                    || is_annex(t)
                    || (line.indent >= 1
                        && !ends_terminal(t)
                        && !t.ends_with('、')
                        && crate::reader::layout::display_width(t) * 2 < self.shape.wrap_width.max(20)
                        && self.units.last().is_none_or(|u| ends_terminal(u.last_text())))
            }
            DocKind::Resolution | DocKind::Draft => {
                is_section_number(t)
                    || (self.part == Part::Annex || self.seen_operative)
                    && (is_annex(t) || is_numbered_heading(t) && !ends_terminal(t))
                    && self.units.last().is_none_or(|u| ends_terminal(u.last_text()))
            }
        };
        if !is_heading {
            return false;
        }
        if is_annex(t) {
            self.part = Part::Annex;
            self.next_number = 1;
        }
        self.section = Some(t.to_string());
        self.out.headings.push(Heading { text: t.to_string(), lines: LineSpan::single(line.number) });
        self.after_heading = true;
        self.heading_open = is_section_number(t);
        true
    }

    /// `II` / `International Decade for People of African Descent`: the title line after
    /// a bare section number belongs to the heading.
    fn heading_title(&mut self, line: &Line) -> bool {
        if !std::mem::take(&mut self.heading_open) || ends_terminal(&line.text) {
            return false;
        }
        let Some(h) = self.out.headings.last_mut() else { return false };
        h.text = format!("{} {}", h.text, line.text);
        h.lines.last = line.number;
        self.section = Some(h.text.clone());
        true
    }

    fn item_fits(&self, label: &str) -> bool {
        let Some(unit) = self.units.last() else { return false };
        let expected = match unit.items.last() {
            None => return label == "a" || label == "i" || label == "一",
            Some(prev) => next_label(&prev.label),
        };
        expected.as_deref() == Some(label)
    }

    fn start_item(&mut self, label: String, n: usize, text: &'a str) {
        self.after_heading = false;
        if let Some(u) = self.units.last_mut() {
            // `(a)` alone on its line still opens the item; its text follows.
            u.items.push(ItemBuild { label, lines: vec![(n, text)] });
        }
    }

    fn start_numbered(&mut self, num: u32, n: usize, text: &'a str) {
        self.after_heading = false;
        let kind = match (self.kind, self.part) {
            (DocKind::Resolution, Part::Body) => {
                self.seen_operative = true;
                ParagraphKind::Operative
            }
            _ => ParagraphKind::Numbered,
        };
        self.next_number = num + 1;
        self.units.push(Unit {
            kind,
            number: Some(num),
            lines: vec![(n, text)],
            items: Vec::new(),
            section: self.section.clone(),
        });
    }

    fn start_unnumbered(&mut self, n: usize, t: &'a str) {
        self.after_heading = false;
        let kind = if self.kind == DocKind::Resolution && self.part == Part::Body && !self.seen_operative {
            ParagraphKind::Preambular
        } else {
            ParagraphKind::Unnumbered
        };
        self.units.push(Unit {
            kind,
            number: None,
            lines: vec![(n, t)],
            items: Vec::new(),
            section: self.section.clone(),
        });
    }

    /// Does this text line run on from the paragraph (or item) before it?
    fn continues(&self, line: &Line) -> bool {
        let Some(unit) = self.units.last() else { return false };
        if self.after_heading {
            return false;
        }
        let last = unit.last_text();
        if last.is_empty() {
            // `1.` alone on its line: the text follows.
            return true;
        }
        if !ends_terminal(last) {
            return true;
        }
        // `…will be held as follows:` and the lines of its list belong together.
        if last.trim_end().ends_with([':', '：']) && !self.shape.double_spaced {
            return true;
        }
        let first = line.text.chars().next().unwrap_or(' ');
        if self.kind == DocKind::Resolution && self.part == Part::Body && unit.kind == ParagraphKind::Operative {
            // In the operative part, text that is neither a new number, an item, a
            // heading nor the closing formula belongs to the paragraph above (its list,
            // schedule or quoted agenda).
            return true;
        }
        if self.kind != DocKind::Resolution && unit.kind == ParagraphKind::Numbered {
            // Report paragraphs end only where the next number, heading or footnote starts.
            return true;
        }
        if self.shape.double_spaced || self.page_break {
            if self.english {
                return first.is_lowercase();
            }
            // A full line before the break suggests the sentence runs on, unless the next
            // line opens a preambular paragraph the way Chinese resolutions do.
            return self.shape.is_full(last) && !PP_OPENER_ZH.is_match(&line.text);
        }
        !self.blank
    }

    fn finish(mut self) -> Assembled {
        let units = std::mem::take(&mut self.units);
        // A resolution whose operative part is not numbered ("Endorses …." after the
        // preamble): its last paragraphs that end with a full stop are operative.
        let any_operative = units.iter().any(|u| u.kind == ParagraphKind::Operative);
        let mut units = units;
        if self.kind == DocKind::Resolution && !any_operative {
            let mut k = units
                .iter()
                .rposition(|u| u.kind == ParagraphKind::Preambular)
                .map_or(0, |i| i + 1);
            while k > 0
                && units[k - 1].kind == ParagraphKind::Preambular
                && last_char_is_stop(units[k - 1].last_text())
            {
                k -= 1;
            }
            let end = units.iter().rposition(|u| u.kind == ParagraphKind::Preambular).map_or(0, |i| i + 1);
            for u in &mut units[k..end] {
                {
                    u.kind = ParagraphKind::Operative;
                }
            }
        }
        let mut counters = [0u32; 4];
        for u in units {
            let slot = match u.kind {
                ParagraphKind::Preambular => 0,
                ParagraphKind::Operative => 1,
                ParagraphKind::Numbered => 2,
                ParagraphKind::Unnumbered => 3,
            };
            counters[slot] += 1;
            let seq = counters[slot];
            let number = match u.kind {
                ParagraphKind::Preambular | ParagraphKind::Unnumbered => seq,
                _ => u.number.unwrap_or(seq),
            };
            let prefix = ["PP", "OP", "P", "U"][slot];
            // Annex paragraphs restart their numbering; their ids stay unique.
            let id = format!("{prefix}{seq}");
            let printed_number = match u.kind {
                ParagraphKind::Numbered | ParagraphKind::Operative if number != seq => {
                    Some(number.to_string())
                }
                _ => None,
            };
            let lines = LineSpan { first: u.first_line(), last: u.last_line() };
            let items = u
                .items
                .iter()
                .map(|it| Item {
                    label: it.label.clone(),
                    text: join_lines(it.lines.iter().map(|l| l.1)),
                    footnote_marks: Vec::new(),
                    lines: Some(LineSpan {
                        first: it.lines.first().map_or(0, |l| l.0),
                        last: it.lines.last().map_or(0, |l| l.0),
                    }),
                })
                .collect();
            self.out.paragraphs.push(Paragraph {
                id,
                kind: u.kind,
                number: seq,
                text: join_lines(u.lines.iter().map(|l| l.1)),
                items,
                footnote_marks: Vec::new(),
                section: u.section,
                printed_number,
                lines,
            });
        }
        for f in self.footnotes {
            self.out.footnotes.push(Footnote {
                mark: f.mark,
                text: join_lines(f.lines.iter().map(|l| l.1)),
                paragraph: None,
                lines: LineSpan {
                    first: f.lines.first().map_or(0, |l| l.0),
                    last: f.lines.last().map_or(0, |l| l.0),
                },
            });
        }
        self.out
    }
}

// The structure reader asks these patterns of nearly every line. Each is anchored at the
// start, and is asked only of the lines whose first characters can open it.

/// [`VOTE_START`]: after an opening bracket and spaces, `经`, `未`, `以` or `Adopted`.
fn may_open_vote(t: &str) -> bool {
    let head = t.strip_prefix('[').unwrap_or(t).trim_start();
    head.starts_with(['经', '未', '以', 'A'])
}

/// [`ANNEX`]: `附件…` or `Annex…`.
fn is_annex(t: &str) -> bool {
    (t.starts_with("附件") || t.starts_with("Annex")) && ANNEX.is_match(t)
}

/// [`HEADING_NUMBERED`]: a Chinese or Roman numeral or a capital A to H first.
fn is_numbered_heading(t: &str) -> bool {
    t.starts_with(|c: char| is_heading_number(c) || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'))
        && HEADING_NUMBERED.is_match(t)
}

/// [`SECTION_NUMBER_ALONE`]: a Roman numeral or a capital A to H, with at most a full stop
/// after it (seven bytes at most).
fn is_section_number(t: &str) -> bool {
    t.len() <= 7 && t.starts_with(is_heading_number) && SECTION_NUMBER_ALONE.is_match(t)
}

fn is_heading_number(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'A'..='H')
}

fn ends_terminal_or_closing(last: &str) -> bool {
    ends_terminal(last) || last.is_empty()
}

fn last_char_is_stop(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || is_superscript_digit(c));
    t.ends_with('.') || t.ends_with('。')
}

/// The label that follows `label` in a list: a → b, z → aa, i → ii, 一 → 二.
fn next_label(label: &str) -> Option<String> {
    const ZH: [&str; 20] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
        "十五", "十六", "十七", "十八", "十九", "二十",
    ];
    if let Some(i) = ZH.iter().position(|z| *z == label) {
        return ZH.get(i + 1).map(|s| s.to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    match chars.as_slice() {
        [c] if c.is_ascii_lowercase() && *c != 'z' => Some(char::from(*c as u8 + 1).to_string()),
        ['z'] => Some("aa".to_string()),
        [a, b] if a == b && *a != 'z' => {
            let n = ((*a as u8) + 1) as char;
            Some(format!("{n}{n}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines made of the openings of the closing formula and of headings, and of text.
    fn opening_lines() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("[".to_string()), Just(" ".to_string()), Just("\u{3000}".to_string()), Just("经记录表决".to_string()),
            Just("未经表决".to_string()), Just("以".to_string()), Just("票".to_string()), Just("Adopted".to_string()),
            Just(" by".to_string()), Just(".".to_string()), Just("．".to_string()), Just("、".to_string()),
            Just("Annex".to_string()), Just("es".to_string()), Just("附件".to_string()), Just("一".to_string()),
            Just("十".to_string()), Just("I".to_string()), Just("V".to_string()), Just("X".to_string()),
            Just("L".to_string()), Just("A".to_string()), Just("H".to_string()), Just("概要".to_string()),
            Just("Summary".to_string()), Just("12".to_string()), Just("２".to_string()), Just("2021".to_string()),
            Just("July".to_string()), Just("年".to_string()), Just("月".to_string()), Just("日".to_string()),
            "[a-z]{1,4}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 1..8).prop_map(|v| v.concat())
    }

    #[test]
    fn openings_are_found_on_real_lines() {
        assert!(may_open_vote("[Adopted without a vote.]") && may_open_vote("[ 经记录表决") && may_open_vote("以 44 票赞成"));
        assert!(is_annex("Annex") && is_annex("Annexes II") && is_annex("附件一"));
        assert!(is_numbered_heading("IV. Conclusions") && is_numbered_heading("一. 导言") && is_numbered_heading("B . x"));
        assert!(is_section_number("II") && is_section_number("B.") && is_section_number("XLVIII."));
        assert!(!is_section_number("Annex"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        #[test]
        fn the_tests_before_the_patterns_pass_every_line_they_match(t in opening_lines()) {
            prop_assert!(!VOTE_START.is_match(&t) || may_open_vote(&t), "{:?}", t);
            prop_assert_eq!(is_annex(&t), ANNEX.is_match(&t), "{:?}", t);
            prop_assert_eq!(is_numbered_heading(&t), HEADING_NUMBERED.is_match(&t), "{:?}", t);
            prop_assert_eq!(is_section_number(&t), SECTION_NUMBER_ALONE.is_match(&t), "{:?}", t);
            prop_assert!(!SUMMARY.is_match(&t) || t.starts_with(['概', 'S']), "{:?}", t);
            prop_assert!(!DATE_ONLY.is_match(&t) || t.starts_with(crate::text::is_figure), "{:?}", t);
        }
    }

    #[test]
    fn terminal_table() {
        let rows = [
            ("遵循《联合国宪章》的宗旨和原则，", true),
            ("…还要求工商企业力求防止或减轻…限制", false),
            ("…第 34/7 号、⁶", false),
            ("…的报告，¹", true),
            ("the Paris Agreement,2", true),
            ("…on women in development, ", true),
            ("7. 促请所有国家：", true),
            ("of 7 October 20219", false),
            ("[根据第三委员会的报告(A/77/463/Add.2，第 87 段)通过]", false),
        ];
        for (t, want) in rows {
            assert_eq!(ends_terminal(t), want, "{t}");
        }
    }

    #[test]
    fn labels_follow_each_other() {
        assert_eq!(next_label("a").as_deref(), Some("b"));
        assert_eq!(next_label("h").as_deref(), Some("i"));
        assert_eq!(next_label("z").as_deref(), Some("aa"));
        assert_eq!(next_label("一").as_deref(), Some("二"));
    }
}
