//! Voting records from the UN Digital Library's bulk voting file (record 4060887): one
//! row per Member State per recorded vote, under the header
//!
//! `undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link`
//!
//! The March 2025 file has no `vote_note`; columns are found by name, so either layout
//! (and any order) is read. `ms_vote` is `Y`, `N`, `A` or `X` (present but not voting),
//! blank where the State was not a member on that date.
//!
//! The file comes from anyone, so it is read as untrusted: a row that cannot be read (a
//! quoted field never closed, a field longer than [`MAX_FIELD_BYTES`], the wrong number
//! of columns, an unknown vote letter, bytes that are not UTF-8) is reported with its
//! line number and the rest of the file is read. The file is streamed a line at a
//! time: a line is never held past [`MAX_LINE_BYTES`], and a quoted field is followed
//! over at most [`MAX_RECORD_LINES`] lines, so every byte is looked at a bounded number
//! of times whatever the file holds.

use crate::model::Date;
use crate::error::{Error, ReadError};
use serde::Serialize;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// The columns of the full layout, in the order UNDL writes them.
pub const COLUMNS: [&str; 20] = [
    "undl_id",
    "ms_code",
    "ms_name",
    "ms_vote",
    "date",
    "session",
    "resolution",
    "draft",
    "committee_report",
    "meeting",
    "title",
    "agenda_title",
    "subjects",
    "vote_note",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "undl_link",
];

/// The one column the March 2025 layout lacks.
const OPTIONAL: [&str; 1] = ["vote_note"];

/// The longest field kept. Titles and subject lists of real rows are under 2,000 bytes.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The longest physical line held; the rest of a longer line is skipped unread.
pub const MAX_LINE_BYTES: usize = 8 << 20;

/// A quoted field may hold line breaks, but one still open after this many lines is
/// taken as never closed: its first line is reported and reading resumes on the next.
pub const MAX_RECORD_LINES: usize = 8;

/// How one State stood in one recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MsVote {
    Yes,
    No,
    Abstain,
    /// `X`: a member that did not vote.
    NonVoting,
    /// Blank: not a member of the body on that date.
    NotMember,
}

impl MsVote {
    fn from_field(s: &str) -> Option<MsVote> {
        Some(match s.trim() {
            "Y" | "y" => MsVote::Yes,
            "N" | "n" => MsVote::No,
            "A" | "a" => MsVote::Abstain,
            "X" | "x" => MsVote::NonVoting,
            "" => MsVote::NotMember,
            _ => return None,
        })
    }
}

/// One State's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryVote {
    /// ISO 3166-1 alpha-3, as UNDL gives it (`CHN`).
    pub code: String,
    /// The name as UNDL gives it (`CHINA`).
    pub name: String,
    pub vote: MsVote,
}

/// The totals UNDL states beside the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub non_voting: Option<u32>,
    pub members: Option<u32>,
}

/// Every row of one `undl_id`: one recorded vote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordedVote {
    pub undl_id: String,
    /// The adopted resolution's symbol, spaces tidied (`A/RES/78/190`).
    pub resolution: Option<String>,
    /// The draft voted on (`A/78/L.30`, `A/C.3/78/L.41/Rev.1`).
    pub draft: Option<String>,
    pub committee_report: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<Date>,
    pub session: Option<u32>,
    /// The meeting as UNDL names it (`A/78/PV.50`).
    pub meeting: Option<String>,
    pub title: Option<String>,
    pub vote_note: Option<String>,
    pub link: Option<String>,
    pub totals: Totals,
    pub countries: Vec<CountryVote>,
    /// The file and the line of the vote's first row.
    pub path: String,
    pub line: u64,
}

impl RecordedVote {
    /// The number after `PV.` of the meeting (`A/78/PV.50` → 50).
    pub fn meeting_number(&self) -> Option<u32> {
        let m = self.meeting.as_deref()?;
        let tail = &m[m.rfind("PV.")? + 3..];
        let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    }

    fn count(&self, v: MsVote) -> u32 {
        self.countries.iter().filter(|c| c.vote == v).count() as u32
    }

