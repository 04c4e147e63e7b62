//! Turning candidates into references: which organ adopted the resolution,
//! its full symbol, the ISO date and a cleaned subject.
//!
//! The organ is chosen by weighing three witnesses in order: what the words
//! say (`人权理事会`, `its`, `Council`), what the number's shape allows (only
//! the Security Council writes `2467 (2019)`, only ECOSOC and the Commission
//! write `2025/4`), and whether the session fits the stated date and the citing
//! year (an "HRC" `68/167` of 2013 can only be the General Assembly's).

use crate::symbol::{ga_session_year, hrc_session_year};
use crate::text::date::Date;
use super::find::{Ctx, ResCand, Shape, Special};
use super::patterns::{EN_DATE, ZH_DATE};
use crate::text::numerals::{english_month, is_real_day};
use super::types::{Body, Lang, RefKind};

/// Highest resolution number a Human Rights Council session has reached, with
/// headroom; anything above it is a glued footnote or another organ.
const HRC_MAX_RES: u32 = 60;
/// Same for a General Assembly session (the 78th stopped at 331).
const GA_MAX_RES: u32 = 400;
/// ECOSOC and the Commission adopt fewer per year, but the 1980s ran long.
const ECOSOC_MAX_RES: u32 = 300;
const CHR_MAX_RES: u32 = 200;
const SC_MAX_RES: u32 = 3500;

pub(crate) struct Resolved {
    pub target: String,
    pub body: Body,
    /// End of the identifier once a glued footnote is peeled off.
    pub end: usize,
}


fn current_year() -> i32 {
    Date::today().year()
}

/// Organs that ever wrote numbers of this shape, most likely first.
fn compatible(shape: &Shape) -> &'static [Body] {
    match shape {
        Shape::Session { special: Some(Special::ES), .. } => &[Body::GA],
        Shape::Session { .. } => &[Body::GA, Body::HRC],
        Shape::Year { .. } => &[Body::ECOSOC, Body::CHR],
        Shape::Sc { .. } => &[Body::SC],
        Shape::Old { .. } => &[Body::GA, Body::ECOSOC],
    }
}

/// Organs the words point at; `None` means the words name an organ outside
/// this graph and the candidate is dropped.
fn preferred(ctx: Ctx, citing: Body, shape: &Shape) -> Option<Vec<Body>> {
    let council_for_shape = match shape {
        Shape::Session { .. } => Body::HRC,
        Shape::Year { .. } | Shape::Old { .. } => Body::ECOSOC,
        Shape::Sc { .. } => Body::SC,
    };
    Some(match ctx {
        Ctx::Known(b) => vec![b],
        Ctx::Council => {
            let citing_is_council = matches!(citing, Body::HRC | Body::SC | Body::ECOSOC);
            if citing_is_council && compatible(shape).contains(&citing) {
                vec![citing]
            } else {
                vec![council_for_shape]
            }
        }
        Ctx::Commission => match shape {
            Shape::Year { .. } => vec![Body::CHR],
            // Functional commissions (women, narcotics, …) number like `62/1`.
            _ => return None,
        },
        Ctx::Its | Ctx::Unstated | Ctx::NearForeign => match citing {
            Body::Unknown => vec![],
            b => vec![b],
        },
        Ctx::Foreign => return None,
    })
}

/// The number as written, then with one and two trailing digits taken as a
/// glued footnote (`59/3009` → `59/300` + 9), with how many bytes went.
fn variants(shape: &Shape, glued: bool) -> Vec<(Shape, usize)> {
    let mut out = vec![(shape.clone(), 0)];
    if !glued {
        return out;
    }
    let peel = |m_text: &str, k: usize| -> Option<(u32, String)> {
        let keep = m_text.len().checked_sub(k).filter(|&n| n > 0)?;
        let t = m_text.get(..keep)?;
        let m: u32 = t.parse().ok().filter(|&m| m > 0)?;
        Some((m, t.to_string()))
    };
    for k in 1..=2 {
        let v = match shape {
            Shape::Session { special, n, m_text, letter: None, .. } => peel(m_text, k)
                .map(|(m, t)| Shape::Session { special: *special, n: *n, m, m_text: t, letter: None }),
            Shape::Year { year, m_text, .. } => {
                peel(m_text, k).map(|(m, t)| Shape::Year { year: *year, m, m_text: t })
            }
            _ => None,
        };
        if let Some(v) = v {
            out.push((v, k));
        }
    }
    out
}

