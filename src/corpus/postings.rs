//! The index's trigram postings: for every trigram of the searchable rows (in search
//! form, three characters as packed by [`trigram_keys`]), the ids of the rows that
//! hold it, ascending, stored as differences in LEB128 varints (a byte or two a row).
//!
//! A refresh gathers the postings of the rows it stores in memory and writes them as
//! one segment (several on a corpus too large to hold at once), each list starting from
//! zero; a term's list is the concatenation of its segments in order, since row ids only
//! grow. Rows that are later
//! removed stay in old segments until segments are merged: readers drop ids whose row is
//! gone. Merging rewrites every list as one segment without the removed rows.
//!
//! A segment is written as blocks, in term order: a list of [`BLOCK_BYTES`] or more is a
//! block of its own; shorter ones (most trigrams are rare) are packed together, a
//! block's terms listed at its start. Writing a row per few kilobytes rather than a row
//! per trigram (1,417 rather than 19,238 for corpus-en) is what makes the postings quick
//! to store at the end of a build.

use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// Encoded bytes gathered in memory before a segment is written (the build's memory
/// stays bounded whatever the corpus's size).
const FLUSH_BYTES: usize = 96 << 20;
/// Segments past which a refresh merges them into one.
const MAX_SEGMENTS: i64 = 8;
/// A list this long is a block of its own, and shorter ones are packed into a block until
/// it holds this much.
const BLOCK_BYTES: usize = 4096;

/// The columns of the postings, a row per block of a segment's lists: one term's list
/// (rows set, first_term its term), or several shorter lists (rows NULL): a varint count
/// of terms, then for each its term (a varint difference from the one before, the first
/// from first_term), its row count and its list's length in bytes, then the lists one
/// after the other. A merge writes a table of the same columns and puts it in place.
macro_rules! postings_columns {
    () => {
        "(
    segment INTEGER NOT NULL,
    first_term INTEGER NOT NULL,    -- a trigram, packed (postings::push_trigrams)
    rows INTEGER,                   -- a list alone: how many ids it holds
    block BLOB NOT NULL
)"
    };
}

/// The postings' index, made with the table and again on the table a merge puts in place.
macro_rules! postings_index {
    () => {
        "CREATE UNIQUE INDEX IF NOT EXISTS postings_block ON postings(segment, first_term);"
    };
}

