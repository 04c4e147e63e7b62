//! The index's trigram postings through many refreshes: each refresh adds a segment,
//! segments past a bound are merged without the rows of removed files, and search
//! answers exactly as an index built from nothing.

use lineage::corpus::index::{Index, SearchOptions};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en").join(name)).unwrap()
}

/// A folder `data` in `dir` holding one text, HRC 47/23 in English.
fn one_text_folder(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("hrc_47_23.en.txt"), fixture("hrc_47_23.en.txt")).unwrap();
    data
}

fn places(index: &Index, query: &str) -> Vec<(String, String, bool)> {
    let options = SearchOptions { limit: 50, ..SearchOptions::default() };
    index.search(query, &options).unwrap().into_iter().map(|h| (h.symbol, h.paragraph, h.exact)).collect()
}

#[test]
fn refreshed_twelve_times_the_index_answers_as_one_built_from_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data: PathBuf = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let base = fixture("hrc_47_23.en.txt");
    std::fs::write(data.join("hrc_47_23.en.txt"), &base).unwrap();
    let mut index = Index::open(&dir.path().join("refreshed.sqlite")).unwrap();
    index.refresh(&data, |_, _| {}).unwrap();

    // Each round edits the file (a marker word added to its text) and adds a copy under
    // another session, then removes the copy of two rounds before.
    let anchor = "Recognizing";
    assert!(base.contains(anchor));
    for round in 0..12 {
        let edited = base.replacen(anchor, &format!("Recognizing zqmarker{round}"), 1);
        std::fs::write(data.join("hrc_47_23.en.txt"), &edited).unwrap();
        std::fs::write(data.join(format!("copy{round}.en.txt")), base.replace("47/23", &format!("{}/23", 60 + round))).unwrap();
        if round >= 2 {
            std::fs::remove_file(data.join(format!("copy{}.en.txt", round - 2))).unwrap();
        }
        index.refresh(&data, |_, _| {}).unwrap();
        let marker = format!("zqmarker{round}");
        assert_eq!(places(&index, &marker).len(), 1, "{marker}");
        if round > 0 {
            assert!(places(&index, &format!("zqmarker{}", round - 1)).is_empty(), "the old marker is gone");
        }
    }
    // Merging gives the pages it frees back (incremental vacuum is on).
    let conn = rusqlite::Connection::open(dir.path().join("refreshed.sqlite")).unwrap();
    assert_eq!(conn.query_row("PRAGMA auto_vacuum", [], |r| r.get::<_, i64>(0)).unwrap(), 2);
    let mut fresh = Index::open(&dir.path().join("fresh.sqlite")).unwrap();
    fresh.refresh(&data, |_, _| {}).unwrap();
    for query in ["zqmarker11", "new and emerging digital technologies", "human rights", "privacy", "the Human Rights Council decides to"] {
        assert_eq!(places(&index, query), places(&fresh, query), "{query}");
    }
    assert!(!places(&fresh, "human rights").is_empty());
}

