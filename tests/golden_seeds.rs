//! Golden tests on the five seed texts in data/: counts, metadata, the paragraphs that a
//! page break splits, footnote anchors, votes, the account of every line, and the same
//! paragraphs whatever the encoding, line endings or page layout of the file.

use lineage::model::{DocKind, Document, DropReason, ParagraphKind, SymbolSource, VoteMethod};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name)
}

fn read(name: &str) -> Document {
    lineage::reader::read_file(&seed(name)).unwrap_or_else(|e| panic!("{e}"))
}

const HRC_47_23: &str = "001_9fe8283bea68d15f.txt";
const HRC_53_29: &str = "002_3102da6d256530e0.txt";
const GA_77_211: &str = "003_e567b7260c44ac29.txt";
const REPORT_52: &str = "000_316f946a38dde5ab.txt";
const REPORT_44_24: &str = "004_ffaf7e26c245e647.txt";
const ALL: [&str; 5] = [REPORT_52, HRC_47_23, HRC_53_29, GA_77_211, REPORT_44_24];

fn count(doc: &Document, kind: ParagraphKind) -> usize {
    doc.paragraphs.iter().filter(|p| p.kind == kind).count()
}

fn para<'a>(doc: &'a Document, id: &str) -> &'a str {
    &doc.paragraph(id).unwrap_or_else(|| panic!("{} has no {id}", doc.symbol)).text
}

#[test]
fn hrc_47_23() {
    let d = read(HRC_47_23);
    assert_eq!(d.symbol, "A/HRC/RES/47/23");
    assert_eq!(d.symbol_source, SymbolSource::Content);
    assert_eq!((d.body.as_str(), d.kind, d.language.as_str()), ("HRC", DocKind::Resolution, "zh"));
    assert_eq!(d.title, "新的和新兴的数字技术与人权");
    assert_eq!((d.session, d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some(47), Some("2021-07-13"), Some(38)));
    assert_eq!(d.agenda_item.as_deref(), Some("3"));
    assert_eq!((count(&d, ParagraphKind::Preambular), count(&d, ParagraphKind::Operative)), (19, 6));
    assert!(d.paragraphs.iter().all(|p| p.items.is_empty()));
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!((d.footnotes[0].mark.as_str(), d.footnotes[0].text.as_str()), ("1", "A/HRC/47/52."));
    assert_eq!(d.footnotes[0].paragraph.as_deref(), Some("PP8"));
    assert!(para(&d, "PP8").ends_with("可能产生的影响、机遇和挑战的报告，"), "mark taken out of the text");
    assert!(para(&d, "PP1").starts_with("遵循《联合国宪章》"));
    assert!(para(&d, "OP6").starts_with("决定继续处理此事"));
    assert_eq!(d.vote.method, VoteMethod::Recorded);
    assert_eq!((d.vote.yes, d.vote.no, d.vote.abstain), (Some(44), Some(0), Some(3)));
    assert_eq!(d.vote.in_favour.len(), 44);
    assert_eq!(d.vote.abstaining, ["CHN", "ERI", "VEN"]);
    assert!(d.vote.in_favour.contains(&"BOL".to_string()) && d.vote.in_favour.contains(&"GBR".to_string()));
}

