//! An amendment's instructions read as edits of the draft it amends:
//! "In operative paragraph 5, replace “X” with “Y”.", "Delete the fifteenth preambular
//! paragraph.", "After operative paragraph 3, insert a new operative paragraph, reading:"
//! followed by the new paragraph. Paragraphs are named as the draft numbers them
//! (`PP14`, `OP5`). An instruction that fits no pattern is kept as `unread` with its
//! text and a diagnostic, never guessed. The Chinese texts' instructions read the same
//! way: "在执行部分第5段中，将“X”改为“Y”。", "删除序言部分第十五段。", "在执行部分第3段之后
//! 插入一个新的执行部分段落，内容如下：".

use crate::text::is_figure;
use crate::text::numerals::{chinese_number, english_ordinal};
use crate::model::{AmendmentEdit, Diagnostic, EditAction, ParagraphKind, TextAnchor};
use crate::text::pattern::Pattern;

// `the twenty-first preambular paragraph`, `the third and fourth preambular paragraphs`,
// `operative paragraphs 35, 38 and 39`, `operative paragraph 5 (b)`, `preambular
// paragraph 3`: the paragraphs an instruction names.
static TARGET: Pattern =
    Pattern::new(r"(?i)(?P<ords>(?:[a-z]+-)?(?:first|second|third|[a-z]+th)(?:\s*,\s*(?:[a-z]+-)?(?:first|second|third|[a-z]+th))*(?:\s*,?\s+and\s+(?:[a-z]+-)?(?:first|second|third|[a-z]+th))?)\s+(?P<kind1>preambular|operative)\s+paragraphs?|(?P<kind2>preambular|operative)\s+paragraphs?\s+(?P<nums>[0-9０-９]{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|,?\s*and)\s*[0-9０-９]{1,3}(?:\s*\([a-z]{1,4}\))?)*)");
