//! Who sat in a body on a given day: the Human Rights Council's 47 members term by term
//! (`lexicon/hrc_members.tsv`), the General Assembly's Member States with their
//! admission dates (`lexicon/un_members.tsv`) and the Security Council's permanent and
//! elected members of 1946–1994 (`lexicon/sc_members.tsv`; its header gives the sources
//! and the coding of China's seat and of former States). A vote is read against it, so that a
//! member that did not vote is `absent` and a State outside the body is `nonmember`,
//! never a member that joined a consensus.
//!
//! Each table answers only for the dates it covers (stated in its file); outside them
//! [`members_on`] gives `None` and nothing is guessed.

use crate::model::Body;
use std::collections::BTreeSet;
use std::sync::LazyLock;

const HRC_TSV: &str = include_str!("../../../lexicon/hrc_members.tsv");
const UN_TSV: &str = include_str!("../../../lexicon/un_members.tsv");
const SC_TSV: &str = include_str!("../../../lexicon/sc_members.tsv");

/// The Security Council table answers for these days: the Council's first year to the
/// last year whose elected members it lists.
pub const SC_ANSWERS_FROM: &str = "1946-01-01";
pub const SC_ANSWERS_TO: &str = "1994-12-31";

/// The General Assembly table answers from this day (admissions before it are not dated).
const UN_ANSWERS_FROM: &str = "1990-01-01";

/// One State's seat from one day to another (inclusive), or a suspension of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    code: &'static str,
    from: &'static str,
    to: &'static str,
    suspension: bool,
    /// A permanent seat (the Security Council's five).
    permanent: bool,
}

/// A body's membership over the dates it answers for.
#[derive(Debug)]
pub struct Membership {
    terms: Vec<Term>,
    answers_from: &'static str,
    answers_to: Option<&'static str>,
}

/// `text`'s lines as `str::lines` gives them, numbered from 0: a table is read at the
/// first vote a process meets, and finding its line ends and tabs one character at a
/// time was most of reading it.
fn lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let left = rest.filter(|r| !r.is_empty())?;
        Some(match memchr::memchr(b'\n', left.as_bytes()) {
            Some(end) => {
                rest = Some(&left[end + 1..]);
                let line = &left[..end];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                rest = None;
                left
            }
        })
    })
    .enumerate()
}

