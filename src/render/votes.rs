//! `lineage votes ID`: a series × its countries as a table for people, JSON and CSV, and
//! a sentence per shift ("India: yes → abstain in 79/167"). Country names come from the
//! gazetteer (`lexicon/countries.tsv`); JSON and CSV keep the ISO3 codes beside them.

use crate::model::{VoteMethod, VoteSource};
use crate::votes::{Position, SeriesVotes, Shift};
use serde::Serialize;
use std::fmt::Write;

/// The output formats of `lineage votes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VotesFormat {
    Text,
    Json,
    Csv,
}

crate::model::choice!(VotesFormat { Text => "text", Json => "json", Csv => "csv" });

/// A State's English short name, or its code where the gazetteer has none.
pub fn country_name(code: &str) -> &str {
    crate::reader::countries::name(code, "en").unwrap_or(code)
}

/// `A/RES/79/167` → `79/167`, `A/HRC/RES/47/23` → `47/23`; other symbols as they are.
pub fn short_symbol(symbol: &str) -> &str {
    symbol.split_once("/RES/").map_or(symbol, |(_, tail)| tail)
}

/// "India: yes → abstain in 79/167".
pub fn shift_line(s: &Shift) -> String {
    format!("{}: {} → {} in {}", country_name(&s.country), s.from.as_str(), s.to.as_str(), short_symbol(&s.to_text))
}

fn cell(p: Option<Position>) -> &'static str {
    match p {
        None => "?",
        Some(Position::Yes) => "yes",
        Some(Position::No) => "no",
        Some(Position::Abstain) => "abst",
        Some(Position::Absent) => "absent",
        Some(Position::Consensus) => "cons",
        Some(Position::Nonmember) => "-",
    }
}

pub fn render(v: &SeriesVotes, format: VotesFormat) -> String {
    match format {
        VotesFormat::Text => text(v),
        VotesFormat::Json => json(v),
        VotesFormat::Csv => csv(v),
    }
}

fn method(t: &crate::votes::TextVote) -> String {
    let n = |x: Option<u32>| x.map_or("?".to_string(), |n| n.to_string());
    let source = match t.source {
        Some(VoteSource::Undl) => " (UNDL)",
        _ => "",
    };
    match t.method {
        VoteMethod::Recorded => format!("recorded {}-{}-{}{source}", n(t.yes), n(t.no), n(t.abstain)),
        VoteMethod::WithoutVote => "without a vote".to_string(),
        VoteMethod::Unknown => "vote not known".to_string(),
    }
}

fn text(v: &SeriesVotes) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", v.title, v.body.as_str());
    for t in &v.texts {
        let _ = writeln!(
            out,
            "  {:<22} {:<10}  {}{}{}",
            t.symbol,
            t.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
            method(t),
            if t.in_corpus { "" } else { "  (only cited)" },
            if t.method != VoteMethod::Unknown && !t.membership_known { "  (membership not known on the day)" } else { "" }
        );
    }
    if v.countries.is_empty() {
        let _ = writeln!(out, "\nNo country's position is known: no text of the series has a known vote.");
        return out;
    }
    let width = v.countries.iter().map(|c| country_name(&c.country).chars().count()).max().unwrap_or(0).min(36) + 6;
    let columns: Vec<&str> = v.texts.iter().map(|t| short_symbol(&t.symbol)).collect();
    let col = columns.iter().map(|c| c.chars().count()).max().unwrap_or(0).max(6) + 1;
    let _ = write!(out, "\n{:<width$}", "");
    for c in &columns {
        let _ = write!(out, "{c:>col$}");
    }
    out.push('\n');
    for row in &v.countries {
        let name: String = country_name(&row.country).chars().take(36).collect();
        let _ = write!(out, "{:<width$}", format!("{}  {name}", row.country));
        for p in &row.positions {
            let _ = write!(out, "{:>col$}", cell(*p));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n(yes, no, abst = abstained, absent = member not voting, cons = consensus, - = not a member, ? = vote not known)");
    let (stance, membership): (Vec<&Shift>, Vec<&Shift>) = v.shifts.iter().partition(|s| !s.is_membership());
    if stance.is_empty() {
        let _ = writeln!(out, "\nNo country changed its vote.");
    } else {
        let _ = writeln!(out, "\nChanges:");
        for s in stance {
            let _ = writeln!(out, "  {}", shift_line(s));
        }
    }
    if !membership.is_empty() {
        let _ = writeln!(out, "\nJoined or left the body:");
        for s in membership {
            let _ = writeln!(out, "  {}", shift_line(s));
        }
    }
    out
}

#[derive(Serialize)]
struct CountryJson<'a> {
    country: &'a str,
    name: &'a str,
    votes: &'a [Option<Position>],
}

#[derive(Serialize)]
struct ShiftJson<'a> {
    country: &'a str,
    name: &'a str,
    from: Position,
    to: Position,
    from_text: &'a str,
    to_text: &'a str,
    membership: bool,
}

#[derive(Serialize)]
struct VotesJson<'a> {
    title: &'a str,
    body: crate::model::Body,
    texts: &'a [crate::votes::TextVote],
    countries: Vec<CountryJson<'a>>,
    changes: Vec<ShiftJson<'a>>,
}

fn json(v: &SeriesVotes) -> String {
    super::json::to_string(&VotesJson {
        title: &v.title,
        body: v.body,
        texts: &v.texts,
        countries: v
            .countries
            .iter()
            .map(|c| CountryJson { country: &c.country, name: country_name(&c.country), votes: &c.positions })
            .collect(),
        changes: v
            .shifts
            .iter()
            .map(|s| ShiftJson {
                country: &s.country,
                name: country_name(&s.country),
                from: s.from,
                to: s.to,
                from_text: &s.from_text,
                to_text: &s.to_text,
                membership: s.is_membership(),
            })
            .collect(),
    })
}

/// One row per country: code, name, then its position on each text (empty where the
/// text's vote is not known). Written with the `csv` crate, so names with commas or
/// quotes stay one field; a field that a spreadsheet would run as a formula is
/// prefixed with `'`.
fn csv(v: &SeriesVotes) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["country".to_string(), "name".to_string()];
    header.extend(v.texts.iter().map(|t| t.symbol.clone()));
    let _ = w.write_record(header.iter().map(|h| defuse(h)));
    for row in &v.countries {
        let mut record = vec![row.country.clone(), country_name(&row.country).to_string()];
        record.extend(row.positions.iter().map(|p| p.map_or(String::new(), |p| p.as_str().to_string())));
        let _ = w.write_record(record.iter().map(|f| defuse(f)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn defuse(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field.to_string() }
}