// `In operative paragraph 5, replace “X” with “Y”`
static REPLACE_TEXT: Pattern =
    Pattern::new(r#"(?s)^In (?P<where>.+?),\s*replace\s+[“"](?P<find>.+?)[”"]\s+(?:with|by)\s+[“"](?P<text>.*)[”"]\s*[.;]?$"#);
// `In operative paragraph 64, after “X” insert “Y”`, `…, before “X”, insert “Y”`
static INSERT_TEXT: Pattern =
    Pattern::new(r#"(?s)^In (?P<where>.+?),\s*(?P<side>after|before)\s+(?:the\s+words?\s+)?[“"](?P<find>.+?)[”"],?\s+(?:insert|add)\s*[“"](?P<text>.*)[”"]\s*[.;]?$"#);
// `In operative paragraph 3, at the end of the paragraph, add “Y”`, `At the end of
// operative paragraph 3, add “Y”`
static ADD_AT_END: Pattern =
    Pattern::new(r#"(?s)^(?:In (?P<where>.+?),\s*at the end(?: of the paragraph)?|At the end of (?P<where2>.+?)),?\s+(?:add|insert)\s+[“"](?P<text>.*)[”"]\s*[.;]?$"#);
// `In operative paragraph 2, delete “X”`
static DELETE_TEXT: Pattern =
    Pattern::new(r#"(?s)^In (?P<where>.+?),\s*delete\s+(?:the\s+words?\s+)?[“"](?P<find>.*)[”"]\s*[.;]?$"#);
// `Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39.`
static DELETE_PARAGRAPHS: Pattern = Pattern::new(r"(?s)^Delete (?P<where>.+?)\s*[.;]?$");
// `After operative paragraph 3, insert a new operative paragraph, reading:`, `Insert a new
// preambular paragraph after the fourteenth preambular paragraph, reading: …`
static INSERT_PARAGRAPH: Pattern =
    Pattern::new(r#"(?s)^(?:(?P<side>After|Before)\s+(?P<where>.+?),\s*insert|Insert)\s+a\s+new\s+(?P<kind>preambular|operative)\s+paragraph(?:\s+(?P<side2>after|before)\s+(?P<where2>.+?))?,?\s+(?:reading|to read|which reads)(?:\s+as\s+follows)?\s*:?\s*(?P<text>.*)$"#);
// `Replace operative paragraph 5 with the following:`, `Replace the text of operative
// paragraph 5 by: …`
static REPLACE_PARAGRAPH: Pattern =
    Pattern::new(r#"(?s)^Replace\s+(?:the\s+text\s+of\s+)?(?P<where>.+?)\s+(?:with|by)(?:\s+the\s+following(?:\s+text)?)?\s*:?\s*(?P<text>.*)$"#);

// `执行部分第5段`, `序言部分第十五段`, `执行部分第3、5和7段`, `执行部分第5(b)段`: the
// paragraphs a Chinese instruction names.
static TARGET_ZH: Pattern =
    Pattern::new(r"(?P<kind>序言部分|执行部分)\s*第\s*(?P<nums>[0-9一二三四五六七八九十百零〇两]+(?:\s*[(（][a-z]{1,4}[)）])?(?:\s*(?:、|，|,|和|及|以及|至)\s*(?:第\s*)?[0-9一二三四五六七八九十百零〇两]+(?:\s*[(（][a-z]{1,4}[)）])?)*)\s*段");
// `在执行部分第5段中，将“X”改为“Y”`, `…，以“Y”取代“X”`.
static REPLACE_TEXT_ZH: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?)中?\s*[，,]\s*将\s*“(?P<find>.+?)”\s*(?:一语|一词|字样)?\s*(?:替换为|改为|改成|代之以|换成)\s*“(?P<text>.*)”\s*[。；;]?$");
static REPLACE_TEXT_ZH_BY: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?)中?\s*[，,]\s*以\s*“(?P<text>.*?)”\s*(?:取代|替换|代替)\s*“(?P<find>.+)”\s*[。；;]?$");
// `在执行部分第5段中，在“X”之后插入“Y”`.
static INSERT_TEXT_ZH: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?)中?\s*[，,]\s*在\s*“(?P<find>.+?)”\s*(?:一语|一词|字样)?\s*(?P<side>之后|后|之前|前)\s*(?:插入|添加|加入|增加|加上)\s*“(?P<text>.*)”\s*[。；;]?$");
// `在执行部分第5段末尾添加“Y”`.
static ADD_AT_END_ZH: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?)(?:的)?(?:末尾|结尾|句末)(?:处)?\s*[，,]?\s*(?:添加|插入|加入|增加|加上)\s*“(?P<text>.*)”\s*[。；;]?$");
// `在执行部分第5段中，删除“X”`.
static DELETE_TEXT_ZH: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?)中?\s*[，,]\s*删除\s*“(?P<find>.*)”\s*(?:一语|一词|字样)?\s*[。；;]?$");
// `删除执行部分第7段`.
static DELETE_PARAGRAPHS_ZH: Pattern = Pattern::new(r"(?s)^删除(?P<where>[^“]+?段)\s*[。；;]?$");
// `在执行部分第3段之后插入一个新的执行部分段落，内容如下：`.
static INSERT_PARAGRAPH_ZH: Pattern =
    Pattern::new(r"(?s)^在(?P<where>[^，,“]+?段)\s*(?P<side>之后|后|之前|前)\s*[，,]?\s*(?:插入|增加|添加|加入)\s*(?:一个|一)?\s*新的?\s*(?P<kind>序言部分|执行部分)?\s*段(?:落)?\s*[，,]?\s*(?:其?内容如下|案文如下|如下)?\s*[：:]?\s*(?P<text>.*)$");
// `将执行部分第3段替换为：` followed by the new text.
static REPLACE_PARAGRAPH_ZH: Pattern =
    Pattern::new(r"(?s)^将(?P<where>[^“]+?段)\s*(?:替换为|改为|代之以)(?:以下案文|下文|如下)?\s*[：:]?\s*(?P<text>.*)$");

/// The paragraph ids a phrase names, in printed order: "the twenty-first preambular
/// paragraph and operative paragraphs 35, 38 and 39" → PP21, OP35, OP38, OP39.
pub fn targets(phrase: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for c in TARGET_ZH.captures_iter(phrase) {
        let prefix = if &c["kind"] == "序言部分" { "PP" } else { "OP" };
        ids.extend(paragraph_numbers(&c["nums"]).into_iter().map(|n| format!("{prefix}{n}")));
    }
    for c in TARGET.captures_iter(phrase) {
        let kind = c.name("kind1").or(c.name("kind2")).map_or("", |m| m.as_str()).to_lowercase();
        let prefix = if kind == "preambular" { "PP" } else { "OP" };
        if let Some(ords) = c.name("ords") {
            for word in ords.as_str().split([',', ' ']).map(str::trim).filter(|w| !w.is_empty() && *w != "and" && *w != "the") {
                if let Some(n) = english_ordinal(word) {
                    ids.push(format!("{prefix}{n}"));
                }
            }
        }
        if let Some(nums) = c.name("nums") {
            ids.extend(paragraph_numbers(nums.as_str()).into_iter().map(|n| format!("{prefix}{n}")));
        }
    }
    ids
}

/// The paragraph numbers of a list in either language, in figures or Chinese numerals,
/// leaving out what stands in brackets (the item of "5 (b)", "第5(b)段"): "35, 38 and 39"
/// → 35, 38, 39; "3、5和七" → 3, 5, 7.
fn paragraph_numbers(list: &str) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut depth = 0;
    let mut numeral = String::new();
    for ch in list.chars().chain(std::iter::once(' ')) {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth > 0 => {}
            d if is_figure(d) => numeral.push(char::from_digit(d.to_digit(10).unwrap_or(d as u32 - '０' as u32), 10).unwrap_or('0')),
            d if "零〇一二两三四五六七八九十百".contains(d) => numeral.push(d),
            _ => {
                if let Some(n) = chinese_number(&std::mem::take(&mut numeral)) {
                    numbers.push(n);
                }
            }
        }
    }
    numbers
}

