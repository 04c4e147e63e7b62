//! Every regular expression of the crate, compiled once on first use.
//!
//! Conventions that hold for all of them:
//! * digits are written `[0-9]`, never `\d`: the regex crate's `\d` is Unicode
//!   aware and would accept e.g. `٣`, which `str::parse` then rejects;
//!   superscript footnote marks (`⁷`) are not `Nd` and so never join a number;
//! * every repetition that can run over free text is bounded (`{0,3}`,
//!   `{1,120}`) so an anchored match costs a constant, and the callers, which
//!   only ever move forward, stay linear in the length of the paragraph. The
//!   one exception is whitespace around `第`/`号`/`决议` (`\s*`), because a
//!   page break can leave any number of blank lines inside a citation; a
//!   whitespace run is still crossed by only a fixed number of matches;
//! * patterns meant to be applied at a known position start with `^` and are
//!   run on `&text[pos..]`.
//!
//! Shared fragments are macros that expand to string literals, so `concat!`
//! can splice them and each full pattern still reads in one place.

use crate::reader::patterns::{chars_at_most, Bounded};
use crate::text::pattern::Pattern;

// ---------------------------------------------------------------------------
// Fragments
// ---------------------------------------------------------------------------

/// A resolution number in any of the four shapes the UN has used, with the
/// pieces captured by name so one captures-walk can build the value:
/// * `sc_*`  Security Council, number + year: `2467 (2019)`, `1325（2000）`
/// * `old_*` pre-1976 General Assembly (and pre-1978 ECOSOC), number, optional
///   letter, session in Roman numerals: `217 A (III)`, `2200A(XXI)`,
///   `1514 (XV)`, `3201 (S-VI)`; markdown may escape the parens: `217 A\(III\)`
/// * `new_*` session/number: `41/11`, `S-30/1`, `ES-11/1`, `76/246 A`, and the
///   ECOSOC/Commission year/number form `2025/4`, `2005/69`
///
/// The Security Council and old branches cannot both match (one needs a
/// four-digit year, the other a Roman numeral); the new branch needs a slash.
macro_rules! item {
    () => {
        concat!(
            r"(?P<item>",
            r"(?P<sc_n>[0-9]{1,4})\s{0,2}\\?[(（]\s{0,2}(?P<sc_y>(?:19|20)[0-9]{2})\s{0,2}\\?[)）]",
            r"|(?P<old_n>[0-9]{1,4})\s{0,2}(?P<old_l>[A-Z])?\s{0,2}\\?[(（]\s{0,2}(?P<old_r>(?:E?S-)?[IVXLC]{1,8})\s{0,2}\\?[)）]",
            r"|(?P<new_p>E?S-)?(?P<new_n>[0-9]{1,4})\s?[/／]\s?(?P<new_m>[0-9]{1,6})(?:[ \t]?(?P<new_l>[A-Z]))?",
            r")"
        )
    };
}

/// Opening bracket of a markdown link around a number: `[68/167](#)`.
macro_rules! md_open {
    () => {
        r"(?:\[\s{0,2})?"
    };
}

/// Closing bracket and target of such a link; the target is skipped whole. The target
/// is unbounded: a bounded repeat of a Unicode class is compiled as that many copies of
/// it, and this fragment is in five patterns that every process compiles.
macro_rules! md_close {
    () => {
        r"(?:\s{0,2}\]\([^)\s]*\))?"
    };
}

/// Superscript footnote marks as they survive in extracted Chinese text: `第37/2号⁷`.
macro_rules! sup {
    () => {
        r"[⁰¹²³⁴⁵⁶⁷⁸⁹]"
    };
}

/// A full Chinese date without captures: `2019 年 7 月 11 日`, `2018年3月22日`.
macro_rules! zh_date {
    () => {
        r"[0-9]{4}\s{0,2}年\s{0,2}[0-9]{1,2}\s{0,2}月\s{0,2}[0-9]{1,2}\s{0,2}日"
    };
}

