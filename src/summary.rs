//! What changed in substance between two texts: rights named or no longer named, requests
//! new, carried over or dropped, the vote country by country, and references added or
//! removed. The `summary` of `diff --format json`, and the top of every diff format.

use crate::reader::findings::requests::{Addressee, Request};
use crate::reader::findings::rights::{MentionContext, RightFinding};
use crate::model::{Document, Vote};
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
}

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

/// Units of wording: pairs of Chinese characters, words of other scripts.
fn wording(text: &str) -> HashSet<String> {
    use crate::text::is_han;
    let chars: Vec<char> = text.chars().collect();
    let mut out: HashSet<String> = chars.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])).map(|w| w.iter().collect()).collect();
    out.extend(
        text.split(|c: char| !c.is_alphanumeric() || is_han(c))
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase),
    );
    out
}

fn dice<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// What two requests are compared by, worked out once per request: a text with hundreds
/// of requests compares each with each, and building the word sets anew for every pair
/// made the summary most of the diff's time on long texts.
struct RequestTraits {
    addressee: Addressee,
    deliverables: HashSet<crate::reader::findings::requests::Deliverable>,
    wording: HashSet<String>,
}

impl RequestTraits {
    fn of(request: &Request) -> RequestTraits {
        RequestTraits {
            addressee: office(request.addressee),
            deliverables: request.deliverables.iter().copied().collect(),
            wording: wording(&request.action),
        }
    }

    fn likeness(&self, other: &RequestTraits) -> f64 {
        if self.addressee != other.addressee {
            return 0.0;
        }
        0.5 * dice(&self.deliverables, &other.deliverables) + 0.5 * dice(&self.wording, &other.wording)
    }
}

fn compare_requests(old: &Document, new: &Document) -> (Vec<Request>, Vec<ContinuedRequest>, Vec<Request>) {
    let olds: Vec<&Request> = old.requests.iter().filter(|r| r.is_own_request()).collect();
    let news: Vec<&Request> = new.requests.iter().filter(|r| r.is_own_request()).collect();
    let new_traits: Vec<RequestTraits> = news.iter().map(|r| RequestTraits::of(r)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, o) in olds.iter().enumerate() {
        let old_traits = RequestTraits::of(o);
        for (j, n) in new_traits.iter().enumerate() {
            let score = old_traits.likeness(n);
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
        continued.push(ContinuedRequest {
            request: news[j].clone(),
            from_paragraph: olds[i].paragraph.clone(),
            from_due_sessions: olds[i].due_sessions.clone(),
            deadline_changed: olds[i].due_sessions != news[j].due_sessions,
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

/// The States' moves for people, by name: changes of stance one by one, then the States
/// that joined or left the body.
fn country_lines(changes: &[CountryChange]) -> Vec<String> {
    let name = |code: &str| crate::reader::findings::countries::gazetteer().name(code, "en").unwrap_or(code).to_string();
    let mut out = Vec::new();
    let stance: Vec<String> = changes
        .iter()
        .filter(|c| (c.from == "nonmember") == (c.to == "nonmember"))
        .map(|c| format!("{}: {} → {}", name(&c.country), c.from, c.to))
        .collect();
    if !stance.is_empty() {
        out.push(format!("Countries that changed their vote: {}", stance.join("; ")));
    }
    let mut joined: Vec<String> =
        changes.iter().filter(|c| c.from == "nonmember").map(|c| format!("{} ({})", name(&c.country), c.to)).collect();
    joined.sort();
    if !joined.is_empty() {
        out.push(format!("Not members then, members now: {}", joined.join(", ")));
    }
    let mut left: Vec<String> =
        changes.iter().filter(|c| c.to == "nonmember").map(|c| format!("{} (had voted {})", name(&c.country), c.from)).collect();
    left.sort();
    if !left.is_empty() {
        out.push(format!("Members then, not now: {}", left.join(", ")));
    }
    out
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

/// The summary as lines for people (labels in English, the ids' language).
/// An addressee in words: `HighCommissioner` → `High Commissioner`, `OHCHR` stays.
pub fn addressee_label(a: Addressee) -> String {
    let code = a.as_str();
    let mut out = String::new();
    for (n, c) in code.chars().enumerate() {
        if n > 0 && c.is_uppercase() && !code.chars().all(|c| c.is_uppercase()) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

pub fn describe(s: &Summary) -> Vec<String> {
    let mut out = Vec::new();
    // A renewal's news is its new period: it comes first.
    if let Some(p) = &s.mandate_period {
        let period = |x: &Option<String>| x.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        if p.changed {
            out.push(format!(
                "Mandate period: {} until {}{} → until {}{}",
                p.mandate,
                p.from_until,
                period(&p.from_period),
                p.to_until,
                period(&p.to_period)
            ));
        } else {
            out.push(format!("Mandate period: {} unchanged, until {}", p.mandate, p.to_until));
        }
    }
    let rights = |list: &[RightFinding]| list.iter().map(|r| format!("{} ({})", r.label, r.paragraph)).collect::<Vec<_>>().join(", ");
    if !s.rights_added.is_empty() {
        out.push(format!("Rights newly named: {}", rights(&s.rights_added)));
    }
    if !s.rights_removed.is_empty() {
        out.push(format!("Rights no longer named: {}", rights(&s.rights_removed)));
    }
    let due = |sessions: &[u32]| {
        if sessions.is_empty() {
            String::new()
        } else {
            format!(", due at session {}", sessions.iter().map(u32::to_string).collect::<Vec<_>>().join(" and "))
        }
    };
    let deliverables = |r: &Request| {
        let d: Vec<String> = r.deliverables.iter().map(|d| d.as_str().replace('_', " ")).collect();
        if d.is_empty() { String::new() } else { format!(" [{}]", d.join(", ")) }
    };
    for r in &s.requests_new {
        out.push(format!("New request ({}): {}{}{}", r.paragraph, addressee_label(r.addressee), deliverables(r), due(&r.due_sessions)));
    }
    for c in &s.requests_continued {
        let deadline = if c.deadline_changed {
            format!(
                ", deadline moved from {} to {}",
                list_or_none(&c.from_due_sessions),
                list_or_none(&c.request.due_sessions)
            )
        } else {
            String::new()
        };
        out.push(format!(
            "Request carried over ({} → {}): {}{}{deadline}",
            c.from_paragraph,
            c.request.paragraph,
            addressee_label(c.request.addressee),
            deliverables(&c.request)
        ));
    }
    for r in &s.requests_dropped {
        out.push(format!("Request dropped ({}): {}{}{}", r.paragraph, addressee_label(r.addressee), deliverables(r), due(&r.due_sessions)));
    }
    let v = &s.vote;
    if v.changed {
        out.push(format!("Vote: {} → {}", crate::render::text::vote_line(&v.from), crate::render::text::vote_line(&v.to)));
    } else {
        out.push(format!("Vote: unchanged ({})", crate::render::text::vote_line(&v.to)));
    }
    out.extend(country_lines(&v.countries_changed));
    if !s.references_added.is_empty() {
        out.push(format!("References added: {}", s.references_added.join(", ")));
    }
    if !s.references_removed.is_empty() {
        out.push(format!("References removed: {}", s.references_removed.join(", ")));
    }
    out
}

fn list_or_none(sessions: &[u32]) -> String {
    if sessions.is_empty() { "none".to_string() } else { sessions.iter().map(u32::to_string).collect::<Vec<_>>().join(", ") }
}
