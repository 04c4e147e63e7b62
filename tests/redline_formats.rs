//! What a reader sees is what the texts say: in every format of `lineage diff` (text,
//! Markdown, HTML, JSON), with and without `--exact`, the old side of each pair read back
//! from the output is the old paragraph exactly as `show` gives it, and the new side the
//! new paragraph. A change of punctuation is shown as such, never by borrowing the other
//! text's mark. On the seeds, the English fixtures and every successor pair of
//! `corpus-en` (skipped where the folder is absent), and on random strings.

mod diff_support;

use diff_support::{read, shared, successor_pairs, EN_47_23, EN_53_29, ZH_47_23, ZH_53_29};
use lineage::diff::inline::{new_text, old_text, redline};
use lineage::diff::{diff_documents, DiffOptions, DocumentDiff, InlineOp, Op, ParagraphPair};
use lineage::model::Document;
use lineage::render::diff_text::TextStyle;
use lineage::render::{self, DiffFormat};
use proptest::prelude::*;
use regex::Regex;
use std::time::Duration;

/// The full text of a paragraph as `show` has it (lead text, then `\n(a) item`…).
fn full(doc: &Document, id: &Option<String>) -> String {
    id.as_ref().and_then(|i| doc.paragraph(i)).map(|p| p.full_text()).unwrap_or_default()
}

/// Read `[-…-]`/`{-…-}` (kept on the old side) and `[+…+]`/`{+…+}` (kept on the new).
fn sides_of_marked(text: &str) -> (String, String) {
    let (mut old, mut new) = (String::new(), String::new());
    let mut rest = text;
    while !rest.is_empty() {
        let open = ["[-", "{-", "[+", "{+"].iter().filter_map(|m| rest.find(m).map(|i| (i, *m))).min();
        let Some((at, marker)) = open else {
            old.push_str(rest);
            new.push_str(rest);
            break;
        };
        old.push_str(&rest[..at]);
        new.push_str(&rest[..at]);
        let close = match marker {
            "[-" => "-]",
            "{-" => "-}",
            "[+" => "+]",
            _ => "+}",
        };
        let body_start = at + 2;
        let end = rest[body_start..].find(close).map(|i| body_start + i).expect("a marker is closed");
        let body = &rest[body_start..end];
        if marker.ends_with('-') { old.push_str(body) } else { new.push_str(body) }
        rest = &rest[end + 2..];
    }
    (old, new)
}

/// Each pair's two sides as the text format prints them (every pair in full).
fn from_text(d: &DocumentDiff) -> Vec<(String, String)> {
    let out = render::diff(d, DiffFormat::Text, TextStyle { color: false, all: true });
    let mut pairs: Vec<Vec<String>> = Vec::new();
    let mut in_pairs = false;
    for line in out.lines() {
        if ["Preambular paragraphs", "Operative paragraphs", "Other paragraphs"].contains(&line) {
            in_pairs = true;
        } else if !in_pairs || line.is_empty() {
        } else if let Some(body) = line.strip_prefix("      ") {
            pairs.last_mut().expect("a body follows its head").push(body.to_string());
        } else {
            pairs.push(Vec::new());
        }
    }
    // A line break belongs to the run that the next line opens with (an added item's
    // line is the new text's only).
    let join = |lines: &[String]| {
        let mut out = String::new();
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                out.push_str(match &line.get(..2) {
                    Some("[+") | Some("{+") => "[+\n+]",
                    Some("[-") | Some("{-") => "[-\n-]",
                    _ => "\n",
                });
            }
            out.push_str(line);
        }
        out
    };
    pairs.into_iter().map(|lines| sides_of_marked(&join(&lines))).collect()
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Each pair's two cells as the HTML page shows them, tags taken off.
fn from_html(d: &DocumentDiff) -> Vec<(String, String)> {
    let out = render::diff(d, DiffFormat::Html, TextStyle::default());
    let cell = Regex::new(r#"<div class="text (old|new)">(.*?)</div>"#).unwrap();
    let tag = Regex::new(r"<[^>]+>").unwrap();
    let text_of = |c: &str| unescape_html(&tag.replace_all(&c.replace("<span class=\"item\">", "\n"), ""));
    let cells: Vec<String> = cell.captures_iter(&out).map(|c| text_of(&c[2])).collect();
    cells.chunks(2).map(|c| (c[0].clone(), c[1].clone())).collect()
}

/// Each pair's two sides as the Markdown compilation writes them: `~~…~~`, `<del>`, `<s>`
/// on the old side, `**…**`, `<strong>`, `<u>` on the new, backslash escapes undone.
fn from_md(d: &DocumentDiff) -> Vec<(String, String)> {
    let out = render::diff(d, DiffFormat::Md, TextStyle::default());
    let body = &out[out.find("\n## ").expect("a section heading")..];
    let notes = Regex::new(r"^(\*\*[^*]+\*\*|~~[^~]+~~)( \*\((.*?)\)\*)? ").unwrap();
    let mut pairs = Vec::new();
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty() && !b.starts_with("## ")) {
        let m = notes.find(block).unwrap_or_else(|| panic!("a pair's label: {block}"));
        let text = block[m.end()..].replace("\\\n", "\n");
        pairs.push(sides_of_md(&text));
    }
    pairs
}

