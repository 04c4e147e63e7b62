//! Votes recorded in UNDL voting files, given to the documents of the corpus they name:
//! the file's vote becomes the document's (`source: undl`), with the text's own kept
//! beside it where the two disagree.

use crate::model::{Diagnostic, Document, Vote, VoteMethod, VoteRecord, VoteSource};
use crate::reader::votes_csv::{MsVote, RecordedVote};
use std::collections::HashMap;

/// A UNDL record as the model's vote (`source: undl`).
pub fn vote_from_record(r: &RecordedVote) -> Vote {
    let mut vote = Vote::unknown();
    vote.method = VoteMethod::Recorded;
    vote.source = Some(VoteSource::Undl);
    for c in &r.countries {
        let list = match c.vote {
            MsVote::Yes => &mut vote.in_favour,
            MsVote::No => &mut vote.against,
            MsVote::Abstain => &mut vote.abstaining,
            MsVote::NonVoting => &mut vote.non_voting,
            MsVote::NotMember => &mut vote.non_members,
        };
        list.push(c.code.clone());
    }
    for list in [&mut vote.in_favour, &mut vote.against, &mut vote.abstaining, &mut vote.non_voting, &mut vote.non_members] {
        list.sort();
    }
    // The rows are the record; the totals beside them are checked in `attach`.
    vote.yes = Some(vote.in_favour.len() as u32);
    vote.no = Some(vote.against.len() as u32);
    vote.abstain = Some(vote.abstaining.len() as u32);
    vote.record = Some(VoteRecord {
        undl_id: r.undl_id.clone(),
        link: r.link.clone(),
        meeting: r.meeting.clone(),
        date: r.date,
        resolution: r.resolution.clone(),
        draft: r.draft.clone(),
        vote_note: r.vote_note.clone(),
        file: r.path.clone(),
        line: r.line,
    });
    vote
}

/// Upper-case, no spaces: how symbols are matched.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// The records of a set of voting files, by the symbol they name (resolution or draft).
pub struct RecordIndex<'a> {
    by_symbol: HashMap<String, Vec<&'a RecordedVote>>,
}

impl<'a> RecordIndex<'a> {
    pub fn new(records: &'a [RecordedVote]) -> Self {
        let mut by_symbol: HashMap<String, Vec<&RecordedVote>> = HashMap::new();
        for r in records {
            for symbol in [&r.resolution, &r.draft].into_iter().flatten() {
                by_symbol.entry(squash(symbol)).or_default().push(r);
            }
        }
        RecordIndex { by_symbol }
    }

    /// The records naming `symbol`, in file order.
    pub fn get(&self, symbol: &str) -> &[&'a RecordedVote] {
        self.by_symbol.get(&squash(symbol)).map_or(&[], Vec::as_slice)
    }
}

/// The warnings [`attach`] gives for documents of these symbols (in this order): each
/// record whose rows and totals differ, then each symbol several records name.
pub fn warnings_for<'s>(symbols: impl IntoIterator<Item = &'s str>, records: &[RecordedVote]) -> Vec<String> {
    let mut warnings = Vec::new();
    if records.is_empty() {
        return warnings;
    }
    for r in records {
        for problem in r.inconsistencies() {
            warnings.push(format!("{}: line {}: undl_id {}: {problem}", r.path, r.line, r.undl_id));
        }
    }
    let index = RecordIndex::new(records);
    for symbol in symbols {
        let found = index.get(symbol);
        if let [record, others @ ..] = found
            && !others.is_empty()
        {
            let others: Vec<String> = others.iter().map(|r| format!("{} ({}:{})", r.undl_id, r.path, r.line)).collect();
            warnings.push(format!(
                "{}: several voting records name {symbol}; undl_id {} is used, not {}",
                record.path,
                record.undl_id,
                others.join(", ")
            ));
        }
    }
    warnings
}

/// Whether two votes say the same: method, counts and the three lists.
fn agree(text: &Vote, file: &Vote) -> bool {
    let sorted = |l: &[String]| {
        let mut l = l.to_vec();
        l.sort();
        l
    };
    text.method == file.method
        && (text.yes, text.no, text.abstain) == (file.yes, file.no, file.abstain)
        && (text.in_favour.is_empty() || sorted(&text.in_favour) == file.in_favour)
        && (text.against.is_empty() || sorted(&text.against) == file.against)
        && (text.abstaining.is_empty() || sorted(&text.abstaining) == file.abstaining)
}

fn counts(v: &Vote) -> String {
    match v.method {
        VoteMethod::WithoutVote => "adopted without a vote".to_string(),
        VoteMethod::Unknown => "not stated".to_string(),
        VoteMethod::Recorded => {
            let n = |x: Option<u32>| x.map_or("?".to_string(), |n| n.to_string());
            format!("{}-{}-{}", n(v.yes), n(v.no), n(v.abstain))
        }
    }
}

/// Give each document the vote a voting file records for its symbol (`source: undl`).
/// A vote its text states is kept beside it (`stated_in_text`) where the two disagree,
/// and the disagreement is a diagnostic of the document. Returns warnings: a symbol
/// with several records (the first is used), a record whose rows and totals differ.
pub fn attach(docs: &mut [Document], records: &[RecordedVote]) -> Vec<String> {
    let warnings = warnings_for(docs.iter().map(|d| d.symbol.as_str()), records);
    let index = RecordIndex::new(records);
    for doc in docs.iter_mut() {
        let found = index.get(&doc.symbol);
        let Some(record) = found.first() else { continue };
        let mut vote = vote_from_record(record);
        let stated = std::mem::replace(&mut doc.vote, Vote::unknown());
        if stated.method != VoteMethod::Unknown && !agree(&stated, &vote) {
            doc.diagnostics.push(Diagnostic {
                line: doc.vote_lines.map(|l| l.first),
                message: format!(
                    "the vote the text states ({}) differs from UNDL record {} in {} line {} ({}); both are kept",
                    counts(&stated),
                    record.undl_id,
                    record.path,
                    record.line,
                    counts(&vote)
                ),
            });
            vote.stated_in_text = Some(Box::new(stated));
        } else if stated.method != VoteMethod::Unknown {
            // The text agrees: what it printed stays readable.
            vote.text = stated.text;
        }
        doc.vote = vote;
        if doc.meeting.is_none() {
            doc.meeting = record.meeting_number();
        }
        if doc.adopted.is_none() {
            doc.adopted = record.date;
        }
    }
    warnings
}

