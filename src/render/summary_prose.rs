//! The substance of a diff (rights, requests, vote, references) in a negotiator's
//! words: "the High Commissioner", "a report, then an interactive dialogue, at the
//! Council's 56th session (2024)", "technical assistance". Codes and ids stay in the
//! JSON; every sentence a reader sees is made here, from the data of [`crate::summary`].
//!
//! A line is a list of parts, so that each format can make the paragraph ids in it what
//! suits it: plain text, or links to the rows of the HTML page (`#OP5`, `#from-OP5`).

use crate::reader::findings::requests::{Addressee, Deliverable, Due, Request};
use crate::reader::findings::rights::RightFinding;
use crate::diff::DocumentDiff;
use crate::model::{Body, Vote, VoteMethod};
use crate::summary::{ContinuedRequest, CountryChange, Summary};

/// A piece of a summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// A paragraph of the new text (anchored `#OP5` in HTML).
    New(String),
    /// A paragraph of the old text (anchored `#from-OP5`).
    Old(String),
}

pub type Line = Vec<Part>;

/// The line as plain text.
pub fn plain(line: &[Part]) -> String {
    line.iter()
        .map(|p| match p {
            Part::Text(t) | Part::New(t) | Part::Old(t) => t.as_str(),
        })
        .collect()
}

fn text(s: impl Into<String>) -> Part {
    Part::Text(s.into())
}

/// Who is asked, as the texts name them.
pub fn addressee(a: Addressee, printed: &str) -> String {
    match a {
        Addressee::OHCHR => "the Office of the High Commissioner".into(),
        Addressee::HighCommissioner => "the High Commissioner".into(),
        Addressee::SecretaryGeneral => "the Secretary-General".into(),
        Addressee::SpecialRapporteur => "the Special Rapporteur".into(),
        Addressee::IndependentExpert => "the Independent Expert".into(),
        Addressee::AdvisoryCommittee => "the Advisory Committee".into(),
        Addressee::WorkingGroup => "the Working Group".into(),
        Addressee::Other if printed.is_empty() => "others".into(),
        Addressee::Other => printed.to_string(),
    }
}

fn deliverable(d: Deliverable) -> &'static str {
    match d {
        Deliverable::Report => "a report",
        Deliverable::Study => "a study",
        Deliverable::ExpertConsultation => "an expert consultation",
        Deliverable::Panel => "a panel discussion",
        Deliverable::InteractiveDialogue => "an interactive dialogue",
        Deliverable::TechnicalAssistance => "technical assistance",
        Deliverable::Guidance => "guidance",
        Deliverable::Workshop => "a workshop",
        Deliverable::OralUpdate => "an oral update",
    }
}

/// "a report, then an interactive dialogue", "an expert consultation and a report".
pub fn deliverables(list: &[Deliverable]) -> String {
    let mut out = String::new();
    for (n, d) in list.iter().enumerate() {
        if n > 0 {
            let dialogue_after_report = *d == Deliverable::InteractiveDialogue && list[n - 1] == Deliverable::Report;
            out.push_str(if dialogue_after_report {
                ", then "
            } else if n + 1 == list.len() {
                " and "
            } else {
                ", "
            });
        }
        out.push_str(deliverable(*d));
    }
    out
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The year a session met: the Council has met three times a year since its 7th
/// session (2008); the General Assembly's n-th session opens in September of 1945 + n.
fn session_year(body: Body, session: u32) -> Option<u32> {
    match body {
        Body::HRC if session >= 7 => Some(2008 + (session - 7) / 3),
        Body::GA => Some(1945 + session),
        _ => None,
    }
}

/// "the Council's 56th session (2024)", "the General Assembly's 80th session (2025)".
pub fn session(due: &Due) -> String {
    let body = match due.body {
        Body::HRC => "the Council's".to_string(),
        Body::GA => "the General Assembly's".to_string(),
        other => format!("the {}'s", other.as_str()),
    };
    match session_year(due.body, due.session) {
        Some(year) => format!("{body} {} session ({year})", ordinal(due.session)),
        None => format!("{body} {} session", ordinal(due.session)),
    }
}

fn sessions(due: &[Due]) -> String {
    let list: Vec<String> = due.iter().map(session).collect();
    match list.len() {
        0 => String::new(),
        1 => list[0].clone(),
        _ => format!("{} and {}", list[..list.len() - 1].join(", "), list[list.len() - 1]),
    }
}

/// "the High Commissioner: a report, then an interactive dialogue, at the Council's 56th
/// session (2024)".
fn what_is_asked(r: &Request) -> String {
    what_is_asked_but(r, false, false, false)
}

/// What is asked, leaving out what a change said after it names anyway ("now due at
/// the Council's 66th session (was the 63rd)" needs no "at the 66th session" before it).
fn what_is_asked_but(r: &Request, deliverables_changed: bool, deadline_changed: bool, addressee_changed: bool) -> String {
    let asked = !r.deliverables.is_empty() && !deliverables_changed;
    // A new addressee is said in the change; the line then opens on what is asked, where
    // something is.
    let mut out = if addressee_changed && asked { String::new() } else { addressee(r.addressee, &r.addressee_text) };
    if asked {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&deliverables(&r.deliverables));
    }
    if !r.due.is_empty() && !deadline_changed {
        out.push_str(if r.deliverables.is_empty() { ", by " } else { ", at " });
        out.push_str(&sessions(&r.due));
    }
    out
}