fn sides_of_md(text: &str) -> (String, String) {
    let (mut old, mut new) = (String::new(), String::new());
    let (mut deleted, mut inserted) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let toggles = [("~~", 'd'), ("<del>", 'd'), ("</del>", 'd'), ("<s>", 'd'), ("</s>", 'd'), ("**", 'i'), ("<strong>", 'i'), ("</strong>", 'i'), ("<u>", 'i'), ("</u>", 'i')];
        if let Some((m, side)) = toggles.iter().find(|(m, _)| rest.starts_with(m)) {
            if *side == 'd' { deleted = !deleted } else { inserted = !inserted }
            rest = &rest[m.len()..];
            continue;
        }
        if c == '\n' {
            // A line break belongs to the run the next line opens with.
            let next = &rest[1..];
            let opens = |marks: &[&str]| marks.iter().any(|m| next.starts_with(m));
            if !opens(&["**", "<strong>", "<u>"]) {
                old.push('\n');
            }
            if !opens(&["~~", "<del>", "<s>"]) {
                new.push('\n');
            }
            rest = next;
            continue;
        }
        let (ch, len) = if c == '\\' {
            let Some(next) = rest[1..].chars().next() else { panic!("a lone backslash ends {text:?}") };
            (next, 1 + next.len_utf8())
        } else {
            (c, c.len_utf8())
        };
        if !inserted {
            old.push(ch);
        }
        if !deleted {
            new.push(ch);
        }
        rest = &rest[len..];
    }
    (old, new)
}

/// Each pair's runs as the JSON gives them, rebuilt.
fn from_json(d: &DocumentDiff) -> Vec<(String, String)> {
    let out = render::diff(d, DiffFormat::Json, TextStyle::default());
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    value["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let ops: Vec<InlineOp> = serde_json::from_value(p["inline"].clone()).unwrap();
            (old_text(&ops), new_text(&ops))
        })
        .collect()
}

/// Reads a rendered diff back as each pair's two sides.
type ReadBack = fn(&DocumentDiff) -> Vec<(String, String)>;

/// Every pair outside a split or merge: each format's two sides are the two paragraphs.
fn check(old: &Document, new: &Document, problems: &mut Vec<String>) {
    for exact in [false, true] {
        let d = diff_documents(old, new, &DiffOptions { exact, ..DiffOptions::default() });
        let wanted: Vec<(String, String)> = d.paragraphs.iter().map(|p| (full(old, &p.from), full(new, &p.to))).collect();
        let formats: [(&str, ReadBack); 4] =
            [("text", from_text), ("md", from_md), ("html", from_html), ("json", from_json)];
        for (format, read_back) in formats {
            let got = read_back(&d);
            if got.len() != d.paragraphs.len() {
                problems.push(format!("{} → {} {format} exact={exact}: {} pairs read back of {}", d.from, d.to, got.len(), d.paragraphs.len()));
                continue;
            }
            for ((pair, want), got) in d.paragraphs.iter().zip(&wanted).zip(&got) {
                if pair.group.is_some() {
                    continue; // a piece of a split or merge spells its piece (diff_support checks the pieces)
                }
                for (side, w, g) in [("old", &want.0, &got.0), ("new", &want.1, &got.1)] {
                    if w != g {
                        problems.push(format!("{} → {} {format} exact={exact} {}: the {side} side reads\n    {g:?}\n  not\n    {w:?}", d.from, d.to, label(pair)));
                    }
                }
            }
        }
    }
}

