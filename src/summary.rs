//! What changed in substance between two texts: rights named or no longer named, requests
//! new, carried over or dropped, the vote country by country, and references added or
//! removed. The `summary` of `diff --format json`, and the top of every diff format.

use crate::reader::findings::requests::{Addressee, Request};
use crate::reader::findings::rights::{MentionContext, RightFinding};
use crate::model::{Document, Vote};
use crate::text::compare::{dice_of, shared_sorted};
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};

/// How alike two requests must be to count as one mandate carried over: the share of
/// deliverables they have in common and the likeness of their wording, half each. Between
/// 47/23 and 53/29 the carried-over requests score above 0.4 and unrelated ones of the
/// same addressee below 0.25.
const CONTINUED_REQUEST: f64 = 0.3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryChange {
    pub country: String,
    pub from: &'static str,
    pub to: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VoteChange {
    pub from: Vote,
    pub to: Vote,
    /// The method or a count changed.
    pub changed: bool,
    pub countries_changed: Vec<CountryChange>,
}

/// A request of the new text that carries on one of the old, and what changed in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContinuedRequest {
    #[serde(flatten)]
    pub request: Request,
    /// The old text's paragraph that made it.
    pub from_paragraph: String,
    pub from_due_sessions: Vec<u32>,
    /// The deadline moved (or was set or dropped).
    pub deadline_changed: bool,
    /// Who the old text asked, where the new text asks someone else (the Office of the
    /// High Commissioner → the High Commissioner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_addressee: Option<Addressee>,
    /// What the old text asked for, where the new text asks for something else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_deliverables: Option<Vec<crate::reader::findings::requests::Deliverable>>,
    /// The old text's deadlines with their body, where they changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from_due: Vec<crate::reader::findings::requests::Due>,
    /// Likeness of the two actions' wording, 0 to 1: under [`REWORDED_ACTION`] the
    /// request carries on in other words.
    pub action_likeness: f64,
    /// The action was reworded substantially (what is asked changed, not just who or when).
    pub action_changed: bool,
}

/// Likeness of wording under which a carried-over request counts as reworded.
pub const REWORDED_ACTION: f64 = 0.6;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub rights_added: Vec<RightFinding>,
    pub rights_removed: Vec<RightFinding>,
    pub requests_new: Vec<Request>,
    pub requests_continued: Vec<ContinuedRequest>,
    pub requests_dropped: Vec<Request>,
    pub vote: VoteChange,
    pub references_added: Vec<String>,
    pub references_removed: Vec<String>,
    /// Both texts renew the same mandate: its end date (and period) before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mandate_period: Option<PeriodChange>,
}

/// The period of a renewed mandate in two texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodChange {
    pub mandate: String,
    pub from_until: crate::model::Date,
    pub to_until: crate::model::Date,
    pub from_period: Option<String>,
    pub to_period: Option<String>,
    pub changed: bool,
}

fn compare_periods(old: &Document, new: &Document) -> Option<PeriodChange> {
    let (a, b) = (old.renewal.as_ref()?, new.renewal.as_ref()?);
    let key = |m: &str| crate::graph::title_key(m);
    if key(&a.mandate) != key(&b.mandate) {
        return None;
    }
    Some(PeriodChange {
        mandate: b.mandate.clone(),
        from_until: a.until,
        to_until: b.until,
        from_period: a.period.clone(),
        to_period: b.period.clone(),
        changed: a.until != b.until || a.period != b.period,
    })
}

/// The rights a text names in its own words (not inside a cited title or a mandate's
/// name), first mention of each id.
fn own_rights(doc: &Document) -> Vec<&RightFinding> {
    let mut seen = HashSet::new();
    doc.rights
        .iter()
        .filter(|r| r.context == MentionContext::Text)
        .filter(|r| seen.insert(r.id.as_str()))
        .collect()
}

fn rights_only_in(a: &Document, b: &Document) -> Vec<RightFinding> {
    let in_b: HashSet<&str> = own_rights(b).iter().map(|r| r.id.as_str()).collect();
    own_rights(a).into_iter().filter(|r| !in_b.contains(r.id.as_str())).cloned().collect()
}

/// The Office and the High Commissioner answer for one mandate.
fn office(a: Addressee) -> Addressee {
    match a {
        Addressee::HighCommissioner => Addressee::OHCHR,
        other => other,
    }
}

/// Units of wording, each once: pairs of Chinese characters, and the words of other
/// scripts longer than three bytes, lower-cased. The two kinds never meet (a word holds
/// no Han character), so they are kept apart, each sorted.
#[derive(Debug, PartialEq)]
struct Wording {
    pairs: Vec<(char, char)>,
    words: Vec<String>,
}

impl Wording {
    fn of(text: &str) -> Wording {
        use crate::text::is_han;
        let mut pairs: Vec<(char, char)> = Vec::new();
        let mut previous = None;
        for c in text.chars() {
            let han = is_han(c);
            if let Some(p) = previous
                && han
            {
                pairs.push((p, c));
            }
            previous = han.then_some(c);
        }
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() || is_han(c))
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        words.sort_unstable();
        words.dedup();
        Wording { pairs, words }
    }

    fn len(&self) -> usize {
        self.pairs.len() + self.words.len()
    }
}

/// Likeness of two actions' wording.
fn wording_likeness(a: &Wording, b: &Wording) -> f64 {
    dice_of(shared_sorted(&a.pairs, &b.pairs) + shared_sorted(&a.words, &b.words), a.len() + b.len())
}

