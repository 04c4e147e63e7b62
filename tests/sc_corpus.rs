//! The Security Council's resolutions of 1946-1994 (../shared/corpus-sc-en, the
//! odd-numbered texts): symbols, dates and meetings from every masthead layout, the votes
//! the texts state, and the mandate renewals as series. Skipped where the folder is absent.

use lineage::graph::LineageGraph;
use lineage::model::{Body, DocKind, Document, SymbolSource, VoteMethod};
use std::path::Path;
use std::sync::LazyLock;

const DIR: &str = "../shared/corpus-sc-en";

static DOCS: LazyLock<Option<Vec<(String, Document)>>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).ok()?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    Some(
        files
            .iter()
            .map(|p| {
                let doc = lineage::reader::read_file(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                (p.file_name().unwrap().to_string_lossy().into_owned(), doc)
            })
            .collect(),
    )
});

/// `S_RES_0051_1948_EN_GOLD.txt` → `S/RES/51 (1948)`: used only to check what the
/// content gave, never to name a document.
fn symbol_of_file(name: &str) -> String {
    let parts: Vec<&str> = name.split('_').collect();
    format!("S/RES/{} ({})", parts[2].trim_start_matches('0'), parts[3])
}

#[test]
fn every_masthead_layout_gives_symbol_date_and_meeting() {
    let Some(docs) = DOCS.as_ref() else { return };
    assert_eq!(docs.len(), 451);
    let from_content = docs.iter().filter(|(_, d)| d.symbol_source == SymbolSource::Content).count();
    let right = docs.iter().filter(|(f, d)| d.symbol == symbol_of_file(f)).count();
    let dated = docs.iter().filter(|(f, d)| d.adopted.is_some_and(|a| a.to_string()[..4] == f[11..15])).count();
    let with_meeting = docs.iter().filter(|(_, d)| d.meeting.is_some()).count();
    eprintln!("symbols from content {from_content}/451, right {right}, dated {dated}, meeting {with_meeting}");
    assert_eq!(from_content, 451);
    assert_eq!(right, 451);
    assert!(dated >= 445, "{dated}");
    assert!(with_meeting >= 420, "{with_meeting}");
    for (_, d) in docs {
        assert_eq!((d.body, d.kind), (Body::SC, DocKind::Resolution), "{}", d.symbol);
        assert!(d.unaccounted_lines().is_empty(), "{}: {:?}", d.symbol, d.unaccounted_lines());
    }
    let get = |s: &str| &docs.iter().find(|(_, d)| d.symbol == s).expect(s).1;
    // Four layouts, one of each.
    let d = get("S/RES/1 (1946)");
    assert_eq!((d.adopted.map(|d| d.to_string()).as_deref(), d.meeting, d.title.as_str()), (Some("1946-01-25"), Some(2), "MILITARY STAFF COMMITTEE"));
    let d = get("S/RES/51 (1948)");
    assert_eq!((d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some("1948-06-03"), Some(312)));
    let d = get("S/RES/305 (1971)");
    assert_eq!((d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some("1971-12-13"), Some(1612)));
    let d = get("S/RES/805 (1993)");
    assert_eq!((d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some("1993-02-04"), Some(3170)));
    // The old `Whereas` preamble before `The Security Council` stays in the text.
    let d = get("S/RES/7 (1946)");
    assert!(d.paragraphs[0].text.starts_with("Whereas the Security Council on 29 April 1946"), "{:?}", d.paragraphs[0]);
    assert!(!d.paragraphs.iter().any(|p| p.text == "The Security Council"));
}

/// Does the text state its vote (counts, unanimity, no vote, consensus)?
fn states_vote(doc: &Document) -> bool {
    let text = std::fs::read_to_string(&doc.source.path).unwrap_or_default();
    let re = regex::Regex::new(r"(?i)adopted\s+unanimously|\b[bh]y\s+[0-9Il]{1,2}\s+(?:votes|to)\b|without\s+(?:a\s+)?vote|by\s+consensus|absence\s+of\s+any\s+objection").unwrap();
    re.is_match(&text)
}

