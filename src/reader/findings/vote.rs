//! Reads the voting block printed at the end of a resolution ("[经记录表决，以 44 票赞成、
//! 0 票反对、3 票弃权获得通过。表决结果如下：…]", "[Adopted without a vote.]") into a
//! [`Vote`].
//!
//! The block is expected to be the voting statement itself, not a whole resolution: a
//! preambular "Recalling resolution 67/1, adopted without a vote" is not a vote of this
//! text. A block that states nothing recognisable is `unknown`, never `without_vote`.


use crate::text::pattern::{Captures, Pattern};

use crate::reader::countries::gazetteer;
use crate::model::{Language, Vote, VoteMethod};

/// Adoption without a vote, at the start of a line so that a citation of another text
/// "adopted without a vote" inside running text does not count.
/// e.g. "[Adopted without a vote.]", "The draft resolution was adopted by consensus."
static EN_WITHOUT_VOTE: Pattern =
    Pattern::new(r"(?im)^[\s\[［]*(?:the\s+(?:draft\s+)?(?:resolution|decision)(?:\s+as\s+a\s+whole)?\s+was\s+)?adopted\s+(?:without\s+(?:a\s+)?vote|by\s+consensus)\b");

/// e.g. "[未经表决获得通过。]", "未经表决通过", "经协商一致通过", "决议草案以协商一致方式获得通过"
static ZH_WITHOUT_VOTE: Pattern =
    Pattern::new(r"(?m)^[\s\[［]*(?:(?:该|本)?(?:决议草案|决定草案|决议|决定)(?:作为一个整体)?)?\s*(?:未经表决|经协商一致|以协商一致方式)\s*(?:而|获得|得到)?\s*通过");

/// Counts of an English vote, recorded or not.
/// e.g. "Adopted by a recorded vote of 44 to 0, with 3 abstentions",
/// "adopted by 30 votes to 12, with 5 abstentions", "adopted by 157 votes to none, with 1 abstention"
static EN_COUNTS: Pattern =
    Pattern::new(r"(?i)adopted\s+by\s+(?:an?\s+(?P<kind>recorded|roll[\s-]*call|non[\s-]*recorded)?\s*vote\s+of\s+)?(?P<yes>[0-9０-９]+|none)(?:\s+votes?)?\s+to\s+(?P<no>[0-9０-９]+|none)(?:\s+votes?)?(?:\s*,?\s*with\s+(?P<abstain>[0-9０-９]+|no|none)\s+abstentions?)?");

/// A Chinese recorded vote, as opposed to a show of hands.
/// e.g. "经记录表决，以 44 票赞成", "以记录表决方式"
static ZH_RECORDED: Pattern = Pattern::new(r"记录\s*表决");

/// e.g. "以 44 票赞成、0 票反对、3 票弃权获得通过" (each count read on its own, so the
/// order and the punctuation between them do not matter).
static ZH_YES: Pattern = Pattern::new(r"([0-9０-９]+)\s*票\s*赞成");
static ZH_NO: Pattern = Pattern::new(r"([0-9０-９]+)\s*票\s*反对");
static ZH_ABSTAIN: Pattern = Pattern::new(r"([0-9０-９]+)\s*票\s*弃权");
/// The older Chinese form. e.g. "以 30 票对 12 票、5 票弃权获得通过"
static ZH_FOR_AGAINST: Pattern = Pattern::new(r"以\s*([0-9０-９]+)\s*票\s*对\s*([0-9０-９]+)\s*票");

/// The heading of one list, at a line start or after a sentence.
/// e.g. "赞成：", "弃权:", "In favour:", "Against:", "Abstaining:", "…如下：赞成："
static LIST_HEADING: Pattern =
    Pattern::new(r"(?im)(?:^|[.;:。；：])[ \t\u{3000}]*[\[［]?[ \t\u{3000}]*(?P<h>赞成|反对|弃权|in\s+favou?r|against|abstaining|abstentions?)[ \t\u{3000}]*[:：]");

