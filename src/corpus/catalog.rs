//! The index's catalog: what every command's freshness check and named lookup read of
//! the `files` and `documents` tables (each file's size, time and error; each document's
//! row, file, symbol and language), kept in two blobs in the order those reads want.
//! Stepped through row by row, the 655 files and 655 headers of a folder were most of
//! finding two documents in it; as two blobs they are a few pages read at once.
//!
//! The catalog is the tables' copy, never their replacement: a refresh that changes the
//! tables writes it again in the same transaction, and clearing the index clears it.
//!
//! Each blob is a run of records. A string is its length (u32, little-endian) and its
//! UTF-8 bytes; a number an i64, little-endian. A file: path, size, time, then 0, or 1
//! and the error. A document: id, path, symbol, language.

use rusqlite::{Connection, params};

pub(super) const SCHEMA: &str = "
-- One row, rewritten by every refresh that changes the files or documents (see corpus::catalog).
CREATE TABLE IF NOT EXISTS catalog (files BLOB NOT NULL, headers BLOB NOT NULL);
";

/// Write the catalog of the tables as they stand.
pub(super) fn write(conn: &Connection) -> rusqlite::Result<()> {
    let mut files = Vec::new();
    let mut stmt = conn.prepare("SELECT path, size, mtime_ns, error FROM files ORDER BY path")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        put_str(&mut files, row.get_ref(0)?.as_str()?);
        files.extend(row.get::<_, i64>(1)?.to_le_bytes());
        files.extend(row.get::<_, i64>(2)?.to_le_bytes());
        match row.get_ref(3)?.as_str_or_null()? {
            Some(error) => {
                files.push(1);
                put_str(&mut files, error);
            }
            None => files.push(0),
        }
    }
    let mut headers = Vec::new();
    let mut stmt = conn.prepare("SELECT id, path, symbol, language FROM documents ORDER BY path, id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        headers.extend(row.get::<_, i64>(0)?.to_le_bytes());
        for column in 1..=3 {
            put_str(&mut headers, row.get_ref(column)?.as_str()?);
        }
    }
    clear(conn)?;
    conn.execute("INSERT INTO catalog (files, headers) VALUES (?1, ?2)", params![files, headers])?;
    Ok(())
}

pub(super) fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM catalog", []).map(|_| ())
}

/// The stored blob `column` (`files` or `headers`); none where nothing was ever stored.
pub(super) fn read(conn: &Connection, column: &str) -> rusqlite::Result<Vec<u8>> {
    use rusqlite::OptionalExtension;
    let sql = format!("SELECT {column} FROM catalog");
    Ok(conn.query_row(&sql, [], |r| r.get::<_, Vec<u8>>(0)).optional()?.unwrap_or_default())
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend((s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A blob that does not read as the catalog this build writes.
#[derive(Debug)]
pub(super) struct Malformed;

/// The records of a blob, read front to back.
pub(super) struct Records<'a> {
    bytes: &'a [u8],
}

impl<'a> Records<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Records<'a> {
        Records { bytes }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        if self.bytes.len() < n {
            return Err(Malformed);
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn i64(&mut self) -> Result<i64, Malformed> {
        Ok(i64::from_le_bytes(self.take(8)?.try_into().map_err(|_| Malformed)?))
    }

    /// A string's bytes, unchecked.
    pub(super) fn bytes(&mut self) -> Result<&'a [u8], Malformed> {
        let len = u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| Malformed)?) as usize;
        self.take(len)
    }

    pub(super) fn str(&mut self) -> Result<&'a str, Malformed> {
        super::utf8(self.bytes()?).ok_or(Malformed)
    }
}

/// One file as the catalog holds it.
pub(super) struct File<'a> {
    /// Its path's bytes, checked as UTF-8 only where read as text ([`File::path`]): the
    /// freshness check looks most paths up as bytes.
    pub path_bytes: &'a [u8],
    pub size: i64,
    pub mtime_ns: i64,
    pub error: Option<&'a str>,
}

impl<'a> File<'a> {
    pub(super) fn path(&self) -> Result<&'a str, Malformed> {
        super::utf8(self.path_bytes).ok_or(Malformed)
    }
}

/// The files of a `files` blob, in path order.
pub(super) fn files(blob: &[u8]) -> impl Iterator<Item = Result<File<'_>, Malformed>> {
    let mut records = Records::new(blob);
    std::iter::from_fn(move || {
        if records.is_empty() {
            return None;
        }
        let mut file = || -> Result<File, Malformed> {
            let (path_bytes, size, mtime_ns) = (records.bytes()?, records.i64()?, records.i64()?);
            let error = if records.byte()? == 1 { Some(records.str()?) } else { None };
            Ok(File { path_bytes, size, mtime_ns, error })
        };
        let file = file();
        if file.is_err() {
            records.bytes = &[];
        }
        Some(file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_holds_the_tables_rows_in_order() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT, error TEXT);
             CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, symbol TEXT, language TEXT);",
        )
        .unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        conn.execute_batch(
            "INSERT INTO files VALUES ('b.txt', 2, -5, 'h', NULL), ('a/é.txt', 1, 10, 'h', NULL), ('c.pdf', 3, 30, '', 'c.pdf: broken');
             INSERT INTO documents VALUES (7, 'b.txt', 'A/RES/1', 'en'), (3, 'a/é.txt', 'A/HRC/RES/47/23', 'zh');",
        )
        .unwrap();
        write(&conn).unwrap();
        let blob = read(&conn, "files").unwrap();
        let stored: Vec<(String, i64, i64, Option<String>)> = files(&blob)
            .map(|f| f.map(|f| (f.path().unwrap().to_string(), f.size, f.mtime_ns, f.error.map(str::to_string))).unwrap())
            .collect();
        assert_eq!(
            stored,
            [
                ("a/é.txt".to_string(), 1, 10, None),
                ("b.txt".to_string(), 2, -5, None),
                ("c.pdf".to_string(), 3, 30, Some("c.pdf: broken".to_string()))
            ]
        );
        let blob = read(&conn, "headers").unwrap();
        let mut records = Records::new(&blob);
        let mut headers = Vec::new();
        while !records.is_empty() {
            headers.push((records.i64().unwrap(), records.str().unwrap(), records.str().unwrap(), records.str().unwrap()));
        }
        assert_eq!(headers, [(3, "a/é.txt", "A/HRC/RES/47/23", "zh"), (7, "b.txt", "A/RES/1", "en")]);
        // Cut short, a blob is malformed rather than misread.
        assert!(files(&read(&conn, "files").unwrap()[..20]).any(|f| f.is_err()));
        clear(&conn).unwrap();
        assert!(read(&conn, "files").unwrap().is_empty());
    }
}
