//! Who sat in a body on a given day: the Human Rights Council's 47 members term by term
//! (`lexicon/hrc_members.tsv`) and the General Assembly's Member States with their
//! admission dates (`lexicon/un_members.tsv`). A vote is read against it, so that a
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

/// The General Assembly table answers from this day (admissions before it are not dated).
const UN_ANSWERS_FROM: &str = "1990-01-01";

/// One State's seat from one day to another (inclusive), or a suspension of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    code: &'static str,
    from: &'static str,
    to: &'static str,
    suspension: bool,
}

/// A body's membership over the dates it answers for.
#[derive(Debug)]
pub struct Membership {
    terms: Vec<Term>,
    answers_from: &'static str,
    answers_to: Option<&'static str>,
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
        for (n, line) in text.lines().enumerate() {
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
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 || f[0].len() != 3 || !is_date(f[1]) || !is_date(f[2]) || f[1] > f[2] {
                return Err(format!("hrc_members.tsv line {}: `{line}` is not `iso3, from, to, note`", n + 1));
            }
            let suspension = f.get(3).is_some_and(|note| note.starts_with("suspended"));
            terms.push(Term { code: f[0], from: f[1], to: f[2], suspension });
        }
        let (from, to) = answers.ok_or("hrc_members.tsv states no `# answers FROM TO` line")?;
        Ok(Membership { terms, answers_from: from, answers_to: Some(to) })
    }

    /// The Member States: rows `iso3, admitted` (empty = before [`UN_ANSWERS_FROM`]).
    fn un(text: &'static str) -> Result<Membership, String> {
        let mut terms = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("iso3\t") {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let admitted = f.get(1).copied().unwrap_or("");
            if f[0].len() != 3 || !(admitted.is_empty() || is_date(admitted)) {
                return Err(format!("un_members.tsv line {}: `{line}` is not `iso3, admitted`", n + 1));
            }
            let from = if admitted.is_empty() { UN_ANSWERS_FROM } else { admitted };
            terms.push(Term { code: f[0], from, to: "9999-12-31", suspension: false });
        }
        Ok(Membership { terms, answers_from: UN_ANSWERS_FROM, answers_to: None })
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

/// The membership table of `body`, where the project has one.
pub fn of(body: Body) -> Option<&'static Membership> {
    match body {
        Body::HRC => Some(&HRC),
        Body::GA => Some(&UN),
        _ => None,
    }
}

/// The members of `body` on `date` (`YYYY-MM-DD`), where known.
pub fn members_on(body: Body, date: crate::model::Date) -> Option<BTreeSet<&'static str>> {
    of(body)?.on(&date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_read() {
        Membership::hrc(HRC_TSV).unwrap();
        Membership::un(UN_TSV).unwrap();
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