    /// Where the rows' counts differ from the totals UNDL states beside them.
    pub fn inconsistencies(&self) -> Vec<String> {
        let t = self.totals;
        let mut out = Vec::new();
        for (name, stated, counted) in [
            ("yes", t.yes, self.count(MsVote::Yes)),
            ("no", t.no, self.count(MsVote::No)),
            ("abstentions", t.abstain, self.count(MsVote::Abstain)),
            ("non-voting", t.non_voting, self.count(MsVote::NonVoting)),
        ] {
            if let Some(stated) = stated
                && stated != counted
            {
                out.push(format!("total_{name} is {stated} but {counted} rows say so"));
            }
        }
        out
    }
}

/// A row that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

/// What one voting file gave.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VoteFile {
    pub path: String,
    pub layout: Layout,
    pub votes: Vec<RecordedVote>,
    pub rows: usize,
    pub problems: Vec<RowProblem>,
}

/// Which of UNDL's two layouts the header is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// With `vote_note` (the files before and after March 2025).
    #[default]
    WithVoteNote,
    /// Without it (March 2025).
    WithoutVoteNote,
}

/// Whether the first line of `bytes` names the UNDL voting columns at all: a `.csv`
/// that does not is no voting file, one that does is read (and a damaged header is
/// reported as such, not passed over).
pub fn looks_like_voting_file(first_line: &[u8]) -> bool {
    let line = String::from_utf8_lossy(first_line).to_ascii_lowercase();
    line.contains("undl") || (line.contains("ms_code") && line.contains("ms_vote"))
}

/// Read one voting file.
pub fn read_file(path: &Path) -> Result<VoteFile, Error> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Error::Read { path: path.to_path_buf(), source: ReadError::NotAFile });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    read(std::io::BufReader::with_capacity(1 << 16, file), path)
}

/// Read voting records from bytes, as the file at `path` (which names it in messages).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<VoteFile, Error> {
    read(bytes, path)
}

/// Where each column stands in a row.
struct Columns {
    index: HashMap<&'static str, usize>,
    width: usize,
}

impl Columns {
    /// The header checked against UNDL's: names are compared without case, spaces or a
    /// byte-order mark; every column but `vote_note` must be there, and none other.
    fn from_header(fields: &[String]) -> Result<(Columns, Layout), String> {
        let names: Vec<String> =
            fields.iter().map(|f| f.trim_start_matches('\u{feff}').trim().to_ascii_lowercase()).collect();
        let mut index = HashMap::new();
        let mut unknown = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match COLUMNS.iter().find(|c| **c == name) {
                Some(c) if index.contains_key(c) => return Err(format!("column `{c}` is named twice")),
                Some(c) => {
                    index.insert(*c, i);
                }
                None => unknown.push(format!("`{}`", shorten(name, 40))),
            }
        }
        let missing: Vec<String> = COLUMNS
            .iter()
            .filter(|c| !OPTIONAL.contains(c) && !index.contains_key(*c))
            .map(|c| format!("`{c}`"))
            .collect();
        if !missing.is_empty() || !unknown.is_empty() {
            let mut why = Vec::new();
            if !missing.is_empty() {
                why.push(format!("missing {}", missing.join(", ")));
            }
            if !unknown.is_empty() {
                why.push(format!("unknown {}", unknown.join(", ")));
            }
            return Err(format!("the header is not UNDL's ({})", why.join("; ")));
        }
        let layout = if index.contains_key("vote_note") { Layout::WithVoteNote } else { Layout::WithoutVoteNote };
        Ok((Columns { index, width: names.len() }, layout))
    }

    fn get<'r>(&self, row: &'r [String], name: &str) -> &'r str {
        self.index.get(name).and_then(|&i| row.get(i)).map_or("", |s| s.trim())
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max).collect::<String>()) }
}

/// One physical line as read: its number, its bytes (without the line break), and
/// whether it was cut at [`MAX_LINE_BYTES`].
struct Line {
    number: u64,
    bytes: Vec<u8>,
    cut: bool,
}

