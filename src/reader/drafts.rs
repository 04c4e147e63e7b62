//! The masthead of a draft (an L-document: `A/C.3/80/L.20`, `A/80/L.6`, `A/HRC/59/L.5`,
//! a 决议草案) or of an amendment to one: its symbol, the sponsor line ("Cuba: draft
//! resolution", "…: amendments to draft resolution A/C.3/80/L.20"), the committee, the
//! date of distribution and the title that stands between the sponsor line and the body.
//!
//! A draft's body is a resolution's body, so the structure reader reads it as one; an
//! amendment's body is a list of instructions, read by [`super::amendment`].

use super::layout::Line;
use super::meta::{first_date, normalise_symbol};
use crate::reader::countries::gazetteer;
use crate::model::{DocKind, DraftForm, DraftMeta, SponsorGroup};
use crate::text::pattern::Pattern;

// `A/C.3/80/L.20`, `A/80/L.6`, `A/HRC/59/L.5`, `A/C.3/80/L.20/Rev.1`, `United Nations
// A/C.3/80/L.65`: the symbol of an L-document standing alone on its line.
static DRAFT_SYMBOL_LINE: Pattern =
    Pattern::new(r"^(?:联合国|United Nations)?\s*(A/(?:C\.[0-9０-９]/|HRC/)?[0-9０-９]{1,3}/L\.[0-9０-９]{1,3}(?:/Rev\.[0-9０-９]{1,2})?)\s*\*?$");
// `Cuba: draft resolution`, `Denmark:* amendment to draft resolution A/C.2/80/L.13/Rev.1`,
// `…: amendments to revised draft resolution`, `…: revised draft resolution`,
// `United Kingdom …: draft decision`: the end of the sponsor line (which may wrap).
static SPONSOR_END_EN: Pattern =
    Pattern::new(r"^(?P<who>.*?):\s*(?P<marks>[*†‡]*)\s*(?:(?P<amend>amendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft\s+(?:resolution|decision))\s*(?P<target>\S+)?|(?:revised\s+)?draft\s+(?P<form>resolution|decision))\s*$");
// `Draft resolution submitted by the Vice-Chair of the Committee, Weronika Garbacz
// (Poland)`, `Draft resolution submitted by the Chair of the Committee following informal
// consultations`: a draft tabled by an officer, not by States.
static SUBMITTED_BY: Pattern =
    Pattern::new(r"^(?:(?:Revised\s+)?[Dd]raft\s+(?P<form>resolution|decision)s?\s+submitted\s+by\s+(?:the\s+)?(?P<who>.+)|(?P<who_zh>[^：:]+?)(?:根据[^：:]*?)?提交的(?:订正)?(?P<form_zh>决议|决定)草案)$");
// `Draft resolution`, `Draft decision`: a draft whose masthead names no sponsor (one the
// Bureau or the Committee tables).
static UNSPONSORED: Pattern =
    Pattern::new(r"^(?:(?:Revised\s+)?[Dd]raft\s+(?P<form>resolution|decision)s?|(?:订正)?(?P<form_zh>决议|决定)草案)$");
// `…, on the basis of informal consultations on draft resolution A/C.2/80/L.9`,
// `… following informal consultations`, `… on the recommendation of the Economic and Social
// Council (resolution 2025/17)`: what follows an officer's name.
static OFFICER_TAIL: Pattern = Pattern::new(r"(?s),?\s+(?:following|on the basis of|on the recommendation of)\b.*$");
// `on the basis of informal consultations on draft resolution A/C.2/80/L.9`: the draft an
// officer's text takes the place of.
static BASED_ON: Pattern =
    Pattern::new(r"(?:on the basis of informal consultations (?:held )?on draft (?:resolution|decision)|根据就(?:决议|决定)草案)\s*(A/(?:C\.[0-9０-９]/|HRC/)?[0-9０-９]{1,3}/L\.[0-9０-９]{1,3}(?:/Rev\.[0-9０-９]{1,2})?)");
// `阿尔巴尼亚、安道尔……：决议草案`, `…：对决议草案 A/C.3/80/L.20 的修正`, `…：订正决议草案`.
static SPONSOR_END_ZH: Pattern =
    Pattern::new(r"^(?P<who>.*?)[：:]\s*(?P<marks>[*＊]*)\s*(?:对(?:订正)?(?:决议|决定)草案\s*(?P<target>\S+?)\s*的修正(?:案)?|(?:订正)?(?P<form>决议|决定)草案)\s*$");