/// Where a list ends before the block does.
/// e.g. "…Zimbabwe.]", "…Zimbabwe.\nSee chap. VIII.", "…津巴布韦。见第八章。"
static LIST_END: Pattern = Pattern::new(r"(?m)[\]］]|^\s*See\s+chap|^\s*见第");

/// "None." and "无。" print an empty list.
static EMPTY_LIST: Pattern = Pattern::new(r"(?i)^\s*(?:none|nil|无|没有)\s*[.。;；]?\s*$");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    InFavour,
    Against,
    Abstaining,
}

impl Side {
    fn from_heading(heading: &str) -> Side {
        match heading.to_lowercase().as_str() {
            "赞成" => Side::InFavour,
            "反对" | "against" => Side::Against,
            "弃权" | "abstaining" | "abstention" | "abstentions" => Side::Abstaining,
            _ => Side::InFavour, // "in favour", "in favor", with any spacing
        }
    }

    fn label(self) -> &'static str {
        match self {
            Side::InFavour => "in favour",
            Side::Against => "against",
            Side::Abstaining => "abstaining",
        }
    }
}

/// One printed list: the codes it resolved to and the names it did not.
#[derive(Default)]
struct List {
    codes: Vec<String>,
    unresolved: Vec<String>,
}

impl List {
    fn names(&self) -> usize {
        self.codes.len() + self.unresolved.len()
    }
}

/// Stated counts; `None` where the text does not state one.
#[derive(Default, Clone, Copy)]
struct Counts {
    yes: Option<u32>,
    no: Option<u32>,
    abstain: Option<u32>,
}

impl Counts {
    fn any(self) -> bool {
        self.yes.is_some() || self.no.is_some() || self.abstain.is_some()
    }

    fn of(self, side: Side) -> Option<u32> {
        match side {
            Side::InFavour => self.yes,
            Side::Against => self.no,
            Side::Abstaining => self.abstain,
        }
    }
}

