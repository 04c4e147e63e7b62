//! English fixtures (tests/fixtures/en, described in tests/fixtures/README.md) read to
//! the structure written down in expected.json: counts, metadata, joined paragraphs,
//! footnote anchors, votes, and no page furniture left in the text.

use lineage::model::{Document, ParagraphKind, SymbolSource};
use serde_json::Value;
use std::path::Path;

fn fixtures() -> (std::path::PathBuf, Vec<Value>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    (dir, expected.as_array().unwrap().clone())
}

fn all_text(doc: &Document) -> String {
    doc.paragraphs.iter().map(|p| p.full_text()).collect::<Vec<_>>().join("\n")
}

fn check(doc: &Document, e: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |what: &str, got: String, want: String| {
        if got != want {
            problems.push(format!("{what}: got {got}, want {want}"));
        }
    };
    match e["symbol"].as_str() {
        Some(s) => expect("symbol", doc.symbol.clone(), s.to_string()),
        None => expect("symbol_source", format!("{:?}", doc.symbol_source), format!("{:?}", SymbolSource::File)),
    }
    if let Some(b) = e["body"].as_str() {
        expect("body", doc.body.as_str().to_string(), b.to_string());
    }
    if let Some(k) = e["kind"].as_str() {
        expect("kind", doc.kind.as_str().to_string(), k.to_string());
    }
    if let Some(t) = e["title"].as_str() {
        expect("title", doc.title.clone(), t.to_string());
    }
    expect("session", format!("{:?}", doc.session), format!("{:?}", e["session"].as_u64().map(|n| n as u32)));
    expect("adopted", format!("{:?}", doc.adopted.map(|d| d.to_string())), format!("{:?}", e["adopted"].as_str().map(String::from)));
    expect("meeting", format!("{:?}", doc.meeting), format!("{:?}", e["meeting"].as_u64().map(|n| n as u32)));
    let pp = doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Preambular).count();
    let op = doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Operative).count();
    expect("pp", pp.to_string(), e["pp"].to_string());
    expect("op", op.to_string(), e["op"].to_string());
    if let Some(items) = e["items"].as_object() {
        for (id, n) in items {
            let got = doc.paragraph(id).map_or(0, |p| p.items.len());
            expect(&format!("items of {id}"), got.to_string(), n.to_string());
        }
    }
    expect("footnotes", doc.footnotes.len().to_string(), e["footnotes"].to_string());
    if let Some(anchors) = e["footnote_paragraphs"].as_object() {
        for (mark, para) in anchors {
            let got = doc.footnotes.iter().find(|f| &f.mark == mark).and_then(|f| f.paragraph.clone());
            expect(&format!("footnote {mark}"), format!("{got:?}"), format!("{:?}", para.as_str().map(String::from)));
        }
    }
    if let Some(v) = e.get("vote").filter(|v| v.is_object()) {
        let method = serde_json::to_value(doc.vote.method).unwrap();
        expect("vote method", method.to_string(), v["method"].to_string());
        for (key, got) in [("yes", doc.vote.yes), ("no", doc.vote.no), ("abstain", doc.vote.abstain)] {
            if let Some(want) = v.get(key).and_then(|x| x.as_u64()) {
                expect(&format!("vote {key}"), format!("{got:?}"), format!("{:?}", Some(want as u32)));
            }
        }
        for (key, got) in [("in_favour", &doc.vote.in_favour), ("against", &doc.vote.against), ("abstaining", &doc.vote.abstaining)] {
            if let Some(want) = v.get(key).and_then(|x| x.as_array()) {
                let want: Vec<String> = want.iter().filter_map(|x| x.as_str().map(String::from)).collect();
                expect(&format!("vote {key}"), format!("{got:?}"), format!("{want:?}"));
            }
        }
    }
    let text = all_text(doc);
    for s in e["joined"].as_array().into_iter().flatten().filter_map(|s| s.as_str()) {
        if !doc.paragraphs.iter().any(|p| p.full_text().contains(s)) {
            problems.push(format!("no single paragraph contains {s:?}"));
        }
    }
    for s in e["absent"].as_array().into_iter().flatten().filter_map(|s| s.as_str()) {
        if text.contains(s) {
            problems.push(format!("paragraph text still contains {s:?}"));
        }
    }
    if let Some(starts) = e["pp_starts"].as_array() {
        for (p, s) in doc.preambular().zip(starts.iter().filter_map(|s| s.as_str())) {
            if !p.text.starts_with(s) {
                problems.push(format!("{} starts {:?}, want {s:?}", p.id, &p.text.chars().take(30).collect::<String>()));
            }
        }
    }
    problems
}

#[test]
fn english_fixtures_read_to_their_expected_structure() {
    let (dir, expected) = fixtures();
    let mut failures = Vec::new();
    for e in &expected {
        let file = e["file"].as_str().unwrap();
        let result = lineage::reader::read_file(&dir.join(file));
        let structured = e["pp"].as_u64().unwrap_or(0) + e["op"].as_u64().unwrap_or(0) > 0;
        match (result, structured) {
            (Ok(doc), true) => {
                let p = check(&doc, e);
                if !p.is_empty() {
                    failures.push(format!("{file}:\n  {}", p.join("\n  ")));
                }
            }
            (Err(err), false) => {
                // A text with no structure is refused with a reason that names the file.
                let msg = err.to_string();
                if !msg.contains(file) || !msg.contains("no recognisable") {
                    failures.push(format!("{file}: unhelpful error {msg}"));
                }
            }
            (Ok(_), false) => failures.push(format!("{file}: read as a document, want a clear refusal")),
            (Err(err), true) => failures.push(format!("{file}: {err}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The English and Chinese texts of one resolution have the same shape.
#[test]
fn english_and_chinese_texts_of_a_resolution_have_the_same_structure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (en, zh) in [
        ("tests/fixtures/en/hrc_47_23.en.txt", "data/001_9fe8283bea68d15f.txt"),
        ("tests/fixtures/en/hrc_53_29.en.txt", "data/002_3102da6d256530e0.txt"),
    ] {
        let en = lineage::reader::read_file(&root.join(en)).unwrap();
        let zh = lineage::reader::read_file(&root.join(zh)).unwrap();
        assert_eq!(en.symbol, zh.symbol);
        assert_eq!(en.preambular().count(), zh.preambular().count(), "{}", en.symbol);
        assert_eq!(en.operative().count(), zh.operative().count(), "{}", en.symbol);
        let items = |d: &Document| d.paragraphs.iter().map(|p| (p.id.clone(), p.items.len())).collect::<Vec<_>>();
        assert_eq!(items(&en), items(&zh), "{}", en.symbol);
        let anchors = |d: &Document| d.footnotes.iter().map(|f| f.paragraph.clone()).collect::<Vec<_>>();
        assert_eq!(anchors(&en), anchors(&zh), "{}", en.symbol);
        assert_eq!(en.vote.method, zh.vote.method);
        assert_eq!(en.vote.in_favour, zh.vote.in_favour);
        assert_eq!(en.vote.abstaining, zh.vote.abstaining);
        assert_eq!((en.adopted, en.meeting, en.session), (zh.adopted, zh.meeting, zh.session));
    }
}