fn kind_of(word: &str) -> ParagraphKind {
    if word.eq_ignore_ascii_case("preambular") || word == "序言部分" { ParagraphKind::Preambular } else { ParagraphKind::Operative }
}

/// The edits of an amendment, from the texts of its paragraphs in order (numbers
/// stripped, as the reader gives them). An instruction ending in "reading:" takes the
/// paragraphs after it, up to the next instruction, as its text.
pub fn read_edits(paragraphs: &[String]) -> (Vec<AmendmentEdit>, Vec<Diagnostic>) {
    let mut edits: Vec<AmendmentEdit> = Vec::new();
    let mut diagnostics = Vec::new();
    // Index into `edits` of an insertion or replacement still waiting for its text.
    let mut waiting: Option<usize> = None;
    for text in paragraphs {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let read = read_instruction(text);
        match read {
            Some(mut actions) => {
                let awaits = actions.len() == 1 && awaits_text(&actions[0]);
                let instruction = text.to_string();
                let first = edits.len();
                edits.extend(actions.drain(..).map(|action| AmendmentEdit { instruction: instruction.clone(), action }));
                waiting = awaits.then_some(first);
            }
            None => match waiting {
                Some(i) => {
                    let (EditAction::InsertParagraph { text: t, .. } | EditAction::ReplaceParagraph { text: t, .. }) =
                        &mut edits[i].action
                    else {
                        unreachable!("only insertions and replacements wait for text")
                    };
                    if !t.is_empty() {
                        t.push('\n');
                    }
                    t.push_str(text);
                    edits[i].instruction.push('\n');
                    edits[i].instruction.push_str(text);
                }
                None => {
                    diagnostics.push(Diagnostic {
                        line: None,
                        message: format!("an amendment instruction that could not be read as an edit: “{}”", short(text)),
                    });
                    edits.push(AmendmentEdit { instruction: text.to_string(), action: EditAction::Unread });
                }
            },
        }
    }
    for edit in &mut edits {
        if let EditAction::InsertParagraph { text, .. } | EditAction::ReplaceParagraph { text, .. } = &mut edit.action {
            *text = unquoted(text).to_string();
        }
    }
    (edits, diagnostics)
}