// A symbol within an amendment's sponsor line, where it wraps onto the next line.
static ANY_DRAFT_SYMBOL: Pattern =
    Pattern::new(r"A/(?:C\.[0-9０-９]/|HRC/)?[0-9０-９]{1,3}/L\.[0-9０-９]{1,3}(?:/Rev\.[0-9０-９]{1,2})?");
// `Third Committee`, `Special Political and Decolonization Committee (Fourth Committee)`,
// `第三委员会`: the Main Committee named in the masthead.
static COMMITTEE_LINE: Pattern =
    Pattern::new(r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee(?: \(Fourth Committee\))?|第[一二三四五六]委员会|特别政治和非殖民化委员会(?:（第四委员会）)?)$");
// `Distr.: Limited`, `Distr.: Limited 22 October 2025`, `Distr.: 限发`.
static DISTR_LIMITED: Pattern =
    Pattern::new(r"^(?:(?:大\s*会|General Assembly|联\s*合\s*国|United Nations)\s+)?Distr\.?\s*[:：]\s*(?:Limited|限发)");
// `59/… Freedom of opinion and expression`, `59/...`: the placeholder number of an
// HRC draft's title.
static PLACEHOLDER_NUMBER: Pattern = Pattern::new(r"^[0-9０-９]{1,3}/(?:…|\.\.\.)\s*");
// `On behalf of the States Members of the United Nations that are members of the Group
// of 77 and China, taking into account …`, `(on behalf of the Group of African States)`.
static ON_BEHALF: Pattern =
    Pattern::new(r"(?i)^\(?\s*on behalf of\s+(?:the\s+)?(?:States(?:\s+Members\s+of\s+the\s+United\s+Nations)?\s+that\s+are\s+members\s+of\s+(?:the\s+)?)?(?P<group>.+?)\s*(?:,\s*taking\b.*|\)\s*)?\.?\s*$|^[（(]?\s*代表(?:属于)?(?P<group_zh>.+?)(?:成员国)?(?:的联合国会员国)?(?P<and_zh>和中国)?\s*[）)]?\s*[，,]?(?:同时考虑到.*)?[。.]?\s*$");

/// What the masthead of a draft or an amendment says.
pub(super) struct DraftMasthead {
    pub kind: DocKind,
    pub symbol: Option<String>,
    pub title: String,
    /// The line after the title: where an amendment's instructions begin.
    pub after_title: usize,
    pub meta: DraftMeta,
    /// Sponsors followed by a footnote mark ("Denmark:*"), to be given their group from
    /// the footnote once footnotes are read.
    pub marked: Vec<(usize, String)>,
}