/// Organs named in Chinese citations. The foreign ones (`世界卫生大会`,
/// `缔约方大会`, `人权事务委员会`…) are listed so that the leftmost match
/// swallows them whole instead of letting their tail `大会`/`委员会` pass
/// for the General Assembly or the Commission on Human Rights.
macro_rules! zh_body {
    () => {
        concat!(
            r"(?:世界卫生大会|卫生大会|环境大会|人居大会|缔约方大会|缔约国大会|组织大会|",
            r"人权理事会|安全理事会|安理会|经济及社会理事会|经济社会理事会|经社理事会|托管理事会|",
            r"人权事务委员会|人权委员会|大会|理事会|委员会)"
        )
    };
}

/// English month names, for `11 July 2019`.
macro_rules! en_month {
    () => {
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    };
}

/// One component of a document symbol after a slash: `HRC`, `47`, `Add.2`,
/// `CONF.157`, `CN.4`, `S-30`, `2-4` (as in `CRC/C/BRA/CO/2-4`), `CHN-MAC`.
/// A dot must be followed by an alphanumeric so the full stop after
/// `A/HRC/47/52.` stays out; a hyphen joins digits to digits and letters to
/// letters only, so the joint symbol `A/56/1026-S/2002/932` splits in two.
macro_rules! doc_comp {
    () => {
        concat!(
            r"(?:E?S-[0-9]+",
            r"|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?:-[A-Za-z][A-Za-z0-9]*)?",
            r"|[0-9]+(?:\.[A-Za-z0-9]+)*(?:-[0-9]+)?)"
        )
    };
}

/// Series roots of UN document symbols this crate accepts. A closed list keeps
/// `TCP/IP`, `HIV/AIDS` and `ISO/IEC 27001` out without any further test.
macro_rules! doc_roots {
    () => {
        concat!(
            r"(?:A|S|E|T|ST|CCPR|CERD|CEDAW|CAT|CRC|CMW|CRPD|CED|HRI|DP|TD|UNEP|FCCC|ICCD|",
            r"APLC|CCW|BWC|NPT|CD|ISBA|SPLOS|IDB|PBC|UNW|ECE|JIU|LC|CTOC|ICC-ASP|ATT|CTBT)"
        )
    };
}

// ---------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------

/// Web addresses, masked before any symbol search: `www.accessnow.org/…/2020/02/…`
/// would otherwise yield `2020/02`. Printable ASCII only, so a Chinese full
/// stop right after the address ends it: `https://undocs.org/ch/A/HRC/RES/45/9。`
pub static URL: Pattern = Pattern::new(r"(?:https?://|www\.)[!-~]+");

/// The UN's own document resolver; what follows it is a symbol we do report:
/// `https://undocs.org/ch/A/HRC/RES/45/9` → `A/HRC/RES/45/9`.
pub static UNDOCS: Pattern = Pattern::new(r"undocs\.org/(?:(?:ar|ch|zh|en|es|fr|ru)/)?");

/// Markdown link targets, masked like URLs because the link text carries the
/// reference: `[A/77/463/Add.2](#)`.
pub static MD_TARGET: Pattern = Pattern::new(r"\]\([^)\s]*\)");

/// A document symbol: `A/HRC/47/52`, `A/77/463/Add.2`, `E/CN.4/2005/L.10`,
/// `CCPR/C/120/D/2142/2012`, `FCCC/CP/2015/10/Add.1`, `A/HRC/RES/S-30/1`.
/// At least two components after the root; the caller also demands a digit.
pub static DOC: Pattern = Pattern::new(concat!(doc_roots!(), r"(?:/", doc_comp!(), r"){2,12}"));

/// Same, anchored, for the text right after an `undocs.org/` prefix.
pub static DOC_AT: Pattern = Pattern::new(concat!(r"^", doc_roots!(), r"(?:/", doc_comp!(), r"){2,12}"));

