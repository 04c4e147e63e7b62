//! The Security Council's vote statements, as its resolutions print them from 1946:
//! "Adopted at the 1747th meeting by 14 votes to none", "… by 13 votes to none, with
//! 2 abstentions (China, Union of Soviet Socialist Republics)", "Adopted unanimously at the
//! 2329th meeting", "… by 10 votes (Union of Soviet Socialist Republics, absent)", and the
//! footnotes that complete them: "One member (China) did not participate in the voting",
//! "Adopted without vote."
//!
//! The Council votes by show of hands and its records state each member's position, so a
//! stated vote has method `recorded`. Its texts name only the members that abstained,
//! voted against, did not take part or were absent; the members in favour follow from the
//! membership on the adoption date (`membership`) when the counts agree with it, and are
//! then marked `in_favour_from: "membership"`.
//!
//! The statements were typeset and scanned: "I abstention", "by I4 votes", "votes 10 none",
//! "hy 14 votes" and words broken at line ends ("Socia- list") are read as meant.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use crate::reader::countries::gazetteer;
use super::membership;
use crate::model::{Vote, VoteMethod};

/// A count as typeset or scanned: `14`, `I4`, `I`, `one`.
const N: &str = r"(?:[0-9Il]{1,2}|one|two|three|four|five|six|none)";

static WITHOUT_VOTE: Pattern = Pattern::new(r"(?i)\b(?:without\s+(?:a\s+)?vote|by\s+consensus)\b");
// `In the absence of any objection, the President stated that the draft resolution was
// adopted unanimously.`: adopted without a vote being taken.
static NO_OBJECTION: Pattern = Pattern::new(r"(?i)\bin\s+the\s+absence\s+of\s+(?:any\s+)?objection");
static UNANIMOUS: Pattern = Pattern::new(r"(?i)\badopted\s+unanimously\b");
// `by 14 votes to none`, `by 9 votes to 1 (Egypt)`, `by 13 votes to 1 against (Pakistan)`,
// `by 14 to none`, `by 9 votes 10 none`, `hy 14 votes to none`.
static COUNTS: LazyLock<Pattern> = LazyLock::new(|| Pattern::assembled(format!(
    r"(?i)\b[bh]y\s+(?P<yes>{N})\s+(?:votes?\s+)?(?:to|io|10)\s+(?P<no>{N})(?:\s+against)?\s*(?:\((?P<against>[^)}}]*)[)}}])?"
)));
// `with 2 abstentions (China, Union of Soviet Socialist Republics)`, `with I abstention (China)`.
static ABSTENTIONS: LazyLock<Pattern> = LazyLock::new(|| Pattern::assembled(format!(r"(?i)\bwith\s+(?P<n>{N})\s*abstentions?\s*(?:\((?P<names>[^)}}]*)[)}}])?")));
// `by 10 votes (Union of Soviet Socialist Republics, absent)`, `by 9 votes (Australia,
// present and not voting; Union of Soviet Socialist Republics, absent)`.
static YES_ONLY: Pattern = Pattern::new(r"(?i)\b[bh]y\s+(?P<yes>[0-9Il]{1,2})\s+votes?\s*(?:\((?P<roles>[^)]*)\))?");
// `One member (China) did not participate in the voting`, `Two members (Egypt, India) did
// not participate`.
static NOT_PARTICIPATING: Pattern =
    Pattern::new(r"(?i)\b(?:one|two|three|four|[0-9０-９])\s+members?\s*\((?P<names>[^)]*)\)\s*did\s+not\s+participate");
// `one member (Union of Soviet Socialist Republics) was absent`.
static ABSENT: Pattern =
    Pattern::new(r"(?i)\b(?:one|two|three|[0-9０-９])\s+members?\s*\((?P<names>[^)]*)\)\s*(?:was|were)\s+absent");
// `The representative of the Ukrainian Soviet Socialist Republic was absent, and the
// President ruled that he should be counted as having abstained.`
static COUNTED_ABSTAINING: Pattern =
    Pattern::new(r"(?i)representative\s+of\s+(?:the\s+)?(?P<name>.+?)\s+was\s+absent,?\s+and\s+the\s+President\s+ruled\s+that\s+he\s+should\s+be\s+counted\s+as\s+having\s+abstained");
