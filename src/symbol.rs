//! UN document symbols: which body a symbol belongs to, the session and number it names,
//! the years and ends of sessions, and the short forms users type (`47/23`,
//! `hrc/47/23`). Every stage that reads or writes a symbol asks here: one parser, one
//! formatter.

use crate::text::date::Date;
use serde::{Deserialize, Serialize};

/// Which UN organ adopted or issued a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Body {
    /// Human Rights Council (A/HRC/…), from 2006.
    HRC,
    /// General Assembly (A/…).
    GA,
    /// Security Council (S/…).
    SC,
    /// Economic and Social Council (E/…).
    ECOSOC,
    /// Commission on Human Rights (E/CN.4/…), the Council's predecessor until 2006.
    CHR,
    /// Not stated and not inferable.
    Unknown,
}

impl Body {
    /// The organ a symbol belongs to: `A/HRC/…` HRC, `A/…` GA, `S/…` SC, `E/CN.4/…`
    /// the Commission on Human Rights, `E/…` ECOSOC.
    pub fn from_symbol(symbol: &str) -> Body {
        if symbol.starts_with("A/HRC/") {
            Body::HRC
        } else if symbol.starts_with("A/") {
            Body::GA
        } else if symbol.starts_with("S/") {
            Body::SC
        } else if symbol.starts_with("E/CN.4/") {
            Body::CHR
        } else if symbol.starts_with("E/") {
            Body::ECOSOC
        } else {
            Body::Unknown
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Body::HRC => "HRC",
            Body::GA => "GA",
            Body::SC => "SC",
            Body::ECOSOC => "ECOSOC",
            Body::CHR => "CHR",
            Body::Unknown => "Unknown",
        }
    }
}

/// The session a symbol names: `A/HRC/RES/47/23` → 47, `A/RES/77/211` → 77,
/// `A/HRC/50/56` → 50. Old-style and Security Council symbols name none.
pub fn session_of(symbol: &str) -> Option<u32> {
    let rest = symbol
        .strip_prefix("A/HRC/RES/")
        .or_else(|| symbol.strip_prefix("A/RES/"))
        .or_else(|| symbol.strip_prefix("A/HRC/"))
        .or_else(|| symbol.strip_prefix("A/"))?;
    let head = rest.split('/').next()?;
    if rest.contains('/') { head.parse().ok() } else { None }
}

/// Calendar year in which Human Rights Council session `n` met: three
/// regular sessions a year from 2006 (1–3 in 2006, 4–6 in 2007, 41 in 2019).
pub fn hrc_session_year(n: u32) -> i32 {
    2006 + (n.max(1) as i32 - 1) / 3
}

/// Calendar year in which General Assembly session `n` opened (September);
/// its resolutions date from that year or the next.
pub fn ga_session_year(n: u32) -> i32 {
    1945 + n as i32
}

/// The last day of a session: the Council meets three times a year (spring, summer,
/// autumn); the Assembly's main part runs from September to December.
pub fn session_end(body: Body, session: u32) -> Option<Date> {
    match body {
        Body::HRC => {
            let year = hrc_session_year(session);
            let month = [4, 7, 10][((session.max(1) - 1) % 3) as usize];
            Date::new(year, month, 15)
        }
        Body::GA => Date::new(ga_session_year(session), 12, 31),
        _ => None,
    }
}

/// The body and session of a report's symbol (`A/HRC/50/56` → HRC 50); none for a
/// resolution.
pub fn report_session(symbol: &str) -> Option<(Body, u32)> {
    if symbol.contains("/RES/") {
        return None;
    }
    let body = Body::from_symbol(symbol);
    matches!(body, Body::HRC | Body::GA).then_some(())?;
    session_of(symbol).map(|s| (body, s))
}

/// `A/HRC/RES/53/29` → `53/29`, `A/RES/77/211` → `77/211`.
pub fn resolution_number(symbol: &str) -> String {
    let mut parts: Vec<&str> = symbol.rsplit('/').take(2).collect();
    parts.reverse();
    parts.join("/")
}

/// The symbol a resolution's number implies for the body that adopted it.
pub fn resolution_symbol(body: Body, number: &str) -> Option<String> {
    Some(match body {
        Body::HRC => format!("A/HRC/RES/{number}"),
        Body::GA => format!("A/RES/{number}"),
        Body::ECOSOC => format!("E/RES/{number}"),
        Body::CHR => format!("E/CN.4/RES/{number}"),
        Body::SC | Body::Unknown => return None,
    })
}

/// The body a short form names before its number: `hrc/47/23`, `ga/77/211`.
pub fn body_of_prefix(s: &str) -> Option<Body> {
    Some(match s {
        "HRC" => Body::HRC,
        "GA" => Body::GA,
        "SC" => Body::SC,
        "ECOSOC" => Body::ECOSOC,
        "CHR" => Body::CHR,
        _ => return None,
    })
}

/// Upper-case, no spaces: `S/RES/2467 (2019)` and `s/res/2467(2019)` compare equal.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(|c| c.to_uppercase()).collect()
}

/// The short forms a symbol answers to: `A/HRC/RES/47/23` → `47/23`;
/// `S/RES/2467 (2019)` → `2467`, `2467(2019)`; `A/HRC/44/24` → `44/24`.
pub fn short_forms(symbol: &str) -> Vec<String> {
    let s = squash(symbol);
    let mut out = Vec::new();
    if let Some((_, tail)) = s.split_once("/RES/") {
        out.push(tail.to_string());
        if let Some((n, _)) = tail.split_once('(') {
            out.push(n.to_string());
        }
    } else {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.len() >= 2 {
            out.push(parts[parts.len() - 2..].join("/"));
        }
    }
    out.push(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_of_symbols() {
        assert!(short_forms("A/HRC/RES/47/23").contains(&"47/23".to_string()));
        assert!(short_forms("S/RES/2467 (2019)").contains(&"2467".to_string()));
        assert!(short_forms("A/HRC/44/24").contains(&"44/24".to_string()));
    }

    #[test]
    fn sessions_numbers_and_bodies_of_symbols() {
        assert_eq!(Body::from_symbol("A/HRC/RES/47/23"), Body::HRC);
        assert_eq!(Body::from_symbol("S/RES/2467 (2019)"), Body::SC);
        assert_eq!(session_of("A/HRC/RES/47/23"), Some(47));
        assert_eq!(session_of("A/HRC/50/56"), Some(50));
        assert_eq!(session_of("S/RES/2467 (2019)"), None);
        assert_eq!(resolution_number("A/RES/77/211"), "77/211");
        assert_eq!(resolution_symbol(Body::HRC, "53/29").as_deref(), Some("A/HRC/RES/53/29"));
        assert_eq!(report_session("A/HRC/50/56"), Some((Body::HRC, 50)));
        assert_eq!(report_session("A/HRC/RES/50/5"), None);
        assert_eq!(hrc_session_year(41), 2019);
        assert_eq!(ga_session_year(77), 2022);
        assert_eq!(body_of_prefix("HRC"), Some(Body::HRC));
    }
}