/// The draft masthead of `lines`, or `None` where the text is not a draft. `body_line`
/// is the index of "The General Assembly," where the reader found one.
pub(super) fn read(lines: &[Line], body_line: Option<usize>) -> Option<DraftMasthead> {
    let limit = body_line.unwrap_or(lines.len()).min(120).min(lines.len());
    let symbol = lines[..limit]
        .iter()
        .find_map(|l| DRAFT_SYMBOL_LINE.captures(&l.text).map(|c| normalise_symbol(&c[1])));
    // (Tried only on a line that says it is limited: most say "General".)
    let limited = lines[..limit]
        .iter()
        .position(|l| (l.text.contains("Limited") || l.text.contains("限发")) && DISTR_LIMITED.is_match(&l.text));
    let (sponsor_start, sponsor_end, sponsor) = find_sponsor_line(lines, limit)?;
    if symbol.is_none() && limited.is_none() {
        return None;
    }
    let distributed = limited.and_then(|i| {
        (i..(i + 3).min(limit)).find_map(|j| first_date(&lines[j].text))
    });
    // The committee by its English name whatever the language of the text: the symbol
    // names it (`A/C.3/…`), else the masthead line does.
    let committee = symbol.as_deref().and_then(committee_of_symbol).or_else(|| {
        lines[..sponsor_start].iter().find(|l| COMMITTEE_LINE.is_match(&l.text)).and_then(|l| committee_in_english(&l.text))
    });

    // The title: the non-blank lines between the sponsor line and the body line (or, for
    // an amendment, up to the first blank line after the first text).
    let mut title_lines = Vec::new();
    let mut at = sponsor_end + 1;
    while at < lines.len() && lines[at].is_blank() {
        at += 1;
    }
    let stop = match (sponsor.kind, body_line) {
        (DocKind::Draft, Some(b)) if b > at => b,
        _ => lines.len(),
    };
    // An amendment's first numbered instruction ("1.   In operative paragraph 5, …")
    // where no title stands between it and the sponsor line.
    let numbered = |text: &str| super::patterns::numbered(text).is_some();
    while at < stop
        && !(lines[at].is_blank()
            || super::patterns::BODY_LINE.is_match(&lines[at].text)
            || (sponsor.kind == DocKind::Amendment && numbered(&lines[at].text)))
    {
        title_lines.push(at);
        at += 1;
    }
    let title = crate::reader::normalize::join_lines(title_lines.iter().map(|&i| &*lines[i].text))
        .replace(crate::reader::normalize::SOFT_HYPHEN, "-");
    let title = PLACEHOLDER_NUMBER.replace(&title, "").trim().to_string();

    let revises = symbol
        .as_deref()
        .and_then(|s| s.rsplit_once("/Rev.").map(|(original, _)| original.to_string()));
    let (sponsors, sponsor_groups, marked) = sponsors(&sponsor.who, &sponsor.marks);
    let based_on = BASED_ON.captures(&sponsor.who).map(|c| c[1].to_string());
    Some(DraftMasthead {
        kind: sponsor.kind,
        symbol,
        title,
        after_title: at,
        meta: DraftMeta {
            sponsors,
            sponsor_groups,
            committee,
            distributed,
            form: sponsor.form,
            amends: sponsor.amends,
            revises,
            based_on,
            edits: Vec::new(),
        },
        marked,
    })
}

impl DraftMasthead {
    /// The reader's masthead made a draft's: the structure reader reads a draft's body as
    /// a resolution's and an amendment's instructions as running text after the title.
    pub(super) fn adjust(&self, mut masthead: super::meta::Masthead) -> super::meta::Masthead {
        if !self.title.is_empty() {
            masthead.title = self.title.clone();
        } else {
            masthead.title = PLACEHOLDER_NUMBER.replace(&masthead.title, "").trim().to_string();
        }
        match self.kind {
            DocKind::Amendment => {
                masthead.kind = DocKind::Other;
                masthead.formula.clear();
                masthead.body_start = self.after_title;
            }
            _ => {
                if masthead.kind != DocKind::Resolution {
                    masthead.formula.clear();
                    masthead.body_start = self.after_title;
                }
                masthead.kind = DocKind::Resolution;
                masthead.number = None;
            }
        }
        masthead
    }
}

/// The Main Committee a symbol names (`A/C.3/80/L.18` → Third Committee), for a
/// masthead that does not print it.
fn committee_of_symbol(symbol: &str) -> Option<String> {
    committee_numbered(symbol.strip_prefix("A/C.")?.chars().next()?)
}

/// A masthead's committee line ("Third Committee", "第三委员会") by its English name.
fn committee_in_english(line: &str) -> Option<String> {
    let line = line.trim();
    if line.starts_with("特别政治") {
        return committee_numbered('4');
    }
    if let Some(n) = line.strip_prefix('第').and_then(|rest| rest.chars().next()) {
        return crate::text::numerals::chinese_number(&n.to_string())
            .and_then(|n| char::from_digit(n, 10))
            .and_then(committee_numbered);
    }
    Some(line.trim_end_matches(" (Fourth Committee)").to_string())
}

fn committee_numbered(n: char) -> Option<String> {
    Some(
        match n {
            '1' => "First Committee",
            '2' => "Second Committee",
            '3' => "Third Committee",
            '4' => "Special Political and Decolonization Committee",
            '5' => "Fifth Committee",
            '6' => "Sixth Committee",
            _ => return None,
        }
        .to_string(),
    )
}

struct SponsorLine {
    who: String,
    marks: String,
    kind: DocKind,
    form: DraftForm,
    amends: Option<String>,
}