/// Physical lines of a stream, none held past [`MAX_LINE_BYTES`].
struct Lines<R> {
    reader: R,
    number: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        if self.done {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        let mut cut = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                self.done = true;
                break;
            }
            any = true;
            let (take, end) = match memchr::memchr(b'\n', available) {
                Some(i) => (i, true),
                None => (available.len(), false),
            };
            let room = MAX_LINE_BYTES.saturating_sub(bytes.len());
            if take > room {
                cut = true;
            }
            bytes.extend_from_slice(&available[..take.min(room)]);
            self.reader.consume(if end { take + 1 } else { take });
            if end {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        self.number += 1;
        Ok(Some(Line { number: self.number, bytes, cut }))
    }
}

/// Whether a line leaves a quoted field open (an odd number of quote characters: an
/// escaped quote `""` counts two).
fn opens_quote(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'"', bytes).count() % 2 == 1
}

/// One CSV record from the bytes of whole lines, or why not.
fn parse_record(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Ok(Vec::new()),
        Err(e) => return Err(format!("not CSV: {e}")),
    }
    let mut out = Vec::with_capacity(record.len());
    for (i, field) in record.iter().enumerate() {
        if field.len() > MAX_FIELD_BYTES {
            return Err(format!("field {} is {} bytes, more than the {MAX_FIELD_BYTES} a voting row may hold", i + 1, field.len()));
        }
        match std::str::from_utf8(field) {
            Ok(s) => out.push(s.to_string()),
            Err(e) => return Err(format!("field {} is not UTF-8 (byte {})", i + 1, e.valid_up_to())),
        }
    }
    Ok(out)
}

/// Logical records: physical lines joined while a quoted field is open, at most
/// [`MAX_RECORD_LINES`] of them. A field still open after that, or at the end of the
/// file, is reported on its first line, and the lines after it are read again as rows.
struct Records<R> {
    lines: Lines<R>,
    pending: std::collections::VecDeque<Line>,
}

enum Next {
    Record { line: u64, last: u64, fields: Vec<String> },
    Problem(RowProblem),
    End,
}

impl<R: BufRead> Records<R> {
    fn next(&mut self) -> std::io::Result<Next> {
        let first = match self.pending.pop_front() {
            Some(l) => l,
            None => match self.lines.next_line()? {
                Some(l) => l,
                None => return Ok(Next::End),
            },
        };
        if first.cut {
            return Ok(Next::Problem(RowProblem {
                line: first.number,
                reason: format!("the line is longer than {MAX_LINE_BYTES} bytes; its row is skipped"),
            }));
        }
        if !opens_quote(&first.bytes) {
            return Ok(match parse_record(&first.bytes) {
                Ok(fields) => Next::Record { line: first.number, last: first.number, fields },
                Err(reason) => Next::Problem(RowProblem { line: first.number, reason }),
            });
        }
        // A quoted field runs on: gather the lines that may close it.
        let mut joined = first.bytes.clone();
        let mut used = 0;
        let mut open = true;
        while open && used + 1 < MAX_RECORD_LINES {
            let next = match self.pending.get(used) {
                Some(_) => None,
                None => self.lines.next_line()?,
            };
            if let Some(l) = next {
                self.pending.push_back(l);
            }
            let Some(line) = self.pending.get(used) else { break };
            if line.cut || joined.len() + line.bytes.len() > MAX_LINE_BYTES {
                break;
            }
            joined.push(b'\n');
            joined.extend_from_slice(&line.bytes);
            used += 1;
            if opens_quote(&line.bytes) {
                open = false;
            }
        }
        if open {
            return Ok(Next::Problem(RowProblem {
                line: first.number,
                reason: format!(
                    "a quoted field opened on this line is not closed within {MAX_RECORD_LINES} lines; the row is skipped and the next line read as a row"
                ),
            }));
        }
        let last = self.pending.get(used - 1).map_or(first.number, |l| l.number);
        self.pending.drain(..used);
        Ok(match parse_record(&joined) {
            Ok(fields) => Next::Record { line: first.number, last, fields },
            Err(reason) => Next::Problem(RowProblem { line: first.number, reason }),
        })
    }
}