// `… was not adopted, owing to the negative vote of a permanent member (Union of Soviet
// Socialist Republics)`, `… the negative votes of two permanent members (France, United
// Kingdom …)`.
static VETO: Pattern =
    Pattern::new(r"(?i)negative\s+votes?\s+of\s+(?:a|one|two|three|[0-9０-９])?\s*permanent\s+members?\s*\((?P<names>[^)]*)\)");
static NOT_ADOPTED: Pattern = Pattern::new(r"(?i)\b(?:was|were)\s+not\s+adopted\b|\bfailed\s+(?:of\s+)?adoption\b");
// `Socia- list`, `Re- publics`, `meet- ing`: a word broken at a line end.
static BROKEN_WORD: Pattern = Pattern::new(r"([a-z])-\s+([a-z])");
// A footnote mark or page number standing alone inside a list: `…Republic, 20 Union of…`.
static STRAY_NUMBER: Pattern = Pattern::new(r"(?:^|\s)[0-9０-９]{1,3}(?:\s|$)");
// The footnote a statement ends with: `… by 14 votes to none. 8`.
static TRAILING_MARK: Pattern = Pattern::new(r"[.,;)\]a-z]\s*([0-9０-９]{1,3})\s*$");
static LEADING_MARK: Pattern = Pattern::new(r"^\s*([0-9０-９]{1,3})\s+");

/// One line of text, words broken at line ends joined again.
fn flatten(text: &str) -> String {
    let one = text.split_whitespace().collect::<Vec<_>>().join(" ");
    BROKEN_WORD.replace_all(&one, "$1$2").into_owned()
}

/// `I4` → 14, `I` → 1, `one` → 1, `none` → 0.
fn count(printed: &str) -> Option<u32> {
    let p = printed.trim().to_lowercase();
    let words = ["none", "one", "two", "three", "four", "five", "six"];
    if let Some(i) = words.iter().position(|w| *w == p) {
        return Some(if i == 0 { 0 } else { i as u32 });
    }
    p.chars().map(|c| if c == 'i' || c == 'l' { '1' } else { c }).collect::<String>().parse().ok()
}

/// Names as printed in a parenthesis, to codes; names that match no country are kept.
fn names(list: &str, unresolved: &mut Vec<String>) -> Vec<String> {
    let cleaned = STRAY_NUMBER.replace_all(list, " ").replace(['—', '–'], " ");
    let (codes, rest) = gazetteer().split_list(&cleaned);
    unresolved.extend(rest);
    codes.into_iter().map(str::to_string).collect()
}

/// The footnote mark the statement ends with, if any.
pub fn trailing_mark(statement: &str) -> Option<String> {
    TRAILING_MARK.captures(statement.trim_end()).map(|c| c[1].to_string())
}

/// Of the note texts printed after the statement (footnotes, with their marks), those
/// that speak of this vote: the one the statement's mark points to, else any that says who
/// did not take part, who was absent, or that there was no vote.
pub fn vote_notes<'a>(statement: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let about_vote = |t: &str| {
        NOT_PARTICIPATING.is_match(t)
            || ABSENT.is_match(t)
            || COUNTED_ABSTAINING.is_match(t)
            || VETO.is_match(t)
            || NO_OBJECTION.is_match(t)
            || WITHOUT_VOTE.is_match(t) && t.to_lowercase().contains("adopted")
    };
    let mark = trailing_mark(&flatten(statement));
    let marked: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|t| mark.is_some() && LEADING_MARK.captures(t).map(|c| c[1].to_string()) == mark)
        .filter(|t| about_vote(t))
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    candidates.iter().copied().filter(|t| about_vote(t)).collect()
}