/// The sponsor line (which may wrap over several lines, up to the blank line above it):
/// its first and last line and what it says.
fn find_sponsor_line(lines: &[Line], limit: usize) -> Option<(usize, usize, SponsorLine)> {
    for end in 0..limit {
        let text = &lines[end].text;
        if text.is_empty() {
            continue;
        }
        let lower = text.to_lowercase();
        let hit = lower.contains("draft resolution")
            || lower.contains("draft decision")
            || lower.contains("amendment")
            || text.contains("草案");
        if !hit {
            continue;
        }
        let mut start = end;
        while start > 0 && !lines[start - 1].is_blank() && end - start < 12 {
            start -= 1;
        }
        let mut last = end;
        while last + 1 < lines.len() && !lines[last + 1].is_blank() && last - end < 3 {
            last += 1;
        }
        // The whole block (a wrapped officer's line, an amendment's symbol on the next
        // line), the block up to this line, or this line alone (a longer block may take
        // in the agenda title).
        let join = |from: usize, to: usize| crate::reader::normalize::join_lines(lines[from..=to].iter().map(|l| &*l.text));
        for (from, to) in [(start, last), (start, end), (end, end), (end, last)] {
            if let Some(line) = sponsor_line(&join(from, to)) {
                return Some((from, to.max(last), line));
            }
        }
    }
    None
}

fn sponsor_line(text: &str) -> Option<SponsorLine> {
    let text = text.trim();
    let form_of = |c: &crate::text::pattern::Captures| match c.name("form").or(c.name("form_zh")).map(|m| m.as_str()) {
        Some("decision" | "决定") => DraftForm::Decision,
        _ => DraftForm::Resolution,
    };
    if let Some(c) = UNSPONSORED.captures(text) {
        return Some(SponsorLine { who: String::new(), marks: String::new(), kind: DocKind::Draft, form: form_of(&c), amends: None });
    }
    if let Some(c) = SUBMITTED_BY.captures(text) {
        let who = c.name("who").or(c.name("who_zh")).map_or("", |m| m.as_str()).trim().trim_start_matches("the ").to_string();
        return Some(SponsorLine { who: format!("officer:{who}"), marks: String::new(), kind: DocKind::Draft, form: form_of(&c), amends: None });
    }
    let c = SPONSOR_END_EN.captures(text).or_else(|| SPONSOR_END_ZH.captures(text))?;
    let who = c["who"].trim().to_string();
    if who.is_empty() || who.len() > 3000 {
        return None;
    }
    let marks = c.name("marks").map_or("", |m| m.as_str()).to_string();
    let amending = c.name("amend").is_some() || text.contains("的修正");
    let (kind, amends) = if amending {
        let target = c.name("target").map(|m| m.as_str().trim_end_matches(['.', ',']).to_string());
        (DocKind::Amendment, target.filter(|t| ANY_DRAFT_SYMBOL.is_match(t)))
    } else {
        (DocKind::Draft, None)
    };
    let form = match c.name("form").map(|m| m.as_str()) {
        Some("decision" | "决定") => DraftForm::Decision,
        _ => DraftForm::Resolution,
    };
    Some(SponsorLine { who, marks, kind, form, amends })
}

/// Sponsors as ISO3 where the gazetteer knows the State, by name otherwise, in printed
/// order; "Uganda (on behalf of the Group of African States)" gives `UGA` and the group;
/// a sponsor followed by a footnote mark is returned in `marked` with the mark.
fn sponsors(who: &str, line_marks: &str) -> (Vec<String>, Vec<SponsorGroup>, Vec<(usize, String)>) {
    let mut sponsors: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    let mut marked = Vec::new();
    if who.is_empty() {
        return (sponsors, groups, marked);
    }
    if let Some(officer) = who.strip_prefix("officer:") {
        let officer = OFFICER_TAIL.replace(officer, "");
        sponsors.push(officer.trim().trim_end_matches([',', ':']).to_string());
        return (sponsors, groups, marked);
    }
    let zh = who.chars().any(crate::text::is_han);
    for piece in top_level_pieces(who, zh) {
        // "Nigeria* and Thailand", "* Slovakia" (the mark of the sponsor before the comma):
        // a mark closes the name before it.
        let mut rest = piece.as_str();
        while !rest.is_empty() {
            let cut = rest.find(is_mark).unwrap_or(rest.len());
            let name = &rest[..cut];
            let after = &rest[cut..];
            let mark_len = after.len() - after.trim_start_matches(is_mark).len();
            let mark = &after[..mark_len];
            rest = after[mark_len..].trim_start();
            let added = add_sponsor(name, &mut sponsors, &mut groups);
            if !mark.is_empty()
                && let Some(last) = (added || !sponsors.is_empty()).then(|| sponsors.len() - 1)
            {
                marked.push((last, mark.to_string()));
            }
        }
    }
    if !line_marks.is_empty()
        && let Some(last) = sponsors.len().checked_sub(1)
        && !marked.iter().any(|(i, _)| *i == last)
    {
        marked.push((last, line_marks.to_string()));
    }
    (sponsors, groups, marked)
}

