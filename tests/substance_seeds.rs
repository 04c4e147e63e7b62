//! Golden tests of the substance findings on the seeds: the rights each resolution names
//! and the requests it makes, as read by hand from the texts in `data/`; and the English
//! versions of 47/23 and 53/29, which must give the same ids, addressees and sessions as
//! the Chinese.

use lineage::reader::findings::requests::{Addressee, Deliverable, Request, RequestKind};
use lineage::reader::findings::rights::MentionContext;
use lineage::model::{Body, Document};
use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    lineage::reader::read_file(&path).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

const HRC_47_23: &str = "data/001_9fe8283bea68d15f.txt";
const HRC_53_29: &str = "data/002_3102da6d256530e0.txt";
const GA_77_211: &str = "data/003_e567b7260c44ac29.txt";
const REPORT_52: &str = "data/000_316f946a38dde5ab.txt";
const REPORT_44_24: &str = "data/004_ffaf7e26c245e647.txt";
const HRC_47_23_EN: &str = "tests/fixtures/en/hrc_47_23.en.txt";
const HRC_53_29_EN: &str = "tests/fixtures/en/hrc_53_29.en.txt";

/// Where a right is named: "PP12", or "OP3(f)" for an item.
fn place(paragraph: &str, item: Option<&str>) -> String {
    match item {
        Some(item) => format!("{paragraph}({item})"),
        None => paragraph.to_string(),
    }
}

/// Every (place, right id, context) of a document, in text order.
fn rights(doc: &Document) -> Vec<(String, String, MentionContext)> {
    doc.rights.iter().map(|r| (place(&r.paragraph, r.item.as_deref()), r.id.clone(), r.context)).collect()
}

fn expected_rights(rows: &[(&str, &[&str])], context: MentionContext) -> Vec<(String, String, MentionContext)> {
    rows.iter()
        .flat_map(|(place, ids)| ids.iter().map(move |id| (place.to_string(), id.to_string(), context)))
        .collect()
}

/// A request as the golden lists state it.
#[derive(Debug, PartialEq, Eq)]
struct Asked {
    paragraph: String,
    kind: RequestKind,
    addressee: Addressee,
    deliverables: Vec<Deliverable>,
    due: Vec<(Body, u32)>,
    continuing: bool,
}

fn asked(r: &Request) -> Asked {
    Asked {
        paragraph: place(&r.paragraph, r.item.as_deref()),
        kind: r.kind,
        addressee: r.addressee,
        deliverables: r.deliverables.clone(),
        due: r.due.iter().map(|d| (d.body, d.session)).collect(),
        continuing: r.continuing,
    }
}

fn row(
    paragraph: &str,
    kind: RequestKind,
    addressee: Addressee,
    deliverables: &[Deliverable],
    due: &[(Body, u32)],
    continuing: bool,
) -> Asked {
    Asked {
        paragraph: paragraph.to_string(),
        kind,
        addressee,
        deliverables: deliverables.to_vec(),
        due: due.to_vec(),
        continuing,
    }
}

use Deliverable::*;
use MentionContext::{Mandate, Text, Title};
use RequestKind::{Noted, Request as Own};

#[test]
fn hrc_47_23_rights() {
    let d = read(HRC_47_23);
    let mut expected = expected_rights(&[("PP4", &["child_rights", "privacy"])], Title);
    expected.extend(expected_rights(
        &[
            // "支持残疾人和脆弱群体享有权利" / "the enjoyment of the rights of persons with disabilities".
            ("PP9", &["disability"]),
            // "平等和不歧视权、意见和表达自由权、和平集会自由权和结社自由权、获得有效补救权及隐私权".
            (
                "PP10",
                &["equality_non_discrimination", "opinion_expression", "peaceful_assembly", "association", "effective_remedy", "privacy"],
            ),
        ],
        Text,
    ));
    assert_eq!(rights(&d), expected);
    let privacy = d.rights.iter().find(|r| r.id == "privacy" && r.paragraph == "PP10").unwrap();
    assert_eq!((privacy.surface.as_str(), privacy.anchor.as_deref(), privacy.label.as_str()), ("隐私权", Some("ICCPR art. 17"), "right to privacy"));
    let remedy = d.rights.iter().find(|r| r.id == "effective_remedy").unwrap();
    assert_eq!(remedy.surface, "获得有效补救权");
}