/// What two requests are compared by, worked out once per request: a text with hundreds
/// of requests compares each with each, and building the word sets anew for every pair
/// made the summary most of the diff's time on long texts.
struct RequestTraits {
    addressee: Addressee,
    /// Sorted, without repeats.
    deliverables: Vec<crate::reader::findings::requests::Deliverable>,
    wording: Wording,
}

impl RequestTraits {
    fn of(request: &Request) -> RequestTraits {
        let mut deliverables = request.deliverables.clone();
        deliverables.sort_unstable();
        deliverables.dedup();
        RequestTraits { addressee: office(request.addressee), deliverables, wording: Wording::of(&request.action) }
    }

    fn likeness(&self, other: &RequestTraits) -> f64 {
        if self.addressee != other.addressee {
            return 0.0;
        }
        let deliverables = dice_of(shared_sorted(&self.deliverables, &other.deliverables), self.deliverables.len() + other.deliverables.len());
        0.5 * deliverables + 0.5 * wording_likeness(&self.wording, &other.wording)
    }
}

fn compare_requests(old: &Document, new: &Document) -> (Vec<Request>, Vec<ContinuedRequest>, Vec<Request>) {
    let olds: Vec<&Request> = old.requests.iter().filter(|r| r.is_own_request()).collect();
    let news: Vec<&Request> = new.requests.iter().filter(|r| r.is_own_request()).collect();
    let old_traits: Vec<RequestTraits> = olds.iter().map(|r| RequestTraits::of(r)).collect();
    let new_traits: Vec<RequestTraits> = news.iter().map(|r| RequestTraits::of(r)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, o) in old_traits.iter().enumerate() {
        for (j, n) in new_traits.iter().enumerate() {
            let score = o.likeness(n);
            if score >= CONTINUED_REQUEST {
                pairs.push((score, i, j));
            }
        }
    }
    // Best pairs first, each request in at most one pair.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_old, mut used_new) = (vec![false; olds.len()], vec![false; news.len()]);
    let mut continued = Vec::new();
    for (_, i, j) in pairs {
        if used_old[i] || used_new[j] {
            continue;
        }
        used_old[i] = true;
        used_new[j] = true;
        let (o, n) = (olds[i], news[j]);
        let likeness = wording_likeness(&old_traits[i].wording, &new_traits[j].wording);
        continued.push(ContinuedRequest {
            request: n.clone(),
            from_paragraph: o.paragraph.clone(),
            from_due_sessions: o.due_sessions.clone(),
            deadline_changed: o.due_sessions != n.due_sessions,
            from_addressee: (o.addressee != n.addressee).then_some(o.addressee),
            from_deliverables: (o.deliverables != n.deliverables).then(|| o.deliverables.clone()),
            from_due: if o.due_sessions != n.due_sessions { o.due.clone() } else { Vec::new() },
            action_likeness: (likeness * 1000.0).round() / 1000.0,
            action_changed: likeness < REWORDED_ACTION,
        });
    }
    continued.sort_by_key(|c| paragraph_order(&c.request.paragraph));
    let new_only = news.iter().zip(&used_new).filter(|(_, u)| !**u).map(|(r, _)| (*r).clone()).collect();
    let dropped = olds.iter().zip(&used_old).filter(|(_, u)| !**u).map(|(r, _)| (*r).clone()).collect();
    (new_only, continued, dropped)
}

/// `OP7` sorts after `OP3`, not before.
fn paragraph_order(id: &str) -> (String, u32) {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    (id[..id.len() - digits.len()].to_string(), digits.parse().unwrap_or(0))
}

/// Each State's move between the two votes, read against the body's membership on
/// each day (`votes::positions`): a State that left the body is `nonmember`, not a
/// member that joined a consensus. Where a side's vote is not stated, nothing is known
/// of it, and no State is said to move.
fn compare_votes(old: &Document, new: &Document) -> VoteChange {
    let (a, b) = (&old.vote, &new.vote);
    let changed = a.method != b.method || (a.yes, a.no, a.abstain) != (b.yes, b.no, b.abstain);
    let countries_changed = match (crate::votes::document_positions(old), crate::votes::document_positions(new)) {
        (Some(from), Some(to)) => crate::votes::shifts(&from, &to)
            .into_iter()
            .map(|s| CountryChange { country: s.country, from: s.from.as_str(), to: s.to.as_str() })
            .collect(),
        _ => Vec::new(),
    };
    VoteChange { from: a.clone(), to: b.clone(), changed, countries_changed }
}

fn targets(doc: &Document) -> BTreeSet<&str> {
    doc.references.iter().map(|r| r.target.as_str()).collect()
}

/// The summary of what changed from `old` to `new`.
pub fn summarize(old: &Document, new: &Document) -> Summary {
    let (requests_new, requests_continued, requests_dropped) = compare_requests(old, new);
    let (before, after) = (targets(old), targets(new));
    Summary {
        rights_added: rights_only_in(new, old),
        rights_removed: rights_only_in(old, new),
        requests_new,
        requests_continued,
        requests_dropped,
        vote: compare_votes(old, new),
        // A text recalling the one it is compared with is no news.
        references_added: after.difference(&before).filter(|t| **t != old.symbol).map(|t| t.to_string()).collect(),
        references_removed: before.difference(&after).filter(|t| **t != new.symbol).map(|t| t.to_string()).collect(),
        mandate_period: compare_periods(old, new),
    }
}