pub(crate) const SCHEMA: &str = concat!(
    "CREATE TABLE IF NOT EXISTS postings ",
    postings_columns!(),
    ";\n",
    postings_index!(),
    "
-- Rows removed since the last merge, by trigram (negative counts), so that a trigram's
-- count is exact at once.
CREATE TABLE IF NOT EXISTS postings_removed (
    term INTEGER PRIMARY KEY,
    rows INTEGER NOT NULL
);
"
);

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Push the ids of a list of differences onto `out` (every list, one per term and
/// segment, starts from zero). A truncated list (a damaged file) ends where the damage
/// starts.
fn decode_into(bytes: &[u8], out: &mut Vec<u64>) {
    let mut id = 0u64;
    let mut n = 0u64;
    let mut shift = 0u32;
    for &b in bytes {
        n |= u64::from(b & 0x7F) << shift.min(63);
        if b & 0x80 == 0 {
            id += n;
            out.push(id);
            n = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// The varint at the start of `bytes`, and the bytes after it (a damaged block reads as
/// zeros to its end).
fn read_varint(bytes: &[u8]) -> (u64, &[u8]) {
    let mut n = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        n |= u64::from(b & 0x7F) << (7 * i as u32).min(63);
        if b & 0x80 == 0 {
            return (n, &bytes[i + 1..]);
        }
    }
    (n, &[])
}

/// Writes one segment's lists, given in term order, as blocks.
struct BlockWriter<'c> {
    insert: rusqlite::CachedStatement<'c>,
    segment: i64,
    first_term: u64,
    last_term: u64,
    count: u64,
    terms: Vec<u8>,
    lists: Vec<u8>,
}

impl<'c> BlockWriter<'c> {
    fn new(conn: &'c Connection, table: &str, segment: i64) -> rusqlite::Result<BlockWriter<'c>> {
        let insert = conn.prepare_cached(&format!("INSERT INTO {table} (segment, first_term, rows, block) VALUES (?1, ?2, ?3, ?4)"))?;
        Ok(BlockWriter { insert, segment, first_term: 0, last_term: 0, count: 0, terms: Vec::new(), lists: Vec::new() })
    }

    fn push(&mut self, term: u64, rows: i64, list: &[u8]) -> rusqlite::Result<()> {
        if list.len() >= BLOCK_BYTES {
            self.close()?;
            self.insert.execute(params![self.segment, term as i64, rows, list])?;
            return Ok(());
        }
        if self.count == 0 {
            self.first_term = term;
            self.last_term = term;
        }
        push_varint(&mut self.terms, term - self.last_term);
        push_varint(&mut self.terms, rows as u64);
        push_varint(&mut self.terms, list.len() as u64);
        self.lists.extend_from_slice(list);
        self.last_term = term;
        self.count += 1;
        if self.lists.len() >= BLOCK_BYTES {
            self.close()?;
        }
        Ok(())
    }

    /// Write the block being packed, if it holds any list.
    fn close(&mut self) -> rusqlite::Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        let mut block = Vec::with_capacity(10 + self.terms.len() + self.lists.len());
        push_varint(&mut block, self.count);
        block.extend_from_slice(&self.terms);
        block.extend_from_slice(&self.lists);
        self.insert.execute(params![self.segment, self.first_term as i64, Option::<i64>::None, block])?;
        self.count = 0;
        self.terms.clear();
        self.lists.clear();
        Ok(())
    }
}

struct List {
    term: u64,
    last: u64,
    rows: i64,
    bytes: Vec<u8>,
}

/// The bits of a trigram key that only a character beyond ASCII sets.
const BEYOND_ASCII: u64 = (0x1F_FF80 << 42) | (0x1F_FF80 << 21) | 0x1F_FF80;

/// Where a trigram of three ASCII characters stands in [`Builder::ascii`]: seven bits a
/// character. It is also the trigram's code (see [`push_trigrams`]).
fn ascii_place(term: u64) -> usize {
    ascii_code((term >> 42) as u8, (term >> 21) as u8, term as u8) as usize
}

/// The code of the trigram of the ASCII characters `a`, `b`, `c`: seven bits each (a
/// bit above them is dropped).
fn ascii_code(a: u8, b: u8, c: u8) -> u32 {
    (u32::from(a & 0x7F) << 14) | (u32::from(b & 0x7F) << 7) | u32::from(c & 0x7F)
}

/// The places of [`Builder::ascii`], one per trigram of three seven-bit characters.
const ASCII_PLACES: usize = 1 << 21;

/// The bit of a trigram's code that marks a wide trigram (one not of three ASCII
/// characters), the rest of the code being where its key stands among the wide keys.
const WIDE: u32 = 1 << 31;

/// The code of the trigram `key`, its key put among the `wide` ones if it is wide.
fn code_of(key: u64, wide: &mut Vec<u64>) -> u32 {
    if key & BEYOND_ASCII == 0 {
        ascii_place(key) as u32
    } else {
        wide.push(key);
        WIDE | (wide.len() - 1) as u32
    }
}

/// The key of the trigram coded `code`, given the wide keys its code was made among.
fn key_of(code: u32, wide: &[u64]) -> u64 {
    if code & WIDE == 0 {
        let code = u64::from(code);
        ((code >> 14) << 42) | (((code >> 7) & 0x7F) << 21) | (code & 0x7F)
    } else {
        wide[(code & !WIDE) as usize]
    }
}

/// A new empty list for the trigram `term`, at the end of `lists`: where it stands, plus
/// one.
#[cold]
fn new_list(lists: &mut Vec<List>, term: u64) -> u32 {
    lists.push(List { term, last: 0, rows: 0, bytes: Vec::new() });
    lists.len() as u32
}

/// Postings gathered over a refresh, written a segment at a time.
#[derive(Default)]
pub(crate) struct Builder {
    /// Each trigram's list, in the order the trigrams were met.
    lists: Vec<List>,
    /// For each trigram of three ASCII characters (most of those of any English text), at
    /// [`ascii_place`]: where its list stands in `lists`, plus one (0: none yet). Found by
    /// its characters, not hashed; made at the first row added. A place is under
    /// [`ASCII_PLACES`] by its type, so that looking one up is not checked.
    ascii: Option<Box<[u32; ASCII_PLACES]>>,
    /// Where the list of any other trigram stands in `lists`.
    other: HashMap<u64, u32, std::hash::BuildHasherDefault<crate::text::compare::KeyHasher>>,
    bytes: usize,
    next_segment: Option<i64>,
    /// Rows removed, by trigram: kept as negative counts (`postings_removed`) until a
    /// merge, so that a trigram's count is exact at once.
    removed: HashMap<u64, i64, std::hash::BuildHasherDefault<crate::text::compare::KeyHasher>>,
}

impl Builder {
    /// Record that a row holding `trigrams` was removed.
    pub(crate) fn remove(&mut self, trigrams: &[u64]) {
        for &t in trigrams {
            *self.removed.entry(t).or_insert(0) -= 1;
        }
    }

    /// Record that row `id` (larger than every id added before) holds the trigrams coded
    /// `codes` (made among the keys `wide`, see [`push_trigrams`]), in any order and
    /// repeats allowed.
    pub(crate) fn add(&mut self, conn: &Connection, id: u64, codes: &[u32], wide: &[u64]) -> rusqlite::Result<()> {
        let Builder { lists, ascii, other, bytes, .. } = self;
        let ascii = ascii.get_or_insert_with(|| vec![0; ASCII_PLACES].into_boxed_slice().try_into().expect("the table's length is its type's"));
        for &code in codes {
            let at = if code & WIDE == 0 {
                let slot = &mut ascii[code as usize & (ASCII_PLACES - 1)];
                if *slot == 0 {
                    *slot = new_list(lists, key_of(code, wide));
                }
                *slot
            } else {
                let key = key_of(code, wide);
                match other.get(&key) {
                    Some(&at) => at,
                    None => {
                        let at = new_list(lists, key);
                        other.insert(key, at);
                        at
                    }
                }
            };
            let list = &mut lists[at as usize - 1];
            if list.last == id {
                continue;
            }
            let before = list.bytes.len();
            push_varint(&mut list.bytes, id - list.last);
            list.last = id;
            list.rows += 1;
            *bytes += list.bytes.len() - before;
        }
        if self.bytes >= FLUSH_BYTES {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Write what is gathered as a new segment.
    pub(crate) fn flush(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        if self.lists.is_empty() {
            return Ok(());
        }
        let segment = match self.next_segment {
            Some(s) => s,
            None => segments(conn)?,
        };
        self.next_segment = Some(segment + 1);
        let mut lists = std::mem::take(&mut self.lists);
        if let Some(ascii) = &mut self.ascii {
            for list in lists.iter().filter(|list| list.term & BEYOND_ASCII == 0) {
                ascii[ascii_place(list.term)] = 0;
            }
        }
        self.other.clear();
        lists.sort_unstable_by_key(|list| list.term);
        let mut blocks = BlockWriter::new(conn, "postings", segment)?;
        for list in lists {
            blocks.push(list.term, list.rows, &list.bytes)?;
        }
        blocks.close()?;
        self.bytes = 0;
        Ok(())
    }

    /// Write the rest, and merge the segments into one if there are too many.
    pub(crate) fn finish(mut self, conn: &Connection) -> rusqlite::Result<()> {
        self.flush(conn)?;
        let mut adjust = conn.prepare_cached(
            "INSERT INTO postings_removed (term, rows) VALUES (?1, ?2)
             ON CONFLICT (term) DO UPDATE SET rows = rows + excluded.rows",
        )?;
        for (term, by) in std::mem::take(&mut self.removed) {
            adjust.execute(params![term as i64, by])?;
        }
        if segments(conn)? > MAX_SEGMENTS {
            merge(conn)?;
        }
        Ok(())
    }
}

/// How many segments the postings hold (numbered from 0).
fn segments(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(segment), -1) + 1 FROM postings", [], |r| r.get(0))
}

/// Rewrite every term's lists as one segment, leaving out the ids of removed rows.
fn merge(conn: &Connection) -> rusqlite::Result<()> {
    let max: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM paragraphs", [], |r| r.get(0))?;
    let mut live = vec![false; max as usize + 1];
    {
        let mut stmt = conn.prepare("SELECT id FROM paragraphs")?;
        for id in stmt.query_map([], |r| r.get::<_, i64>(0))? {
            live[id? as usize] = true;
        }
    }
    conn.execute_batch(concat!("DROP TABLE IF EXISTS postings_merged; CREATE TABLE postings_merged ", postings_columns!(), ";"))?;
    {
        // Every segment read in term order at once, a block at a time: each term's lists
        // are joined in segment order (its ids ascending) without holding a segment in memory.
        let mut statements = (0..segments(conn)?)
            .map(|_| conn.prepare("SELECT first_term, rows, block FROM postings WHERE segment = ?1 ORDER BY first_term"))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut cursors = statements
            .iter_mut()
            .enumerate()
            .map(|(segment, statement)| Ok(SegmentLists { rows: statement.query([segment as i64])?, ahead: Vec::new() }))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut heads = cursors.iter_mut().map(SegmentLists::next).collect::<rusqlite::Result<Vec<_>>>()?;
        let mut blocks = BlockWriter::new(conn, "postings_merged", 0)?;
        let mut ids: Vec<u64> = Vec::new();
        while let Some(term) = heads.iter().flatten().map(|(term, _)| *term).min() {
            for (head, cursor) in heads.iter_mut().zip(&mut cursors) {
                if let Some((_, list)) = head.as_ref().filter(|(t, _)| *t == term) {
                    decode_into(list, &mut ids);
                    *head = cursor.next()?;
                }
            }
            ids.retain(|&id| live.get(id as usize).copied().unwrap_or(false));
            if !ids.is_empty() {
                let mut bytes = Vec::with_capacity(ids.len() * 2);
                let mut prev = 0;
                for &id in &ids {
                    push_varint(&mut bytes, id - prev);
                    prev = id;
                }
                blocks.push(term, ids.len() as i64, &bytes)?;
            }
            ids.clear();
        }
        blocks.close()?;
    }
    conn.execute_batch(concat!(
        "DROP TABLE postings; ALTER TABLE postings_merged RENAME TO postings; ",
        postings_index!(),
        " DELETE FROM postings_removed;"
    ))?;
    // Give the freed pages back to the file system (the index is created with
    // auto_vacuum = INCREMENTAL). Each step of the pragma frees one page: step it to
    // the end (a batch would run it once).
    let mut vacuum = conn.prepare("PRAGMA incremental_vacuum")?;
    let mut steps = vacuum.raw_query();
    while steps.next()?.is_some() {}
    Ok(())
}

/// The terms listed at the start of a block of several lists: each term with its row
/// count and its list's length; once all are read, `rest` is the lists, one after the other.
struct Directory<'b> {
    rest: &'b [u8],
    left: u64,
    term: u64,
}

fn directory(block: &[u8], first_term: u64) -> Directory<'_> {
    let (count, rest) = read_varint(block);
    Directory { rest, left: count, term: first_term }
}

impl Iterator for Directory<'_> {
    type Item = (u64, i64, usize);

    fn next(&mut self) -> Option<(u64, i64, usize)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let (step, rest) = read_varint(self.rest);
        let (rows, rest) = read_varint(rest);
        let (len, rest) = read_varint(rest);
        self.rest = rest;
        self.term = self.term.wrapping_add(step);
        Some((self.term, rows as i64, len as usize))
    }
}