/// Reads a Security Council vote statement with its notes. `date` (ISO) is the adoption
/// date, for the membership. The second value holds warnings for the reader.
pub fn parse_sc_vote(block: &str, notes: &[&str], date: Option<crate::model::Date>) -> (Vote, Vec<String>) {
    let date = date.map(|d| d.to_string());
    let date = date.as_deref();
    let mut warnings = Vec::new();
    let mut vote = Vote::unknown();
    let statement = flatten(block);
    if statement.is_empty() {
        warnings.push("empty voting block".to_string());
        return (vote, warnings);
    }
    vote.text = Some(block.trim().to_string());
    let notes: Vec<String> = notes.iter().map(|n| flatten(n)).collect();
    vote.notes = notes.clone();
    let mut unresolved = Vec::new();

    for n in &notes {
        for c in NOT_PARTICIPATING.captures_iter(n) {
            vote.not_participating.extend(names(&c["names"], &mut unresolved));
        }
        for c in ABSENT.captures_iter(n) {
            vote.absent.extend(names(&c["names"], &mut unresolved));
        }
    }
    for text in std::iter::once(&statement).chain(&notes) {
        for c in VETO.captures_iter(text) {
            vote.vetoed_by.extend(names(&c["names"], &mut unresolved));
        }
        if NOT_ADOPTED.is_match(text) {
            vote.not_adopted = true;
        }
    }
    // `by 9 votes (Australia, present and not voting; USSR, absent)`.
    let yes_only = COUNTS.captures(&statement).is_none().then(|| YES_ONLY.captures(&statement)).flatten();
    if let Some(roles) = yes_only.as_ref().and_then(|c| c.name("roles")) {
        for part in roles.as_str().split(';') {
            let lower = part.to_lowercase();
            let name = part.rsplit_once(',').map_or(part, |(n, _)| n);
            if lower.contains("not voting") || lower.contains("not participat") {
                vote.not_participating.extend(names(name, &mut unresolved));
            } else if lower.contains("absent") {
                vote.absent.extend(names(name, &mut unresolved));
            }
        }
    }

    let without = WITHOUT_VOTE.is_match(&statement)
        || notes.iter().any(|n| NO_OBJECTION.is_match(n) || WITHOUT_VOTE.is_match(n) && n.to_lowercase().contains("adopted"));
    let counts = COUNTS.captures(&statement);
    let unanimous = UNANIMOUS.is_match(&statement);
    if let Some(c) = &counts {
        vote.method = VoteMethod::Recorded;
        vote.yes = count(&c["yes"]);
        vote.no = count(&c["no"]);
        if let Some(a) = c.name("against") {
            vote.against = names(a.as_str(), &mut unresolved);
        }
        vote.abstain = Some(0);
        if let Some(a) = ABSTENTIONS.captures(&statement) {
            vote.abstain = count(&a["n"]);
            if let Some(list) = a.name("names") {
                vote.abstaining = names(list.as_str(), &mut unresolved);
            }
        }
    } else if let Some(c) = &yes_only {
        vote.method = VoteMethod::Recorded;
        vote.yes = count(&c["yes"]);
    } else if unanimous {
        vote.method = VoteMethod::Recorded;
        vote.unanimous = true;
        vote.no = Some(0);
        vote.abstain = Some(0);
    } else if without {
        vote.method = VoteMethod::WithoutVote;
    } else if vote.not_adopted || !vote.vetoed_by.is_empty() {
        vote.method = VoteMethod::Recorded;
    } else {
        warnings.push("no vote stated".to_string());
    }
    if vote.method == VoteMethod::Recorded && without && counts.is_some() {
        warnings.push("the statement gives both counts and adoption without a vote; the counts are kept".to_string());
    }
    // A member whose veto is stated voted against.
    for v in &vote.vetoed_by {
        if !vote.against.contains(v) {
            vote.against.push(v.clone());
        }
    }
    for name in &unresolved {
        warnings.push(format!("could not resolve {name:?} in the vote"));
    }
    vote.unresolved = unresolved;

    if let Some(stated) = vote.abstain
        && !vote.abstaining.is_empty()
        && vote.unresolved.is_empty()
        && vote.abstaining.len() as u32 != stated
    {
        warnings.push(format!("stated {stated} abstaining but the list names {}", vote.abstaining.len()));
    }
    if vote.method == VoteMethod::Recorded {
        derive_in_favour(&mut vote, date, &mut warnings);
    }
    (vote, warnings)
}