/// Part or volume qualifier after a conference document, possibly markdown-
/// escaped, possibly followed by more components:
/// `A/CONF.157/24(Part I)`, `A/CONF.157/24\(Part I\)/Corr.1`.
pub static DOC_PART_SUFFIX: Pattern = Pattern::new(concat!(
    r"^\s{0,2}\\?\(\s{0,2}(?P<p>(?:Part|Vol\.?|Volume)\s{0,2}[IVX0-9]{1,6})\s{0,2}\\?\)",
    r"(?P<rest>(?:/",
    doc_comp!(),
    r"){0,4})"
));

/// Year after a Security Council resolution symbol: `S/RES/2467 (2019)`, `S/RES/2467(2019)`.
pub static DOC_SC_YEAR_SUFFIX: Pattern = Pattern::new(r"^\s{0,2}\\?[(（]\s{0,2}(?P<y>(?:19|20)[0-9]{2})\s{0,2}\\?[)）]");

/// Letter and Roman session after an old General Assembly symbol: `A/RES/217 A (III)`.
pub static DOC_OLD_SUFFIX: Pattern =
    Pattern::new(r"^\s{0,2}(?P<l>[A-Z])?\s{0,2}\\?[(（]\s{0,2}(?P<r>(?:E?S-)?[IVXLC]{1,8})\s{0,2}\\?[)）]");

// ---------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------

/// Where a Chinese citation can start: a number after `第` (`第 41/11`,
/// `第 [68/167](#)`, `第 217 A(III)`, `第 2467(2019)`) or, without `第`, a number
/// the caller will only keep if `号决议` follows (`77/211 号决议` at the top of a
/// page that split the list).
pub static ZH_ANCHOR: Pattern = Pattern::new(concat!(r"(?P<di>第\s*)?", md_open!(), item!(), md_close!()));

/// What closes a list: `号决议`, `号 决议`, `号⁹决议`, or `决议` straight after a
/// number. Other nouns (`号申诉`, `号来文`, `号决定`) do not match, and that is
/// how complaint and communication numbers are turned away.
pub static ZH_TERMINAL: Pattern = Pattern::new(concat!(r"^\s*号?(?:\s|", sup!(), r")*决议"));

/// A paragraph that stops inside an open list (a page break cut it, as in
/// `…第 [34/7](#) 号、⁶`): only marks, separators and footnotes remain.
pub static ZH_OPEN_END: Pattern = Pattern::new(concat!(r"^\s{0,3}号?(?:\s|", sup!(), r"|[0-9]{1,3}|[、，,和及])*$"));

/// What may stand between an organ and a resolution's number, in a list or before its
/// first member: a date, a subject (`关于…的`, `载有…的`, its repetition given as
/// `$title`), another date, `通过的` and `第`.
macro_rules! zh_dated_subject {
    ($title:literal) => {
        concat!(
            r"(?:(?P<d1>",
            zh_date!(),
            r")\s{0,3})?",
            r"(?:(?:关于|载有)(?P<title>[^，,。；;]",
            $title,
            r")的\s{0,3})?",
            r"(?:(?P<d2>",
            zh_date!(),
            r")\s{0,3})?",
            r"(?:通过的\s{0,3})?(?:第\s*)?"
        )
    };
}

/// The next member of a list, with what may sit between two members: a
/// separator, footnote marks, a switch of organ (`以及大会`), a date, a subject
/// (`关于…的`, `载有…的`), and an optional `第`:
/// `号、2014 年 12 月 18 日第 [69/166](#)`, ` 和第 24/5`, `号、⁶ 2018年3月22日第37/2`.
/// The subject is lazy so it stops at the `的` that is followed by the number. As for
/// [`ZH_PREFIX`], the subject's repetition is given: `{1,120}?` as read, `+?` as compiled
/// first (see [`Bounded`]).
macro_rules! zh_next_item {
    ($title:literal) => {
        concat!(
            r"^\s*号?(?:\s|",
            sup!(),
            r")*(?:[0-9]{1,3}\s{0,2})?",
            r"(?:[、，,]|以及|和|及|与|并)(?:\s|",
            sup!(),
            r")*(?:以及|和|及)?\s{0,3}",
            r"(?:(?P<body>",
            zh_body!(),
            r")\s{0,3}(?:在其|其)?\s{0,3})?",
            zh_dated_subject!($title),
            md_open!(),
            item!(),
            md_close!()
        )
    };
}
pub static ZH_NEXT_ITEM: Bounded = Bounded::new(
    zh_next_item!("+?"),
    zh_next_item!("{1,120}?"),
    |c| c.name("title").is_none_or(|m| chars_at_most(m.as_str(), 120)),
);

