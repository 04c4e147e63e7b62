//! References: every citation of a UN resolution or document in one paragraph, resolved
//! to a full symbol with the body, date, title and verb the citing text gives it.
//!
//! Extracts references to UN resolutions and documents from one paragraph of
//! a Chinese or English resolution or report.
//!
//! ```
//! use lineage::reader::refs::{find_references, Body, Lang};
//! let found = find_references(
//!     "又回顾人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第 41/11 号决议",
//!     Lang::Zh, Body::HRC, Some(2021));
//! assert_eq!(found[0].target, "A/HRC/RES/41/11");
//! assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2019-07-11"));
//! assert_eq!(found[0].title.as_deref(), Some("新的和新兴的数字技术与人权"));
//! assert_eq!(found[0].verb.as_deref(), Some("又回顾"));
//! ```

mod find;
mod patterns;
pub use patterns::prepare;
mod resolve;
pub mod types;

use crate::symbol::{ga_session_year, hrc_session_year};
pub use types::{Body, Found, Lang, RefKind};

use crate::model::{Document, Language, Reference, ReferenceKind};

/// Every resolution and document reference in `text`, in text order.
///
/// `citing_body` is the organ whose text this is: it stands behind `its
/// resolution`, `理事会` and bare numbers. `citing_year` bounds what can be
/// cited (no session later than the citing one); without it the current year
/// is used.
pub fn find_references(text: &str, lang: Lang, citing_body: Body, citing_year: Option<i32>) -> Vec<Found> {
    let cands = find::find_candidates(text, lang);
    // The verb is read only where there is something for it to introduce.
    if cands.resolutions.is_empty() && cands.documents.is_empty() {
        return Vec::new();
    }
    let verb = find::leading_verb(text, lang).map(str::to_string);
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

/// Every reference `doc` makes: in its masthead (`masthead`), paragraph by paragraph
/// (items included), then in its footnotes (`FN1`), in text order. A symbol cited twice in one paragraph or item is
/// listed once; the document's own symbol is left out, since a text does not cite itself.
pub fn document_references(doc: &Document) -> Vec<Reference> {
    let lang = match doc.language {
        Language::Zh => Lang::Zh,
        Language::En => Lang::En,
    };
    let year = citing_year(doc);
    let mut out = Vec::new();
    let mut push = |text: &str, paragraph: &str, item: Option<&str>, verb: Option<&str>| {
        // A set, not a scan of what this paragraph already gave: a paragraph may list
        // thousands of references.
        let mut seen = std::collections::HashSet::new();
        for f in find_references(text, lang, doc.body, year) {
            if f.target == doc.symbol || !seen.insert(f.target.clone()) {
                continue;
            }
            out.push(Reference {
                target: f.target,
                body: f.body,
                kind: match f.kind {
                    RefKind::Resolution => ReferenceKind::Resolution,
                    RefKind::Document => ReferenceKind::Document,
                },
                date: f.date,
                title: f.title,
                paragraph: paragraph.to_string(),
                item: item.map(str::to_string),
                // An item continues its paragraph's sentence: the verb is the paragraph's.
                verb: verb.map(str::to_string).or(f.verb),
            });
        }
    };
    // The masthead names the committee report a General Assembly resolution was adopted on
    // ("[on the report of the Third Committee (A/77/463/Add.2, para. 87)]").
    let masthead: Vec<&str> = doc.front_matter.iter().map(|m| m.text.as_str()).collect();
    push(&masthead.join("\n"), "masthead", None, None);
    for p in &doc.paragraphs {
        // The paragraph's verb stands for its items': no items, no verb to read.
        let verb = if p.items.is_empty() { None } else { find::leading_verb(&p.text, lang) };
        push(&p.text, &p.id, None, None);
        for item in &p.items {
            push(&item.text, &p.id, Some(&item.label), verb);
        }
    }
    for f in &doc.footnotes {
        push(&f.text, &format!("FN{}", f.mark), None, None);
    }
    out
}

/// The latest year the document can cite: its adoption year, else the year its session met.
fn citing_year(doc: &Document) -> Option<i32> {
    let adopted = doc.adopted.map(|d| d.year());
    adopted.or_else(|| {
        let session = doc.session?;
        match doc.body {
            Body::HRC => Some(hrc_session_year(session)),
            // A session opens in September and runs into the next year.
            Body::GA => Some(ga_session_year(session) + 1),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests;
