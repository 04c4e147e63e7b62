//! Every form a draft comes in, read end to end and linked to the resolution adopted
//! from it: plenary drafts (`A/79/L.2`), Human Rights Council drafts (`A/HRC/53/L.17`, in
//! Chinese and English) and a Chinese Main Committee draft (决议草案) with an amendment
//! to it (对决议草案……的修正).
//!
//! A draft carries the text its resolution was adopted with, under a draft's masthead.
//! The plenary and Council drafts here are made that way from adopted texts (the seeds,
//! the English fixtures and, where present, every resolution of `../shared/corpus-en`
//! adopted "without reference to a Main Committee"): the draft's masthead in place of
//! the resolution's, the sponsors' line and the title without its number, the adoption
//! lines taken away. What the reader gives for the draft is then checked against what it
//! gives for the resolution, paragraph for paragraph.

use assert_cmd::Command;
use lineage::graph::LineageGraph;
use lineage::model::{DocKind, Document, EditAction};
use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Document {
    lineage::reader::read_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn paragraphs(doc: &Document) -> Vec<(String, String, usize)> {
    doc.paragraphs.iter().map(|p| (p.id.clone(), p.text.clone(), p.items.len())).collect()
}

fn lineage(data: &Path, args: &[&str]) -> (String, String, bool) {
    let out = Command::cargo_bin("lineage").unwrap().arg("--data").arg(data).args(args).output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

const PLENARY_SPONSORS: &str = "Algeria, Brazil, China, Egypt, India and South Africa";

/// The plenary draft a GA resolution adopted "without reference to a Main Committee
/// (A/79/L.2)" was adopted from, and that symbol; `None` for a resolution of another kind.
fn plenary_draft_of(resolution: &str) -> Option<(String, String)> {
    let masthead = Regex::new(r"\[without reference to a Main Committee \((A/\d+/L\.\d+(?:/Rev\.\d+)?)\)\]").unwrap();
    let number = Regex::new(r"\n\s*\d+/\d+(?: [A-Z])?\.\s+").unwrap();
    let meeting = Regex::new(r"\n\s*\d+(?:st|nd|rd|th) plenary meeting[ \t]*\n\s*\d+ \w+ \d{4}[ \t]*\n").unwrap();
    let symbol = Regex::new(r"A/RES/\d+/\d+").unwrap().find(resolution)?.as_str().to_string();
    let draft = masthead.captures(resolution)?[1].to_string();
    let session = resolution.find("session")?;
    let adopted = resolution.find("Resolution adopted")?;
    let body = resolution.find("The General Assembly,")?;
    let end = meeting.find(resolution)?;
    let after_masthead = masthead.find(resolution)?.end();
    let title_at = number.find_at(resolution, after_masthead)?;
    let title = &resolution[title_at.end()..body];
    let text = format!(
        "United Nations \n{draft} \n \n \nGeneral Assembly \nDistr.: Limited \n4 January 2024 \n \nOriginal: English \n \n \nSeventy-eighth {} \n \n \n \n{PLENARY_SPONSORS}: draft resolution \n \n \n{}\n{}\n{}",
        resolution[session..adopted].trim_end(),
        title.trim_end(),
        &resolution[body..end.start()],
        &resolution[end.end()..],
    );
    // The running heads carry the draft's symbol, as the draft's pages do.
    Some((text.replace(&symbol, &draft), draft))
}

#[test]
fn plenary_drafts_read_as_drafts_with_their_resolutions_paragraphs_and_link_to_them() {
    let en = root().join("../shared/corpus-en");
    if !en.is_dir() {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut made = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&en).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let Some((draft, symbol)) = plenary_draft_of(&text) else { continue };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::write(dir.path().join(format!("draft_{name}")), draft).unwrap();
        std::os::unix::fs::symlink(&path, dir.path().join(&name)).unwrap();
        made.push((symbol, path));
    }
    assert!(made.len() >= 140, "{} plenary drafts made", made.len());

    let corpus = lineage::corpus::Corpus::load(dir.path()).unwrap();
    let graph = LineageGraph::build(&corpus.documents);
    let doc = |symbol: &str| corpus.documents.iter().find(|d| d.symbol == symbol);
    let mut unlike = Vec::new();
    for (symbol, path) in &made {
        let draft = doc(symbol).unwrap_or_else(|| panic!("{symbol} is read"));
        let resolution = read(path);
        let meta = draft.draft.as_ref().unwrap_or_else(|| panic!("{symbol} has draft fields"));
        assert_eq!(draft.kind, DocKind::Draft, "{symbol}");
        assert_eq!(meta.sponsors, ["DZA", "BRA", "CHN", "EGY", "IND", "ZAF"], "{symbol}");
        assert_eq!(meta.committee, None, "{symbol}: a plenary draft has no committee");
        assert_eq!(meta.distributed.map(|d| d.to_string()).as_deref(), Some("2024-01-04"), "{symbol}");
        assert_eq!(draft.title, resolution.title, "{symbol}");
        assert_eq!(graph.adopted_as(symbol), Some(resolution.symbol.as_str()), "{symbol}");
        if paragraphs(draft) != paragraphs(&resolution) {
            unlike.push(symbol.clone());
        }
    }
    assert!(unlike.is_empty(), "drafts whose paragraphs differ from their resolution's: {unlike:?}");
}

#[test]
fn a_committee_draft_is_linked_to_its_resolution_by_title_and_text() {
    let path = root().join("../shared/corpus-en/A_RES_79_167.en.txt");
    let Ok(resolution) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    };
    // The resolution names its committee's report, not its draft: the draft is found by
    // its session, title and paragraphs. Made from the resolution as the plenary drafts
    // are, under a Third Committee masthead.
    let as_plenary = resolution.replace("[on the report of the Third Committee (A/79/458/Add.2, para. 99)]", "[without reference to a Main Committee (A/79/L.999)]");
    let (text, _) = plenary_draft_of(&as_plenary).expect("a draft is made");
    let text = text.replace("A/79/L.999", "A/C.3/79/L.33").replace("Seventy-eighth session", "Seventy-ninth session\nThird Committee");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), text).unwrap();
    std::os::unix::fs::symlink(&path, dir.path().join("A_RES_79_167.en.txt")).unwrap();
    let corpus = lineage::corpus::Corpus::load(dir.path()).unwrap();
    let draft = corpus.documents.iter().find(|d| d.symbol == "A/C.3/79/L.33").expect("the draft is read");
    assert_eq!(draft.draft.as_ref().and_then(|m| m.committee.as_deref()), Some("Third Committee"));
    let graph = LineageGraph::build(&corpus.documents);
    assert_eq!(graph.adopted_as("A/C.3/79/L.33"), Some("A/RES/79/167"));
}