/// What precedes the first member of a list, read backwards from the number:
/// organ, date, subject, in either order that UN Chinese uses:
/// `人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第`,
/// `大会关于数字时代隐私权的 2013 年 12 月 18 日第`, `大会在其第`,
/// `以及大会 2015 年 12 月 16 日载有…成果文件的第`. Anchored at the end; the
/// caller hands it a bounded window, so a miss costs little.
/// The pattern, with the subject's repetition given (`{1,120}` as read, `+` as compiled
/// first: see [`Bounded`]).
macro_rules! zh_prefix {
    ($title:literal) => {
        concat!(
            r"(?:(?P<body>",
            zh_body!(),
            r")\s{0,3}(?:在其|其|在)?\s{0,3})?",
            r"(?:第[一二三四五六七八九十百〇零]{1,6}届(?:特别)?会议\s{0,3}(?:通过的\s{0,3})?)?",
            zh_dated_subject!($title),
            r"(?:\[\s{0,2})?$"
        )
    };
}
pub static ZH_PREFIX: Bounded = Bounded::new(
    zh_prefix!("+"),
    zh_prefix!("{1,120}"),
    |c| c.name("title").is_none_or(|m| chars_at_most(m.as_str(), 120)),
);

/// A Chinese date with its parts: `2019 年 7 月 11 日` → 2019, 7, 11.
pub static ZH_DATE: Pattern =
    Pattern::new(r"(?P<y>[0-9]{4})\s{0,2}年\s{0,2}(?P<mo>[0-9]{1,2})\s{0,2}月\s{0,2}(?P<d>[0-9]{1,2})\s{0,2}日");

/// Sentence ends, after which an organ named earlier no longer carries over:
/// `…第 68/167 号决议。又回顾第 41/11 号决议`.
pub static ZH_SENTENCE_END: Pattern = Pattern::new(r"[。；;]");

/// The opening verb phrase of a Chinese paragraph, adverbs included as written:
/// `又回顾`, `表示注意到`, `赞赏地注意到`, `又深为关切地注意到`, `欢迎`.
pub static ZH_VERB: Pattern = Pattern::new(concat!(
    r"^[\s　]*(?:[0-9]{1,3}\s*[.．、]\s*)?",
    r"(?P<v>(?:又|还|并|也|亦|再次|再度|进一步|另)?(?:\p{Han}{1,6}地)?",
    r"(?:表示注意到|注意到|回顾|重申|欢迎|确认|认识到|意识到|铭记|强调指出|重点指出|强调|申明|",
    r"赞赏|承认|考虑到|遵循|决定|促请|呼吁|敦促|鼓励|表示关切|表示深切关注|关切|深为关切|深信|确信|",
    r"认可|核可|赞同|支持|指出|关注|谴责|痛惜|重视|邀请|吁请|请))"
));

// ---------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------

/// The word that opens an English list: `resolution 41/11`, `resolutions 68/167, 69/166`.
pub static EN_KEYWORD: Pattern = Pattern::new(r"\b[Rr]esolutions?\b");

/// First member right after the keyword: ` 41/11`, ` 2467 (2019)`, ` [73/179](#)`.
pub static EN_FIRST_ITEM: Pattern = Pattern::new(concat!(r"^\s{1,3}", md_open!(), item!(), md_close!()));