/// Whether `text` holds `word` (ASCII), letters compared without case.
fn contains_ascii_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Parses a voting block; the second value holds warnings for the reader (count and list
/// disagreeing, names not in the gazetteer, statements that contradict each other).
pub fn parse_vote(block: &str) -> (Vote, Vec<String>) {
    let mut warnings = Vec::new();
    let text = block.trim();
    let mut vote = Vote::unknown();
    if text.is_empty() {
        warnings.push("empty voting block".to_string());
        return (vote, warnings);
    }
    vote.text = Some(text.to_string());

    let headings: Vec<(Side, usize, usize)> = LIST_HEADING
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("group 0");
            (Side::from_heading(&collapse_spaces(&c["h"])), whole.start(), whole.end())
        })
        .collect();
    // The statement is what precedes the lists, so that a list cannot be read as counts.
    let statement = &text[..headings.first().map_or(text.len(), |h| h.1)];

    // Each language's statement patterns are asked only of a statement holding their one
    // word that cannot be missing ("adopted", in any case: its letters fold to ASCII only;
    // "表决" or "协商一致"), so a process reading one language compiles none of the other's.
    let english = contains_ascii_ignore_case(statement, "adopted");
    let chinese_without = statement.contains("未经表决") || statement.contains("协商一致");
    let without_vote = english && EN_WITHOUT_VOTE.is_match(statement) || chinese_without && ZH_WITHOUT_VOTE.is_match(statement);
    let (counts, recorded) = match english.then(|| EN_COUNTS.captures(statement)).flatten() {
        Some(c) => english_counts(&c),
        None => chinese_counts(statement),
    };

    if without_vote && counts.any() {
        warnings.push(
            "the block says both that the text was adopted without a vote and by a vote; method left unknown"
                .to_string(),
        );
        return (vote, warnings);
    }
    if without_vote {
        vote.method = VoteMethod::WithoutVote;
        vote.source = Some(crate::model::VoteSource::Text);
        if !headings.is_empty() {
            warnings.push(
                "voting lists printed for a text adopted without a vote; lists ignored".to_string(),
            );
        }
        return (vote, warnings);
    }

    vote.yes = counts.yes;
    vote.no = counts.no;
    vote.abstain = counts.abstain;
    if recorded {
        vote.method = VoteMethod::Recorded;
        vote.source = Some(crate::model::VoteSource::Text);
    } else if counts.any() {
        // The model has no variant for a show of hands; counts are kept, the method is not guessed.
        warnings.push(
            "counts stated for a vote that was not recorded; method left unknown".to_string(),
        );
    } else if headings.is_empty() {
        warnings.push("no voting statement recognised".to_string());
        return (vote, warnings);
    }
    if recorded && !counts.any() {
        warnings.push("recorded vote without stated counts".to_string());
    }

    if headings.is_empty() {
        if recorded && counts.any() {
            warnings.push("recorded vote but no voting lists printed".to_string());
        }
        return (vote, warnings);
    }
    if !recorded && !counts.any() {
        warnings.push(
            "voting lists printed without a voting statement; method left unknown".to_string(),
        );
    }

    let lists = read_lists(text, &headings, &mut warnings);
    for (side, list) in [Side::InFavour, Side::Against, Side::Abstaining].into_iter().zip(&lists) {
        if let Some(stated) = counts.of(side) {
            let names = list.names();
            if names as u64 != u64::from(stated) {
                warnings
                    .push(format!("stated {stated} {} but the list names {names}", side.label()));
            }
        }
        for name in &list.unresolved {
            warnings.push(format!("could not resolve {name:?} in the {} list", side.label()));
        }
    }
    warn_duplicates(&lists, &mut warnings);

    let [in_favour, against, abstaining] = lists;
    vote.unresolved = [&in_favour, &against, &abstaining]
        .iter()
        .flat_map(|l| l.unresolved.iter().cloned())
        .collect();
    vote.in_favour = in_favour.codes;
    vote.against = against.codes;
    vote.abstaining = abstaining.codes;
    (vote, warnings)
}

/// Reads each headed list; a list with no heading is empty.
fn read_lists(
    text: &str,
    headings: &[(Side, usize, usize)],
    warnings: &mut Vec<String>,
) -> [List; 3] {
    let mut lists: [List; 3] = Default::default();
    let mut seen = Vec::new();
    for (i, &(side, _, body_start)) in headings.iter().enumerate() {
        let body_end = headings.get(i + 1).map_or(text.len(), |next| next.1);
        let mut body = &text[body_start..body_end];
        if let Some(end) = LIST_END.find(body) {
            body = &body[..end.start()];
        }
        if seen.contains(&side) {
            warnings.push(format!("the {} list is printed twice; both read", side.label()));
        }
        seen.push(side);
        if EMPTY_LIST.is_match(body) {
            continue;
        }
        let (codes, unresolved) = gazetteer().split_list(body);
        let list = &mut lists[side as usize];
        list.codes.extend(codes.into_iter().map(str::to_string));
        list.unresolved.extend(unresolved);
    }
    lists
}

fn warn_duplicates(lists: &[List; 3], warnings: &mut Vec<String>) {
    let sides = [Side::InFavour, Side::Against, Side::Abstaining];
    let mut first_seen: Vec<(&str, Side)> = Vec::new();
    for (side, list) in sides.into_iter().zip(lists) {
        for code in &list.codes {
            match first_seen.iter().find(|(c, _)| c == code) {
                Some(&(_, earlier)) if earlier == side => {
                    warnings.push(format!("{code} is named twice in the {} list", side.label()))
                }
                Some(&(_, earlier)) => warnings.push(format!(
                    "{code} is named in both the {} and the {} list",
                    earlier.label(),
                    side.label()
                )),
                None => first_seen.push((code, side)),
            }
        }
    }
}