/// A Council draft made from an adopted Council resolution: "A/HRC/53/L.17", the
/// sponsors (non-members marked "*", as the Council prints them) and the note on the
/// mark at the foot of the first page.
fn council_draft_of(resolution: &str, symbol: &str, chinese: bool) -> String {
    let text = Regex::new(r"A/HRC/RES/\d+/\d+").unwrap().replace_all(resolution, symbol).into_owned();
    let text = text.replace("Distr.: General", "Distr.: Limited");
    let (adoption, sponsors, number, meeting, note, formula) = if chinese {
        (
            r"人权理事会\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日通过的决议[ \t]*\n",
            "奥地利*、巴西、丹麦*、摩洛哥、大韩民国、新加坡和南非：决议草案\n",
            r"\n(\d+)/\d+\.\s*",
            r"\n\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日\s*\n\s*第\s*\d+\s*次会议",
            "* 非人权理事会成员国。",
            "人权理事会，",
        )
    } else {
        (
            r"Resolution adopted by the Human Rights Council on [^\n]*\n",
            "Austria,* Brazil, Denmark,* Morocco, Republic of Korea, Singapore and South Africa: draft resolution\n",
            r"\n(\d+)/\d+\.\s*",
            r"\n\s*\d+(?:st|nd|rd|th) meeting",
            "* State not a member of the Human Rights Council.",
            "The Human Rights Council,",
        )
    };
    let text = Regex::new(adoption).unwrap().replace(&text, sponsors).into_owned();
    let placeholder = if chinese { "…" } else { "..." };
    let text = Regex::new(number).unwrap().replace(&text, format!("\n${{1}}/{placeholder} ")).into_owned();
    let end = Regex::new(meeting).unwrap().find(&text).expect("the adoption lines").start();
    let mut text = text[..end].to_string();
    // The note on "*" at the foot of the first page, after its third paragraph.
    let body = text.find(formula).expect("the Council's formula");
    let blank = Regex::new(r"\n[ \t]*\n").unwrap();
    let at = blank.find_iter(&text[body..]).nth(3).expect("four paragraphs").start() + body;
    text.insert_str(at, &format!("\n__________________\n{note}\nGE.23-13988(C)\n"));
    if chinese && !text.contains(symbol) {
        text.insert_str(0, &format!("联合国 {symbol}\n\n大会 Distr.: Limited\n7 July 2021\nChinese\nOriginal: English\n\n"));
    }
    text
}