/// Whether organ `b` can have adopted `shape`, given the date the text gives
/// (`dy`) and the latest year the citation can point to.
fn valid(b: Body, shape: &Shape, dy: Option<i32>, max_year: i32) -> bool {
    let date_in = |lo: i32, hi: i32| dy.is_none_or(|y| (lo..=hi).contains(&y));
    match (b, shape) {
        (Body::HRC, Shape::Session { special: None, n, m, letter: None, .. }) => {
            let y = hrc_session_year(*n);
            *n >= 1 && y <= max_year && (1..=HRC_MAX_RES).contains(m) && date_in(y, y)
        }
        (Body::HRC, Shape::Session { special: Some(Special::S), n, m, letter: None, .. }) => {
            (1..=45).contains(n) && (1..=10).contains(m) && date_in(2006, max_year)
        }
        (Body::GA, Shape::Session { special: None, n, m, .. }) => {
            let y = ga_session_year(*n);
            *n >= 31 && y <= max_year && (1..=GA_MAX_RES).contains(m) && date_in(y, y + 1)
        }
        (Body::GA, Shape::Session { special: Some(Special::S), n, m, .. }) => {
            (1..=40).contains(n) && (1..=30).contains(m) && date_in(1947, max_year)
        }
        (Body::GA, Shape::Session { special: Some(Special::ES), n, m, .. }) => {
            (1..=20).contains(n) && (1..=60).contains(m) && date_in(1950, max_year)
        }
        (Body::GA, Shape::Old { special: None, session, n, .. }) => {
            let y = ga_session_year(*session);
            (1..=30).contains(session) && (1..=3600).contains(n) && date_in(y, y + 1)
        }
        (Body::GA, Shape::Old { special: Some(_), session, n, .. }) => {
            (1..=20).contains(session) && (1..=3600).contains(n)
        }
        (Body::ECOSOC, Shape::Old { special: None, session, n, .. }) => {
            (1..=70).contains(session) && (1..=2200).contains(n) && date_in(1946, 1978)
        }
        (Body::ECOSOC, Shape::Year { year, m, .. }) => {
            (1978..=max_year).contains(year) && (1..=ECOSOC_MAX_RES).contains(m) && date_in(*year, *year)
        }
        (Body::CHR, Shape::Year { year, m, .. }) => {
            (1946..=2006.min(max_year)).contains(year)
                && (1..=CHR_MAX_RES).contains(m)
                && date_in(*year, *year)
        }
        (Body::SC, Shape::Sc { n, year }) => {
            (1946..=max_year).contains(year) && (1..=SC_MAX_RES).contains(n) && date_in(*year, *year)
        }
        _ => false,
    }
}

/// Year an organ's number of this shape belongs to, to break ties by recency.
fn shape_year(b: Body, shape: &Shape) -> i32 {
    match (b, shape) {
        (Body::HRC, Shape::Session { n, .. }) => hrc_session_year(*n),
        (_, Shape::Session { n, .. }) => ga_session_year(*n),
        (_, Shape::Year { year, .. }) | (_, Shape::Sc { year, .. }) => *year,
        (_, Shape::Old { session, .. }) => ga_session_year(*session),
    }
}