#[test]
fn hrc_53_29() {
    let d = read(HRC_53_29);
    assert_eq!(d.symbol, "A/HRC/RES/53/29");
    assert_eq!(d.title, "新的和新兴数字技术与人权");
    assert_eq!((d.session, d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some(53), Some("2023-07-14"), Some(37)));
    assert_eq!((count(&d, ParagraphKind::Preambular), count(&d, ParagraphKind::Operative)), (28, 9));
    let op3 = d.paragraph("OP3").unwrap();
    let labels: Vec<&str> = op3.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f"]);
    assert!(d.paragraphs.iter().filter(|p| p.id != "OP3").all(|p| p.items.is_empty()));
    // A paragraph split by blank lines mid-reference is one paragraph.
    assert!(para(&d, "PP6").contains("关于数字时代的隐私权的第 77/211 号决议,并注意到联合国教育"));
    // Split by a page footer and a footnote block: one paragraph, furniture out.
    let pp17 = para(&d, "PP17");
    assert!(pp17.contains("进一步加剧了这种不平等和歧视,限制妇女参与设计和开发新技术;强调需要应对"), "{pp17}");
    assert!(!pp17.contains("GE.23") && !pp17.contains("A/HRC/50/56"));
    // Split by a page footer: "…对新的和新兴数字技术" / "与人权的相互关联的认识".
    assert!(para(&d, "PP27").contains("对新的和新兴数字技术与人权的相互关联的认识"));
    assert!(para(&d, "OP5").contains("人工智能等新的和新兴数字技术领域的工作和建议"));
    // Stray spaces between Chinese characters are closed up.
    assert!(para(&d, "PP11").contains("促进和保护人权和基本自由"));
    assert_eq!(d.footnotes.iter().map(|f| (f.mark.as_str(), f.paragraph.as_deref())).collect::<Vec<_>>(),
        [("1", Some("PP10")), ("2", Some("PP10"))]);
    assert_eq!(d.vote.method, VoteMethod::WithoutVote);
}

#[test]
fn ga_77_211() {
    let d = read(GA_77_211);
    assert_eq!(d.symbol, "A/RES/77/211");
    assert_eq!(d.mandated_by, None);
    assert_eq!(d.body.as_str(), "GA");
    assert_eq!(d.title, "数字时代隐私权");
    assert_eq!((d.session, d.adopted.map(|d| d.to_string()).as_deref(), d.meeting), (Some(77), Some("2022-12-15"), Some(54)));
    assert_eq!(d.agenda_item.as_deref(), Some("68(b)"));
    assert_eq!((count(&d, ParagraphKind::Preambular), count(&d, ParagraphKind::Operative)), (48, 14));
    assert_eq!(d.paragraph("OP7").unwrap().items.len(), 18);
    assert_eq!(d.paragraph("OP8").unwrap().items.len(), 7);
    assert_eq!(d.paragraph("OP7").unwrap().items[17].label, "r");
    assert_eq!(d.footnotes.len(), 22);
    // The recalling paragraph runs across six footnotes to "2018年3月22日第37/2号".
    let pp2 = para(&d, "PP2");
    assert!(pp2.contains("第 34/7 号、2018年3月22日第37/2号、2019年9月26日第42/15号"), "{pp2}");
    assert!(!pp2.contains("[") && !pp2.contains("(#)"), "markdown links are cleaned: {pp2}");
    assert!(para(&d, "OP1").starts_with("重申《世界人权宣言》"), "markdown emphasis is cleaned");
    let anchors: Vec<(&str, Option<&str>)> = d.footnotes.iter().map(|f| (f.mark.as_str(), f.paragraph.as_deref())).collect();
    assert_eq!(&anchors[..6], [("1", Some("PP1")), ("2", Some("PP1")), ("3", Some("PP1")), ("4", Some("PP1")), ("5", Some("PP2")), ("6", Some("PP2"))]);
    assert_eq!(anchors[18], ("19", Some("PP12")));
    assert_eq!(anchors[20], ("21", Some("OP2")));
    assert_eq!(anchors[21], ("22", Some("OP8")));
    assert_eq!(d.footnotes[0].text, "第 217 A(III)号决议。");
    // A text that states no vote has method unknown, never "without a vote".
    assert_eq!(d.vote.method, VoteMethod::Unknown);
}