/// A later member, once separators are consumed: `69/166`, `2467 (2019)`.
pub static EN_ITEM: Pattern = Pattern::new(concat!(r"^", md_open!(), item!(), md_close!()));

/// Another part of a lettered resolution right after it: ` and B`, `, B`.
pub static EN_SIBLING_PART: Pattern = Pattern::new(r"^(?:\s*,)?\s+(?:and\s+)?(?P<part>[A-Z])\b(?:\s|,|;|\.|$)");

/// One separator token inside a list. Footnote numbers are tokens too, because
/// the PDF text layer leaves them between members: `54/18,37 54/22,38 54/26`.
/// Tried only after a member failed to match, so `242 (1967)` is never eaten.
pub static EN_SEP: Pattern = Pattern::new(r"^(?:\s+|,|&|and\b|or\b|as well as\b|[0-9]{1,3}(?:\s|,|$)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)");

/// Adoption date after a member; a footnote glued to the year is left out:
/// `of 11 July 2019`, `of 7 October 20219` (= 2021 + footnote 9).
pub static EN_DATE_AFTER: Pattern = Pattern::new(concat!(
    r"^,?\s{1,3}(?:of|adopted on|dated)\s{1,3}(?P<date>[0-9]{1,2}\s{1,3}",
    en_month!(),
    r"\s{0,2},?\s{1,3}(?:19|20)[0-9]{2})"
));

/// An English date with its parts: `25 September 2015`.
pub static EN_DATE: Pattern = Pattern::new(concat!(
    r"(?P<d>[0-9]{1,2})\s{1,3}(?P<mon>",
    en_month!(),
    r")\s{0,2},?\s{1,3}(?P<y>(?:19|20)[0-9]{2})"
));

/// Organ named after the list: `resolutions 5/1 and 5/2 of the Human Rights Council`,
/// `resolution 1/1 of the Conference of the Parties` (foreign, dropped).
pub static EN_POST_BODY: Pattern =
    Pattern::new(r"^,?\s{1,3}(?:adopted\s{1,3})?(?:of|by) the\s{1,3}(?P<name>[A-Z][A-Za-z-]*(?:\s{1,3}(?:[A-Z][A-Za-z-]*|and|on|of|the|for)){0,8})");

/// Subject introduced by `on`: `… of 11 July 2019 on new and emerging digital
/// technologies and human rights`. The caller decides where it stops.
pub static EN_TITLE_ON: Pattern = Pattern::new(r"^\s{1,3}(?:on|concerning|regarding|relating to)\s{1,3}");

/// Compiles, ahead of need, the patterns that finding the references of a text in
/// `language` nearly always uses (see [`crate::reader::Preparation`]); not those of web
/// addresses and link targets, which are tried only on a text that has one.
pub fn prepare(language: crate::model::Language) {
    use crate::model::Language;
    let patterns: &[&Pattern] = match language {
        Language::Zh => {
            ZH_PREFIX.prepare();
            ZH_NEXT_ITEM.prepare();
            &[&ZH_ANCHOR, &ZH_VERB, &ZH_DATE, &ZH_TERMINAL, &DOC]
        }
        Language::En => {
            EN_TITLE_ENTITLED.prepare();
            &[
                &EN_ORGAN_MENTION, &EN_SEP, &EN_ITEM, &EN_TITLE_FOOTNOTE, &EN_TITLE_CUT, &EN_NEXT_MEMBER, &EN_TITLE_ON,
                &EN_POST_BODY, &EN_DATE_AFTER, &EN_KNOWN_BODY_END, &EN_SENTENCE_END, &EN_VERB, &EN_FIRST_ITEM, &EN_KEYWORD,
                &EN_DATE, &EN_SIBLING_PART, &ZH_DATE, &DOC,
            ]
        }
    };
    for pattern in patterns {
        pattern.prepare();
    }
}