fn rights(list: &[RightFinding], new: bool) -> Line {
    let mut line = Vec::new();
    for (n, r) in list.iter().enumerate() {
        if n > 0 {
            line.push(text(", "));
        }
        line.push(text(format!("{} (", r.label)));
        line.push(if new { Part::New(r.paragraph.clone()) } else { Part::Old(r.paragraph.clone()) });
        line.push(text(")"));
    }
    line
}

/// How a vote reads: "adopted without a vote", "recorded vote 44–0–3 (yes–no–abstain)".
pub fn vote(v: &Vote) -> String {
    match v.method {
        VoteMethod::WithoutVote => "adopted without a vote".to_string(),
        VoteMethod::Unknown => "not stated".to_string(),
        VoteMethod::Recorded => {
            let n = |x: Option<u32>| x.map_or("-".to_string(), |n| n.to_string());
            format!("recorded vote {}–{}–{} (yes–no–abstain)", n(v.yes), n(v.no), n(v.abstain))
        }
    }
}

/// What changed in a carried-over request, in words: who is asked, what for, by when,
/// and whether the action was reworded.
fn changes(c: &ContinuedRequest) -> Vec<String> {
    let r = &c.request;
    let mut out = Vec::new();
    if let Some(old) = c.from_addressee {
        out.push(format!("now addressed to {} (was {})", addressee(r.addressee, &r.addressee_text), addressee(old, "")));
    }
    if let Some(old) = &c.from_deliverables {
        let now = if r.deliverables.is_empty() { "nothing named".to_string() } else { deliverables(&r.deliverables) };
        let was = if old.is_empty() { "nothing named".to_string() } else { deliverables(old) };
        out.push(format!("now asks for {now} (was {was})"));
    }
    if c.deadline_changed {
        let now = if r.due.is_empty() { "no session".to_string() } else { sessions(&r.due) };
        let was = if c.from_due.is_empty() { "no session".to_string() } else { sessions(&c.from_due) };
        out.push(format!("now due at {now} (was {was})"));
    }
    if c.action_changed {
        out.push(format!("the action reworded ({:.0}% of its wording kept)", c.action_likeness * 100.0));
    }
    out
}

/// Where the table below pairs the old paragraph of a carried-over request with another
/// paragraph than the request's new one (or with none), say so.
fn pairing_note(c: &ContinuedRequest, d: &DocumentDiff) -> Option<Line> {
    let pair = d.paragraphs.iter().find(|p| p.from.as_deref() == Some(c.from_paragraph.as_str()))?;
    if pair.to.as_deref() == Some(c.request.paragraph.as_str()) {
        return None;
    }
    let mut line = vec![text(" (the table shows ")];
    line.push(Part::Old(c.from_paragraph.clone()));
    match &pair.to {
        Some(to) => {
            line.push(text(" paired with "));
            line.push(Part::New(to.clone()));
        }
        None => line.push(text(" removed")),
    }
    line.push(text(" and "));
    line.push(Part::New(c.request.paragraph.clone()));
    match d.paragraphs.iter().find(|p| p.to.as_deref() == Some(c.request.paragraph.as_str())).and_then(|p| p.from.clone()) {
        Some(from) => {
            line.push(text(" paired with "));
            line.push(Part::Old(from));
        }
        None => line.push(text(" added")),
    }
    line.push(text(": the request carries on in a paragraph worded differently)"));
    Some(line)
}