/// A row's tab-separated fields, front to back: `next` gives the field before the next
/// tab, `rest` all that is left (as `splitn` gives its last piece).
struct Fields(Option<&'static str>);

impl Fields {
    fn next(&mut self) -> Option<&'static str> {
        let left = self.0?;
        Some(match memchr::memchr(b'\t', left.as_bytes()) {
            Some(tab) => {
                self.0 = Some(&left[tab + 1..]);
                &left[..tab]
            }
            None => {
                self.0 = None;
                left
            }
        })
    }

    fn rest(self) -> Option<&'static str> {
        self.0
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl Membership {
    /// The Council's terms: rows `iso3, from, to, note`; a note starting `suspended`
    /// takes its dates out of the State's term. The `# answers FROM TO` comment gives the
    /// dates the table is complete for.
    fn hrc(text: &'static str) -> Result<Membership, String> {
        let mut terms = Vec::new();
        let mut answers = None;
        for (n, line) in lines(text) {
            if let Some(rest) = line.strip_prefix("# answers") {
                let d: Vec<&str> = rest.split_whitespace().collect();
                if d.len() == 2 && is_date(d[0]) && is_date(d[1]) {
                    answers = Some((d[0], d[1]));
                }
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("iso3\t") {
                continue;
            }
            // The note is looked at only for its first word: the line is not split past it.
            let mut f = Fields(Some(line));
            let (Some(code), Some(from), Some(to)) = (f.next(), f.next(), f.next()) else {
                return Err(format!("hrc_members.tsv line {}: `{line}` is not `iso3, from, to, note`", n + 1));
            };
            if code.len() != 3 || !is_date(from) || !is_date(to) || from > to {
                return Err(format!("hrc_members.tsv line {}: `{line}` is not `iso3, from, to, note`", n + 1));
            }
            let suspension = f.rest().is_some_and(|note| note.starts_with("suspended"));
            terms.push(Term { code, from, to, suspension, permanent: false });
        }
        let (from, to) = answers.ok_or("hrc_members.tsv states no `# answers FROM TO` line")?;
        Ok(Membership { terms, answers_from: from, answers_to: Some(to) })
    }

    /// The Member States: rows `iso3, admitted` (empty = before [`UN_ANSWERS_FROM`]).
    fn un(text: &'static str) -> Result<Membership, String> {
        let mut terms = Vec::new();
        for (n, line) in lines(text) {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("iso3\t") {
                continue;
            }
            let mut f = Fields(Some(line));
            let code = f.next().unwrap_or_default();
            let admitted = f.next().unwrap_or("");
            if code.len() != 3 || !(admitted.is_empty() || is_date(admitted)) {
                return Err(format!("un_members.tsv line {}: `{line}` is not `iso3, admitted`", n + 1));
            }
            let from = if admitted.is_empty() { UN_ANSWERS_FROM } else { admitted };
            terms.push(Term { code, from, to: "9999-12-31", suspension: false, permanent: false });
        }
        Ok(Membership { terms, answers_from: UN_ANSWERS_FROM, answers_to: None })
    }

    /// The Security Council's seats: rows `code, from, to, seat` under that header, `to`
    /// empty for a permanent member still in its seat, `seat` `permanent…` or `elected`.
    fn sc(text: &'static str) -> Result<Membership, String> {
        let mut terms = Vec::new();
        let mut header = false;
        for (n, line) in lines(text) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            if !header {
                header = true;
                if f != ["code", "from", "to", "seat"] {
                    return Err(format!("sc_members.tsv line {}: expected the header code/from/to/seat", n + 1));
                }
                continue;
            }
            if f.len() != 4 || !is_date(f[1]) || !(f[2].is_empty() || is_date(f[2])) {
                return Err(format!("sc_members.tsv line {}: `{line}` is not `code, from, to, seat`", n + 1));
            }
            let to = if f[2].is_empty() { "9999-12-31" } else { f[2] };
            terms.push(Term { code: f[0], from: f[1], to, suspension: false, permanent: f[3].starts_with("permanent") });
        }
        Ok(Membership { terms, answers_from: SC_ANSWERS_FROM, answers_to: Some(SC_ANSWERS_TO) })
    }

    /// The members on `date` in the table's order, permanent members first, or `None`
    /// where the table does not answer for it.
    pub fn in_order_on(&self, date: &str) -> Option<Vec<&'static str>> {
        let date = date.get(..10)?;
        if !self.answers(date) {
            return None;
        }
        let mut seated: Vec<&Term> = self.terms.iter().filter(|t| !t.suspension && t.from <= date && date <= t.to).collect();
        seated.sort_by_key(|t| !t.permanent);
        Some(seated.into_iter().map(|t| t.code).collect())
    }

    /// Whether `code` held a permanent seat on `date`.
    pub fn is_permanent(&self, code: &str, date: &str) -> bool {
        self.terms.iter().any(|t| t.code == code && t.permanent && t.from <= date && date <= t.to)
    }

    /// Whether the table answers for `date` (`YYYY-MM-DD`).
    pub fn answers(&self, date: &str) -> bool {
        is_date(date) && date >= self.answers_from && self.answers_to.is_none_or(|to| date <= to)
    }

    /// The members on `date`, or `None` where the table does not answer for it.
    pub fn on(&self, date: &str) -> Option<BTreeSet<&'static str>> {
        if !self.answers(date) {
            return None;
        }
        let within = |t: &&Term| t.from <= date && date <= t.to;
        let suspended: BTreeSet<&str> = self.terms.iter().filter(|t| t.suspension).filter(within).map(|t| t.code).collect();
        Some(
            self.terms
                .iter()
                .filter(|t| !t.suspension)
                .filter(within)
                .map(|t| t.code)
                .filter(|c| !suspended.contains(c))
                .collect(),
        )
    }
}

static HRC: LazyLock<Membership> = LazyLock::new(|| Membership::hrc(HRC_TSV).expect("lexicon/hrc_members.tsv is well formed"));
static UN: LazyLock<Membership> = LazyLock::new(|| Membership::un(UN_TSV).expect("lexicon/un_members.tsv is well formed"));
static SC: LazyLock<Membership> = LazyLock::new(|| Membership::sc(SC_TSV).expect("lexicon/sc_members.tsv is well formed"));

/// The membership table of `body`, where the project has one.
pub fn of(body: Body) -> Option<&'static Membership> {
    match body {
        Body::HRC => Some(&HRC),
        Body::GA => Some(&UN),
        Body::SC => Some(&SC),
        _ => None,
    }
}

/// Who represented China on `date`: the Republic of China until 24 October 1971, the
/// People's Republic of China from 25 October 1971 (General Assembly resolution 2758
/// (XXVI)). The code is `CHN` in both periods.
pub fn china_seat(date: &str) -> &'static str {
    if date < "1971-10-25" { "Republic of China" } else { "People's Republic of China" }
}