/// `Andorra, Bahamas (The), …, Uruguay and Venezuela (Bolivarian Republic of)` cut at the
/// commas (or 、) outside brackets; the last piece's "and" is left to the gazetteer.
fn top_level_pieces(text: &str, zh: bool) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | '、' if depth == 0 && (c == ',' || zh) => {
                pieces.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    pieces.push(current);
    pieces.into_iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '*' | '†' | '‡' | '＊')
}

/// One printed sponsor (or "Uruguay and Venezuela (…)", two) added as ISO3 or by name;
/// "(on behalf of …)" is kept as its group. Whether anything was added.
fn add_sponsor(piece: &str, sponsors: &mut Vec<String>, groups: &mut Vec<SponsorGroup>) -> bool {
    let piece = piece.trim();
    if piece.is_empty() {
        return false;
    }
    let (name, group) = match piece.find("(on behalf of").or_else(|| piece.find("(代表")).or_else(|| piece.find("（代表")) {
        Some(i) => {
            let inner = piece[i..].trim();
            let group = group_named(inner).unwrap_or_else(|| inner.trim_matches(['(', ')', '（', '）']).to_string());
            (piece[..i].trim(), Some(group))
        }
        None => (piece, None),
    };
    let (codes, unresolved) = gazetteer().split_list(name);
    let before = sponsors.len();
    sponsors.extend(codes.iter().map(|c| c.to_string()));
    sponsors.extend(unresolved);
    if sponsors.len() == before {
        return false;
    }
    if let Some(group) = group {
        groups.push(SponsorGroup { sponsor: sponsors[sponsors.len() - 1].clone(), on_behalf_of: group });
    }
    true
}

/// A paragraph that is a footnote the reader took for text (an amendment's "* On behalf
/// of …" or "* United Nations, Treaty Series, …" under its instructions): its mark and text.
pub(super) fn note_paragraph(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim_start_matches(is_mark);
    let mark = &text[..text.len() - rest.len()];
    (!mark.is_empty() && rest.starts_with(char::is_whitespace)).then_some((mark, rest.trim()))
}

/// The group an "on behalf of" note or aside names: "Group of 77 and China",
/// "European Union", "欧洲联盟".
fn group_named(text: &str) -> Option<String> {
    let c = ON_BEHALF.captures(text.trim())?;
    match (c.name("group"), c.name("group_zh")) {
        (Some(g), _) => Some(g.as_str().trim().to_string()),
        (None, Some(g)) => Some(format!("{}{}", g.as_str().trim(), c.name("and_zh").map_or("", |m| m.as_str()))),
        (None, None) => None,
    }
}