#[test]
fn hrc_47_23_requests() {
    let d = read(HRC_47_23);
    let found: Vec<Asked> = d.requests.iter().map(asked).collect();
    assert_eq!(
        found,
        [
            // "注意到秘书长呼吁会员国…并呼吁联合国人权事务高级专员办事处…制定全系统指导意见": noted.
            row("OP2", Noted, Addressee::OHCHR, &[Guidance], &[], false),
            // "请高级专员办事处召集两次专家磋商会…并就此向人权理事会第五十和第五十三届会议提交报告".
            row("OP3", Own, Addressee::OHCHR, &[Report, ExpertConsultation], &[(Body::HRC, 50), (Body::HRC, 53)], false),
            // "又请高级专员办事处在筹备上述专家磋商会和编写上述报告时，征求…意见": nothing new.
            row("OP4", Own, Addressee::OHCHR, &[], &[], false),
            // "请高级专员办事处继续…开展工作…并应各国政府的请求，协助它们…".
            row("OP5", Own, Addressee::OHCHR, &[TechnicalAssistance], &[], true),
        ]
    );
    assert_eq!(d.requests[1].due_sessions, [50, 53]);
    assert!(!d.requests[0].is_own_request() && d.requests[1].is_own_request());
}

#[test]
fn hrc_53_29_rights() {
    let d = read(HRC_53_29);
    let mut expected = expected_rights(&[("PP6", &["child_rights", "privacy"])], Title);
    expected.extend(expected_rights(
        &[
            ("PP11", &["esc_rights", "disability"]),
            (
                "PP12",
                &[
                    "life", "equality_non_discrimination", "opinion_expression", "information", "peaceful_assembly",
                    "association", "effective_remedy", "esc_rights", "health", "child_protection", "privacy",
                ],
            ),
            ("PP21", &["esc_rights"]),
            (
                "PP22",
                &["privacy", "opinion_expression", "thought_conscience_religion", "equal_protection_of_law", "fair_hearing", "esc_rights"],
            ),
            ("OP3(f)", &["opinion_expression", "information"]),
            ("OP4", &["science_benefits"]),
        ],
        Text,
    ));
    assert_eq!(rights(&d), expected);
    let surface = |id: &str| d.rights.iter().find(|r| r.id == id && r.paragraph == "PP12").map(|r| r.surface.as_str());
    assert_eq!(surface("equality_non_discrimination"), Some("平等和不受歧视权"), "a reworded right keeps its id");
    assert_eq!(surface("effective_remedy"), Some("有效补救权"));
    assert_eq!(surface("health"), Some("人人享有能达到的最高标准身心健康权"));
    assert_eq!(surface("child_protection"), Some("儿童免遭暴力、虐待、忽视和性剥削的权利"));
}

#[test]
fn hrc_53_29_requests() {
    let d = read(HRC_53_29);
    let found: Vec<Asked> = d.requests.iter().map(asked).collect();
    assert_eq!(
        found,
        [
            // The Secretary-General's call on the Office, which the Council only notes.
            row("OP2", Noted, Addressee::OHCHR, &[Guidance], &[], false),
            // "编写一份报告…并将报告提交理事会第五十六届会议，然后举行互动对话".
            row("OP5", Own, Addressee::OHCHR, &[Report, InteractiveDialogue], &[(Body::HRC, 56)], false),
            // "请联合国人权事务高级专员扩大…能力…应各国请求向其提供咨询和技术援助".
            row("OP6", Own, Addressee::HighCommissioner, &[TechnicalAssistance], &[], false),
            // "继续…开展工作，包括举行…专家磋商…并就此向人权理事会第五十九届会议提交报告".
            row("OP7", Own, Addressee::OHCHR, &[Report, ExpertConsultation], &[(Body::HRC, 59)], true),
        ]
    );
    assert_eq!(d.requests[0].addressee_text, "联合国人权事务高级专员办事处");
    assert_eq!(d.requests[2].addressee_text, "联合国人权事务高级专员");
}

