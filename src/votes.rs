//! Votes country by country: where each State stood on each text, read against the
//! body's membership on the day (`classify::membership`), and how each moved between
//! successive texts of a series.
//!
//! The principal types: [`Position`] (the contract's `yes`, `no`, `abstain`, `absent`,
//! `consensus`, `nonmember`), [`Positions`] (every State's position in one vote),
//! [`SeriesVotes`] (a series × its countries, with the [`Shift`]s between texts). The
//! votes of a UNDL voting file are attached to the documents they name by [`crate::corpus::recorded::attach`]
//! and to the graph's nodes by [`attach_to_graph`]. Data only: sentences are written in
//! `render::votes`.

use crate::model::Date;
use crate::reader::findings::membership;
use crate::graph::{LineageGraph, Series};
use crate::corpus::recorded::{vote_from_record, RecordIndex};
use crate::reader::votes_csv::RecordedVote;
use crate::model::{Body, Document, Vote, VoteMethod, VoteSource};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where one State stood on one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Yes,
    No,
    Abstain,
    /// A member that did not vote.
    Absent,
    /// A member, where the text was adopted without a vote.
    Consensus,
    /// Not a member of the body on the day.
    Nonmember,
}

impl Position {
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Yes => "yes",
            Position::No => "no",
            Position::Abstain => "abstain",
            Position::Absent => "absent",
            Position::Consensus => "consensus",
            Position::Nonmember => "nonmember",
        }
    }

    pub fn is_member(self) -> bool {
        self != Position::Nonmember
    }

    /// Voting yes and joining a consensus are one stance.
    pub fn same_stance(self, other: Position) -> bool {
        self == other || matches!((self, other), (Position::Yes, Position::Consensus) | (Position::Consensus, Position::Yes))
    }
}

/// Every State's position in one vote: those named, and what the others were.
#[derive(Debug, Clone, PartialEq)]
pub struct Positions {
    pub named: BTreeMap<String, Position>,
    /// The position of a State not in `named`.
    pub others: Position,
    /// Whether the body's membership on the day was known (else `others` is inferred
    /// from the counts, as before membership tables: a full vote means the rest were
    /// not members).
    pub membership_known: bool,
}

impl Positions {
    pub fn get(&self, country: &str) -> Position {
        self.named.get(country).copied().unwrap_or(self.others)
    }
}

/// The body's size where it is fixed, for votes on a day the tables do not answer for.
fn seats(body: Body) -> Option<u32> {
    match body {
        Body::HRC => Some(47),
        Body::GA => Some(193),
        Body::SC => Some(15),
        _ => None,
    }
}

/// The day a document's vote was taken: its adoption date, else the voting record's.
pub fn vote_date(doc: &Document) -> Option<Date> {
    doc.adopted.or_else(|| doc.vote.record.as_ref().and_then(|r| r.date))
}

/// Each State's position in `vote`, taken by `body` on `date`; `None` where the vote is
/// not known.
pub fn positions(vote: &Vote, body: Body, date: Option<Date>) -> Option<Positions> {
    let members = date.and_then(|d| membership::members_on(body, d));
    let mut named = BTreeMap::new();
    match vote.method {
        VoteMethod::Unknown => return None,
        VoteMethod::WithoutVote => {
            return Some(match members {
                Some(m) => Positions {
                    named: m.iter().map(|c| (c.to_string(), Position::Consensus)).collect(),
                    others: Position::Nonmember,
                    membership_known: true,
                },
                None => Positions { named, others: Position::Consensus, membership_known: false },
            });
        }
        VoteMethod::Recorded => {}
    }
    for (list, position) in [
        (&vote.in_favour, Position::Yes),
        (&vote.against, Position::No),
        (&vote.abstaining, Position::Abstain),
        (&vote.non_voting, Position::Absent),
        (&vote.not_participating, Position::Absent),
        (&vote.absent, Position::Absent),
        (&vote.non_members, Position::Nonmember),
    ] {
        for c in list {
            named.insert(c.clone(), position);
        }
    }
    if vote.source == Some(VoteSource::Undl) {
        // A voting file lists every State, members and not.
        if let Some(m) = &members {
            for c in m {
                named.entry(c.to_string()).or_insert(Position::Absent);
            }
        }
        return Some(Positions { named, others: Position::Nonmember, membership_known: true });
    }
    Some(match members {
        Some(m) => {
            for c in m {
                named.entry(c.to_string()).or_insert(Position::Absent);
            }
            Positions { named, others: Position::Nonmember, membership_known: true }
        }
        None => {
            let total = vote.yes.unwrap_or(0) + vote.no.unwrap_or(0) + vote.abstain.unwrap_or(0);
            let full = seats(body).is_some_and(|s| total >= s) || vote.in_favour_from.is_some();
            Positions { named, others: if full { Position::Nonmember } else { Position::Absent }, membership_known: false }
        }
    })
}