/// Gives each sponsor followed by a footnote mark the group its footnote names ("* On
/// behalf of the States … that are members of the Group of 77 and China, …").
pub(super) fn groups_from_footnotes(meta: &mut DraftMeta, marked: &[(usize, String)], notes: &[(&str, &str)]) {
    for (index, mark) in marked {
        let Some((_, text)) = notes.iter().find(|(m, _)| m == mark) else { continue };
        let Some(group) = group_named(text) else { continue };
        let sponsor = meta.sponsors[*index].clone();
        if !meta.sponsor_groups.iter().any(|g| g.sponsor == sponsor) {
            meta.sponsor_groups.push(SponsorGroup { sponsor, on_behalf_of: group });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(text: &str) -> (Vec<String>, Vec<SponsorGroup>) {
        let line = sponsor_line(text).expect("a sponsor line");
        let (s, g, _) = sponsors(&line.who, &line.marks);
        (s, g)
    }

    #[test]
    fn marks_stand_after_their_sponsor() {
        let line = sponsor_line("Maldives, Nigeria* and Thailand: draft resolution").unwrap();
        let (s, _, marked) = sponsors(&line.who, &line.marks);
        assert_eq!((s, marked), (vec!["MDV".to_string(), "NGA".into(), "THA".into()], vec![(1, "*".to_string())]));
        let line = sponsor_line("Romania, Saudi Arabia,* Slovakia and Ukraine: draft resolution").unwrap();
        let (s, _, marked) = sponsors(&line.who, &line.marks);
        assert_eq!((s, marked), (vec!["ROU".to_string(), "SAU".into(), "SVK".into(), "UKR".into()], vec![(1, "*".to_string())]));
        let line = sponsor_line("Egypt:* draft resolution").unwrap();
        assert_eq!(sponsors(&line.who, &line.marks).2, [(0, "*".to_string())]);
    }

    #[test]
    fn sponsor_lines_in_their_forms() {
        let rows: [(&str, &[&str]); 5] = [
            ("Cuba: draft resolution", &["CUB"]),
            ("Uruguay and Venezuela (Bolivarian Republic of): draft resolution", &["URY", "VEN"]),
            ("Bahamas (The), Netherlands (Kingdom of the) and Saint Kitts and Nevis: draft resolution", &["BHS", "NLD", "KNA"]),
            ("Uganda (on behalf of the Group of African States): draft resolution", &["UGA"]),
            ("古巴：决议草案", &["CUB"]),
        ];
        // An officer's draft, in Chinese as in English.
        let line = sponsor_line("大会主席提交的决议草案").unwrap();
        assert_eq!((line.who.as_str(), line.kind), ("officer:大会主席", DocKind::Draft));
        let line = sponsor_line("委员会副主席珍妮·米科拉(芬兰)根据就决议草案A/C.2/80/L.9进行的非正式协商提交的决议草案").unwrap();
        assert_eq!(line.who, "officer:委员会副主席珍妮·米科拉(芬兰)");
        assert_eq!(BASED_ON.captures("根据就决议草案A/C.2/80/L.9进行的非正式协商").map(|c| c[1].to_string()).as_deref(), Some("A/C.2/80/L.9"));
        for (text, want) in rows {
            assert_eq!(meta_of(text).0, want, "{text}");
        }
        let (_, groups) = meta_of("Uganda (on behalf of the Group of African States): draft resolution");
        assert_eq!(groups, [SponsorGroup { sponsor: "UGA".into(), on_behalf_of: "Group of African States".into() }]);
    }

    #[test]
    fn amendments_name_their_draft() {
        let l = sponsor_line("Denmark:* amendment to draft resolution A/C.2/80/L.13/Rev.1").unwrap();
        assert_eq!((l.kind, l.amends.as_deref(), l.marks.as_str()), (DocKind::Amendment, Some("A/C.2/80/L.13/Rev.1"), "*"));
        let l = sponsor_line("Burundi: amendments to revised draft resolution A/C.3/80/L.20/Rev.1").unwrap();
        assert_eq!(l.amends.as_deref(), Some("A/C.3/80/L.20/Rev.1"));
        let l = sponsor_line("古巴：对决议草案 A/C.3/80/L.20 的修正").unwrap();
        assert_eq!((l.kind, l.amends.as_deref()), (DocKind::Amendment, Some("A/C.3/80/L.20")));
    }

    #[test]
    fn officers_and_decisions() {
        let l = sponsor_line("Draft resolution submitted by the Vice-Chair of the Committee, Weronika Garbacz (Poland)").unwrap();
        assert_eq!(sponsors(&l.who, &l.marks).0, ["Vice-Chair of the Committee, Weronika Garbacz (Poland)"]);
        let l = sponsor_line("Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola (Finland), on the basis of informal consultations on draft resolution A/C.2/80/L.6").unwrap();
        assert_eq!(sponsors(&l.who, &l.marks).0, ["Vice-Chair of the Committee, Jenni Mikkola (Finland)"]);
        assert_eq!(BASED_ON.captures(&l.who).map(|c| c[1].to_string()).as_deref(), Some("A/C.2/80/L.6"));
        let l = sponsor_line("United Kingdom of Great Britain and Northern Ireland: draft decision").unwrap();
        assert_eq!((l.form, sponsors(&l.who, "").0), (DraftForm::Decision, vec!["GBR".to_string()]));
    }

    #[test]
    fn a_footnote_gives_the_group() {
        let c = ON_BEHALF
            .captures("On behalf of the States that are members of the Group of 77 and China, taking into account also the provisions of")
            .unwrap();
        assert_eq!(&c["group"], "Group of 77 and China");
        let c = ON_BEHALF.captures("On behalf of the States Members of the United Nations that are members of the European Union.").unwrap();
        assert_eq!(&c["group"], "European Union");
    }
}
