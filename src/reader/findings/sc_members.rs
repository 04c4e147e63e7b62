//! Who sat on the Security Council on a given date, from `lexicon/sc_members.tsv`
//! (compiled in; its header gives the sources and the coding of China's seat and of
//! former States).

use std::sync::LazyLock;

const TSV: &str = include_str!("../../../lexicon/sc_members.tsv");

/// One term on the Council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub code: &'static str,
    pub from: &'static str,
    /// `None` for a permanent member still in its seat.
    pub to: Option<&'static str>,
    /// `permanent`, `permanent (Republic of China)`, `elected`.
    pub seat: &'static str,
}

/// The last date the file covers: elected members are listed up to the end of this year.
pub const COVERED_UNTIL: &str = "1994-12-31";
/// The first date the Council sat.
pub const COVERED_FROM: &str = "1946-01-01";

static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| match parse(TSV) {
    Ok(t) => t,
    // Compiled in and checked by the tests: a bad row is a build defect.
    Err(e) => panic!("lexicon/sc_members.tsv is invalid: {e}"),
});

fn parse(text: &'static str) -> Result<Vec<Term>, String> {
    let mut out = Vec::new();
    let mut header = false;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        if !header {
            header = true;
            if f != ["code", "from", "to", "seat"] {
                return Err(format!("line {}: expected the header code/from/to/seat", n + 1));
            }
            continue;
        }
        if f.len() != 4 {
            return Err(format!("line {}: {} fields, expected 4", n + 1, f.len()));
        }
        let date = |d: &str| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
        if !date(f[1]) || !(f[2].is_empty() || date(f[2])) {
            return Err(format!("line {}: dates must be YYYY-MM-DD", n + 1));
        }
        out.push(Term { code: f[0], from: f[1], to: (!f[2].is_empty()).then_some(f[2]), seat: f[3] });
    }
    Ok(out)
}

pub fn terms() -> &'static [Term] {
    &TERMS
}

/// The members on `date` (ISO), permanent first, or `None` outside the years the file
/// covers (so that a vote of another year is not read against a guessed membership).
pub fn members_on(date: &str) -> Option<Vec<&'static str>> {
    let date = date.get(..10)?;
    if !(COVERED_FROM..=COVERED_UNTIL).contains(&date) {
        return None;
    }
    let mut out: Vec<(&'static str, bool)> = terms()
        .iter()
        .filter(|t| t.from <= date && t.to.is_none_or(|to| date <= to))
        .map(|t| (t.code, t.seat.starts_with("permanent")))
        .collect();
    out.sort_by_key(|(_, permanent)| !permanent);
    Some(out.into_iter().map(|(c, _)| c).collect())
}

/// Whether `code` held a permanent seat on `date`.
pub fn is_permanent(code: &str, date: &str) -> bool {
    terms()
        .iter()
        .any(|t| t.code == code && t.seat.starts_with("permanent") && t.from <= date && t.to.is_none_or(|to| date <= to))
}

/// Who represented China on `date`: the Republic of China until 24 October 1971, the
/// People's Republic of China from 25 October 1971 (General Assembly resolution 2758
/// (XXVI)). The code is `CHN` in both periods.
pub fn china_seat(date: &str) -> &'static str {
    if date < "1971-10-25" { "Republic of China" } else { "People's Republic of China" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::countries::gazetteer;

    #[test]
    fn every_year_has_five_permanent_and_the_elected_members() {
        for year in 1946..=1994 {
            for day in ["01-01", "06-30", "12-31"] {
                let date = format!("{year}-{day}");
                let m = members_on(&date).expect("covered");
                let elected = if year < 1966 { 6 } else { 10 };
                assert_eq!(m.len(), 5 + elected, "{date}: {m:?}");
                let permanent = m.iter().filter(|c| is_permanent(c, &date)).count();
                assert_eq!(permanent, 5, "{date}");
            }
        }
        assert_eq!(members_on("1995-01-01"), None);
        assert_eq!(members_on("1945-12-31"), None);
    }

    #[test]
    fn every_code_is_in_the_country_lexicon() {
        for t in terms() {
            assert!(gazetteer().name(t.code, "en").is_some(), "{} is not in lexicon/countries.tsv", t.code);
        }
    }

    #[test]
    fn seats_that_changed_hands() {
        assert!(members_on("1991-12-23").unwrap().contains(&"SUHH"));
        assert!(members_on("1991-12-31").unwrap().contains(&"RUS"));
        assert!(!members_on("1991-12-31").unwrap().contains(&"SUHH"));
        assert_eq!(china_seat("1971-10-24"), "Republic of China");
        assert_eq!(china_seat("1971-10-25"), "People's Republic of China");
        assert!(members_on("1971-06-01").unwrap().contains(&"CHN"));
        assert!(members_on("1984-06-01").unwrap().contains(&"HVBF"));
        assert!(members_on("1984-09-01").unwrap().contains(&"BFA"));
        // Elected members of two sample years, as the Council's list gives them.
        let mut y1974 = members_on("1974-07-01").unwrap()[5..].to_vec();
        y1974.sort();
        assert_eq!(y1974, ["AUS", "AUT", "BYAA", "CMR", "CRI", "IDN", "IRQ", "KEN", "MRT", "PER"]);
        let mut y1950 = members_on("1950-07-01").unwrap()[5..].to_vec();
        y1950.sort();
        assert_eq!(y1950, ["CUB", "ECU", "EGY", "IND", "NOR", "YUCS"]);
    }
}