#[test]
fn ga_77_211_rights_and_no_requests() {
    let d = read(GA_77_211);
    let mut expected = expected_rights(&[("PP2", &["privacy"])], Title);
    // "人权理事会隐私权特别报告员的报告、…促进和保护意见和表达自由权特别报告员的报告和…和平集会
    // 自由权和结社自由权特别报告员的报告".
    expected.extend(expected_rights(&[("PP4", &["privacy", "opinion_expression", "peaceful_assembly", "association"])], Mandate));
    let privacy_only = [
        "PP5", "PP6", "PP7", "PP8", "PP9", "PP10", "PP11",
    ];
    expected.extend(privacy_only.iter().map(|p| (p.to_string(), "privacy".to_string(), Text)));
    expected.extend(expected_rights(
        &[
            // "重申人的隐私权…表达自由权、不受干涉持有意见权、和平集会与结社自由权".
            ("PP13", &["privacy", "opinion_expression", "peaceful_assembly", "association"]),
            ("PP14", &["privacy"]),
            ("PP15", &["privacy"]),
            ("PP16", &["privacy"]),
            // "寻求、接受和传播信息的自由".
            ("PP18", &["information"]),
            ("PP19", &["privacy", "opinion_expression", "peaceful_assembly", "association"]),
            ("PP23", &["privacy"]),
            // "经济、社会、文化权利等人权".
            ("PP24", &["esc_rights"]),
            ("PP25", &["privacy"]),
            ("PP29", &["opinion_expression"]),
            // "…和平集会和结社自由权及宗教或信仰自由权".
            ("PP31", &["privacy", "opinion_expression", "peaceful_assembly", "association", "thought_conscience_religion"]),
            ("PP32", &["privacy"]),
            ("PP33", &["privacy"]),
            ("PP34", &["privacy"]),
            ("PP35", &["privacy", "opinion_expression", "information"]),
            ("PP36", &["privacy"]),
            ("PP37", &["privacy"]),
            ("PP38", &["privacy"]),
            ("PP39", &["privacy"]),
            ("PP41", &["privacy", "opinion_expression", "peaceful_assembly", "association"]),
            ("PP45", &["privacy"]),
            ("PP46", &["privacy"]),
            ("PP47", &["privacy"]),
            ("PP48", &["privacy"]),
            ("OP1", &["privacy"]),
            ("OP3", &["privacy"]),
            ("OP4", &["privacy"]),
            ("OP6", &["privacy"]),
            ("OP7(a)", &["privacy"]),
            ("OP7(b)", &["privacy", "opinion_expression"]),
            ("OP7(c)", &["privacy"]),
            ("OP7(d)", &["privacy"]),
            ("OP7(f)", &["privacy"]),
            ("OP7(g)", &["privacy"]),
            ("OP7(h)", &["privacy"]),
            ("OP7(j)", &["privacy"]),
            ("OP7(k)", &["privacy"]),
            ("OP7(n)", &["privacy"]),
            ("OP7(o)", &["privacy"]),
            ("OP8(a)", &["privacy"]),
            ("OP8(b)", &["privacy"]),
            ("OP8(d)", &["privacy"]),
            ("OP12", &["opinion_expression", "privacy"]),
            // Named as a topic and in "人权理事会隐私权特别报告员": the text's own words win.
            ("OP13", &["privacy"]),
        ],
        Text,
    ));
    assert_eq!(rights(&d), expected);
    // The covenants of PP1 (《公民及政治权利国际公约》《经济社会文化权利国际公约》) and the
    // convention of PP12 (《儿童权利公约》) are instruments, not rights named.
    assert!(d.rights.iter().all(|r| r.paragraph != "PP1" && r.paragraph != "PP12"));
    // OP7 urges States ("促请所有国家：… (b) 邀请所有相关利益攸关方…"), OP13 encourages
    // stakeholders, OP14 decides to continue at the seventy-ninth session: no request.
    assert_eq!(d.requests, []);
}