fn label(p: &ParagraphPair) -> String {
    format!("{} → {}", p.from.as_deref().unwrap_or("-"), p.to.as_deref().unwrap_or("-"))
}

#[test]
fn every_format_shows_both_seed_texts_as_they_are() {
    let mut problems = Vec::new();
    check(&read(ZH_47_23), &read(ZH_53_29), &mut problems);
    check(&read(EN_47_23), &read(EN_53_29), &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_format_shows_both_texts_of_every_corpus_successor_pair() {
    let Some(dir) = shared("corpus-en") else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout (or under $LINEAGE_SHARED)");
        return;
    };
    let pairs = successor_pairs(&dir);
    assert!(pairs.len() >= 100, "only {} successor pairs", pairs.len());
    let mut problems = Vec::new();
    for (_, a, b) in &pairs {
        let (old, new) = (lineage::reader::read_file(&dir.join(a)).unwrap(), lineage::reader::read_file(&dir.join(b)).unwrap());
        check(&old, &new, &mut problems);
    }
    assert!(problems.is_empty(), "{} problems, the first:\n{}", problems.len(), problems.iter().take(10).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn the_78_221_redline_keeps_each_texts_own_punctuation() {
    let Some(dir) = shared("corpus-en") else {
        eprintln!("skipped: ../shared/corpus-en is absent");
        return;
    };
    let old = lineage::reader::read_file(&dir.join("A_RES_78_221.en.txt")).unwrap();
    let new = lineage::reader::read_file(&dir.join("A_RES_79_184.en.txt")).unwrap();
    let d = diff_documents(&old, &new, &DiffOptions::default());
    let pair = |from: &str| d.paragraphs.iter().find(|p| p.from.as_deref() == Some(from)).unwrap();
    // OP4 ended "borders;" and OP3 read "Charter, and": the old side says so.
    assert!(old_text(&pair("OP4").inline).ends_with("borders;"));
    assert!(old_text(&pair("OP3").inline).contains("Charter, and"));
    // OP1 of the old text never had "Justice;of".
    assert!(!old_text(&pair("OP1").inline).contains(";of"));
    let text = render::diff(&d, DiffFormat::Text, TextStyle::default());
    assert!(text.contains("borders[-;-][+, extending to its territorial waters;+]"), "OP4's redline");
    assert!(text.contains("Charter{-,-} "), "OP3's dropped comma is a minor change");
    assert!(text.contains("OP1 → OP4   moved and reworded · 0.44"));
    assert!(d.summary.minor_changes > 0 && d.summary.minor_paragraphs > 0);
    let pp1 = |exact| {
        let d = diff_documents(&read(ZH_47_23), &read(ZH_53_29), &DiffOptions { exact, ..DiffOptions::default() });
        d.paragraphs[0].inline.clone()
    };
    // A deleted Chinese comma is in the ops, with or without --exact.
    for exact in [false, true] {
        assert_eq!(old_text(&pp1(exact)), read(ZH_47_23).paragraphs[0].full_text());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// On any two strings of words, Chinese, punctuation and spaces, the runs spell both.
    #[test]
    fn runs_spell_both_strings(
        old in "[a-c ,;.，。、()“”一二三 ]{0,40}",
        new in "[a-c ,;.，。、()“”一二三 ]{0,40}",
        exact in any::<bool>(),
    ) {
        let r = redline(&old, &new, exact, Duration::from_millis(200));
        prop_assert_eq!(old_text(&r.ops), old);
        prop_assert_eq!(new_text(&r.ops), new);
        prop_assert!(r.ops.iter().all(|o| !(o.text.is_empty() || o.minor && o.op == Op::Equal)));
    }
}