/// Every term of a block of several lists, with its row count and list, in term order.
fn block_lists(block: &[u8], first_term: u64) -> Vec<(u64, i64, &[u8])> {
    let mut terms = directory(block, first_term);
    let entries: Vec<_> = terms.by_ref().collect();
    let mut lists = terms.rest;
    entries
        .into_iter()
        .map(|(term, rows, len)| {
            let (list, rest) = lists.split_at(len.min(lists.len()));
            lists = rest;
            (term, rows, list)
        })
        .collect()
}

/// The row count and list of `term` in a block of several lists, if it holds the term.
fn find_in_block(block: &[u8], first_term: u64, term: u64) -> Option<(i64, &[u8])> {
    let mut terms = directory(block, first_term);
    let mut offset = 0;
    let mut found = None;
    for (t, rows, len) in terms.by_ref() {
        if t == term {
            found = Some((rows, offset, len));
        }
        offset += len;
    }
    let (rows, offset, len) = found?;
    Some((rows, terms.rest.get(offset..offset + len).unwrap_or(&[])))
}

/// One segment's lists in term order, read a block at a time.
struct SegmentLists<'s> {
    rows: rusqlite::Rows<'s>,
    /// The rest of the block last read, in reverse order.
    ahead: Vec<(u64, Vec<u8>)>,
}