/// The members of `body` on `date` (`YYYY-MM-DD`), where known.
pub fn members_on(body: Body, date: crate::model::Date) -> Option<BTreeSet<&'static str>> {
    of(body)?.on(&date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_fields_are_cut_as_str_cuts_them() {
        for text in ["", "a", "a\n", "a\r\nb", "\n\nx\r\n\r\n", "a\tb\t\tc\td\te\n\tx\r", "é\t日\n"] {
            assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().enumerate().collect::<Vec<_>>(), "{text:?}");
            for (_, line) in lines(text) {
                let mut fields = Fields(Some(line));
                let mut split = line.splitn(4, '\t');
                for _ in 0..3 {
                    assert_eq!(fields.next(), split.next(), "{line:?}");
                }
                assert_eq!(fields.rest(), split.next(), "{line:?}");
            }
        }
    }

    #[test]
    fn the_tables_read() {
        Membership::hrc(HRC_TSV).unwrap();
        Membership::un(UN_TSV).unwrap();
        Membership::sc(SC_TSV).unwrap();
    }

    fn sc_on(date: &str) -> Option<Vec<&'static str>> {
        SC.in_order_on(date)
    }

    #[test]
    fn every_year_of_the_council_has_five_permanent_and_the_elected_members() {
        for year in 1946..=1994 {
            for day in ["01-01", "06-30", "12-31"] {
                let date = format!("{year}-{day}");
                let m = sc_on(&date).expect("covered");
                let elected = if year < 1966 { 6 } else { 10 };
                assert_eq!(m.len(), 5 + elected, "{date}: {m:?}");
                assert!(m[..5].iter().all(|c| SC.is_permanent(c, &date)), "{date}: permanent first");
            }
        }
        assert_eq!(sc_on("1995-01-01"), None);
        assert_eq!(sc_on("1945-12-31"), None);
    }

    #[test]
    fn every_council_code_is_in_the_country_lexicon() {
        for t in &SC.terms {
            assert!(crate::reader::countries::name(t.code, "en").is_some(), "{} is not in lexicon/countries.tsv", t.code);
        }
    }

    #[test]
    fn council_seats_that_changed_hands() {
        assert!(sc_on("1991-12-23").unwrap().contains(&"SUHH"));
        assert!(sc_on("1991-12-31").unwrap().contains(&"RUS"));
        assert!(!sc_on("1991-12-31").unwrap().contains(&"SUHH"));
        assert!(SC.is_permanent("SUHH", "1960-07-26"));
        assert_eq!(china_seat("1971-10-24"), "Republic of China");
        assert_eq!(china_seat("1971-10-25"), "People's Republic of China");
        assert!(sc_on("1971-06-01").unwrap().contains(&"CHN"));
        assert!(sc_on("1984-06-01").unwrap().contains(&"HVBF"));
        assert!(sc_on("1984-09-01").unwrap().contains(&"BFA"));
        let mut y1974 = sc_on("1974-07-01").unwrap()[5..].to_vec();
        y1974.sort();
        assert_eq!(y1974, ["AUS", "AUT", "BYAA", "CMR", "CRI", "IDN", "IRQ", "KEN", "MRT", "PER"]);
        let mut y1950 = sc_on("1950-07-01").unwrap()[5..].to_vec();
        y1950.sort();
        assert_eq!(y1950, ["CUB", "ECU", "EGY", "IND", "NOR", "YUCS"]);
        // The same table answers the vote's positions: a State off the Council is a non-member.
        let members = members_on(Body::SC, crate::model::Date::new(1974, 7, 1).unwrap()).unwrap();
        assert!(members.contains("KEN") && !members.contains("BRA"));
    }

    #[test]
    fn the_council_has_47_members_every_year_it_answers_for() {
        for year in 2012..=2026 {
            let date = format!("{year}-09-01");
            let members = members_on(Body::HRC, date.parse().unwrap()).unwrap();
            assert_eq!(members.len(), 47, "{date}: {members:?}");
        }
        // Between a State's leaving and its successor's election the Council had 46.
        assert_eq!(members_on(Body::HRC, "2018-07-01".parse().unwrap()).unwrap().len(), 46);
        assert_eq!(members_on(Body::HRC, "2022-04-20".parse().unwrap()).unwrap().len(), 46);
        assert_eq!(members_on(Body::HRC, "2011-09-01".parse().unwrap()).unwrap().len(), 46, "Libya suspended");
        assert!(members_on(Body::HRC, "2008-09-01".parse().unwrap()).is_none());
    }

    #[test]
    fn the_seeds_sessions() {
        // 47/23 was adopted on 13 July 2021 by its 47 members (44-0-3).
        let y2021 = members_on(Body::HRC, "2021-07-13".parse().unwrap()).unwrap();
        for c in ["CHN", "ERI", "VEN", "RUS", "IND", "GBR", "URY"] {
            assert!(y2021.contains(c), "{c}");
        }
        // By 53/29 (14 July 2023): Venezuela's term had ended, Russia had left (Czechia
        // took its seat), the United States had returned.
        let y2023 = members_on(Body::HRC, "2023-07-14".parse().unwrap()).unwrap();
        for (c, member) in [("VEN", false), ("RUS", false), ("CZE", true), ("USA", true), ("CHN", true), ("ERI", true)] {
            assert_eq!(y2023.contains(c), member, "{c}");
        }
        // 41/11 (11 July 2019).
        let y2019 = members_on(Body::HRC, "2019-07-11".parse().unwrap()).unwrap();
        assert!(y2019.contains("ISL") && !y2019.contains("USA") && y2019.contains("CHN"));
    }

    #[test]
    fn member_states_by_admission() {
        assert_eq!(members_on(Body::GA, "2023-12-19".parse().unwrap()).unwrap().len(), 193);
        assert!(!members_on(Body::GA, "2010-12-21".parse().unwrap()).unwrap().contains("SSD"));
        assert!(members_on(Body::GA, "2011-12-19".parse().unwrap()).unwrap().contains("SSD"));
        assert!(members_on(Body::GA, "1985-12-19".parse().unwrap()).is_none());
        assert!(members_on(Body::SC, "2023-01-01".parse().unwrap()).is_none());
    }
}
