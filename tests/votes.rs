//! Voting records: UNDL voting files in both layouts attached to real texts of the
//! English corpus, the seeds' Council votes read against the Council's membership, the
//! `votes` command, and voting files that are damaged or hostile.
//!
//! The fixtures in tests/fixtures/votes/ are made up in UNDL's two layouts (see the
//! README there); the texts are read in place from ../shared/corpus-en and data/.

use lineage::reader::votes_csv::{self, Layout, MsVote};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/votes").join(name)
}

fn corpus_en() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus-en");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
    }
    dir.is_dir().then_some(dir)
}

/// A corpus folder of links to `texts` and to the voting `files`.
fn corpus(texts: &[PathBuf], files: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in texts.iter().chain(files) {
        std::os::unix::fs::symlink(f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn run(data: &Path, args: &[&str]) -> (String, String, bool) {
    let out = assert_cmd::Command::cargo_bin("lineage")
        .unwrap()
        .arg("--data")
        .arg(data)
        .arg("--index")
        .arg(data.join(".no-index.sqlite"))
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.success())
}

fn json(data: &Path, args: &[&str]) -> Value {
    let (stdout, stderr, ok) = run(data, args);
    assert!(ok, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn codes(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect()
}

#[test]
fn both_layouts_are_read_with_bom_crlf_and_quoted_commas() {
    let full = votes_csv::read_file(&fixture("undl_votes_with_vote_note.csv")).unwrap();
    assert_eq!(full.layout, Layout::WithVoteNote);
    assert!(full.problems.is_empty(), "{:?}", full.problems);
    assert_eq!(full.votes.len(), 2);
    let v = &full.votes[1];
    assert_eq!(v.resolution.as_deref(), Some("A/RES/78/202"));
    assert_eq!(v.countries.len(), 193);
    assert!(v.inconsistencies().is_empty());
    // A quoted field with commas, and one with doubled quotes.
    assert!(v.countries.iter().all(|c| !c.code.is_empty()));
    assert_eq!(v.vote_note.as_deref(), Some("Subsequently, the delegation of Mexico advised the Secretariat that it had intended to vote \"Yes\"."));

    let march = votes_csv::read_file(&fixture("undl_votes_2025_03_layout.csv")).unwrap();
    assert_eq!(march.layout, Layout::WithoutVoteNote);
    assert!(march.problems.is_empty(), "{:?}", march.problems);
    let old = march.votes.iter().find(|v| v.resolution.as_deref() == Some("A/RES/65/206")).unwrap();
    let ssd = old.countries.iter().find(|c| c.code == "SSD").unwrap();
    assert_eq!(ssd.vote, MsVote::NotMember, "South Sudan was admitted in 2011");
    assert_eq!(old.totals.members, Some(192));
}

#[test]
fn show_gives_the_files_vote_with_its_record() {
    let Some(en) = corpus_en() else { return };
    let data = corpus(
        &[en.join("A_RES_78_202.en.txt"), en.join("A_RES_79_167.en.txt")],
        &[fixture("undl_votes_with_vote_note.csv"), fixture("undl_votes_2025_03_layout.csv")],
    );
    let doc = json(data.path(), &["show", "79/167", "--format", "json"]);
    let vote = &doc["vote"];
    assert_eq!(vote["method"], "recorded");
    assert_eq!(vote["source"], "undl");
    assert_eq!(vote["record"]["undl_id"], "4071167");
    assert_eq!(vote["record"]["meeting"], "A/79/PV.53");
    assert_eq!(vote["record"]["date"], "2024-12-17");
    assert_eq!(vote["record"]["link"], "https://digitallibrary.un.org/record/4071167");
    assert_eq!(codes(&vote["abstaining"]), ["IND", "MEX"]);
    assert_eq!(codes(&vote["non_voting"]), ["CAF"]);
    let total = vote["yes"].as_u64().unwrap() + vote["no"].as_u64().unwrap() + vote["abstain"].as_u64().unwrap();
    assert_eq!(total, 192);
    // The text format says so too.
    let (text, _, _) = run(data.path(), &["show", "79/167"]);
    assert!(text.contains("recorded vote"), "{text}");
}

#[test]
fn votes_lists_every_country_and_each_shift() {
    let Some(en) = corpus_en() else { return };
    let data = corpus(
        &[en.join("A_RES_78_202.en.txt"), en.join("A_RES_79_167.en.txt")],
        &[fixture("undl_votes_with_vote_note.csv"), fixture("undl_votes_2025_03_layout.csv")],
    );
    let (text, stderr, ok) = run(data.path(), &["votes", "79/167"]);
    assert!(ok, "{stderr}");
    assert!(text.contains("India: yes → abstain in 79/167"), "{text}");
    assert!(text.contains("Mexico: yes → abstain in 79/167"), "{text}");
    // Somalia did not vote on 78/202 and voted on 79/167.
    assert!(text.contains("Somalia: absent → yes in 79/167"), "{text}");

    let table = json(data.path(), &["votes", "79/167", "--format", "json"]);
    let symbols: Vec<&str> = table["texts"].as_array().unwrap().iter().map(|t| t["symbol"].as_str().unwrap()).collect();
    assert_eq!(symbols, ["A/RES/78/202", "A/RES/79/167"]);
    assert_eq!(table["countries"].as_array().unwrap().len(), 193);
    let india = table["countries"].as_array().unwrap().iter().find(|c| c["country"] == "IND").unwrap();
    assert_eq!(india["name"], "India");
    assert_eq!(india["votes"], serde_json::json!(["yes", "abstain"]));

    let changed = json(data.path(), &["votes", "79/167", "--changed", "--format", "json"]);
    let moved: Vec<&str> = changed["countries"].as_array().unwrap().iter().map(|c| c["country"].as_str().unwrap()).collect();
    assert!(moved.contains(&"IND") && moved.contains(&"MEX") && !moved.contains(&"CHN"), "{moved:?}");

    let (csv, _, _) = run(data.path(), &["votes", "79/167", "--country", "CHN,IND", "--format", "csv"]);
    assert_eq!(csv, "country,name,A/RES/78/202,A/RES/79/167\nCHN,China,yes,yes\nIND,India,yes,abstain\n");
}

#[test]
fn the_diff_names_the_countries_that_moved() {
    let Some(en) = corpus_en() else { return };
    let data = corpus(
        &[en.join("A_RES_78_202.en.txt"), en.join("A_RES_79_167.en.txt")],
        &[fixture("undl_votes_with_vote_note.csv"), fixture("undl_votes_2025_03_layout.csv")],
    );
    let diff = json(data.path(), &["diff", "78/202", "79/167", "--format", "json"]);
    let changed = diff["summary"]["vote"]["countries_changed"].as_array().unwrap();
    assert!(changed.iter().any(|c| c["country"] == "IND" && c["from"] == "yes" && c["to"] == "abstain"), "{changed:?}");
    for format in ["text", "md", "html"] {
        let (out, _, ok) = run(data.path(), &["diff", "78/202", "79/167", "--format", format, "--color", "never"]);
        assert!(ok);
        assert!(out.contains("India: yes → abstain"), "{format}");
        assert!(!out.contains("IND yes"), "{format}: codes, not names");
    }
}

#[test]
fn cited_resolutions_keep_their_votes_in_the_graph() {
    let Some(en) = corpus_en() else { return };
    let data = corpus(
        &[en.join("A_RES_78_202.en.txt"), en.join("A_RES_79_179.en.txt")],
        &[fixture("undl_votes_with_vote_note.csv"), fixture("undl_votes_2025_03_layout.csv")],
    );
    let graph = json(data.path(), &["graph", "--format", "json"]);
    let node = |symbol: &str| graph["nodes"].as_array().unwrap().iter().find(|n| n["symbol"] == symbol).cloned().unwrap();
    let cited = node("A/RES/77/214");
    assert_eq!(cited["in_corpus"], false);
    assert_eq!(cited["vote"]["source"], "undl");
    assert_eq!(cited["vote"]["record"]["undl_id"], "4000214");
    let moratorium = node("A/RES/65/206");
    assert_eq!(moratorium["in_corpus"], false);
    assert!(codes(&moratorium["vote"]["non_members"]).contains(&"SSD"));
}

#[test]
fn the_seeds_council_vote_against_the_councils_membership() {
    let (text, _, ok) = run(&root().join("data"), &["diff", "47/23", "53/29", "--color", "never"]);
    assert!(ok);
    assert!(text.contains("China: abstain → consensus"), "{text}");
    assert!(text.contains("Venezuela (Bolivarian Republic of) (had voted abstain)"), "{text}");
    assert!(!text.contains("Venezuela (Bolivarian Republic of): abstain → consensus"), "{text}");
    let diff = json(&root().join("data"), &["diff", "47/23", "53/29", "--format", "json"]);
    let changed = diff["summary"]["vote"]["countries_changed"].as_array().unwrap();
    let find = |c: &str| changed.iter().find(|x| x["country"] == c).map(|x| (x["from"].as_str().unwrap(), x["to"].as_str().unwrap()));
    assert_eq!(find("CHN"), Some(("abstain", "consensus")));
    assert_eq!(find("ERI"), Some(("abstain", "consensus")));
    assert_eq!(find("VEN"), Some(("abstain", "nonmember")));
    assert_eq!(find("RUS"), Some(("yes", "nonmember")), "left the Council in April 2022");
    assert_eq!(find("USA"), Some(("nonmember", "consensus")));
    assert_eq!(find("IND"), None, "a member both times, yes then consensus");
    let (table, _, _) = run(&root().join("data"), &["votes", "47/23", "--country", "CHN,VEN,CZE"]);
    assert!(table.contains("China: abstain → consensus in 53/29"), "{table}");
    assert!(table.contains("Venezuela (Bolivarian Republic of): abstain → nonmember in 53/29"), "{table}");
}

#[test]
fn a_file_that_disagrees_with_the_text_is_kept_beside_it() {
    let seeds: Vec<PathBuf> = std::fs::read_dir(root().join("data")).unwrap().map(|e| e.unwrap().path()).collect();
    let data = corpus(&seeds, &[fixture("hrc_47_23_disagreeing.csv")]);
    let doc = json(data.path(), &["show", "47/23", "--format", "json"]);
    let vote = &doc["vote"];
    assert_eq!(vote["source"], "undl");
    assert_eq!((vote["yes"].as_u64(), vote["abstain"].as_u64()), (Some(43), Some(4)));
    let stated = &vote["stated_in_text"];
    assert_eq!(stated["source"], "text");
    assert_eq!((stated["yes"].as_u64(), stated["no"].as_u64(), stated["abstain"].as_u64()), (Some(44), Some(0), Some(3)));
    let diagnostics = doc["diagnostics"].to_string();
    assert!(diagnostics.contains("44-0-3") && diagnostics.contains("43-0-4") && diagnostics.contains("3937123"), "{diagnostics}");
    // Without the file, the text's vote, said to be the text's.
    let plain = json(&root().join("data"), &["show", "47/23", "--format", "json"]);
    assert_eq!(plain["vote"]["source"], "text");
    assert_eq!(plain["vote"]["yes"], 44);
}

#[test]
fn damaged_voting_files_name_their_bad_rows_and_keep_the_rest() {
    let Some(en) = corpus_en() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(en.join("A_RES_79_167.en.txt"), dir.path().join("79_167.txt")).unwrap();
    for name in ["unterminated_quote.csv", "wrong_column_count.csv", "almost_undl_header.csv"] {
        std::fs::copy(fixture(&format!("hostile/{name}")), dir.path().join(name)).unwrap();
    }
    // A 5 MB field in the middle of a good file.
    let good = std::fs::read_to_string(fixture("undl_votes_2025_03_layout.csv")).unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[5] = lines[5].replacen("HUMAN RIGHTS", &"H".repeat(5 << 20), 1);
    std::fs::write(dir.path().join("big_field.csv"), lines.join("\n") + "\n").unwrap();

    let (stdout, stderr, ok) = run(dir.path(), &["show", "79/167", "--format", "json"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("unterminated_quote.csv: line 3: a quoted field opened on this line is not closed"), "{stderr}");
    assert!(stderr.contains("wrong_column_count.csv: line 3: 7 fields where the header has 20"), "{stderr}");
    assert!(stderr.contains("wrong_column_count.csv: line 5: ms_vote `Q`"), "{stderr}");
    assert!(stderr.contains("almost_undl_header.csv: not a UNDL voting-record file: the header is not UNDL's (missing `ms_vote`, `undl_link`; unknown `msvote`, `undl_url`)"), "{stderr}");
    assert!(stderr.contains("big_field.csv: line 6: field 13 is 5242"), "{stderr}");
    // The good rows of every file are kept: the first file read in path order wins for
    // 79/167, and none of its rows was lost.
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["vote"]["source"], "undl");
    let kept = |name: &str| votes_csv::read_file(&dir.path().join(name)).unwrap();
    let unterminated = kept("unterminated_quote.csv");
    let codes: Vec<&str> = unterminated.votes[0].countries.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["CHN", "BRA", "ZAF"]);
    assert_eq!(kept("wrong_column_count.csv").votes[0].countries.len(), 3);
    assert_eq!(kept("big_field.csv").rows, 385);
    // --strict makes a damaged file a failure.
    let (_, _, strict_ok) = run(dir.path(), &["--strict", "list"]);
    assert!(!strict_ok);
}

#[test]
fn an_unterminated_quote_on_every_line_reports_every_row() {
    let mut text = String::from(
        "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n",
    );
    for i in 0..200_000 {
        text.push_str(&format!("{i},\"CHN,CHINA,Y,2024-12-17,79,A/RES/79/167,,,,t,a,s,1,0,0,0,193,l\n"));
    }
    let start = Instant::now();
    let file = votes_csv::read_bytes(text.as_bytes(), Path::new("quotes.csv")).unwrap();
    eprintln!("200,000 lines, each opening a quote: {:?}", start.elapsed());
    assert!(file.votes.is_empty());
    // Each line opens a quote the next closes: every row is reported, none kept.
    assert_eq!(file.problems.len(), 100_000);
    assert!(file.problems[0].reason.contains("lines 2-3"), "{:?}", file.problems[0]);
}

/// The worst voting file measured (`make hostile`): 100 MB of rows, one in a hundred
/// damaged (a wrong column count, an unknown vote, a 64 KB field), read with every bad row
/// named and every good one kept.
#[test]
#[ignore = "slow: a 100 MB voting file; run by `make hostile`"]
fn a_100_mb_voting_file_is_read_with_its_bad_rows_named() {
    let good = std::fs::read_to_string(fixture("undl_votes_2025_03_layout.csv")).unwrap();
    let mut lines = good.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut text = format!("{header}\n");
    let (mut written, mut damaged) = (0usize, 0usize);
    while text.len() < 100 << 20 {
        // Each pass over the fixture's rows is another resolution, so no row repeats.
        let pass = written / rows.len();
        let row = rows[written % rows.len()]
            .replace("A/RES/79/167", &format!("A/RES/79/{}", 1000 + pass))
            .replace("4071167", &format!("{}", 9_000_000 + pass))
            .replace("A/RES/65/206", &format!("A/RES/65/{}", 1000 + pass))
            .replace("3992065", &format!("{}", 8_000_000 + pass));
        let row = row.as_str();
        match written % 100 {
            17 => text.push_str("1,2,3\n"),
            43 => text.push_str(&row.replacen(",Y,", ",Q,", 1)),
            71 => text.push_str(&row.replacen("HUMAN RIGHTS", &"H".repeat(64 << 10), 1)),
            _ => text.push_str(row),
        }
        if matches!(written % 100, 17 | 43 | 71) {
            damaged += 1;
        }
        text.push('\n');
        written += 1;
    }
    let start = Instant::now();
    let file = votes_csv::read_bytes(text.as_bytes(), Path::new("big.csv")).unwrap();
    eprintln!(
        "a {} MB voting file of {written} rows: {:.1} s, {} problems, {} rows kept",
        text.len() >> 20,
        start.elapsed().as_secs_f64(),
        file.problems.len(),
        file.rows
    );
    // Every row is kept or named: none is lost without a word.
    assert_eq!(file.rows + file.problems.len(), written);
    assert!(file.problems.len() <= damaged, "{} problems for {damaged} damaged rows", file.problems.len());
}