impl SegmentLists<'_> {
    fn next(&mut self) -> rusqlite::Result<Option<(u64, Vec<u8>)>> {
        while self.ahead.is_empty() {
            let Some(row) = self.rows.next()? else { return Ok(None) };
            let first_term = row.get::<_, i64>(0)? as u64;
            let block = row.get_ref(2)?.as_blob()?;
            if row.get::<_, Option<i64>>(1)?.is_some() {
                self.ahead.push((first_term, block.to_vec()));
            } else {
                self.ahead.extend(block_lists(block, first_term).into_iter().rev().map(|(term, _, list)| (term, list.to_vec())));
            }
        }
        Ok(self.ahead.pop())
    }
}

/// The postings as a search reads them, term after term: the segments counted once, and
/// the removed rows' counts asked for only when there are any.
pub(crate) struct Lookup<'c> {
    conn: &'c Connection,
    segments: i64,
    removed: bool,
}

impl<'c> Lookup<'c> {
    pub(crate) fn new(conn: &'c Connection) -> rusqlite::Result<Lookup<'c>> {
        let removed = conn.query_row("SELECT EXISTS (SELECT 1 FROM postings_removed)", [], |r| r.get(0))?;
        Ok(Lookup { conn, segments: segments(conn)?, removed })
    }

    /// How many rows hold `term`.
    pub(crate) fn count(&self, term: u64) -> rusqlite::Result<i64> {
        let mut rows = 0;
        self.each_list(term, false, |count, _| rows += count)?;
        if self.removed {
            let mut removed = self.conn.prepare_cached("SELECT rows FROM postings_removed WHERE term = ?1")?;
            rows += removed.query_row([term as i64], |r| r.get::<_, i64>(0)).optional()?.unwrap_or(0);
        }
        Ok(rows)
    }

    /// The ids of the rows that hold `term`, ascending.
    pub(crate) fn ids(&self, term: u64) -> rusqlite::Result<Vec<u64>> {
        let mut out = Vec::new();
        self.each_list(term, true, |_, list| decode_into(list, &mut out))?;
        Ok(out)
    }

    /// For each segment in order, the row count and list of `term` there, if it has one;
    /// `lists` false reads the counts only (a long list's bytes are not read).
    fn each_list(&self, term: u64, lists: bool, mut found: impl FnMut(i64, &[u8])) -> rusqlite::Result<()> {
        let sql = if lists {
            "SELECT first_term, rows, block FROM postings WHERE segment = ?1 AND first_term <= ?2 ORDER BY first_term DESC LIMIT 1"
        } else {
            "SELECT first_term, rows, CASE WHEN rows IS NULL THEN block END FROM postings
             WHERE segment = ?1 AND first_term <= ?2 ORDER BY first_term DESC LIMIT 1"
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        for segment in 0..self.segments {
            let mut rows = stmt.query(params![segment, term as i64])?;
            let Some(row) = rows.next()? else { continue };
            let first_term = row.get::<_, i64>(0)? as u64;
            match row.get::<_, Option<i64>>(1)? {
                Some(count) if first_term == term => found(count, if lists { row.get_ref(2)?.as_blob()? } else { &[] }),
                Some(_) => {}
                None => {
                    if let Some((count, list)) = find_in_block(row.get_ref(2)?.as_blob()?, first_term, term) {
                        found(count, list);
                    }
                }
            }
        }
        Ok(())
    }
}

/// The ids in both ascending lists.
pub(crate) fn intersect(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) fn trigram_text(key: u64) -> String {
    [key >> 42, (key >> 21) & 0x1F_FFFF, key & 0x1F_FFFF]
        .into_iter()
        .map(|c| char::from_u32(c as u32).expect("keys are packed from characters"))
        .collect()
}

/// Push every trigram of a text in search form onto `codes`, in order, repeats included:
/// the postings [`Builder`] drops a row's repeats as it meets them, in the lookup it makes
/// anyway. A trigram (three characters) is keyed by a number, 21 bits a character:
/// counting a corpus's trigrams hashes numbers, not strings. It is handed over as a code
/// of four bytes rather than its key of eight: a trigram of three ASCII characters (most
/// of any English text) as its place in the postings' table of them ([`ascii_place`]);
/// any other as [`WIDE`] and where its key is pushed onto `wide`.
pub(crate) fn push_trigrams(form: &str, codes: &mut Vec<u32>, wide: &mut Vec<u64>) {
    codes.reserve(form.len().saturating_sub(2));
    // The key holds the last three characters read; each next one shifts the oldest out.
    let mut key = 0u64;
    let mut read = 0usize;
    let next = |codes: &mut Vec<u32>, wide: &mut Vec<u64>, key: &mut u64, read: &mut usize, c: u64| {
        *key = ((*key << 21) | c) & ((1 << 63) - 1);
        *read += 1;
        if *read >= 3 {
            codes.push(code_of(*key, wide));
        }
    };
    let mut rest = form;
    loop {
        // A run of ASCII, most of any English text, byte by byte without decoding: past
        // its first two bytes, each trigram is three of its bytes, coded without
        // waiting for the one before.
        let ascii = crate::text::chars::ascii_prefix(rest.as_bytes());
        let run = &rest.as_bytes()[..ascii];
        for &byte in &run[..ascii.min(2)] {
            next(codes, wide, &mut key, &mut read, u64::from(byte));
        }
        if let Some(&[a, b, c]) = run.last_chunk::<3>() {
            codes.extend(run.windows(3).map(|w| ascii_code(w[0], w[1], w[2])));
            key = (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c);
            read += ascii - 2;
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        next(codes, wide, &mut key, &mut read, u64::from(c));
        rest = &rest[c.len_utf8()..];
    }
}

/// The distinct trigrams of a text in search form, as keys, sorted.
pub(crate) fn trigram_keys(form: &str) -> Vec<u64> {
    let (mut codes, mut wide) = (Vec::new(), Vec::new());
    push_trigrams(form, &mut codes, &mut wide);
    let mut keys: Vec<u64> = codes.into_iter().map(|code| key_of(code, &wide)).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    #[test]
    fn trigrams_as_they_are_cut() {
        // Rows and queries share these keys: a query asks for exactly the trigrams a row
        // was indexed by.
        let trigrams = |form: &str| -> Vec<String> { trigram_keys(form).into_iter().map(trigram_text).collect() };
        assert_eq!(trigrams("abab"), ["aba", "bab"]);
        assert_eq!(trigrams("隐私权"), ["隐私权"]);
        assert_eq!(trigrams("a𠀀b𠀁c"), ["a𠀀b", "b𠀁c", "𠀀b𠀁"]);
        assert!(trigrams("ab").is_empty());
        assert_eq!(trigrams("aaaa"), ["aaa"]);
    }

    use proptest::prelude::*;

    proptest! {
        /// Cut a run of ASCII at a time, the trigrams are every three characters in a row,
        /// in order, repeats included, whatever the mix of scripts and the runs' lengths.
        #[test]
        fn trigrams_are_every_three_characters_in_order(
            form in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "cd", "efg", " ", "权", "隐私", "é", "𠀀", ""]), 0..16)
                .prop_map(|v| v.concat())
        ) {
            let chars: Vec<u64> = form.chars().map(u64::from).collect();
            let expected: Vec<u64> = chars.windows(3).map(|w| (w[0] << 42) | (w[1] << 21) | w[2]).collect();
            let (mut codes, mut wide) = (Vec::new(), Vec::new());
            push_trigrams(&form, &mut codes, &mut wide);
            let keys: Vec<u64> = codes.iter().map(|&code| key_of(code, &wide)).collect();
            prop_assert_eq!(&keys, &expected);
            // A trigram is coded wide exactly when it is not of three ASCII characters,
            // so that the two ways of finding its list never meet.
            for (&code, &key) in codes.iter().zip(&expected) {
                prop_assert_eq!(code & WIDE == 0, key & BEYOND_ASCII == 0);
            }
        }
    }