/// The positions of a document's vote.
pub fn document_positions(doc: &Document) -> Option<Positions> {
    positions(&doc.vote, doc.body, vote_date(doc))
}

/// One State's move between two votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryShift {
    pub country: String,
    pub from: Position,
    pub to: Position,
}

impl CountryShift {
    /// A State that entered or left the body, rather than changed its stance.
    pub fn is_membership(&self) -> bool {
        self.from.is_member() != self.to.is_member()
    }
}

/// The States whose position differs between `from` and `to` (yes and consensus count
/// as one stance): changes of stance first, then States that joined or left the body,
/// each in code order.
pub fn shifts(from: &Positions, to: &Positions) -> Vec<CountryShift> {
    let all: BTreeSet<&String> = from.named.keys().chain(to.named.keys()).collect();
    let mut out: Vec<CountryShift> = all
        .into_iter()
        .filter_map(|c| {
            let (f, t) = (from.get(c), to.get(c));
            (!f.same_stance(t)).then(|| CountryShift { country: c.clone(), from: f, to: t })
        })
        .collect();
    out.sort_by_key(|s| s.is_membership());
    out
}

/// Give every node of the graph (cited-only ones too) the vote a voting file records
/// for it, and a cited-only node its date where its citations gave none.
pub fn attach_to_graph(graph: &mut LineageGraph, records: &[RecordedVote]) {
    if records.is_empty() {
        return;
    }
    let index = RecordIndex::new(records);
    for node in graph.graph.node_weights_mut() {
        if let Some(record) = index.get(&node.symbol).first() {
            node.vote = Some(Box::new(vote_from_record(record)));
            if node.date.is_none() {
                node.date = record.date;
            }
            if node.title.is_none() {
                node.title = record.title.clone();
            }
        }
    }
}

/// One text of a series in the table.
#[derive(Debug, Clone, Serialize)]
pub struct TextVote {
    pub symbol: String,
    pub in_corpus: bool,
    pub date: Option<Date>,
    /// `recorded`, `without_vote` or `unknown`.
    pub method: VoteMethod,
    /// `text` or `undl`; absent where the vote is not known.
    pub source: Option<VoteSource>,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// Whether the body's membership on the day was known (`absent` and `nonmember`
    /// are then exact; otherwise inferred from the counts).
    pub membership_known: bool,
}

/// One State across the series: its position on each text (`None` where that text's
/// vote is not known).
#[derive(Debug, Clone, Serialize)]
pub struct CountryRow {
    pub country: String,
    pub positions: Vec<Option<Position>>,
}

/// A move between two texts of the series whose votes are known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub country: String,
    pub from: Position,
    pub to: Position,
    pub from_text: String,
    pub to_text: String,
}

impl Shift {
    pub fn is_membership(&self) -> bool {
        self.from.is_member() != self.to.is_member()
    }
}

/// The series × its countries.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesVotes {
    pub title: String,
    pub body: Body,
    pub texts: Vec<TextVote>,
    pub countries: Vec<CountryRow>,
    pub shifts: Vec<Shift>,
}

/// Which countries a table keeps.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    /// Only these ISO3 codes (empty: all).
    pub countries: Vec<String>,
    /// Only countries whose stance changed at least once (joining or leaving the body
    /// is not a change of stance).
    pub changed_only: bool,
}