/// The seeds and the English fixtures, with a Council draft made from 47/23 (Chinese)
/// and from 53/29 (English).
fn council_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("data")).unwrap() {
        let path = entry.unwrap().path();
        std::os::unix::fs::symlink(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    for name in ["hrc_47_23.en.txt", "hrc_53_29.en.txt"] {
        std::os::unix::fs::symlink(root().join("tests/fixtures/en").join(name), dir.path().join(name)).unwrap();
    }
    let zh = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).unwrap().contains("47/23. "))
        .expect("the seed of 47/23");
    let zh = std::fs::read_to_string(zh).unwrap();
    std::fs::write(dir.path().join("draft_47.zh.txt"), council_draft_of(&zh, "A/HRC/47/L.12", true)).unwrap();
    let en = std::fs::read_to_string(root().join("tests/fixtures/en/hrc_53_29.en.txt")).unwrap();
    std::fs::write(dir.path().join("draft_53.en.txt"), council_draft_of(&en, "A/HRC/53/L.17", false)).unwrap();
    dir
}

#[test]
fn council_drafts_in_chinese_and_english_read_and_link_to_their_resolutions() {
    let dir = council_corpus();
    let corpus = lineage::corpus::Corpus::load(dir.path()).unwrap();
    let graph = LineageGraph::build(&corpus.documents);
    let find = |symbol: &str, language: &str| {
        corpus.documents.iter().find(|d| d.symbol == symbol && d.language.as_str() == language).unwrap_or_else(|| panic!("{symbol} {language}"))
    };
    for (draft, resolution, language, title) in [
        ("A/HRC/47/L.12", "A/HRC/RES/47/23", "zh", "新的和新兴的数字技术与人权"),
        ("A/HRC/53/L.17", "A/HRC/RES/53/29", "en", "New and emerging digital technologies and human rights"),
    ] {
        let d = find(draft, language);
        let meta = d.draft.as_ref().expect("draft fields");
        assert_eq!((d.kind, d.body.as_str(), d.title.as_str()), (DocKind::Draft, "HRC", title), "{draft}");
        assert_eq!(meta.sponsors, ["AUT", "BRA", "DNK", "MAR", "KOR", "SGP", "ZAF"], "{draft}");
        assert_eq!(meta.committee, None);
        assert!(meta.distributed.is_some(), "{draft}: the date under “Distr.: Limited”");
        // The note on the marked sponsors is kept, and is not reported as unanchored.
        assert!(d.footnotes.iter().any(|f| f.mark == "*"), "{draft}: {:?}", d.footnotes);
        assert!(!d.diagnostics.iter().any(|x| x.message.contains("not anchored")), "{draft}: {:?}", d.diagnostics);
        assert_eq!(paragraphs(d), paragraphs(find(resolution, language)), "{draft}");
        assert_eq!(graph.adopted_as(draft), Some(resolution));
        assert!(graph.series_of(draft).is_some_and(|s| s.members.iter().any(|m| m == resolution)), "{draft} joins its series");
    }

    // One argument: the draft against the adopted text it follows on from, in its own
    // language: 47/23 for the draft of 53/29, not 53/29 itself.
    let (out, err, ok) = lineage(dir.path(), &["diff", "A/HRC/53/L.17", "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("A/HRC/RES/47/23"), Some("A/HRC/53/L.17")), "{err}");
    // The Chinese draft of 47/23 follows 41/11, which the corpus does not hold: said so.
    let (_, err, ok) = lineage(dir.path(), &["diff", "A/HRC/47/L.12"]);
    assert!(!ok);
    assert!(err.contains("A/HRC/47/L.12 follows no adopted text in the corpus"), "{err}");
    // The draft against the resolution adopted from it: nothing changed on the way.
    let (out, err, ok) = lineage(dir.path(), &["diff", "A/HRC/53/L.17", "A/HRC/RES/53/29", "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["counts"]["unchanged"], 37, "{}", v["summary"]["counts"]);
    // The chain shows each draft with the resolution adopted from it, and no draft as
    // still under negotiation.
    let (out, _, ok) = lineage(dir.path(), &["chain", "53/29", "--format", "json"]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    let adopted: Vec<(&str, &str)> = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| Some((m["symbol"].as_str()?, m["adopted_as"].as_str()?)))
        .collect();
    assert!(adopted.contains(&("A/HRC/53/L.17", "A/HRC/RES/53/29")), "{adopted:?}");
    let (out, _, _) = lineage(dir.path(), &["chain", "53/29"]);
    assert!(!out.contains("drafts after the last adopted text"), "{out}");
    assert!(out.contains("A/HRC/53/L.17 was adopted as A/HRC/RES/53/29"), "{out}");
}

#[test]
fn a_chinese_committee_draft_and_an_amendment_to_it() {
    let fixtures = root().join("tests/fixtures/drafts");
    let draft = read(&fixtures.join("ga_committee_draft.zh.txt"));
    let meta = draft.draft.as_ref().expect("draft fields");
    assert_eq!((draft.symbol.as_str(), draft.kind, draft.title.as_str()), ("A/C.3/80/L.41", DocKind::Draft, "数字时代的隐私权"));
    assert_eq!(meta.sponsors, ["AUT", "BRA", "CHL", "DEU", "MEX", "CHE"]);
    let groups: Vec<(&str, &str)> = meta.sponsor_groups.iter().map(|g| (g.sponsor.as_str(), g.on_behalf_of.as_str())).collect();
    assert_eq!(groups, [("AUT", "欧洲联盟"), ("DEU", "欧洲联盟")]);
    // The committee by its English name, as every text gives it.
    assert_eq!(meta.committee.as_deref(), Some("Third Committee"));
    assert_eq!(meta.distributed.map(|d| d.to_string()).as_deref(), Some("2025-10-30"));
    assert_eq!(draft.agenda_item.as_deref(), Some("71(b)"));
    let ids: Vec<&str> = draft.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["PP1", "PP2", "PP3", "PP4", "PP5", "OP1", "OP2", "OP3", "OP4", "OP5"]);
    // The page's foot ("2/2   25-17035") is furniture, not the last paragraph's words.
    assert_eq!(draft.paragraphs.last().unwrap().text, "决定在第八十二届会议上继续审议这个问题。");
    assert!(draft.diagnostics.is_empty(), "{:?}", draft.diagnostics);

    let amendment = read(&fixtures.join("ga_committee_amendment.zh.txt"));
    let meta = amendment.draft.as_ref().expect("amendment fields");
    assert_eq!((amendment.kind, meta.amends.as_deref(), meta.sponsors.as_slice()), (DocKind::Amendment, Some("A/C.3/80/L.41"), &["CUB".to_string()][..]));
    let ops: Vec<&EditAction> = meta.edits.iter().map(|e| &e.action).collect();
    assert_eq!(ops.len(), 4, "{ops:?}");
    assert!(matches!(ops[0], EditAction::InsertText { paragraph, .. } if paragraph == "OP2"));
    assert!(matches!(ops[1], EditAction::ReplaceText { paragraph, find, text } if paragraph == "OP4" && find == "第六十三届会议" && text == "第六十六届会议"));
    assert!(matches!(ops[2], EditAction::DeleteParagraph { paragraph } if paragraph == "PP5"));
    assert!(matches!(ops[3], EditAction::InsertParagraph { after: Some(a), text, .. } if a == "OP3" && text == "鼓励所有国家促进国际合作，以弥合数字鸿沟；"));

    // The draft with the amendment's edits as a redline, and the request's new deadline
    // found in the amended text.
    let (out, err, ok) = lineage(&fixtures, &["diff", "A/C.3/80/L.41", "A/C.3/80/L.58", "--format", "text", "--color", "never"]);
    assert!(ok, "{err}");
    assert!(err.is_empty(), "every edit applies: {err}");
    assert!(out.contains("数字通信[+和人工智能系统+]方面"), "{out}");
    assert!(out.contains("第六十[-三-][+六+]届会议"), "{out}");
    assert!(out.contains("[+鼓励所有国家促进国际合作，以弥合数字鸿沟；+]"), "{out}");
    assert!(out.contains("Request carried over (OP4 → OP5)") && out.contains("was the Council's 63rd session"), "{out}");
}