#[test]
fn report_to_the_52nd_session_has_no_symbol_and_is_named_by_its_file() {
    let d = read(REPORT_52);
    assert_eq!(d.symbol, "000_316f946a38dde5ab");
    assert_eq!(d.symbol_source, SymbolSource::File);
    assert_eq!((d.kind, d.body.as_str(), d.session), (DocKind::Report, "HRC", Some(52)));
    assert_eq!(d.title, "关于冠状病毒病(COVID-19)大流行期间和之后以善治促进和保护人权的专题小组讨论");
    assert_eq!(d.mandated_by.as_deref(), Some("A/HRC/RES/45/9"));
    let numbered: Vec<u32> = d.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Numbered).map(|p| p.number).collect();
    assert_eq!(numbered, (1..=83).collect::<Vec<_>>());
    // Hard-wrapped, double-spaced lines are joined; a page break inside P7 is crossed.
    assert!(para(&d, "P7").contains("监测检疫措施遵守情况，让人担心面部识别技术"));
    assert!(para(&d, "P1").starts_with("在第 45/9 号决议中"));
    assert_eq!(d.footnotes.len(), 3);
    assert_eq!(d.footnotes[0].paragraph.as_deref(), Some("P5"));
    assert_eq!(d.footnotes[1].paragraph.as_deref(), Some("P36"));
    assert!(d.footnotes[1].text.ends_with("MeetingDate=22/06/2022%2000:00:00。"), "a URL wrapped across lines is one footnote");
    assert!(para(&d, "P5").ends_with("也有录音。"));
    assert!(d.headings.iter().any(|h| h.text == "一. 导言"));
    assert!(d.headings.iter().any(|h| h.text == "附件"));
    // The annex lists are kept, not swallowed by the last numbered paragraph.
    assert!(!para(&d, "P83").contains("阿根廷"));
    assert!(d.paragraphs.iter().any(|p| p.kind == ParagraphKind::Unnumbered && p.text.starts_with("阿根廷、亚美尼亚")));
}

#[test]
fn report_44_24_takes_its_symbol_from_the_page_header() {
    let d = read(REPORT_44_24);
    assert_eq!(d.symbol, "A/HRC/44/24");
    assert_eq!(d.symbol_source, SymbolSource::Content);
    assert_eq!((d.kind, d.session), (DocKind::Report, Some(44)));
    assert_eq!(d.title, "新技术对在包括和平抗议在内的集会背景下促进和保护人权的影响");
    assert_eq!(d.mandated_by.as_deref(), Some("A/HRC/RES/38/11"));
    let numbered: Vec<u32> = d.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Numbered).map(|p| p.number).collect();
    assert_eq!(numbered, (1..=54).collect::<Vec<_>>());
    assert_eq!(d.footnotes.len(), 115);
    let marks: Vec<String> = d.footnotes.iter().map(|f| f.mark.clone()).collect();
    assert_eq!(marks, (1..=115).map(|n| n.to_string()).collect::<Vec<_>>());
    assert!(d.footnotes.iter().all(|f| f.paragraph.is_some()), "{:?}", d.diagnostics);
    assert_eq!(d.paragraph("P53").unwrap().items.len(), 14);
    assert_eq!(d.paragraph("P54").unwrap().items.len(), 5);
    // Footnote 25's curly quote does not hide its number; the page resumes after it.
    assert!(d.footnotes[24].text.starts_with("“数字鸿沟”一词"));
    assert!(para(&d, "P18").contains("表示关切。民间社会组织记录的 2019 年发生的关闭事件"));
    // Plain-digit marks come out of the text; real numbers stay.
    assert!(para(&d, "P4").contains("发挥着重要作用。2019 年是非常重要的一年"));
    assert!(para(&d, "P18").contains("超过 30%，33 个国家"));
}

