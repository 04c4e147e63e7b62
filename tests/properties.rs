//! Properties that hold for every input, checked on generated ones (proptest):
//! normalisation is idempotent; a generated document is read back paragraph for
//! paragraph with every input line accounted for; the graph of documents that cite each
//! other in any pattern (themselves, in cycles, things not in the corpus) has no edge to
//! a node that is not in it and no self-loop; the diff of a generated text and an edited
//! copy puts every paragraph of both sides in exactly one pair, and each pair's inline
//! runs spell the old text and the new.

use lineage::graph::LineageGraph;
use lineage::reader::normalize::{clean_line, close_up_spaces, join_lines};
use lineage::model::{Document, Language};
use proptest::prelude::*;
use std::path::Path;

/// The number of cases: `default`, or PROPTEST_CASES for a longer run
/// (`PROPTEST_CASES=20000 cargo test --release --test properties`).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

// ---------------------------------------------------------------------------------
// Normalisation.

/// Text made of what PDF exports and markdown converters scatter: Han characters,
/// full-width punctuation, odd spaces, markup characters, Latin words and digits.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("人".to_string()), Just("权".to_string()), Just("隐私".to_string()), Just("，".to_string()),
        Just("。".to_string()), Just("《".to_string()), Just("》".to_string()), Just("“".to_string()),
        Just(" ".to_string()), Just("  ".to_string()), Just("\u{3000}".to_string()), Just("\u{A0}".to_string()),
        Just("\t".to_string()), Just("\u{200B}".to_string()), Just("\u{AD}".to_string()), Just("\u{FEFF}".to_string()),
        Just("**".to_string()), Just("__".to_string()), Just("[".to_string()), Just("](#)".to_string()),
        Just("(".to_string()), Just(")".to_string()), Just("# ".to_string()), Just("$A_{/HRC/RES/1/2}$".to_string()),
        Just("the".to_string()), Just("Right".to_string()), Just("47/23".to_string()), Just("-".to_string()),
        Just("/".to_string()), Just("Ａ".to_string()), Just("、".to_string()),
        "[a-z]{1,5}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Markdown escapes are the one kind of markup that cannot be cleaned idempotently: an
/// escaped backslash (`\\(`) is cleaned to an escape (`\(`) that a second pass would
/// clean again. The property is stated for text in which no backslash is escaped.
fn without_escaped_backslashes(s: String) -> String {
    s.replace('\\', "")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), ..ProptestConfig::default() })]

    #[test]
    fn clean_line_is_idempotent(raw in messy_text().prop_map(without_escaped_backslashes)) {
        let once = clean_line(&raw).text;
        let twice = clean_line(&once).text;
        prop_assert_eq!(&twice, &once, "raw {:?}", raw);
    }

    #[test]
    fn close_up_spaces_is_idempotent(raw in messy_text()) {
        let once = close_up_spaces(&raw);
        prop_assert_eq!(close_up_spaces(&once), once);
    }

    #[test]
    fn join_lines_is_idempotent(parts in proptest::collection::vec(messy_text(), 0..5)) {
        let once = join_lines(parts.iter().map(String::as_str));
        prop_assert_eq!(join_lines([once.as_str()]), once.clone());
    }

    #[test]
    fn search_form_is_idempotent(raw in messy_text()) {
        let once = lineage::corpus::index::search_form(&raw);
        prop_assert_eq!(lineage::corpus::index::search_form(&once), once);
    }
}

// ---------------------------------------------------------------------------------
// The account: a generated document reads back whole.

const WORDS_ZH: &[&str] = &["人权", "数字技术", "隐私", "各国", "保护", "促进", "新兴", "的", "和", "民间社会", "信息", "安全"];
const WORDS_EN: &[&str] = &[
    "human", "rights", "digital", "technologies", "privacy", "states", "protection", "of", "the", "and",
    "civil", "society", "information", "security", "online",
];

