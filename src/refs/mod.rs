//! References: every citation of a UN resolution or document in one paragraph, resolved
//! to a full symbol with the body, date, title and verb the citing text gives it.
//!
//! Extracts references to UN resolutions and documents from one paragraph of
//! a Chinese or English resolution or report.
//!
//! ```
//! use lineage::refs::{find_references, Body, Lang};
//! let found = find_references(
//!     "又回顾人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第 41/11 号决议",
//!     Lang::Zh, Body::HRC, Some(2021));
//! assert_eq!(found[0].target, "A/HRC/RES/41/11");
//! assert_eq!(found[0].date.as_deref(), Some("2019-07-11"));
//! assert_eq!(found[0].title.as_deref(), Some("新的和新兴的数字技术与人权"));
//! assert_eq!(found[0].verb.as_deref(), Some("又回顾"));
//! ```

mod find;
mod patterns;
mod resolve;
pub mod types;

pub use resolve::{ga_session_year, hrc_session_year};
pub use types::{Body, Found, Lang, RefKind};

/// Every resolution and document reference in `text`, in text order.
///
/// `citing_body` is the organ whose text this is: it stands behind `its
/// resolution`, `理事会` and bare numbers. `citing_year` bounds what can be
/// cited (no session later than the citing one); without it the current year
/// is used.
pub fn find_references(text: &str, lang: Lang, citing_body: Body, citing_year: Option<i32>) -> Vec<Found> {
    let verb = find::leading_verb(text, lang).map(str::to_string);
    let cands = find::find_candidates(text, lang);
    let mut out: Vec<Found> = Vec::with_capacity(cands.resolutions.len() + cands.documents.len());
    for c in &cands.resolutions {
        if let Some(r) = resolve::resolve_resolution(c, citing_body, citing_year) {
            out.push(Found {
                target: r.target,
                body: r.body,
                kind: RefKind::Resolution,
                date: c.date.and_then(resolve::iso_date),
                title: c.title.and_then(|t| resolve::clean_title(t, lang)),
                verb: verb.clone(),
                start: c.start,
                end: r.end,
            });
        }
    }
    for d in cands.documents {
        let (body, kind) = resolve::classify_symbol(&d.target);
        out.push(Found {
            target: d.target,
            body,
            kind,
            date: None,
            title: None,
            verb: verb.clone(),
            start: d.start,
            end: d.end,
        });
    }
    out.sort_by_key(|a| (a.start, a.end));
    out.dedup_by(|a, b| a.start == b.start && a.target == b.target);
    out
}

#[cfg(test)]
mod tests;