#[test]
fn stated_votes_are_read() {
    let Some(docs) = DOCS.as_ref() else { return };
    let stating: Vec<&Document> = docs.iter().map(|(_, d)| d).filter(|d| states_vote(d)).collect();
    let parsed = stating.iter().filter(|d| d.vote.method != VoteMethod::Unknown).count();
    let counted = stating.iter().filter(|d| d.vote.method == VoteMethod::Recorded && d.vote.yes.is_some()).count();
    let derived = stating.iter().filter(|d| d.vote.in_favour_from.is_some()).count();
    let recorded = stating.iter().filter(|d| d.vote.method == VoteMethod::Recorded).count();
    eprintln!("stating {}, parsed {parsed}, with counts {counted}, country by country {derived} of {recorded} voted", stating.len());
    assert!(stating.len() >= 380, "{}", stating.len());
    assert!(parsed * 100 >= stating.len() * 99, "{parsed} of {}", stating.len());
    assert!(derived * 100 >= recorded * 95, "{derived} of {recorded}");
    let get = |s: &str| &docs.iter().find(|(_, d)| d.symbol == s).expect(s).1;
    let v = &get("S/RES/51 (1948)").vote;
    assert_eq!((v.yes, v.no, v.abstain), (Some(8), Some(0), Some(3)));
    assert_eq!(v.abstaining, ["CHN", "UKR", "SUHH"]);
    let v = &get("S/RES/305 (1971)").vote;
    assert_eq!((v.yes, v.not_participating.as_slice()), (Some(14), &["CHN".to_string()][..]));
    let v = &get("S/RES/355 (1974)").vote;
    assert_eq!(v.abstaining, ["BYAA", "SUHH"]);
    assert_eq!(v.not_participating, ["CHN"]);
    assert_eq!(v.in_favour.len(), 12);
    let v = &get("S/RES/1 (1946)").vote;
    assert_eq!(v.method, VoteMethod::WithoutVote);
    let v = &get("S/RES/505 (1982)").vote;
    assert!(v.unanimous);
    assert_eq!(v.yes, Some(15));
    // Czechoslovakia, Yugoslavia and the German Democratic Republic under ISO 3166-3.
    let codes: std::collections::BTreeSet<&str> =
        docs.iter().flat_map(|(_, d)| d.vote.abstaining.iter().chain(&d.vote.against).map(String::as_str)).collect();
    for code in ["SUHH", "YUCS", "CSHH", "BYAA", "DDDE", "UKR"] {
        assert!(codes.contains(code), "{code}");
    }
}

#[test]
fn mandate_renewals_are_series() {
    let Some(docs) = DOCS.as_ref() else { return };
    let docs: Vec<Document> = docs.iter().map(|(_, d)| d.clone()).collect();
    let renewals = docs.iter().filter(|d| d.renewal.is_some()).count();
    let g = LineageGraph::build(&docs);
    let cyprus = g.series_of("S/RES/889 (1993)").expect("the Cyprus series");
    eprintln!("renewals {renewals}, series {}, Cyprus {} members", g.series.len(), cyprus.members.len());
    assert!(renewals >= 60, "{renewals}");
    assert_eq!(cyprus.title, "United Nations Peace-keeping Force in Cyprus");
    assert_eq!(cyprus.members.first().map(String::as_str), Some("S/RES/186 (1964)"));
    assert!(cyprus.members.len() >= 25);
    for name in ["S/RES/887 (1993)", "S/RES/895 (1994)", "S/RES/651 (1990)"] {
        let s = g.series_of(name).expect(name);
        assert!(s.members.len() >= 4, "{name}");
    }
    // UNIFIL's renewals, one of them naming the Force by its acronym, are one series.
    assert_eq!(g.series_of("S/RES/803 (1993)").map(|s| &s.title), g.series_of("S/RES/459 (1979)").map(|s| &s.title));
    let d = docs.iter().find(|d| d.symbol == "S/RES/655 (1990)").unwrap();
    let r = d.renewal.as_ref().unwrap();
    assert_eq!((r.until.to_string().as_str(), r.period.as_deref(), r.paragraph.as_str()), ("1990-11-30", Some("six months"), "OP1(b)"));
    // The diff of two renewals opens with the changed period.
    let a = docs.iter().find(|d| d.symbol == "S/RES/839 (1993)").unwrap();
    let b = docs.iter().find(|d| d.symbol == "S/RES/889 (1993)").unwrap();
    let diff = lineage::diff::diff_documents(a, b, &lineage::diff::DiffOptions::default());
    let substance = diff.summary.substance.as_ref().unwrap();
    let lines = lineage::render::summary_prose::lines(substance, &diff);
    assert_eq!(lineage::render::summary_prose::plain(&lines[0]), "Mandate period: United Nations Peace-keeping Force in Cyprus until 1993-12-15 → until 1994-06-15");
}