/// One paragraph as generated: its words, how it is wrapped, and what stands after it.
#[derive(Debug, Clone)]
struct GenParagraph {
    words: Vec<usize>,
    /// Number of words on each printed line.
    wrap: usize,
    /// A footnote cited at the end of the paragraph.
    footnote: bool,
    /// A page break (footer with job and page number) somewhere inside the paragraph.
    page_break_inside: Option<usize>,
    /// Blank lines after the paragraph (at least one).
    blanks_after: usize,
    /// Lettered items of an operative paragraph.
    items: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct GenDocument {
    english: bool,
    preambular: Vec<GenParagraph>,
    operative: Vec<GenParagraph>,
    /// Page furniture between paragraphs: after the paragraph at this index.
    page_footer_after: Vec<usize>,
    voted: bool,
}

fn gen_paragraph(operative: bool) -> impl Strategy<Value = GenParagraph> {
    let items = if operative { proptest::collection::vec(proptest::collection::vec(0..12usize, 2..8), 0..3).boxed() } else { Just(Vec::new()).boxed() };
    (proptest::collection::vec(0..12usize, 3..40), 2..9usize, any::<bool>(), proptest::option::of(1..6usize), 1..4usize, items).prop_map(
        |(words, wrap, footnote, page_break_inside, blanks_after, items)| GenParagraph {
            words,
            wrap,
            footnote,
            page_break_inside,
            blanks_after,
            items,
        },
    )
}

fn gen_document() -> impl Strategy<Value = GenDocument> {
    (
        any::<bool>(),
        proptest::collection::vec(gen_paragraph(false), 1..6),
        proptest::collection::vec(gen_paragraph(true), 1..6),
        proptest::collection::vec(0..10usize, 0..3),
        any::<bool>(),
    )
        .prop_map(|(english, preambular, operative, page_footer_after, voted)| GenDocument {
            english,
            preambular,
            operative,
            page_footer_after,
            voted,
        })
}

impl GenDocument {
    fn word(&self, i: usize) -> &'static str {
        if self.english { WORDS_EN[i % WORDS_EN.len()] } else { WORDS_ZH[i % WORDS_ZH.len()] }
    }

    fn joined(&self, words: &[usize]) -> String {
        let words: Vec<&str> = words.iter().map(|&i| self.word(i)).collect();
        words.join(if self.english { " " } else { "" })
    }