/// The members in favour, from the membership on `date` less those named otherwise,
/// where that agrees with the stated count (or the vote was unanimous).
fn derive_in_favour(vote: &mut Vote, date: Option<&str>, warnings: &mut Vec<String>) {
    let Some(members) = date.and_then(|d| membership::of(crate::model::Body::SC)?.in_order_on(d)) else { return };
    let named: Vec<&String> =
        vote.against.iter().chain(&vote.abstaining).chain(&vote.not_participating).chain(&vote.absent).collect();
    if let Some(stranger) = named.iter().find(|c| !members.contains(&c.as_str())) {
        warnings.push(format!("{stranger} is named in the vote but was not a member of the Council on {}", date.unwrap_or("")));
        return;
    }
    let rest: Vec<String> =
        members.iter().filter(|m| !named.iter().any(|n| n.as_str() == **m)).map(|m| m.to_string()).collect();
    if vote.unanimous && vote.yes.is_none() {
        vote.yes = Some(rest.len() as u32);
    }
    if !vote.unresolved.is_empty() {
        return;
    }
    let stated_others = vote.no.unwrap_or(0) + vote.abstain.unwrap_or(0);
    let named_others = (vote.against.len() + vote.abstaining.len()) as u32;
    if vote.yes == Some(rest.len() as u32) && stated_others == named_others {
        vote.in_favour = rest;
        vote.in_favour_from = Some("membership".to_string());
    } else {
        warnings.push(format!(
            "the counts ({} in favour, {} against or abstaining) do not fit the {} members of {} less the {} named",
            vote.yes.map_or("?".to_string(), |y| y.to_string()),
            stated_others,
            members.len(),
            date.unwrap_or(""),
            named.len()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(block: &str, notes: &[&str], date: &str) -> Vote {
        parse_sc_vote(block, notes, date.parse().ok()).0
    }

    #[test]
    fn counts_with_named_abstentions() {
        let v = read(
            "Adopted at the 312th meeting by 8 votes to none,\nwith 3 abstentions (China,\nUkrainian Soviet Socialist\nRepublic, Union of Soviet\nSocialist Republics).",
            &[],
            "1948-06-03",
        );
        assert_eq!(v.method, VoteMethod::Recorded);
        assert_eq!((v.yes, v.no, v.abstain), (Some(8), Some(0), Some(3)));
        assert_eq!(v.abstaining, ["CHN", "UKR", "SUHH"]);
        assert_eq!(v.in_favour_from.as_deref(), Some("membership"));
        let mut yes = v.in_favour.clone();
        yes.sort();
        assert_eq!(yes, ["ARG", "BEL", "CAN", "COL", "FRA", "GBR", "SYR", "USA"]);
    }

    #[test]
    fn non_participation_in_a_footnote() {
        let block = "Adopted at the 1612th meet-\ning by 14 votes to none. 8";
        let notes = ["8 One member (China) did not participate in the voting.", "9 Ibid., document S/10401."];
        let picked = vote_notes(block, &notes);
        assert_eq!(picked, [notes[0]]);
        let v = read(block, &picked, "1971-12-13");
        assert_eq!((v.yes, v.no, v.abstain), (Some(14), Some(0), Some(0)));
        assert_eq!(v.not_participating, ["CHN"]);
        assert_eq!(v.in_favour.len(), 14);
        assert!(!v.in_favour.contains(&"CHN".to_string()));
    }

    #[test]
    fn unanimity_absence_and_no_vote() {
        let v = read("Adopted unanimously at the\n2368th meeting.", &[], "1982-05-26");
        assert!(v.unanimous);
        assert_eq!((v.yes, v.no, v.abstain), (Some(15), Some(0), Some(0)));
        let v = read("Adopted at the 40th meeting by 10 votes (Union of Soviet Socialist Republics, absent).", &[], "1946-05-08");
        assert_eq!(v.yes, Some(10));
        assert_eq!(v.absent, ["SUHH"]);
        assert_eq!(v.in_favour.len(), 10);
        let v = read(
            "Adopted at the 30th meeting by 9 votes (Australia, present and not voting; Union of\nSoviet Socialist Republics, absent).",
            &[],
            "1946-04-04",
        );
        assert_eq!((v.not_participating.as_slice(), v.absent.as_slice()), (&["AUS".to_string()][..], &["SUHH".to_string()][..]));
        assert_eq!(v.in_favour.len(), 9);
        let v = read("Adopted at the 2nd meeting. 22", &["22 Adopted without vote."], "1946-01-25");
        assert_eq!(v.method, VoteMethod::WithoutVote);
        let (v, w) = parse_sc_vote("Adopted at the 677th meeting.", &[], "1954-07-28".parse().ok());
        assert_eq!(v.method, VoteMethod::Unknown);
        assert_eq!(w, ["no vote stated"]);
        assert_eq!(read("Adopted at the 2171st meeting by consensus.", &[], "1979-11-23").method, VoteMethod::WithoutVote);
        let note = "16 In the absence of any objection, the President stated that the\ndraft resolution was adopted unanimously.";
        let picked = vote_notes("Adopted at the 613th meeting. 16", &[note]);
        assert_eq!(read("Adopted at the 613th meeting. 16", &picked, "1953-01-01").method, VoteMethod::WithoutVote);
    }

    #[test]
    fn scanned_and_broken_forms() {
        let v = read("Adopted at the 1217th meeting\nby 10 votes to none, with I abstention (United States of America)", &[], "1965-05-22");
        assert_eq!((v.yes, v.abstain), (Some(10), Some(1)));
        assert_eq!(v.abstaining, ["USA"]);
        let v = read("Adopted at the 474th meeting by 9 votes 10 none. 21", &[], "1950-06-27");
        assert_eq!((v.yes, v.no), (Some(9), Some(0)));
        let v = read(
            "Adopted at the 1000th meeting by 12 votes to none, with 2 abstentions (Czechoslovakia, Union of Soviet Social- ist Republics). 47",
            &[],
            "1978-01-01",
        );
        assert_eq!(v.abstaining, ["CSHH", "SUHH"]);
        let v = read(
            "Adopted at the 2000th meeting by 11 votes to none, with 4 abstentions (Canada, Germany, Federal Republic of, United Kingdom of Great Britain and Northern Ireland, United States of America).",
            &[],
            "1977-06-01",
        );
        assert_eq!(v.abstaining, ["CAN", "DEU", "GBR", "USA"]);
        let v = read("Adopted at the 300th meeting by 7 votes to 1 ( Yugoslavia) 12", &["12 Two members (Egypt, India) did not participate in the voting; one member (Union of Soviet Socialist Republics) was absent."], "1950-06-27");
        assert_eq!(v.against, ["YUCS"]);
        assert_eq!(v.not_participating, ["EGY", "IND"]);
        assert_eq!(v.absent, ["SUHH"]);
        assert_eq!(v.in_favour.len(), 7);
    }

    #[test]
    fn a_vetoed_text() {
        let (v, _) = parse_sc_vote(
            "The draft resolution was not adopted, owing to the negative vote of a permanent member (Union of Soviet Socialist Republics).",
            &[],
            "1960-07-26".parse().ok(),
        );
        assert!(v.not_adopted);
        assert_eq!(v.vetoed_by, ["SUHH"]);
        assert_eq!(v.against, ["SUHH"]);
        assert!(membership::of(crate::model::Body::SC).unwrap().is_permanent("SUHH", "1960-07-26"));
    }

    #[test]
    fn a_member_that_was_not_on_the_council_is_reported() {
        let (v, w) = parse_sc_vote("Adopted at the 900th meeting by 10 votes to none, with 1 abstention (Japan).", &[], "1950-06-01".parse().ok());
        assert!(v.in_favour.is_empty());
        assert!(w.iter().any(|w| w.contains("JPN")), "{w:?}");
    }
}