/// The summary as lines for people.
pub fn lines(s: &Summary, d: &DocumentDiff) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    // A renewal's news is its new period: it comes first.
    if let Some(p) = &s.mandate_period {
        let period = |x: &Option<String>| x.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        let line = if p.changed {
            format!(
                "Mandate period: {} until {}{} → until {}{}",
                p.mandate,
                p.from_until,
                period(&p.from_period),
                p.to_until,
                period(&p.to_period)
            )
        } else {
            format!("Mandate period: {} unchanged, until {}", p.mandate, p.to_until)
        };
        out.push(vec![text(line)]);
    }
    if !s.rights_added.is_empty() {
        let mut line = vec![text("Rights newly named: ")];
        line.extend(rights(&s.rights_added, true));
        out.push(line);
    }
    if !s.rights_removed.is_empty() {
        let mut line = vec![text("Rights no longer named: ")];
        line.extend(rights(&s.rights_removed, false));
        out.push(line);
    }
    for r in &s.requests_new {
        out.push(vec![text("New request ("), Part::New(r.paragraph.clone()), text(format!("): {}", what_is_asked(r)))]);
    }
    for c in &s.requests_continued {
        let mut line = vec![
            text("Request carried over ("),
            Part::Old(c.from_paragraph.clone()),
            text(" → "),
            Part::New(c.request.paragraph.clone()),
            text(format!("): {}", what_is_asked_but(&c.request, c.from_deliverables.is_some(), c.deadline_changed, c.from_addressee.is_some()))),
        ];
        let changed = changes(c);
        if !changed.is_empty() {
            line.push(text(format!("; {}", changed.join("; "))));
        }
        if let Some(note) = pairing_note(c, d) {
            line.extend(note);
        }
        out.push(line);
    }
    for r in &s.requests_dropped {
        out.push(vec![text("Request dropped ("), Part::Old(r.paragraph.clone()), text(format!("): {}", what_is_asked(r)))]);
    }
    let v = &s.vote;
    let line = match (v.from.method, v.to.method) {
        (VoteMethod::Unknown, VoteMethod::Unknown) => "Vote: not stated in either text".to_string(),
        (VoteMethod::Unknown, _) => format!("Vote: not stated in {}; {}: {}", d.from, d.to, vote(&v.to)),
        (_, VoteMethod::Unknown) => format!("Vote: {}: {}; not stated in {}", d.from, vote(&v.from), d.to),
        _ if v.changed => format!("Vote: {} → {}", vote(&v.from), vote(&v.to)),
        _ => format!("Vote: unchanged ({})", vote(&v.to)),
    };
    out.push(vec![text(line)]);
    out.extend(country_lines(&v.countries_changed).into_iter().map(|l| vec![text(l)]));
    if !s.references_added.is_empty() {
        out.push(vec![text(format!("References added: {}", s.references_added.join(", ")))]);
    }
    if !s.references_removed.is_empty() {
        out.push(vec![text(format!("References removed: {}", s.references_removed.join(", ")))]);
    }
    out
}

/// The States' moves for people, by name: changes of stance one by one, then the States
/// that joined or left the body.
fn country_lines(changes: &[CountryChange]) -> Vec<String> {
    let name = super::votes::country_name;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deliverables_and_sessions_read_as_the_texts_write_them() {
        use Deliverable::*;
        assert_eq!(deliverables(&[Report, InteractiveDialogue]), "a report, then an interactive dialogue");
        assert_eq!(deliverables(&[Report, ExpertConsultation, TechnicalAssistance]), "a report, an expert consultation and technical assistance");
        assert_eq!(session(&Due { body: Body::HRC, session: 56 }), "the Council's 56th session (2024)");
        assert_eq!(session(&Due { body: Body::HRC, session: 53 }), "the Council's 53rd session (2023)");
        assert_eq!(session(&Due { body: Body::GA, session: 80 }), "the General Assembly's 80th session (2025)");
        assert_eq!(addressee(Addressee::HighCommissioner, ""), "the High Commissioner");
    }
}