    fn opener(&self, n: usize) -> &'static str {
        match (self.english, n % 3) {
            (true, 0) => "Recalling",
            (true, 1) => "Reaffirming",
            (true, _) => "Noting",
            (false, 0) => "回顾",
            (false, 1) => "重申",
            (false, _) => "注意到",
        }
    }

    /// The expected text of each paragraph (without its items), in order: PP then OP.
    fn expected(&self) -> Vec<String> {
        let sep = if self.english { " " } else { "" };
        let (pp_end, op_end) = if self.english { (",", ";") } else { ("，", "；") };
        let mut out = Vec::new();
        for (n, p) in self.preambular.iter().enumerate() {
            out.push(format!("{}{sep}{}{pp_end}", self.opener(n), self.joined(&p.words)));
        }
        for p in &self.operative {
            let verb = if self.english { "Requests" } else { "请" };
            let end = if p.items.is_empty() { op_end } else if self.english { ":" } else { "：" };
            out.push(format!("{verb}{sep}{}{end}", self.joined(&p.words)));
        }
        out
    }

    /// The text as a PDF export would print it, and the number of footnotes in it.
    fn render(&self) -> (String, usize) {
        let mut text = String::new();
        if self.english {
            text.push_str("United Nations A/HRC/RES/50/7\n\nHuman Rights Council\n\n50/7. New and emerging digital technologies\n\nThe Human Rights Council,\n\n");
        } else {
            text.push_str("人权理事会\n\n50/7. 新的和新兴数字技术与人权\n\n人权理事会，\n\n");
        }
        let expected = self.expected();
        let mut footnotes = Vec::new();
        let mut page = 2;
        let all: Vec<(&GenParagraph, bool)> =
            self.preambular.iter().map(|p| (p, false)).chain(self.operative.iter().map(|p| (p, true))).collect();
        for (index, ((p, operative), body)) in all.iter().zip(&expected).enumerate() {
            let op_number = index + 1 - self.preambular.len();
            let body = if *operative { format!("{op_number}. {body}") } else { body.clone() };
            let mut lines = self.wrap(&body, p.wrap);
            if p.footnote {
                footnotes.push(footnotes.len() + 1);
                let mark = superscript(footnotes.len());
                lines.last_mut().unwrap().push_str(&mark);
            }
            for (i, line) in lines.iter().enumerate() {
                text.push_str(line);
                text.push('\n');
                if p.page_break_inside == Some(i + 1) && i + 1 < lines.len() {
                    text.push_str(&format!("\nGE.23-13988 {page}\n\n"));
                    page += 1;
                }
            }
            for (letter, item) in ('a'..).zip(&p.items) {
                let end = if self.english { ";" } else { "；" };
                text.push_str(&format!("({letter}) {}{end}\n", self.joined(item)));
            }
            text.push_str(&"\n".repeat(p.blanks_after));
            if self.page_footer_after.contains(&index) {
                if !footnotes.is_empty() {
                    text.push_str("__________________\n");
                    for n in footnotes.drain(..) {
                        text.push_str(&format!("{} A/HRC/47/{n}.\n", superscript(n)));
                    }
                }
                text.push_str(&format!("\n{page}\n\nGE.23-13988\n\n"));
                page += 1;
            }
        }
        if self.voted {
            text.push_str(if self.english { "\n38th meeting\n13 July 2021\n\n[Adopted without a vote.]\n" } else { "\n2021 年 7 月 13 日 第 38 次会议\n\n[未经表决获得通过。]\n" });
        }
        if !footnotes.is_empty() {
            text.push_str("__________________\n");
            for &n in &footnotes {
                text.push_str(&format!("{} A/HRC/47/{n}.\n", superscript(n)));
            }
        }
        let count = self.preambular.iter().chain(&self.operative).filter(|p| p.footnote).count();
        (text, count)
    }

    /// Hard-wrap a paragraph every `per_line` words (for Chinese, every `per_line` words
    /// of the vocabulary, which is where a PDF line of Chinese could end).
    fn wrap(&self, body: &str, per_line: usize) -> Vec<String> {
        if self.english {
            let words: Vec<&str> = body.split(' ').collect();
            words.chunks(per_line).map(|c| c.join(" ")).collect()
        } else {
            let chars: Vec<char> = body.chars().collect();
            chars.chunks(per_line * 2).map(|c| c.iter().collect()).collect()
        }
    }
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d.to_digit(10).unwrap() as usize])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), ..ProptestConfig::default() })]

    /// Every input line is in a part of the model or in the account of what was dropped,
    /// and the paragraphs, items and footnotes come back as they were written.
    #[test]
    fn a_generated_document_is_read_back_whole(generated in gen_document()) {
        let (text, footnote_count) = generated.render();
        let doc = lineage::reader::read_bytes(text.as_bytes(), Path::new("generated.txt"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let missing = doc.unaccounted_lines();
        prop_assert!(missing.is_empty(), "lines {:?} unaccounted in\n{}", missing, text);
        let expected = generated.expected();
        let got: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        prop_assert_eq!(got, expected, "in\n{}", text);
        for (p, g) in doc.operative().zip(&generated.operative) {
            let items: Vec<String> = g.items.iter().map(|i| {
                let end = if generated.english { ";" } else { "；" };
                format!("{}{end}", generated.joined(i))
            }).collect();
            let got: Vec<&str> = p.items.iter().map(|i| i.text.as_str()).collect();
            prop_assert_eq!(got, items, "{} in\n{}", &p.id, text);
        }
        prop_assert_eq!(doc.footnotes.len(), footnote_count, "in\n{}", text);
        for f in &doc.footnotes {
            prop_assert_eq!(f.text.clone(), format!("A/HRC/47/{}.", f.mark));
            prop_assert!(f.paragraph.is_some(), "footnote {} not anchored in\n{}", &f.mark, text);
        }
        // What is dropped is furniture and blank lines, never words of the text.
        for d in &doc.dropped {
            let words = if generated.english { WORDS_EN } else { WORDS_ZH };
            prop_assert!(!words.iter().any(|w| w.chars().count() > 2 && d.text.contains(w)), "dropped {:?}", d);
        }
    }
}

// ---------------------------------------------------------------------------------
// The graph.

/// A resolution `50/number` in one language that cites the given `(session, number)`s.
fn citing_document(number: u32, english: bool, title: usize, cites: &[(u32, u32)]) -> Document {
    let titles_en = ["Digital technologies", "Right to privacy", "Human rights and climate change"];
    let titles_zh = ["数字技术与人权", "隐私权", "人权与气候变化"];
    let text = if english {
        let list: Vec<String> = cites.iter().map(|(s, n)| format!("{s}/{n}")).collect();
        let recalling = if list.is_empty() { "Recalling its previous resolutions,".to_string() } else {
            format!("Recalling its resolutions {} on {},", list.join(", "), titles_en[title % 3].to_lowercase())
        };
        format!(
            "United Nations A/HRC/RES/50/{number}\n\nHuman Rights Council\n\n50/{number}. {}\n\nThe Human Rights Council,\n\n{recalling}\n\n1. Decides to remain seized of the matter.\n",
            titles_en[title % 3]
        )
    } else {
        let list: Vec<String> = cites.iter().map(|(s, n)| format!("第 {s}/{n} 号")).collect();
        let recalling = if list.is_empty() { "回顾其以往的决议，".to_string() } else {
            format!("回顾人权理事会关于{}的{}决议，", titles_zh[title % 3], list.join("、"))
        };
        format!("人权理事会\n\n50/{number}. {}\n\n人权理事会，\n\n{recalling}\n\n1. 决定继续处理此事。\n", titles_zh[title % 3])
    };
    lineage::reader::read_bytes(text.as_bytes(), Path::new(&format!("50-{number}.txt"))).unwrap()
}

/// One text of a generated corpus: resolution 50/`number` citing `(session, number)`s.
#[derive(Debug, Clone)]
struct GenText {
    number: u32,
    english: bool,
    title: usize,
    cites: Vec<(u32, u32)>,
}

fn gen_corpus() -> impl Strategy<Value = Vec<GenText>> {
    // Numbers from a small range so that texts cite each other, themselves and texts
    // that are not in the corpus, in cycles, in both languages of one symbol.
    let citation = prop_oneof![(Just(50u32), 1..8u32), (40..50u32, 1..8u32)];
    let text = (1..8u32, any::<bool>(), 0..3usize, proptest::collection::vec(citation, 0..6))
        .prop_map(|(number, english, title, cites)| GenText { number, english, title, cites });
    proptest::collection::vec(text, 1..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(200), ..ProptestConfig::default() })]

    #[test]
    fn the_graph_has_no_edge_to_a_missing_node_and_no_self_loop(corpus in gen_corpus()) {
        let docs: Vec<Document> = corpus.iter().map(|t| citing_document(t.number, t.english, t.title, &t.cites)).collect();
        let g = LineageGraph::build(&docs);
        let json: serde_json::Value = serde_json::from_str(&lineage::render::graph::graph_json(&g)).unwrap();
        let nodes: std::collections::HashSet<&str> =
            json["nodes"].as_array().unwrap().iter().map(|n| n["symbol"].as_str().unwrap()).collect();
        prop_assert_eq!(nodes.len(), json["nodes"].as_array().unwrap().len(), "a node listed twice");
        for e in json["edges"].as_array().unwrap() {
            let (from, to) = (e["from"].as_str().unwrap(), e["to"].as_str().unwrap());
            prop_assert!(nodes.contains(from) && nodes.contains(to), "edge {} -> {} leaves the graph", from, to);
            prop_assert_ne!(from, to, "self-loop");
        }
        for s in json["series"].as_array().unwrap() {
            let members: Vec<&str> = s["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
            prop_assert!(members.iter().all(|m| nodes.contains(m)), "series member not a node: {:?}", members);
            let distinct: std::collections::HashSet<&&str> = members.iter().collect();
            prop_assert_eq!(distinct.len(), members.len(), "a series lists a member twice");
        }
        // Every text in the corpus is a node, and one symbol in two languages is one node.
        for d in &docs {
            prop_assert!(nodes.contains(d.symbol.as_str()));
            let node = g.node(&d.symbol).unwrap();
            prop_assert!(node.languages.contains(&d.language));
        }
        let languages = |symbol: &str| docs.iter().filter(|d| d.symbol == symbol).map(|d| d.language).collect::<std::collections::HashSet<Language>>().len();
        for d in &docs {
            prop_assert_eq!(g.node(&d.symbol).unwrap().languages.len(), languages(&d.symbol));
        }
        // The series subgraph of every text is closed too.
        for s in &g.series {
            let sub = g.series_subgraph(s);
            for (a, b, _) in sub.edges() {
                prop_assert!(sub.node(&a.symbol).is_some() && sub.node(&b.symbol).is_some());
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// The diff.

/// An edit of a generated text, at a position taken modulo the paragraphs there are.
#[derive(Debug, Clone)]
enum Edit {
    Remove(usize),
    Insert(usize, GenParagraph),
    Reword { at: usize, word: usize, to: usize },
    Swap(usize, usize),
}

fn gen_edit(operative: bool) -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Remove),
        (any::<usize>(), gen_paragraph(operative)).prop_map(|(at, p)| Edit::Insert(at, p)),
        (any::<usize>(), any::<usize>(), 0..12usize).prop_map(|(at, word, to)| Edit::Reword { at, word, to }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply(paragraphs: &mut Vec<GenParagraph>, edit: &Edit) {
    let n = paragraphs.len();
    match edit {
        Edit::Remove(at) if n > 1 => {
            paragraphs.remove(at % n);
        }
        Edit::Insert(at, p) => paragraphs.insert(at % (n + 1), p.clone()),
        Edit::Reword { at, word, to } => {
            let words = &mut paragraphs[at % n].words;
            let i = word % words.len();
            words[i] = *to;
        }
        Edit::Swap(a, b) => paragraphs.swap(a % n, b % n),
        Edit::Remove(_) => {}
    }
}

fn gen_pair() -> impl Strategy<Value = (GenDocument, GenDocument)> {
    (gen_document(), proptest::collection::vec(gen_edit(false), 0..4), proptest::collection::vec(gen_edit(true), 0..4))
        .prop_map(|(old, preambular_edits, operative_edits)| {
            let mut new = old.clone();
            for e in &preambular_edits {
                apply(&mut new.preambular, e);
            }
            for e in &operative_edits {
                apply(&mut new.operative, e);
            }
            (old, new)
        })
}

fn read_generated(generated: &GenDocument, name: &str) -> Result<Document, TestCaseError> {
    let (text, _) = generated.render();
    lineage::reader::read_bytes(text.as_bytes(), Path::new(name)).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), ..ProptestConfig::default() })]

    #[test]
    fn every_paragraph_is_in_one_pair_and_the_redlines_spell_both_texts((old, new) in gen_pair(), exact in any::<bool>()) {
        use lineage::diff::inline::{new_text, old_text};
        let (a, b) = (read_generated(&old, "old.txt")?, read_generated(&new, "new.txt")?);
        let options = lineage::diff::DiffOptions { exact, ..Default::default() };
        let diff = lineage::diff::diff_documents(&a, &b, &options);
        for (doc, side) in [(&a, "old"), (&b, "new")] {
            for p in &doc.paragraphs {
                let pairs: Vec<&lineage::diff::ParagraphPair> = diff
                    .paragraphs
                    .iter()
                    .filter(|pair| if side == "old" { pair.from.as_deref() } else { pair.to.as_deref() } == Some(p.id.as_str()))
                    .collect();
                let one_group = pairs.len() > 1 && pairs.iter().all(|q| q.group.is_some() && q.group == pairs[0].group);
                prop_assert!(pairs.len() == 1 || one_group, "{} paragraph {} is in {} pairs", side, &p.id, pairs.len());
            }
        }
        for pair in diff.paragraphs.iter().filter(|p| p.group.is_none()) {
            let old_full = pair.from.as_deref().and_then(|id| a.paragraph(id)).map(|p| p.full_text()).unwrap_or_default();
            let new_full = pair.to.as_deref().and_then(|id| b.paragraph(id)).map(|p| p.full_text()).unwrap_or_default();
            prop_assert_eq!(new_text(&pair.inline), new_full, "{:?} → {:?}", &pair.from, &pair.to);
            if exact {
                prop_assert_eq!(old_text(&pair.inline), old_full, "{:?} → {:?}", &pair.from, &pair.to);
            }
        }
        // The same text diffed with itself: every paragraph unchanged.
        let same = lineage::diff::diff_documents(&a, &a, &options);
        prop_assert!(same.paragraphs.iter().all(|p| p.status == lineage::diff::Status::Unchanged));
    }
}