/// A new paragraph's text without the quotation marks an instruction sets it in
/// (“鼓励所有国家……；”): the marks are the instruction's, not the paragraph's.
fn unquoted(text: &str) -> &str {
    let t = text.trim();
    let inner = t.strip_prefix(['“', '"']).and_then(|rest| rest.strip_suffix(['”', '"']).or_else(|| rest.strip_suffix("”。")).or_else(|| rest.strip_suffix("”.")));
    match inner {
        Some(inner) if !inner.contains(['“', '”', '"']) => inner.trim(),
        _ => t,
    }
}

fn short(text: &str) -> String {
    match text.char_indices().nth(100) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

fn awaits_text(action: &EditAction) -> bool {
    matches!(action, EditAction::InsertParagraph { text, .. } | EditAction::ReplaceParagraph { text, .. } if text.is_empty())
}

/// One language's instruction patterns. Each names the same groups: `where` (or
/// `where2`), `find`, `text`, `side` (or `side2`) and, for a new paragraph, `kind`.
struct Grammar {
    insert_paragraph: &'static Pattern,
    replace_text: &'static [&'static Pattern],
    insert_text: &'static Pattern,
    add_at_end: &'static Pattern,
    delete_text: &'static Pattern,
    replace_paragraph: &'static Pattern,
    delete_paragraphs: &'static Pattern,
    /// "Replace operative paragraph 3 with “…”" replaces words in English; "将执行部分第3段
    /// 替换为：“……”" replaces the paragraph in Chinese.
    quoted_new_paragraph: bool,
}

static ENGLISH: Grammar = Grammar {
    insert_paragraph: &INSERT_PARAGRAPH,
    replace_text: &[&REPLACE_TEXT],
    insert_text: &INSERT_TEXT,
    add_at_end: &ADD_AT_END,
    delete_text: &DELETE_TEXT,
    replace_paragraph: &REPLACE_PARAGRAPH,
    delete_paragraphs: &DELETE_PARAGRAPHS,
    quoted_new_paragraph: false,
};

static CHINESE: Grammar = Grammar {
    insert_paragraph: &INSERT_PARAGRAPH_ZH,
    replace_text: &[&REPLACE_TEXT_ZH, &REPLACE_TEXT_ZH_BY],
    insert_text: &INSERT_TEXT_ZH,
    add_at_end: &ADD_AT_END_ZH,
    delete_text: &DELETE_TEXT_ZH,
    replace_paragraph: &REPLACE_PARAGRAPH_ZH,
    delete_paragraphs: &DELETE_PARAGRAPHS_ZH,
    quoted_new_paragraph: true,
};

/// "before" / "之前" / "前": the new text goes before its anchor.
fn is_before(side: &str) -> bool {
    side.eq_ignore_ascii_case("before") || side.contains('前')
}

/// One instruction read as its edits (several where it names several paragraphs), or
/// `None` where the text is no instruction. A text with Chinese in it is read by the
/// Chinese patterns first.
fn read_instruction(text: &str) -> Option<Vec<EditAction>> {
    if text.chars().any(crate::text::is_han)
        && let Some(edits) = read_with(&CHINESE, text)
    {
        return Some(edits);
    }
    read_with(&ENGLISH, text)
}