/// Quoted subject: `, entitled “Transforming our world: the 2030 Agenda for
/// Sustainable Development”`, of at most 400 characters. The title runs to the first
/// closing quote, so a longer one has no shorter reading.
macro_rules! en_title_entitled {
    ($run:literal) => {
        concat!(r#"^,?\s{1,3}(?:entitled|titled)\s{1,3}[“"]\s{0,2}(?P<t>[^”"]"#, $run, r#")[”"]"#)
    };
}
pub static EN_TITLE_ENTITLED: Bounded = Bounded::fixed_run(
    en_title_entitled!("+"),
    en_title_entitled!("{1,400}"),
    |c| c.name("t").is_some_and(|t| chars_at_most(t.as_str(), 400)),
);

/// Where an `on …` subject gives way to the rest of the list or sentence:
/// `on the right to privacy in the digital age and 69/166`, `… and all its
/// other resolutions`, `… and Human Rights Council resolution 41/11`.
pub static EN_TITLE_CUT: Pattern = Pattern::new(concat!(
    r"\s(?:and|as well as)\s{1,3}(?:its\b|all\b|other\b|subsequent\b|relevant\b|previous\b|",
    r"related\b|resolutions?\b|decisions?\b|General Assembly|Human Rights Council|Security Council|",
    r"Economic and Social Council|Commission on Human Rights|\[?[0-9])"
));

/// The next member of a list, right after a subject: `… on the Internet and 48/4 of`,
/// `… Information Society, 75/316 of`. A subject may run past a comma ("on the
/// promotion, protection and enjoyment of human rights on the Internet and 48/4") only
/// when one of these follows before the next comma.
pub static EN_NEXT_MEMBER: Pattern = Pattern::new(r"(?:,\s{0,3}|\s(?:and|as well as)\s{1,3})\[?[0-9]{1,4}\s?(?:/|\()");

/// A footnote mark inside an `on …` subject ends it: `in the digital age3,`,
/// `digital age 3 and`. Four-digit years (`the 2030 Agenda`) are not marks.
pub static EN_TITLE_FOOTNOTE: Pattern = Pattern::new(r"(?:[a-z)][0-9]{1,3}\b|\s[0-9]{1,3}(?:\s|$))");

/// Named organs that end the words before `resolution`, possessive allowed:
/// `Human Rights Council resolution`, `the General Assembly’s resolution`.
pub static EN_KNOWN_BODY_END: Pattern = Pattern::new(concat!(
    r"(?P<b>Economic and Social Council|ECOSOC|Security Council|Human Rights Council|",
    r"Commission on Human Rights|General Assembly)(?:['’]s)?\s*$"
));

/// Organ mentions, for reading `its` and bare `resolution` in the light of
/// the organ just named: `the General Assembly in its resolution 61/295`,
/// `Environment Assembly, as reflected in its resolution 2/17` (foreign),
/// `Conference of the States Parties to the Convention, including resolutions
/// 7/8`. `Programme` and `Fund` are left out: `Programme of Action` is no organ.
pub static EN_ORGAN_MENTION: Pattern = Pattern::new(concat!(
    r"\b(?:Economic and Social Council|ECOSOC|Security Council|Human Rights Council|",
    r"Commission on Human Rights|General Assembly|Council|Assembly|Commission|Committee|",
    r"Conference|Board|Organization|Parties|Forum|Agency|Union|Court|Tribunal|Authority)\b"
));

/// Sentence ends for carrying an organ over from one list to the next.
pub static EN_SENTENCE_END: Pattern = Pattern::new(r";|\.\s+[A-Z]");

/// The opening verb phrase of an English paragraph, as written, after an
/// optional operative number: `Recalling`, `Recalling also`, `Taking note with
/// appreciation`, `Bearing in mind`, `Deeply concerned`, `1. Reaffirms`.
pub static EN_VERB: Pattern = Pattern::new(concat!(
    r"^\s*(?:[0-9]{1,3}\.\s*|\([a-z]{1,4}\)\s*)?",
    r"(?P<v>(?:(?:(?:Also|Further|Deeply|Strongly|Firmly|Gravely|Seriously|Profoundly|Once again|Again)\s+",
    r"[a-z]+(?:ing|ed|s))|Mindful|Aware|Cognizant|Conscious|Desirous|Guided by|",
    r"[A-Z][a-z]+(?:ing|ed|s))\b",
    r"(?:\s+(?:note|in mind|into account|account|cognizance|upon))?",
    r"(?:\s+(?:also|further|again|with(?:\s+[a-z]+)?\s+(?:appreciation|satisfaction|concern|interest|regret|gratitude|alarm|approval)))*)"
));

#[cfg(test)]
mod tests {
    use super::*;

    /// Forces every pattern, so a typo in any of them fails here and not at
    /// the first call in production.
    #[test]
    fn all_patterns_compile() {
        let all: &[&Pattern] = &[
            &URL,
            &UNDOCS,
            &MD_TARGET,
            &DOC,
            &DOC_AT,
            &DOC_PART_SUFFIX,
            &DOC_SC_YEAR_SUFFIX,
            &DOC_OLD_SUFFIX,
            &ZH_ANCHOR,
            &ZH_TERMINAL,
            &ZH_OPEN_END,
            &ZH_DATE,
            &ZH_SENTENCE_END,
            &ZH_VERB,
            &EN_KEYWORD,
            &EN_FIRST_ITEM,
            &EN_ITEM,
            &EN_SEP,
            &EN_SIBLING_PART,
            &EN_DATE_AFTER,
            &EN_DATE,
            &EN_POST_BODY,
            &EN_TITLE_ON,
            &EN_TITLE_CUT,
            &EN_NEXT_MEMBER,
            &EN_TITLE_FOOTNOTE,
            &EN_KNOWN_BODY_END,
            &EN_ORGAN_MENTION,
            &EN_SENTENCE_END,
            &EN_VERB,
        ];
        for r in all {
            assert_eq!(r.compiles(), Ok(()), "{}", r.as_str());
        }
        for pattern in [&ZH_PREFIX, &ZH_NEXT_ITEM, &EN_TITLE_ENTITLED] {
            let (wide, bounded) = pattern.forms();
            assert_eq!(wide.compiles().and(bounded.compiles()), Ok(()), "{}", bounded.as_str());
        }
    }

    /// The quoted title compiled wide answers as the bounded one does: up to 400
    /// characters, spaces inside the quotes or not, and none past it.
    #[test]
    fn entitled_wide_and_bounded_agree() {
        let quoted = |lead: &str, n: usize| format!(", entitled “{lead}{}” and 70/1", "x".repeat(n));
        for lead in ["", " ", "  ", "   "] {
            for n in [1, 398, 399, 400, 401, 402] {
                EN_TITLE_ENTITLED.assert_agrees(&quoted(lead, n));
            }
        }
        for text in [", entitled \"Transforming our world\"", " titled “”", ", entitled “unclosed", "entitled “a”"] {
            EN_TITLE_ENTITLED.assert_agrees(text);
        }
        assert!(EN_TITLE_ENTITLED.captures(&quoted("  ", 400)).is_some());
        assert!(EN_TITLE_ENTITLED.captures(&quoted("", 401)).is_none());
    }

    /// The prefix pattern compiled wide answers as the bounded one does, on each side of
    /// the bound: a subject of 120 characters is read, one of 121 is not.
    #[test]
    fn prefix_wide_and_bounded_agree() {
        let (_, bounded) = ZH_PREFIX.forms();
        let long = |n: usize| format!("大会关于{}的第", "字".repeat(n));
        let cases = [
            "人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第".to_string(),
            "大会关于数字时代隐私权的 2013 年 12 月 18 日第".to_string(),
            "大会在其第".to_string(),
            long(120),
            long(121),
            format!("关于{}，大会关于{}的第", "字".repeat(30), "字".repeat(200)),
        ];
        for text in &cases {
            let got = ZH_PREFIX.captures(text).map(|c| (c.get(0).map(|m| m.range()), c.name("title").map(|m| m.range())));
            let want = bounded.captures(text).map(|c| (c.get(0).map(|m| m.range()), c.name("title").map(|m| m.range())));
            assert_eq!(got, want, "{text}");
        }
        assert!(ZH_PREFIX.captures(&long(120)).unwrap().name("title").is_some());
        assert!(ZH_PREFIX.captures(&long(121)).unwrap().name("title").is_none());
    }

    /// Each pattern against the real example in its comment.
    #[test]
    fn examples_from_comments() {
        let cases: &[(&Pattern, &str, Option<&str>)] = &[
            (&ZH_ANCHOR, "第 [68/167](#) 号", Some("第 [68/167](#)")),
            (&ZH_ANCHOR, "第 217 A\\(III\\)号", Some("第 217 A\\(III\\)")),
            (&ZH_ANCHOR, "第 2467(2019) 号", Some("第 2467(2019)")),
            (&ZH_TERMINAL, " 号⁹决议", Some(" 号⁹决议")),
            (&ZH_TERMINAL, " 号申诉", None),
            (&EN_FIRST_ITEM, " 2467 (2019) of", Some(" 2467 (2019)")),
            (&EN_DATE_AFTER, " of 7 October 20219", Some(" of 7 October 2021")),
            (&EN_SEP, ",37 54/22", Some(",")),
            (&URL, "见 https://undocs.org/ch/A/HRC/RES/45/9。", Some("https://undocs.org/ch/A/HRC/RES/45/9")),
            (&DOC, "A/HRC/47/52.", Some("A/HRC/47/52")),
            (&DOC, "CRC/C/BRA/CO/2-4", Some("CRC/C/BRA/CO/2-4")),
            (&DOC, "TCP/IP", None),
            (&DOC, "CCPR/C/CHN-MAC/CO/1", Some("CCPR/C/CHN-MAC/CO/1")),
            (&DOC, "A/56/1026-S/2002/932", Some("A/56/1026")),
            (&EN_VERB, "Taking note with appreciation of the report", Some("Taking note with appreciation")),
            (&ZH_VERB, "又深为关切地注意到", Some("又深为关切地注意到")),
        ];
        for (re, hay, want) in cases {
            let got = re.find(hay).map(|m| m.as_str());
            assert_eq!(got, *want, "pattern {} on {hay:?}", re.as_str());
        }
        assert_eq!(ZH_NEXT_ITEM.find(" 和第 24/5 号").map(|m| m.as_str()), Some(" 和第 24/5"));
        assert_eq!(ZH_NEXT_ITEM.find(" 号、⁶ 2018年3月22日第37/2号").map(|m| m.as_str()), Some(" 号、⁶ 2018年3月22日第37/2"));
    }

    /// The next member compiled with its subject unbounded answers as the bounded
    /// pattern: a subject of 120 characters is read, one of 121 is not, and a `的` the
    /// subject runs past is not taken for its end.
    #[test]
    fn next_item_keeps_its_subject_of_120() {
        let subject = |n: usize| format!("号、以及大会关于{}的第 70/1 号", "字".repeat(n));
        for n in [1, 119, 120, 121, 300] {
            ZH_NEXT_ITEM.assert_agrees(&subject(n));
        }
        for text in [
            "号、2014 年 12 月 18 日第 [69/166](#) 号",
            " 和第 24/5 号",
            "号、大会关于的的第 3/4 号",
            "号和载有《2030 年可持续发展议程》的成果文件的第 70/1 号",
            "号、⁶ 2018年3月22日第37/2号",
        ] {
            ZH_NEXT_ITEM.assert_agrees(text);
        }
        assert!(ZH_NEXT_ITEM.captures(&subject(120)).is_some_and(|c| c.name("title").is_some()));
        assert!(ZH_NEXT_ITEM.captures(&subject(121)).is_none_or(|c| c.name("title").is_none()));
    }
}