#[test]
fn reports_name_rights_and_make_no_requests() {
    let report = read(REPORT_44_24);
    let ids_in = |doc: &Document, paragraph: &str| -> BTreeSet<String> {
        doc.rights.iter().filter(|r| r.paragraph == paragraph).map(|r| r.id.clone()).collect()
    };
    assert!(ids_in(&report, "P3").contains("peaceful_assembly"));
    assert_eq!(
        ids_in(&report, "P21"),
        ["association", "education", "health", "movement", "opinion_expression", "peaceful_assembly"].map(String::from).into()
    );
    let p22: Vec<(&str, MentionContext)> =
        report.rights.iter().filter(|r| r.paragraph == "P22").map(|r| (r.id.as_str(), r.context)).collect();
    assert!(p22.contains(&("privacy", Mandate)), "隐私权特别报告员: {p22:?}");
    assert_eq!(report.requests, []);
    let report = read(REPORT_52);
    assert!(ids_in(&report, "P16").contains("health"));
    assert_eq!(report.requests, []);
}

#[test]
fn from_47_23_to_53_29_rights_are_added_and_none_dropped() {
    let ids = |doc: &Document| -> BTreeSet<String> {
        doc.rights.iter().filter(|r| r.context == Text).map(|r| r.id.clone()).collect()
    };
    let (old, new) = (ids(&read(HRC_47_23)), ids(&read(HRC_53_29)));
    let added: Vec<&String> = new.difference(&old).collect();
    let dropped: Vec<&String> = old.difference(&new).collect();
    assert_eq!(
        added,
        [
            "child_protection", "equal_protection_of_law", "esc_rights", "fair_hearing", "health", "information", "life",
            "science_benefits", "thought_conscience_religion",
        ]
    );
    assert_eq!(dropped, Vec::<&String>::new(), "a reworded right (平等和不受歧视权, 有效补救权) is not a dropped one");
}

/// What the two language versions must agree on: where each right is named, and each
/// request's kind, addressee, deliverables and due sessions.
fn language_independent(doc: &Document) -> (Vec<(String, String, MentionContext)>, Vec<Asked>) {
    (rights(doc), doc.requests.iter().map(asked).collect())
}

#[test]
fn english_and_chinese_47_23_agree() {
    let (zh, en) = (read(HRC_47_23), read(HRC_47_23_EN));
    assert_eq!(en.symbol, zh.symbol);
    assert_eq!(language_independent(&en), language_independent(&zh));
    let surfaces: Vec<&str> = en.rights.iter().filter(|r| r.paragraph == "PP10").map(|r| r.surface.as_str()).collect();
    assert_eq!(
        surfaces,
        [
            "rights to equality and non-discrimination", "to freedom of opinion and expression",
            "to freedom of peaceful assembly and of association", "to freedom of peaceful assembly and of association",
            "to an effective remedy", "to privacy",
        ]
    );
}

#[test]
fn english_and_chinese_53_29_agree() {
    let (zh, en) = (read(HRC_53_29), read(HRC_53_29_EN));
    assert_eq!(en.symbol, zh.symbol);
    assert_eq!(language_independent(&en), language_independent(&zh));
    assert_eq!(en.requests[1].action.split(',').next(), Some("prepare"));
    assert_eq!(en.requests[3].addressee_text, "the Office of the High Commissioner");
}

#[test]
fn finders_take_any_cut_of_a_text_without_panicking() {
    use lineage::reader::findings::{requests, rights};
    for path in [HRC_53_29, HRC_53_29_EN, GA_77_211] {
        let doc = read(path);
        let setting = requests::Setting::of(&doc);
        for paragraph in doc.paragraphs.iter().take(40) {
            let text = paragraph.full_text();
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(5).collect();
            for &cut in &cuts {
                let (head, tail) = (&text[..cut], &text[cut..]);
                for piece in [head, tail] {
                    rights::rights_in_text(piece, doc.language);
                    let mut cut_paragraph = paragraph.clone();
                    cut_paragraph.text = piece.to_string();
                    requests::requests_in_paragraph(&cut_paragraph, setting);
                }
            }
        }
    }
}