fn read_with(g: &Grammar, text: &str) -> Option<Vec<EditAction>> {
    let per_target = |where_: &str, make: &dyn Fn(String) -> EditAction| -> Option<Vec<EditAction>> {
        let ids = targets(where_);
        (!ids.is_empty()).then(|| ids.into_iter().map(make).collect())
    };
    let place = |c: &crate::text::pattern::Captures| c.name("where").or(c.name("where2")).map_or("", |m| m.as_str()).to_string();
    if let Some(c) = g.insert_paragraph.captures(text) {
        let anchor = targets(&place(&c)).into_iter().next();
        let kind = match c.name("kind").map(|m| m.as_str()) {
            Some(word) => kind_of(word),
            None => match &anchor {
                Some(a) if a.starts_with("PP") => ParagraphKind::Preambular,
                Some(_) => ParagraphKind::Operative,
                None => return None,
            },
        };
        let before = c.name("side").or(c.name("side2")).is_some_and(|m| is_before(m.as_str()));
        let (after, before) = if before { (None, anchor) } else { (anchor, None) };
        return Some(vec![EditAction::InsertParagraph { kind, after, before, text: c["text"].trim().to_string() }]);
    }
    if let Some(c) = g.replace_text.iter().find_map(|p| p.captures(text)) {
        let (find, new) = (c["find"].to_string(), c["text"].to_string());
        return per_target(&place(&c), &|paragraph| EditAction::ReplaceText { paragraph, find: find.clone(), text: new.clone() });
    }
    if let Some(c) = g.insert_text.captures(text) {
        let find = c["find"].to_string();
        let anchor = if is_before(&c["side"]) { TextAnchor::Before(find) } else { TextAnchor::After(find) };
        let new = c["text"].to_string();
        return per_target(&place(&c), &|paragraph| EditAction::InsertText { paragraph, anchor: anchor.clone(), text: new.clone() });
    }
    if let Some(c) = g.add_at_end.captures(text) {
        let new = c["text"].to_string();
        return per_target(&place(&c), &|paragraph| EditAction::InsertText { paragraph, anchor: TextAnchor::AtEnd, text: new.clone() });
    }
    if let Some(c) = g.delete_text.captures(text) {
        let find = c["find"].to_string();
        return per_target(&place(&c), &|paragraph| EditAction::DeleteText { paragraph, find: find.clone() });
    }
    if let Some(c) = g.replace_paragraph.captures(text) {
        let new = c["text"].trim().to_string();
        let ids = targets(&place(&c));
        if ids.len() == 1 && (g.quoted_new_paragraph || !new.starts_with(['“', '"'])) {
            return Some(vec![EditAction::ReplaceParagraph { paragraph: ids[0].clone(), text: new }]);
        }
    }
    if let Some(c) = g.delete_paragraphs.captures(text)
        && !c["where"].contains(['“', '"'])
    {
        return per_target(&place(&c), &|paragraph| EditAction::DeleteParagraph { paragraph });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_named_in_words_and_numbers() {
        let rows: [(&str, &[&str]); 5] = [
            ("the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39", &["PP21", "OP35", "OP38", "OP39"]),
            ("operative paragraphs 3, 43 and 45", &["OP3", "OP43", "OP45"]),
            ("the fifteenth preambular paragraph", &["PP15"]),
            ("operative paragraphs 27 and 43", &["OP27", "OP43"]),
            ("operative paragraph 5 (b)", &["OP5"]),
        ];
        for (phrase, want) in rows {
            assert_eq!(targets(phrase), want, "{phrase}");
        }
    }

    fn edits(texts: &[&str]) -> Vec<EditAction> {
        let (edits, diagnostics) = read_edits(&texts.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        edits.into_iter().map(|e| e.action).collect()
    }

    #[test]
    fn instructions_of_real_amendments() {
        assert_eq!(edits(&["Delete the third preambular paragraph and operative paragraph 2."]), [
            EditAction::DeleteParagraph { paragraph: "PP3".into() },
            EditAction::DeleteParagraph { paragraph: "OP2".into() },
        ]);
        assert_eq!(
            edits(&["In operative paragraph 64, after “to strengthen their efforts in preventing” insert “and combating child pornography”."]),
            [EditAction::InsertText {
                paragraph: "OP64".into(),
                anchor: TextAnchor::After("to strengthen their efforts in preventing".into()),
                text: "and combating child pornography".into()
            }]
        );
        assert_eq!(edits(&["In the thirteenth preambular paragraph, replace “the fourth Global Conference” with “the fifth Global Conference”."]), [
            EditAction::ReplaceText { paragraph: "PP13".into(), find: "the fourth Global Conference".into(), text: "the fifth Global Conference".into() },
        ]);
        assert_eq!(edits(&["In operative paragraphs 27 and 43, delete “sexual and reproductive”."]), [
            EditAction::DeleteText { paragraph: "OP27".into(), find: "sexual and reproductive".into() },
            EditAction::DeleteText { paragraph: "OP43".into(), find: "sexual and reproductive".into() },
        ]);
        assert_eq!(
            edits(&["After operative paragraph 3, insert a new operative paragraph, reading:", "Notes with alarm that …;"]),
            [EditAction::InsertParagraph { kind: ParagraphKind::Operative, after: Some("OP3".into()), before: None, text: "Notes with alarm that …;".into() }]
        );
        assert_eq!(
            edits(&["After the fourteenth preambular paragraph, insert a new preambular paragraph reading:", "Reaffirming that …,"]),
            [EditAction::InsertParagraph { kind: ParagraphKind::Preambular, after: Some("PP14".into()), before: None, text: "Reaffirming that …,".into() }]
        );
    }

    #[test]
    fn what_cannot_be_read_is_kept_and_said() {
        let (edits, diagnostics) = read_edits(&["Make the draft better.".to_string()]);
        assert_eq!(edits[0].action, EditAction::Unread);
        assert_eq!(diagnostics.len(), 1);
    }

    #[test]
    fn chinese_instructions_read_as_the_english_ones() {
        assert_eq!(targets("执行部分第3、5和7段"), ["OP3", "OP5", "OP7"]);
        assert_eq!(targets("序言部分第十五段"), ["PP15"]);
        assert_eq!(targets("执行部分第 5(b)段"), ["OP5"]);
        let paragraphs: Vec<String> = [
            "在执行部分第5段中，将“促进”改为“保护”。",
            "在序言部分第二十一段中，以“所有人”取代“每个人”。",
            "在执行部分第2段中，在“数字技术”之后插入“和人工智能”。",
            "在执行部分第4段末尾添加“，并向理事会第五十六届会议提交报告”。",
            "在执行部分第6段中，删除“和私营部门”。",
            "删除序言部分第十五段。",
            "将执行部分第3段替换为：",
            "“请高级专员提交报告。”",
            "在执行部分第3段之后插入一个新的执行部分段落，内容如下：",
            "吁请所有国家合作；",
        ]
        .map(String::from)
        .to_vec();
        let (edits, diagnostics) = read_edits(&paragraphs);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let actions: Vec<&EditAction> = edits.iter().map(|e| &e.action).collect();
        assert_eq!(
            actions,
            [
                &EditAction::ReplaceText { paragraph: "OP5".into(), find: "促进".into(), text: "保护".into() },
                &EditAction::ReplaceText { paragraph: "PP21".into(), find: "每个人".into(), text: "所有人".into() },
                &EditAction::InsertText { paragraph: "OP2".into(), anchor: TextAnchor::After("数字技术".into()), text: "和人工智能".into() },
                &EditAction::InsertText { paragraph: "OP4".into(), anchor: TextAnchor::AtEnd, text: "，并向理事会第五十六届会议提交报告".into() },
                &EditAction::DeleteText { paragraph: "OP6".into(), find: "和私营部门".into() },
                &EditAction::DeleteParagraph { paragraph: "PP15".into() },
                &EditAction::ReplaceParagraph { paragraph: "OP3".into(), text: "请高级专员提交报告。".into() },
                &EditAction::InsertParagraph { kind: ParagraphKind::Operative, after: Some("OP3".into()), before: None, text: "吁请所有国家合作；".into() },
            ]
        );
    }
}