fn english_counts(c: &Captures) -> (Counts, bool) {
    let kind = c.name("kind").map(|k| k.as_str().to_lowercase());
    let recorded = kind.is_some_and(|k| !k.starts_with("non"));
    let counts = Counts {
        yes: c.name("yes").and_then(|m| number(m.as_str())),
        no: c.name("no").and_then(|m| number(m.as_str())),
        abstain: c.name("abstain").and_then(|m| number(m.as_str())),
    };
    (counts, recorded)
}

fn chinese_counts(statement: &str) -> (Counts, bool) {
    let first = |re: &Pattern| re.captures(statement).and_then(|c| number(&c[1]));
    let mut counts = Counts { yes: first(&ZH_YES), no: first(&ZH_NO), abstain: first(&ZH_ABSTAIN) };
    if let Some(c) = ZH_FOR_AGAINST.captures(statement) {
        counts.yes = counts.yes.or_else(|| number(&c[1]));
        counts.no = counts.no.or_else(|| number(&c[2]));
    }
    let recorded = ZH_RECORDED.is_match(statement) && counts.any();
    (counts, recorded)
}

/// A count as printed: ASCII or full-width digits ("４４"), or "none"/"no" for zero.
fn number(printed: &str) -> Option<u32> {
    let printed = printed.trim();
    if printed.eq_ignore_ascii_case("none") || printed.eq_ignore_ascii_case("no") {
        return Some(0);
    }
    printed.chars().try_fold(0u32, |n, c| {
        let digit = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compiles, ahead of need, the patterns and the country names that reading the vote
/// of a text in `language` nearly always uses (see [`crate::reader::Preparation`]).
pub fn prepare(language: Language) {
    let patterns: &[&Pattern] = match language {
        Language::Zh => &[&ZH_WITHOUT_VOTE, &EMPTY_LIST, &LIST_END, &LIST_HEADING, &ZH_RECORDED, &ZH_FOR_AGAINST, &ZH_ABSTAIN, &ZH_NO, &ZH_YES],
        Language::En => &[&EN_WITHOUT_VOTE, &EMPTY_LIST, &LIST_END, &LIST_HEADING, &EN_COUNTS],
    };
    for pattern in patterns {
        pattern.prepare();
    }
    gazetteer();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The voting block of seed 001 (A/HRC/RES/47/23, Chinese), as extracted.
    const SEED_001_ZH: &str = "[经记录表决，以 44 票赞成、0 票反对、3 票弃权获得通过。表决结果如下：

赞成：

阿根廷、亚美尼亚、奥地利、巴哈马、巴林、孟加拉国、多民族玻利维亚国、巴西、保加利亚、布基纳法索、喀麦隆、科特迪瓦、古巴、捷克、丹麦、斐济、法国、加蓬、德国、印度、印度尼西亚、意大利、日本、利比亚、马拉维、马绍尔群岛、毛里塔尼亚、墨西哥、纳米比亚、尼泊尔、荷兰、巴基斯坦、菲律宾、波兰、大韩民国、俄罗斯联邦、塞内加尔、索马里、苏丹、多哥、乌克兰、大不列颠及北爱尔兰联合王国、乌拉圭和乌兹别克斯坦

弃权：

中国、厄立特里亚和委内瑞拉玻利瓦尔共和国]";

    /// The same vote in the English form of the Council's resolutions.
    const SEED_001_EN: &str = "[Adopted by a recorded vote of 44 to 0, with 3 abstentions. The voting was as follows:

In favour:
Argentina, Armenia, Austria, Bahamas, Bahrain, Bangladesh, Bolivia (Plurinational State of), Brazil, Bulgaria, Burkina Faso, Cameroon, Côte d’Ivoire, Cuba, Czechia, Denmark, Fiji, France, Gabon, Germany, India, Indonesia, Italy, Japan, Libya, Malawi, Marshall Islands, Mauritania, Mexico, Namibia, Nepal, Netherlands, Pakistan, Philippines, Poland, Republic of Korea, Russian Federation, Senegal, Somalia, Sudan, Togo, Ukraine, United Kingdom of Great Britain and Northern Ireland, Uruguay, Uzbekistan

Against:
None

Abstaining:
China, Eritrea, Venezuela (Bolivarian Republic of)]";

    const SEED_001_IN_FAVOUR: [&str; 44] = [
        "ARG", "ARM", "AUT", "BHS", "BHR", "BGD", "BOL", "BRA", "BGR", "BFA", "CMR", "CIV", "CUB",
        "CZE", "DNK", "FJI", "FRA", "GAB", "DEU", "IND", "IDN", "ITA", "JPN", "LBY", "MWI", "MHL",
        "MRT", "MEX", "NAM", "NPL", "NLD", "PAK", "PHL", "POL", "KOR", "RUS", "SEN", "SOM", "SDN",
        "TGO", "UKR", "GBR", "URY", "UZB",
    ];

    #[test]
    fn seed_001_recorded_vote() {
        for (lang, block) in [("zh", SEED_001_ZH), ("en", SEED_001_EN)] {
            let (vote, warnings) = parse_vote(block);
            assert_eq!(vote.method, VoteMethod::Recorded, "{lang}");
            assert_eq!((vote.yes, vote.no, vote.abstain), (Some(44), Some(0), Some(3)), "{lang}");
            assert_eq!(vote.in_favour, SEED_001_IN_FAVOUR, "{lang}");
            assert!(vote.against.is_empty(), "{lang}");
            assert_eq!(vote.abstaining, ["CHN", "ERI", "VEN"], "{lang}");
            assert!(vote.unresolved.is_empty(), "{lang}: {:?}", vote.unresolved);
            assert!(warnings.is_empty(), "{lang}: {warnings:?}");
            assert_eq!(vote.text.as_deref(), Some(block.trim()), "{lang}");
        }
        let (vote, _) = parse_vote(SEED_001_ZH);
        for (code, zh) in [
            ("BOL", "多民族玻利维亚国"),
            ("GBR", "大不列颠及北爱尔兰联合王国"),
            ("KOR", "大韩民国"),
        ] {
            assert_eq!(gazetteer().resolve(zh), Some(code));
            assert!(vote.in_favour.iter().any(|c| c == code));
        }
    }

    #[test]
    fn every_seed_001_name_resolves_on_its_own() {
        // Read the seed's lists by hand, independently of split_list: 、 separates, and in
        // this seed the first 和 of the last item joins the final two names.
        let mut names = Vec::new();
        for list in SEED_001_ZH.split("：").skip(2) {
            let list = list.trim().trim_end_matches(']').trim_end_matches("弃权").trim();
            let mut items: Vec<&str> = list.split('、').collect();
            let last = items.pop().expect("a last item");
            let (penultimate, final_name) = last.split_once('和').expect("和 before the last name");
            items.extend([penultimate, final_name]);
            names.extend(items.into_iter().map(str::trim));
        }
        assert_eq!(names.len(), 47, "{names:?}");
        for name in names {
            assert!(gazetteer().resolve(name).is_some(), "{name:?}");
        }
    }

    #[test]
    fn without_vote() {
        // (zh, en)
        let table = [
            ("[未经表决获得通过。]", "[Adopted without a vote.]"),
            ("未经表决通过", "Adopted without a vote."),
            ("经协商一致通过", "Adopted by consensus"),
            // Seed 002's last lines, page footer included.
            (
                "2023 年 7 月 14 日 第 37 次会议\n\n[未经表决获得通过。]\n\nGE.23-13988 5",
                "38th meeting\n14 July 2023\n[Adopted without a vote. See chap. VIII.]",
            ),
            ("［决议草案未经表决而通过。］", "The draft resolution was adopted without a vote."),
        ];
        for (zh, en) in table {
            for block in [zh, en] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.method, VoteMethod::WithoutVote, "{block:?}");
                assert_eq!((vote.yes, vote.no, vote.abstain), (None, None, None));
                assert!(warnings.is_empty(), "{block:?}: {warnings:?}");
            }
        }
    }

    #[test]
    fn anything_else_is_unknown() {
        // (zh, en): a citation of another text's adoption is not this text's vote.
        let table = [
            (
                "回顾其未经表决通过的第67/1号决议，",
                "Recalling its resolution 67/1, adopted without a vote,",
            ),
            ("决定继续处理此事。", "Decides to remain seized of the matter."),
            ("2021 年 7 月 13 日\n第 38 次会议", "13 July 2021\n38th meeting"),
            (
                "[以记录表决方式]",
                "Taking note of the adoption, without a vote, of the final report",
            ),
        ];
        for (zh, en) in table {
            for block in [zh, en] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.method, VoteMethod::Unknown, "{block:?}");
                assert_eq!((vote.yes, vote.no, vote.abstain), (None, None, None), "{block:?}");
                assert!(!warnings.is_empty(), "{block:?}");
            }
        }
        let (vote, warnings) = parse_vote("  \n ");
        assert_eq!(vote, Vote::unknown());
        assert_eq!(warnings, ["empty voting block"]);
    }

    #[test]
    fn counts_only() {
        // (zh, en, method, counts)
        let table = [
            (
                "以 30 票对 12 票、5 票弃权获得通过。",
                "adopted by 30 votes to 12, with 5 abstentions",
                VoteMethod::Unknown,
                (Some(30), Some(12), Some(5)),
            ),
            (
                "[经记录表决，以122票赞成、5票反对、41票弃权获得通过。]",
                "Adopted by a recorded vote of 122 to 5, with 41 abstentions",
                VoteMethod::Recorded,
                (Some(122), Some(5), Some(41)),
            ),
            (
                "[经记录表决，以１５７票赞成、０票反对、１票弃权获得通过。]",
                "Adopted by a recorded vote of 157 to none, with 1 abstention.",
                VoteMethod::Recorded,
                (Some(157), Some(0), Some(1)),
            ),
            (
                "经记录表决，以 150 票赞成、2 票反对获得通过。",
                "Adopted by a recorded vote of 150 to 2.",
                VoteMethod::Recorded,
                (Some(150), Some(2), None),
            ),
        ];
        for (zh, en, method, counts) in table {
            for block in [zh, en] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.method, method, "{block:?}");
                assert_eq!((vote.yes, vote.no, vote.abstain), counts, "{block:?}");
                assert!(vote.in_favour.is_empty() && vote.abstaining.is_empty());
                assert_eq!(warnings.len(), 1, "{block:?}: {warnings:?}");
            }
        }
    }

    #[test]
    fn tricky_lists() {
        // (zh, en): 和 inside names, parentheses, PDF wraps, half-width colons, inline lists.
        let table = [
            (
                "[经记录表决,以 3 票赞成、2 票反对、1 票弃权获得通过。表决结果如下:\n赞成:\n特立尼达和多巴哥、波斯尼亚\n和黑塞哥维那和委内瑞拉玻利瓦尔共和国\n反对:\n圣基茨和尼维斯和伊朗（伊斯兰共和国）\n弃权:\n圣多美和普林西比]",
                "[Adopted by a recorded vote of 3 to 2, with 1 abstention. The voting was as follows:\nIn favour: Trinidad and Tobago, Bosnia and\nHerzegovina, Venezuela (Bolivarian Republic of)\nAgainst: Saint Kitts and Nevis and Iran (Islamic Republic of)\nAbstaining: Sao Tome and Principe]",
            ),
            (
                // Older layout: one paragraph, lists closed by semicolons, 反对 before 赞成.
                "[经记录表决，以 3 票赞成、2 票反对、1 票弃权获得通过。表决结果如下：反对：圣基茨和尼维斯、伊朗(伊斯兰共和国)；赞成：特立尼达和多巴哥、波斯尼亚和黑塞哥维那、委内瑞拉(玻利瓦尔共和国)；弃权：圣多美和普林西比。]",
                "[Adopted by a roll-call vote of 3 to 2, with 1 abstention. In favor: Trinidad and Tobago, Bosnia and Herzegovina, Venezuela (Bolivarian Republic of); Against: Saint Kitts and Nevis, Iran (Islamic Republic of); Abstentions: São Tomé and Príncipe.]",
            ),
        ];
        for (zh, en) in table {
            for block in [zh, en] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.method, VoteMethod::Recorded, "{block:?}");
                assert_eq!(vote.in_favour, ["TTO", "BIH", "VEN"], "{block:?}");
                assert_eq!(vote.against, ["KNA", "IRN"], "{block:?}");
                assert_eq!(vote.abstaining, ["STP"], "{block:?}");
                assert!(warnings.is_empty(), "{block:?}: {warnings:?}");
            }
        }
    }

    #[test]
    fn count_and_list_disagree() {
        // (zh, en): 3 stated in favour, 2 named; 1 stated abstaining, none named.
        let table = [(
            "[经记录表决，以 3 票赞成、0 票反对、1 票弃权获得通过。表决结果如下：\n赞成：\n中国和日本\n反对：\n无]",
            "[Adopted by a recorded vote of 3 to 0, with 1 abstention. The voting was as follows:\nIn favour:\nChina, Japan\nAgainst:\nNone]",
        )];
        for (zh, en) in table {
            for block in [zh, en] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.method, VoteMethod::Recorded);
                assert_eq!(vote.in_favour, ["CHN", "JPN"]);
                assert_eq!(
                    warnings,
                    [
                        "stated 3 in favour but the list names 2",
                        "stated 1 abstaining but the list names 0"
                    ],
                    "{block:?}"
                );
            }
        }
    }

    #[test]
    fn unresolved_names_are_kept_and_warned() {
        let table = [(
            "[经记录表决，以 2 票赞成、0 票反对、0 票弃权获得通过。表决结果如下：\n赞成：\n中国和乌有之乡]",
            "[Adopted by a recorded vote of 2 to 0, with no abstentions. The voting was as follows:\nIn favour:\nChina, Erewhon]",
            "乌有之乡",
            "Erewhon",
        )];
        for (zh, en, zh_name, en_name) in table {
            for (block, name) in [(zh, zh_name), (en, en_name)] {
                let (vote, warnings) = parse_vote(block);
                assert_eq!(vote.in_favour, ["CHN"]);
                assert_eq!(vote.unresolved, [name]);
                assert_eq!(
                    warnings,
                    [format!("could not resolve {name:?} in the in favour list")],
                    "{block:?}"
                );
            }
        }
    }

    #[test]
    fn duplicates_are_warned() {
        let (_, warnings) = parse_vote(
            "[Adopted by a recorded vote of 1 to 1. The voting was as follows:\nIn favour: China\nAgainst: China]",
        );
        assert_eq!(warnings, ["CHN is named in both the in favour and the against list"]);
    }

    #[test]
    fn conflicting_statements_stay_unknown() {
        let (vote, warnings) = parse_vote("Adopted without a vote.\nAdopted by 30 votes to 12");
        assert_eq!(vote.method, VoteMethod::Unknown);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn numbers() {
        assert_eq!(number("44"), Some(44));
        assert_eq!(number("４４"), Some(44));
        assert_eq!(number("none"), Some(0));
        assert_eq!(number("99999999999"), None);
    }
}