#[test]
fn an_index_of_the_previous_schema_is_rebuilt_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // What schema 4 left: its FTS table, and its version in meta.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('schema', 'lineage-index-4-0000');
             CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, model TEXT);
             INSERT INTO documents (path, model) VALUES ('a.txt', '{}');",
        )
        .unwrap();
    }
    assert!(Index::open_to_read(&path).unwrap().is_none(), "another schema's index is not read");
    let data = one_text_folder(dir.path());
    let mut index = Index::open(&path).unwrap();
    let report = index.refresh(&data, |_, _| {}).unwrap();
    assert_eq!(report.documents, 1);
    let (docs, _) = index.documents(&data).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].symbol, lineage::reader::read_file(&data.join("hrc_47_23.en.txt")).unwrap().symbol);
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_rebuild_puts_a_new_file_in_place_unless_another_connection_holds_the_index_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let data = one_text_folder(dir.path());
    let path = dir.path().join("index.sqlite");
    let building = dir.path().join("index.sqlite.building");
    let mut index = Index::open(&path).unwrap();
    index.refresh(&data, |_, _| {}).unwrap();
    let answers = places(&index, "human rights");
    assert!(!answers.is_empty());
    let mode = |path: &Path| -> String {
        rusqlite::Connection::open(path).unwrap().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap()
    };
    let documents = |conn: &rusqlite::Connection| conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0)).unwrap();

    // A build that stopped half-way left its file: the next one replaces it, and puts a
    // new file in the index's place, with a rollback journal like any index. A reader
    // that had the old file open goes on reading it.
    std::fs::write(&building, "not an index").unwrap();
    let reader = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(documents(&reader), 1);
    let before = inode(&path);
    let report = index.rebuild(&data, |_, _| {}).unwrap();
    assert_eq!((report.documents, report.status.added.len()), (1, 1));
    assert_ne!(inode(&path), before, "a new file");
    assert!(!building.exists());
    assert_eq!(places(&index, "human rights"), answers);
    assert_eq!(mode(&path), "delete");
    assert_eq!(documents(&reader), 1, "the reader reads the file it opened");
    drop(reader);

    // Another process holding the index in WAL mode keeps it where it is (a new file
    // would be taken to go with its log): the rebuild is made in it.
    let reader = rusqlite::Connection::open(&path).unwrap();
    let _: String = reader.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(documents(&reader), 1);
    let before = inode(&path);
    index.rebuild(&data, |_, _| {}).unwrap();
    assert_eq!(inode(&path), before, "the same file");
    assert_eq!(places(&index, "human rights"), answers);
    assert_eq!(documents(&reader), 1, "the reader reads the rebuilt index");
}

#[test]
fn reading_the_index_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = one_text_folder(dir.path());
    let path = dir.path().join("index.sqlite");
    Index::open(&path).unwrap().refresh(&data, |_, _| {}).unwrap();
    let beside = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };
    let written = beside();
    assert_eq!(written, ["data", "index.sqlite", "index.sqlite.lock"]);
    let reader = Index::open_to_read(&path).unwrap().expect("the index reads");
    assert!(!places(&reader, "human rights").is_empty());
    // No write-ahead log or shared memory made by a reader, and none left if the
    // process ends without closing the index, as the commands do.
    assert_eq!(beside(), written);
    std::mem::forget(reader);
    assert_eq!(beside(), written);
}

#[test]
fn one_process_writes_the_index_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    let lock = dir.path().join("index.sqlite.lock");
    let try_lock = || std::fs::File::options().write(true).open(&lock).unwrap().try_lock();
    let writer = Index::open(&path).unwrap();
    assert!(matches!(try_lock(), Err(std::fs::TryLockError::WouldBlock)), "a second writer waits");
    // A reader does not take the lock, and does not wait for it.
    assert!(Index::open_to_read(&path).unwrap().is_some());
    drop(writer);
    assert!(try_lock().is_ok(), "the lock is given back with the index");
}

#[cfg(unix)]
#[test]
fn an_index_reached_through_a_link_is_rebuilt_where_the_link_leads() {
    let dir = tempfile::tempdir().unwrap();
    let data = one_text_folder(dir.path());
    let target = dir.path().join("elsewhere.sqlite");
    let link = dir.path().join("index.sqlite");
    Index::open(&target).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut index = Index::open(&link).unwrap();
    let target_lock = std::fs::File::options().write(true).open(dir.path().join("elsewhere.sqlite.lock")).unwrap();
    assert!(matches!(target_lock.try_lock(), Err(std::fs::TryLockError::WouldBlock)), "locked where the link leads");
    index.rebuild(&data, |_, _| {}).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(!places(&index, "human rights").is_empty());
    drop(index);
    let through_target = Index::open_to_read(&target).unwrap().expect("the target holds the index");
    assert!(!places(&through_target, "human rights").is_empty());
}