    use super::*;

    impl Builder {
        /// [`Builder::add`] for a row given as its trigrams' keys, any keys.
        fn add_keys(&mut self, conn: &Connection, id: u64, keys: &[u64]) -> rusqlite::Result<()> {
            let mut wide = Vec::new();
            let codes: Vec<u32> = keys.iter().map(|&key| code_of(key, &mut wide)).collect();
            self.add(conn, id, &codes, &wide)
        }
    }

    /// The ids of `term`, through a lookup made for the index as it is now.
    fn ids(conn: &Connection, term: u64) -> rusqlite::Result<Vec<u64>> {
        Lookup::new(conn)?.ids(term)
    }

    fn count(conn: &Connection, term: u64) -> rusqlite::Result<i64> {
        Lookup::new(conn)?.count(term)
    }

    #[test]
    fn varint_differences_round_trip() {
        let ids = [1u64, 2, 130, 131, 20_000, 5_000_000_000];
        let mut bytes = Vec::new();
        let mut prev = 0;
        for &id in &ids {
            push_varint(&mut bytes, id - prev);
            prev = id;
        }
        let mut out = Vec::new();
        decode_into(&bytes, &mut out);
        assert_eq!(out, ids);
    }

    #[test]
    fn segments_concatenate_and_merge_without_removed_rows() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA auto_vacuum = INCREMENTAL; CREATE TABLE paragraphs (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT);").unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        for _ in 0..4 {
            conn.execute("INSERT INTO paragraphs (text) VALUES ('x')", []).unwrap();
        }
        let mut first = Builder::default();
        first.add_keys(&conn, 1, &[10, 20]).unwrap();
        first.add_keys(&conn, 2, &[10]).unwrap();
        first.finish(&conn).unwrap();
        let mut second = Builder::default();
        second.add_keys(&conn, 3, &[10]).unwrap();
        second.add_keys(&conn, 4, &[20]).unwrap();
        second.finish(&conn).unwrap();
        assert_eq!(ids(&conn, 10).unwrap(), [1, 2, 3]);
        assert_eq!(ids(&conn, 20).unwrap(), [1, 4]);
        assert_eq!(count(&conn, 10).unwrap(), 3);
        conn.execute("DELETE FROM paragraphs WHERE id = 1", []).unwrap();
        let mut third = Builder::default();
        third.remove(&[10, 20]);
        third.finish(&conn).unwrap();
        assert_eq!(count(&conn, 10).unwrap(), 2, "counted at once");
        assert_eq!(ids(&conn, 10).unwrap(), [1, 2, 3], "the id stays until a merge");
        // Lists long enough to fill pages, so that the merge frees some.
        let mut long = Builder::default();
        for id in 5..20_000u64 {
            conn.execute("INSERT INTO paragraphs (id, text) VALUES (?1, 'x')", [id as i64]).unwrap();
            long.add_keys(&conn, id, &[30 + id % 7, 99]).unwrap();
        }
        long.finish(&conn).unwrap();
        // Term 99 in a segment of its own and in a block of its own (a long list), and
        // in the next segment too.
        let mut more = Builder::default();
        conn.execute("INSERT INTO paragraphs (id, text) VALUES (20000, 'x')", []).unwrap();
        more.add_keys(&conn, 20_000, &[99, 10]).unwrap();
        more.finish(&conn).unwrap();
        let lone: i64 = conn.query_row("SELECT count(*) FROM postings WHERE rows IS NOT NULL AND first_term = 99", [], |r| r.get(0)).unwrap();
        assert_eq!(lone, 1);
        assert_eq!(ids(&conn, 99).unwrap(), (5..=20_000).collect::<Vec<u64>>());
        merge(&conn).unwrap();
        let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0)).unwrap();
        assert_eq!(free, 0, "the pages the merge freed are given back");
        let indexed: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'postings_block'", [], |r| r.get(0)).unwrap();
        assert_eq!(indexed, 1, "the merged table has the postings' index");
        assert_eq!(ids(&conn, 10).unwrap(), [2, 3, 20_000]);
        assert_eq!(ids(&conn, 20).unwrap(), [4]);
        assert_eq!(count(&conn, 20).unwrap(), 1);
        assert_eq!(ids(&conn, 99).unwrap(), (5..=20_000).collect::<Vec<u64>>());
        assert_eq!(count(&conn, 99).unwrap(), 19_996);
        assert_eq!(ids(&conn, 31).unwrap(), (5..20_000).filter(|id| 30 + id % 7 == 31).collect::<Vec<u64>>());
        assert_eq!(conn.query_row("SELECT count(DISTINCT segment) FROM postings", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
        assert_eq!(conn.query_row("SELECT count(*) FROM postings_removed", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 7, 9]), [3, 7]);
    }

    #[test]
    fn every_list_is_found_in_its_block_and_no_other() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, text TEXT);").unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        // Terms spread over the key space (some ASCII, some beyond), rare and common:
        // term k is held by every row whose id is a multiple of its stride.
        let terms: Vec<(u64, u64)> = (0..3000u64).map(|k| (5 + k * 7_919 + (k % 3) * (1 << 50), 1 + k % 400)).collect();
        let mut builder = Builder::default();
        let rows: Vec<u64> = (1..=20_000).collect();
        for &id in &rows {
            let held: Vec<u64> = terms.iter().filter(|(_, stride)| id % stride == 0).map(|&(t, _)| t).collect();
            builder.add_keys(&conn, id, &held).unwrap();
        }
        builder.finish(&conn).unwrap();
        let (lone, packed): (i64, i64) =
            conn.query_row("SELECT count(rows), count(*) - count(rows) FROM postings", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert!(lone > 0 && packed > 0, "long lists alone ({lone}) and short ones packed ({packed})");
        for &(term, stride) in &terms {
            let expected: Vec<u64> = rows.iter().copied().filter(|id| id % stride == 0).collect();
            assert_eq!(ids(&conn, term).unwrap(), expected, "term {term}");
            assert_eq!(count(&conn, term).unwrap(), expected.len() as i64);
            // Neighbours that no row holds: before, between and after the terms.
            for absent in [term + 1, term.wrapping_sub(1)] {
                if terms.iter().all(|&(t, _)| t != absent) {
                    assert!(ids(&conn, absent).unwrap().is_empty(), "{absent}");
                    assert_eq!(count(&conn, absent).unwrap(), 0);
                }
            }
        }
        assert!(ids(&conn, u64::MAX >> 1).unwrap().is_empty(), "after the last block");
        assert!(ids(&conn, 2).unwrap().is_empty() && count(&conn, 2).unwrap() == 0, "before the first");
    }
}