/// A symbol as UNDL writes it, tidied: spaces around slashes gone, runs of spaces one.
fn tidy_symbol(s: &str) -> Option<String> {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.replace(" /", "/").replace("/ ", "/");
    if s.is_empty() { None } else { Some(s) }
}

fn non_empty(s: &str) -> Option<String> {
    if s.is_empty() { None } else { Some(s.to_string()) }
}

/// `YYYY-MM-DD` from UNDL's date (also `YYYY-MM-DDThh:mm:ss` and `YYYY/MM/DD`).
fn iso_date(s: &str) -> Option<Date> {
    let head: String = s.chars().take(10).collect::<String>().replace('/', "-");
    head.parse().ok()
}

fn number(s: &str) -> Option<u32> {
    s.trim().parse().ok()
}

fn read(reader: impl BufRead, path: &Path) -> Result<VoteFile, Error> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let not_voting = |why: String| Error::Read { path: path.to_path_buf(), source: ReadError::NotVotingFile(why) };
    let mut records = Records { lines: Lines { reader, number: 0, done: false }, pending: Default::default() };
    let header = loop {
        match records.next().map_err(io)? {
            Next::End => return Err(Error::Read { path: path.to_path_buf(), source: ReadError::Empty }),
            Next::Problem(p) => return Err(not_voting(format!("line {}: {}", p.line, p.reason))),
            Next::Record { fields, .. } if fields.iter().all(|f| f.trim().is_empty()) => continue,
            Next::Record { fields, .. } => break fields,
        }
    };
    let (columns, layout) = Columns::from_header(&header).map_err(not_voting)?;
    let mut file = VoteFile { path: path.display().to_string(), layout, ..VoteFile::default() };
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<(usize, String), MsVote> = HashMap::new();
    loop {
        let (line, last, fields) = match records.next().map_err(io)? {
            Next::End => break,
            Next::Problem(p) => {
                file.problems.push(p);
                continue;
            }
            Next::Record { line, last, fields } => (line, last, fields),
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // A row whose quoted field runs over several lines says which.
        let problem = |reason: String| {
            let reason = if last > line { format!("{reason} (the row runs over lines {line}-{last})") } else { reason };
            RowProblem { line, reason }
        };
        if fields.len() != columns.width {
            file.problems.push(problem(format!("{} fields where the header has {}", fields.len(), columns.width)));
            continue;
        }
        let get = |name| columns.get(&fields, name);
        let undl_id = get("undl_id");
        if undl_id.is_empty() {
            file.problems.push(problem("no undl_id".to_string()));
            continue;
        }
        let code = get("ms_code").to_ascii_uppercase();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            file.problems.push(problem(format!("ms_code `{}` is not a three-letter code", shorten(&code, 20))));
            continue;
        }
        let Some(vote) = MsVote::from_field(get("ms_vote")) else {
            file.problems
                .push(problem(format!("ms_vote `{}` is none of Y, N, A, X or blank", shorten(get("ms_vote"), 20))));
            continue;
        };
        let resolution = tidy_symbol(get("resolution"));
        let draft = tidy_symbol(get("draft"));
        if resolution.is_none() && draft.is_none() {
            file.problems.push(problem("neither a resolution nor a draft is named".to_string()));
            continue;
        }
        let index = match by_id.get(undl_id) {
            Some(&i) => i,
            None => {
                by_id.insert(undl_id.to_string(), file.votes.len());
                file.votes.push(RecordedVote {
                    undl_id: undl_id.to_string(),
                    resolution: resolution.clone(),
                    draft: draft.clone(),
                    committee_report: tidy_symbol(get("committee_report")),
                    date: iso_date(get("date")),
                    session: number(get("session")),
                    meeting: non_empty(get("meeting")),
                    title: non_empty(get("title")),
                    vote_note: non_empty(get("vote_note")),
                    link: non_empty(get("undl_link")),
                    totals: Totals {
                        yes: number(get("total_yes")),
                        no: number(get("total_no")),
                        abstain: number(get("total_abstentions")),
                        non_voting: number(get("total_non_voting")),
                        members: number(get("total_ms")),
                    },
                    countries: Vec::new(),
                    path: file.path.clone(),
                    line,
                });
                file.votes.len() - 1
            }
        };
        let record = &mut file.votes[index];
        if record.resolution != resolution && resolution.is_some() {
            file.problems.push(problem(format!(
                "undl_id {undl_id} names resolution {} here and {} on line {}; the row is skipped",
                resolution.as_deref().unwrap_or("-"),
                record.resolution.as_deref().unwrap_or("-"),
                record.line
            )));
            continue;
        }
        match seen.get(&(index, code.clone())) {
            Some(&earlier) if earlier == vote => continue,
            Some(_) => {
                file.problems.push(problem(format!("{code} has a second, different vote in undl_id {undl_id}; the first is kept")));
                continue;
            }
            None => {}
        }
        seen.insert((index, code.clone()), vote);
        record.countries.push(CountryVote { code, name: get("ms_name").to_string(), vote });
        file.rows += 1;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link";

    fn row(id: &str, code: &str, vote: &str) -> String {
        format!(
            "{id},{code},NAME,{vote},2023-12-19,78,A/RES/78/190,A/C.3/78/L.41,A/78/481/Add.2,A/78/PV.50,\"Title, with a comma\",Agenda,Subjects,,1,0,0,0,193,https://digitallibrary.un.org/record/{id}"
        )
    }

    fn read_str(s: &str) -> VoteFile {
        read_bytes(s.as_bytes(), Path::new("votes.csv")).unwrap()
    }

    #[test]
    fn rows_of_one_id_are_one_vote() {
        let text = format!("{HEADER}\n{}\n{}\n{}\n", row("1", "CHN", "Y"), row("1", "IND", "A"), row("1", "SSD", ""));
        let f = read_str(&text);
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.votes.len(), 1);
        let v = &f.votes[0];
        assert_eq!(v.resolution.as_deref(), Some("A/RES/78/190"));
        assert_eq!(v.title.as_deref(), Some("Title, with a comma"));
        assert_eq!(v.meeting_number(), Some(50));
        let votes: Vec<(&str, MsVote)> = v.countries.iter().map(|c| (c.code.as_str(), c.vote)).collect();
        assert_eq!(votes, [("CHN", MsVote::Yes), ("IND", MsVote::Abstain), ("SSD", MsVote::NotMember)]);
    }

    #[test]
    fn bad_rows_are_named_by_line_and_the_rest_read() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let text = format!(
            "\u{feff}{HEADER}\r\n{}\r\n1,FRA,FRANCE,Y,2023\r\n{}\r\n2,\"AUS,AUSTRALIA,Y,2023-12-19\r\n{}\r\n{}\r\n{}\r\n",
            row("1", "CHN", "Y"),
            row("1", "IND", "N").replace("Agenda", &long),
            row("1", "USA", "N"),
            row("1", "DEU", "Q"),
            row("1", "GBR", "A"),
        );
        let f = read_str(&text);
        let lines: Vec<u64> = f.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 5, 7], "{:?}", f.problems);
        let kept: Vec<&str> = f.votes[0].countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(kept, ["CHN", "USA", "GBR"]);
    }

    #[test]
    fn the_march_2025_layout_has_no_vote_note() {
        let header = HEADER.replace("vote_note,", "");
        let row = row("7", "CHN", "N").replacen(",,", ",", 1);
        let f = read_str(&format!("{header}\n{row}\n"));
        assert_eq!(f.layout, Layout::WithoutVoteNote);
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.votes[0].countries[0].vote, MsVote::No);
    }

    #[test]
    fn a_header_almost_undl_is_refused_with_what_differs() {
        let header = HEADER.replace("ms_vote", "msvote");
        let err = read_bytes(format!("{header}\n").as_bytes(), Path::new("v.csv")).unwrap_err().to_string();
        assert!(err.contains("missing `ms_vote`") && err.contains("unknown `msvote`"), "{err}");
    }
}