pub(crate) fn resolve_resolution(
    c: &ResCand<'_>,
    citing: Body,
    citing_year: Option<i32>,
) -> Option<Resolved> {
    let dy = c.date.and_then(parse_date).map(|(y, _, _)| y);
    if c.ctx == Ctx::NearForeign && dy.is_none() && !matches!(c.shape, Shape::Sc { .. }) {
        return None;
    }
    let max_year = citing_year.unwrap_or_else(current_year);
    let compat = compatible(&c.shape);
    let preferred: Vec<Body> =
        preferred(c.ctx, citing, &c.shape)?.into_iter().filter(|b| compat.contains(b)).collect();
    let others: Vec<Body> = compat.iter().copied().filter(|b| !preferred.contains(b)).collect();
    let all = variants(&c.shape, c.glued_footnote_possible);
    let plain = &all[..1];
    let reference = citing_year.unwrap_or(max_year);

    let pick = |bodies: &[Body], vs: &[(Shape, usize)], dy: Option<i32>| -> Option<(Body, Shape, usize)> {
        // First variant that any organ accepts; among organs, the most recent.
        for (v, cut) in vs {
            let best = bodies
                .iter()
                .copied()
                .filter(|b| valid(*b, v, dy, max_year))
                .min_by_key(|b| (reference - shape_year(*b, v)).abs());
            if let Some(b) = best {
                return Some((b, v.clone(), *cut));
            }
        }
        None
    };

    // Moving to an organ the words did not point at needs a reason: explicit
    // words that the shape contradicts, a date that fits the other organ, or a
    // session the Council cannot have held yet. Without one, a bare small
    // number in an Assembly text is some other body's (`CTOC/COP/2020/10,
    // sect. I.A, resolution 10/1`; `in paragraph 1 of its resolution 5/14` of
    // the Environment Assembly), not the Human Rights Council's.
    let explicit = c.ctx_said && matches!(c.ctx, Ctx::Known(_) | Ctx::Council | Ctx::Commission);
    let beyond_council = preferred == [Body::HRC]
        && matches!(c.shape, Shape::Session { special: None, n, .. } if hrc_session_year(n) > max_year);
    let may_switch = dy.is_some() || explicit || beyond_council || preferred.is_empty();

    let chosen = pick(&preferred, &all, dy)
        .or_else(|| if may_switch { pick(&others, plain, dy) } else { None })
        // Peeling a footnote off for an organ the words did not name needs a
        // date to vouch for it; otherwise `annex II, resolution 14/221` of some
        // other body would turn into the Council's 14/22.
        .or_else(|| if dy.is_some() { pick(&others, &all[1..], dy) } else { None })?;
    // A date that fits no organ is not overruled: such numbers are in practice
    // other bodies' (`resolution 10/7 of 16 October 2020` of a conference of
    // States parties), not slips of the pen.

    let (body, shape, cut) = chosen;
    Some(Resolved { target: symbol(body, &shape), body, end: c.end.saturating_sub(cut).max(c.start) })
}

/// The UN symbol of resolution `shape` of organ `b`.
pub(crate) fn symbol(b: Body, shape: &Shape) -> String {
    let sp = |s: &Option<Special>| match s {
        Some(Special::S) => "S-",
        Some(Special::ES) => "ES-",
        None => "",
    };
    let letter = |l: &Option<char>| l.map(|c| format!(" {c}")).unwrap_or_default();
    match (b, shape) {
        (Body::HRC, Shape::Session { special, n, m, .. }) => format!("A/HRC/RES/{}{n}/{m}", sp(special)),
        (Body::ECOSOC, Shape::Year { year, m, .. }) => format!("E/RES/{year}/{m}"),
        (Body::CHR, Shape::Year { year, m, .. }) => format!("E/CN.4/RES/{year}/{m}"),
        (Body::SC, Shape::Sc { n, year }) => format!("S/RES/{n} ({year})"),
        (Body::ECOSOC, Shape::Old { n, letter: l, roman, .. }) => format!("E/RES/{n}{} ({roman})", letter(l)),
        (_, Shape::Old { n, letter: l, roman, .. }) => format!("A/RES/{n}{} ({roman})", letter(l)),
        (_, Shape::Session { special, n, m, letter: l, .. }) => {
            format!("A/RES/{}{n}/{m}{}", sp(special), letter(l))
        }
        (_, Shape::Year { year, m, .. }) => format!("E/RES/{year}/{m}"),
        (_, Shape::Sc { n, year }) => format!("S/RES/{n} ({year})"),
    }
}

/// Organ and kind of a symbol found as written (`A/HRC/RES/45/9`, `A/HRC/47/52`).
pub(crate) fn classify_symbol(sym: &str) -> (Body, RefKind) {
    let kind = if sym.contains("/RES/") { RefKind::Resolution } else { RefKind::Document };
    let body = Body::from_symbol(sym);
    (body, kind)
}