/// Every line of the input is accounted for exactly once: in a paragraph, item or
/// footnote, in the masthead or formula, in the voting block, or dropped with a reason;
/// and for the seeds the only things dropped are page furniture.
#[test]
fn every_line_of_every_seed_is_accounted_for() {
    for name in ALL {
        let d = read(name);
        let mut covered: Vec<(usize, &str)> = Vec::new();
        for p in &d.paragraphs {
            covered.extend((p.lines.first..=p.lines.last).map(|l| (l, "paragraph")));
        }
        for f in &d.footnotes {
            covered.extend((f.lines.first..=f.lines.last).map(|l| (l, "footnote")));
        }
        for h in &d.headings {
            covered.extend((h.lines.first..=h.lines.last).map(|l| (l, "heading")));
        }
        covered.extend(d.front_matter.iter().map(|m| (m.line, "masthead")));
        covered.extend(d.formula.iter().map(|m| (m.line, "formula")));
        let vote_lines = d.vote.text.as_deref().map_or(0, |t| t.lines().count());
        let dropped: BTreeSet<usize> = d.dropped.iter().filter(|x| x.reason != DropReason::Markup).map(|x| x.line).collect();
        for x in &d.dropped {
            assert!(
                matches!(x.reason, DropReason::Blank | DropReason::PageFurniture | DropReason::FootnoteRule | DropReason::LinkResidue | DropReason::Markup),
                "{name}: line {} dropped as {:?}",
                x.line,
                x.reason
            );
        }
        let text_lines: BTreeSet<usize> = covered.iter().map(|c| c.0).collect();
        let mut missing = Vec::new();
        for line in 1..=d.source.lines {
            if !text_lines.contains(&line) && !dropped.contains(&line) {
                missing.push(line);
            }
        }
        // The voting block's lines are the only ones held outside paragraphs and formula.
        assert!(missing.len() <= vote_lines, "{name}: lines {missing:?} are in no part of the model");
        // And the model says where the voting block stands, so the account is exact.
        assert_eq!(d.unaccounted_lines(), Vec::<usize>::new(), "{name}");
        // Paragraph spans may include blank and furniture lines they run across, but no
        // dropped line holds text that a paragraph also claims.
        for x in d.dropped.iter().filter(|x| x.reason == DropReason::PageFurniture) {
            for p in &d.paragraphs {
                assert!(!p.full_text().contains(x.text.trim()), "{name}: {} still holds furniture {:?}", p.id, x.text);
            }
        }
    }
}

/// Rewrite a text the way other tools hand it over.
fn variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let gb = encoding_rs::GB18030.encode(text).0.into_owned();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    vec![
        ("GB18030", gb),
        ("CRLF", crlf.into_bytes()),
        ("BOM", bom),
        ("UTF-16LE", utf16),
        ("rewrapped with page headers", rewrap(text).into_bytes()),
    ]
}

/// Hard-wrap every paragraph line at 34 characters (breaking only between two Han
/// characters, as a PDF of a Chinese text does) and put a page footer with the job
/// number and page number after every 30 lines.
fn rewrap(text: &str) -> String {
    let mut wrapped = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if chars.len() <= 40 {
            wrapped.push(line.to_string());
            continue;
        }
        let mut start = 0;
        while chars.len() - start > 40 {
            let mut cut = start + 34;
            while cut < chars.len() - 1 && !(is_han(chars[cut - 1]) && is_han(chars[cut])) {
                cut += 1;
            }
            wrapped.push(chars[start..cut].iter().collect());
            start = cut;
        }
        wrapped.push(chars[start..].iter().collect());
    }
    let mut out = String::new();
    for (i, line) in wrapped.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i % 30 == 29 {
            out.push_str(&format!("\nGE.23-13988 {}\n\n", i / 30 + 2));
        }
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn shape(d: &Document) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    d.paragraphs
        .iter()
        .map(|p| (p.id.clone(), p.text.clone(), p.items.iter().map(|i| i.text.clone()).collect(), p.footnote_marks.clone()))
        .collect()
}

#[test]
fn the_same_document_in_another_encoding_or_layout_reads_to_the_same_paragraphs() {
    for name in [HRC_47_23, HRC_53_29, GA_77_211] {
        let original = read(name);
        let text = std::fs::read_to_string(seed(name)).unwrap();
        for (how, bytes) in variants(&text) {
            let d = lineage::reader::read_bytes(&bytes, &seed(name)).unwrap_or_else(|e| panic!("{name} {how}: {e}"));
            assert_eq!(d.symbol, original.symbol, "{name} {how}");
            assert_eq!(shape(&d), shape(&original), "{name} {how}");
            let fn_text: Vec<_> = d.footnotes.iter().map(|f| (&f.mark, &f.text, &f.paragraph)).collect();
            let fn_orig: Vec<_> = original.footnotes.iter().map(|f| (&f.mark, &f.text, &f.paragraph)).collect();
            assert_eq!(fn_text, fn_orig, "{name} {how}");
            // The vote's printed text keeps the file's own line breaks; what it says must not change.
            let said = |v: &lineage::model::Vote| (v.method, v.yes, v.no, v.abstain, v.in_favour.clone(), v.against.clone(), v.abstaining.clone());
            assert_eq!(said(&d.vote), said(&original.vote), "{name} {how}");
        }
    }
}