/// Every text of `series` × every country, with the shifts between successive texts
/// whose votes are known. A member not in the corpus is shown with the vote a voting
/// file gives it (the graph's node), or as unknown.
pub fn series_votes(series: &Series, docs: &[Document], graph: &LineageGraph, options: &TableOptions) -> SeriesVotes {
    let mut texts = Vec::new();
    let mut columns: Vec<Option<Positions>> = Vec::new();
    for symbol in &series.members {
        let doc = docs.iter().find(|d| &d.symbol == symbol);
        let node = graph.node(symbol);
        let (vote, body, date) = match (doc, node) {
            (Some(d), _) => (Some(&d.vote), d.body, vote_date(d)),
            (None, Some(n)) => (
                n.vote.as_deref(),
                n.body,
                n.date.or_else(|| n.vote.as_ref().and_then(|v| v.record.as_ref()).and_then(|r| r.date)),
            ),
            (None, None) => (None, Body::from_symbol(symbol), None),
        };
        let p = vote.and_then(|v| positions(v, body, date));
        let unknown = Vote::unknown();
        let v = vote.unwrap_or(&unknown);
        texts.push(TextVote {
            symbol: symbol.clone(),
            in_corpus: doc.is_some(),
            date,
            method: v.method,
            source: v.source,
            yes: v.yes,
            no: v.no,
            abstain: v.abstain,
            membership_known: p.as_ref().is_some_and(|p| p.membership_known),
        });
        columns.push(p);
    }
    let mut countries: BTreeSet<String> = columns.iter().flatten().flat_map(|p| p.named.keys().cloned()).collect();
    if !options.countries.is_empty() {
        countries = options.countries.iter().map(|c| c.to_ascii_uppercase()).collect();
    }
    let mut shifts = Vec::new();
    let known: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].is_some()).collect();
    for pair in known.windows(2) {
        let (a, b) = (columns[pair[0]].as_ref().unwrap(), columns[pair[1]].as_ref().unwrap());
        for c in &countries {
            let (f, t) = (a.get(c), b.get(c));
            if !f.same_stance(t) {
                shifts.push(Shift {
                    country: c.clone(),
                    from: f,
                    to: t,
                    from_text: texts[pair[0]].symbol.clone(),
                    to_text: texts[pair[1]].symbol.clone(),
                });
            }
        }
    }
    if options.changed_only {
        let moved: BTreeSet<&str> = shifts.iter().filter(|s| !s.is_membership()).map(|s| s.country.as_str()).collect();
        countries.retain(|c| moved.contains(c.as_str()));
        shifts.retain(|s| countries.contains(&s.country));
    }
    // Shifts in text order, then stance before membership, then by code.
    let order: HashMap<&str, usize> = texts.iter().enumerate().map(|(i, t)| (t.symbol.as_str(), i)).collect();
    shifts.sort_by_key(|s| (order[s.to_text.as_str()], s.is_membership(), s.country.clone()));
    let rows = countries
        .into_iter()
        .map(|c| {
            let positions = columns.iter().map(|p| p.as_ref().map(|p| p.get(&c))).collect();
            CountryRow { country: c, positions }
        })
        .collect();
    SeriesVotes { title: series.title.clone(), body: series.body, texts, countries: rows, shifts }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorded(yes: &[&str], no: &[&str], abstain: &[&str]) -> Vote {
        let mut v = Vote::unknown();
        v.method = VoteMethod::Recorded;
        v.source = Some(VoteSource::Text);
        let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        (v.in_favour, v.against, v.abstaining) = (own(yes), own(no), own(abstain));
        (v.yes, v.no, v.abstain) = (Some(yes.len() as u32), Some(no.len() as u32), Some(abstain.len() as u32));
        v
    }

    #[test]
    fn a_member_not_listed_is_absent_and_a_state_outside_is_nonmember() {
        let v = recorded(&["FRA"], &["CHN"], &[]);
        let p = positions(&v, Body::HRC, "2021-07-13".parse().ok()).unwrap();
        assert_eq!(p.get("FRA"), Position::Yes);
        assert_eq!(p.get("CHN"), Position::No);
        assert_eq!(p.get("IND"), Position::Absent, "a member in 2021");
        assert_eq!(p.get("USA"), Position::Nonmember, "not a member in 2021");
        assert!(p.membership_known);
    }

    #[test]
    fn leaving_the_council_is_not_joining_a_consensus() {
        let before = positions(&recorded(&["ARM"], &[], &["VEN", "CHN"]), Body::HRC, "2021-07-13".parse().ok()).unwrap();
        let mut consensus = Vote::unknown();
        consensus.method = VoteMethod::WithoutVote;
        let after = positions(&consensus, Body::HRC, "2023-07-14".parse().ok()).unwrap();
        let moved = shifts(&before, &after);
        let find = |c: &str| moved.iter().find(|s| s.country == c).map(|s| (s.from, s.to));
        assert_eq!(find("CHN"), Some((Position::Abstain, Position::Consensus)));
        assert_eq!(find("VEN"), Some((Position::Abstain, Position::Nonmember)));
        assert_eq!(find("ARM"), Some((Position::Yes, Position::Nonmember)));
        assert_eq!(find("USA"), Some((Position::Nonmember, Position::Consensus)));
        let first_membership = moved.iter().position(CountryShift::is_membership).unwrap();
        assert!(moved[first_membership..].iter().all(CountryShift::is_membership), "changes of stance come first");
    }

    #[test]
    fn without_membership_the_counts_decide() {
        let v = recorded(&["FRA"], &[], &[]);
        let p = positions(&v, Body::HRC, "2007-07-01".parse().ok()).unwrap();
        assert!(!p.membership_known);
        assert_eq!(p.get("IND"), Position::Absent);
    }
}