/// `2019 年 7 月 11 日` or `11 July 2019` → (2019, 7, 11), if it is a real day.
pub(crate) fn parse_date(raw: &str) -> Option<(i32, u32, u32)> {
    let (y, mo, d) = if let Some(c) = ZH_DATE.captures(raw) {
        (
            c.name("y")?.as_str().parse().ok()?,
            c.name("mo")?.as_str().parse().ok()?,
            c.name("d")?.as_str().parse().ok()?,
        )
    } else {
        let c = EN_DATE.captures(raw)?;
        let mo = english_month(c.name("mon")?.as_str())?;
        (c.name("y")?.as_str().parse().ok()?, mo, c.name("d")?.as_str().parse().ok()?)
    };
    is_real_day(y, mo, d).then_some((y, mo, d))
}

pub(crate) fn iso_date(raw: &str) -> Option<Date> {
    parse_date(raw).and_then(|(y, m, d)| Date::new(y, m, d))
}

/// A subject as the citing text gives it, minus extraction debris: footnote
/// marks, line-break spaces inside Chinese, runs of spaces in English.
pub(crate) fn clean_title(raw: &str, lang: Lang) -> Option<String> {
    let no_marks: String = raw.chars().filter(|c| !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c)).collect();
    let out = match lang {
        Lang::Zh => {
            // The leftmost match can start at an earlier `关于`; the subject is
            // what follows the last one.
            let s = match no_marks.rfind("关于") {
                Some(i) => &no_marks[i + "关于".len()..],
                None => &no_marks[..],
            };
            // PDF extraction puts spaces inside Chinese words (`人 权`); keep a
            // space only between two ASCII alphanumerics (`COVID-19 pandemic`).
            let chars: Vec<char> = s.chars().collect();
            let mut o = String::with_capacity(s.len());
            for (i, &ch) in chars.iter().enumerate() {
                if ch.is_whitespace() {
                    let prev = o.chars().next_back();
                    let next = chars[i + 1..].iter().copied().find(|c| !c.is_whitespace());
                    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if ascii(prev) && ascii(next) && !o.ends_with(' ') {
                        o.push(' ');
                    }
                } else {
                    o.push(ch);
                }
            }
            o
        }
        Lang::En => no_marks.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    let t = out.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | '，' | '、'));
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The session → year pairs the brief gives.
    #[test]
    fn hrc_years() {
        for (n, y) in [
            (41, 2019),
            (47, 2021),
            (53, 2023),
            (17, 2011),
            (31, 2016),
            (38, 2018),
            (42, 2019),
            (48, 2021),
            (28, 2015),
            (34, 2017),
            (37, 2018),
            (32, 2016),
            (1, 2006),
            (4, 2007),
        ] {
            assert_eq!(hrc_session_year(n), y, "session {n}");
        }
    }

    #[test]
    fn ga_years() {
        assert_eq!(ga_session_year(68), 2013);
        assert_eq!(ga_session_year(77), 2022);
    }

    fn session(n: u32, m: u32) -> Shape {
        Shape::Session { special: None, n, m, m_text: m.to_string(), letter: None }
    }

    fn cand(shape: Shape, ctx: Ctx, date: Option<&str>, glued: bool) -> ResCand<'_> {
        let len = match &shape {
            Shape::Session { m_text, .. } => 3 + m_text.len(),
            _ => 5,
        };
        ResCand {
            shape,
            start: 0,
            end: len,
            ctx,
            ctx_said: true,
            date,
            title: None,
            glued_footnote_possible: glued,
        }
    }

    /// Organ choice: words, shape and dates, one row each.
    #[test]
    fn organ_choice() {
        use Body::*;
        // (shape, words, citing body, date, footnote may be glued, expected symbol)
        type Row<'a> = (Shape, Ctx, Body, Option<&'a str>, bool, Option<&'a str>);
        let rows: &[Row] = &[
            (session(41, 11), Ctx::Known(HRC), HRC, None, false, Some("A/HRC/RES/41/11")),
            (session(41, 11), Ctx::Unstated, HRC, Some("11 July 2019"), false, Some("A/HRC/RES/41/11")),
            // Said HRC, dated 2013: only the Assembly's 68th session fits.
            (session(68, 167), Ctx::Known(HRC), HRC, Some("18 December 2013"), false, Some("A/RES/68/167")),
            (session(77, 181), Ctx::Its, GA, None, false, Some("A/RES/77/181")),
            (session(47, 16), Ctx::Council, HRC, None, false, Some("A/HRC/RES/47/16")),
            // A GA text that says `Council` still means the Human Rights Council for N/M.
            (session(47, 16), Ctx::Council, GA, None, false, Some("A/HRC/RES/47/16")),
            // A GA text citing a number below the 31st session: must be the Council.
            (session(28, 16), Ctx::Unstated, GA, Some("26 March 2015"), false, Some("A/HRC/RES/28/16")),
            // …but undated, a bare small number in an Assembly text is another body's.
            (session(10, 1), Ctx::Unstated, GA, None, false, None),
            (session(5, 14), Ctx::Its, GA, None, false, None),
            // An HRC text's bare `68/167` cannot be the Council's (no 68th session yet).
            (session(68, 167), Ctx::Unstated, HRC, None, false, Some("A/RES/68/167")),
            (
                Shape::Year { year: 2025, m: 4, m_text: "4".into() },
                Ctx::Council,
                HRC,
                None,
                false,
                Some("E/RES/2025/4"),
            ),
            (
                Shape::Year { year: 2005, m: 69, m_text: "69".into() },
                Ctx::Known(CHR),
                HRC,
                None,
                false,
                Some("E/CN.4/RES/2005/69"),
            ),
            (
                Shape::Year { year: 2005, m: 69, m_text: "69".into() },
                Ctx::Commission,
                HRC,
                None,
                false,
                Some("E/CN.4/RES/2005/69"),
            ),
            (Shape::Sc { n: 2467, year: 2019 }, Ctx::Known(GA), GA, None, false, Some("S/RES/2467 (2019)")),
            (
                Shape::Old { n: 217, letter: Some('A'), special: None, session: 3, roman: "III".into() },
                Ctx::Unstated,
                HRC,
                None,
                false,
                Some("A/RES/217 A (III)"),
            ),
            (
                Shape::Old { n: 1235, letter: None, special: None, session: 42, roman: "XLII".into() },
                Ctx::Known(ECOSOC),
                GA,
                None,
                false,
                Some("E/RES/1235 (XLII)"),
            ),
            // Glued footnotes: peel for the named organ, never invent one.
            (session(59, 3009), Ctx::Its, GA, None, true, Some("A/RES/59/300")),
            (session(55, 2831), Ctx::Known(HRC), GA, None, true, Some("A/HRC/RES/55/28")),
            (session(14, 221), Ctx::Unstated, GA, None, true, None),
            (session(62, 1), Ctx::Foreign, GA, None, false, None),
            (session(62, 1), Ctx::Commission, GA, None, false, None),
        ];
        for (shape, ctx, citing, date, glued, want) in rows {
            let c = cand(shape.clone(), *ctx, *date, *glued);
            let got = resolve_resolution(&c, *citing, Some(2025)).map(|r| r.target);
            assert_eq!(got.as_deref(), *want, "{shape:?} {ctx:?} {citing:?} {date:?}");
        }
    }

    #[test]
    fn no_hrc_before_2006_or_in_the_future() {
        assert!(!valid(Body::HRC, &session(41, 11), Some(2005), 2030));
        assert!(!valid(Body::HRC, &session(68, 167), None, 2023));
        assert!(valid(Body::GA, &session(68, 167), None, 2023));
    }

    #[test]
    fn dates() {
        for (raw, want) in [
            ("2019 年 7 月 11 日", Some("2019-07-11")),
            ("2018年3月22日", Some("2018-03-22")),
            ("7 October 2021", Some("2021-10-07")),
            ("31 February 2021", None),
            ("2019 年 13 月 1 日", None),
        ] {
            assert_eq!(iso_date(raw).map(|d| d.to_string()).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn titles() {
        for (raw, lang, want) in [
            ("新的和新兴的数字技术与人 权", Lang::Zh, Some("新的和新兴的数字技术与人权")),
            ("关于A的报告和关于数字时代隐私权", Lang::Zh, Some("数字时代隐私权")),
            (
                "the right to   privacy in the digital age",
                Lang::En,
                Some("the right to privacy in the digital age"),
            ),
            ("  ", Lang::En, None),
        ] {
            assert_eq!(clean_title(raw, lang).as_deref(), want, "{raw}");
        }
    }
}
