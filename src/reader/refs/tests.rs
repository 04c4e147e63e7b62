//! End-to-end table: one row per citation form, the Chinese row and its
//! English counterpart next to each other. A row lists every reference the
//! text must yield, in order; an empty list asserts that nothing is found.

use super::{Body, Found, Lang, RefKind, find_references};
use Body::*;
use Lang::{En, Zh};

/// (target, body, date, title); `""` stands for `None`.
type Want = (&'static str, Body, &'static str, &'static str);

struct Row {
    lang: Lang,
    citing: Body,
    year: i32,
    text: &'static str,
    want: &'static [Want],
}

const fn r(lang: Lang, citing: Body, year: i32, text: &'static str, want: &'static [Want]) -> Row {
    Row { lang, citing, year, text, want }
}

fn as_tuple(f: &Found) -> (String, Body, String, String) {
    (f.target.clone(), f.body, f.date.map(|d| d.to_string()).unwrap_or_default(), f.title.clone().unwrap_or_default())
}

const PRIVACY_ZH: &str = "数字时代隐私权";
const TECH_ZH: &str = "新的和新兴的数字技术与人权";
const CHILD_ZH: &str = "儿童权利：信息和通信技术与对儿童的性剥削";
const WSIS_ZH: &str = "信息社会世界峰会成果执行情况全面审查大会高级别会议成果文件";
const TECH_EN: &str = "new and emerging digital technologies and human rights";
const AGENDA_EN: &str = "Transforming our world: the 2030 Agenda for Sustainable Development";

const ROWS: &[Row] = &[
    // --- subjects with commas of their own, inside a list ------------------
    r(
        En,
        HRC,
        2023,
        "Council resolutions 47/16 of 13 July 2021 on the promotion, protection and enjoyment of human rights \
         on the Internet and 48/4 of 7 October 2021 on the right to privacy in the digital age, and General \
         Assembly resolutions 70/125 of 16 December 2015 on the outcome of the World Summit on the Information \
         Society, 75/316 of 17 August 2021 on rapid technological change",
        &[
            ("A/HRC/RES/47/16", HRC, "2021-07-13", "the promotion, protection and enjoyment of human rights on the Internet"),
            ("A/HRC/RES/48/4", HRC, "2021-10-07", "the right to privacy in the digital age"),
            ("A/RES/70/125", GA, "2015-12-16", "the outcome of the World Summit on the Information Society"),
            ("A/RES/75/316", GA, "2021-08-17", "rapid technological change"),
        ],
    ),
    // A clause after the comma is no part of the subject, even with a number after it.
    r(
        En,
        GA,
        2024,
        "its resolution 77/19 of 21 November 2022 on cooperation, in which it invited the agencies, and 78/5",
        &[("A/RES/77/19", GA, "2022-11-21", "cooperation")],
    ),
    // --- single -------------------------------------------------------------
    r(Zh, HRC, 2021, "第 41/11 号决议", &[("A/HRC/RES/41/11", HRC, "", "")]),
    r(Zh, HRC, 2021, "第41/11号决议", &[("A/HRC/RES/41/11", HRC, "", "")]),
    r(En, HRC, 2021, "resolution 41/11", &[("A/HRC/RES/41/11", HRC, "", "")]),
    // --- markdown links -----------------------------------------------------
    r(Zh, GA, 2022, "第 [68/167](#) 号", &[("A/RES/68/167", GA, "", "")]),
    r(Zh, GA, 2022, "第 [68/167](#) 号决议", &[("A/RES/68/167", GA, "", "")]),
    r(En, GA, 2022, "its resolution [68/167](#)", &[("A/RES/68/167", GA, "", "")]),
    r(
        Zh,
        GA,
        2022,
        "[根据第三委员会的报告([A/77/463/Add.2](#)，第 87 段)通过]",
        &[("A/77/463/Add.2", GA, "", "")],
    ),
    r(
        En,
        GA,
        2022,
        "[on the report of the Third Committee ([A/77/463/Add.2](#), para. 87)]",
        &[("A/77/463/Add.2", GA, "", "")],
    ),
    r(Zh, GA, 2022, "¹ 第 [217 A\\(III\\)](#)号决议。", &[("A/RES/217 A (III)", GA, "", "")]),
    r(En, GA, 2022, "¹ Resolution [217 A\\(III\\)](#).", &[("A/RES/217 A (III)", GA, "", "")]),
    // --- footnotes glued to numbers and years -------------------------------
    r(En, HRC, 2023, "resolution 48/4 of 7 October 20219", &[("A/HRC/RES/48/4", HRC, "2021-10-07", "")]),
    r(
        Zh,
        GA,
        2022,
        "2018年3月22日第37/2号⁷和2021年10月7日第48/4号决议，⁹",
        &[("A/HRC/RES/37/2", HRC, "2018-03-22", ""), ("A/HRC/RES/48/4", HRC, "2021-10-07", "")],
    ),
    r(
        En,
        GA,
        2022,
        "Human Rights Council resolutions 37/2 of 22 March 20187 and 48/4 of 7 October 20219",
        &[("A/HRC/RES/37/2", HRC, "2018-03-22", ""), ("A/HRC/RES/48/4", HRC, "2021-10-07", "")],
    ),
    r(En, GA, 2024, "pursuant to its resolution 59/3009 and", &[("A/RES/59/300", GA, "", "")]),
    r(
        En,
        GA,
        2024,
        "the Human Rights Council in its resolutions 55/2831 and 55/29",
        &[("A/HRC/RES/55/28", HRC, "", ""), ("A/HRC/RES/55/29", HRC, "", "")],
    ),
    r(
        En,
        GA,
        2024,
        "Human Rights Council resolutions 54/18,37 54/22,38 54/2639 and 54/3340 of 12 October 2023",
        &[
            ("A/HRC/RES/54/18", HRC, "", ""),
            ("A/HRC/RES/54/22", HRC, "", ""),
            ("A/HRC/RES/54/26", HRC, "", ""),
            ("A/HRC/RES/54/33", HRC, "2023-10-12", ""),
        ],
    ),
    // --- lists closed by a single 号决议 -------------------------------------
    r(
        Zh,
        HRC,
        2020,
        "人权理事会第 21/16 和第 24/5 号决议。",
        &[("A/HRC/RES/21/16", HRC, "", ""), ("A/HRC/RES/24/5", HRC, "", "")],
    ),
    r(
        En,
        HRC,
        2020,
        "Human Rights Council resolutions 21/16 and 24/5.",
        &[("A/HRC/RES/21/16", HRC, "", ""), ("A/HRC/RES/24/5", HRC, "", "")],
    ),
    r(
        Zh,
        HRC,
        2020,
        "人权理事会第 32/13、38/7 和 38/11 号决议",
        &[
            ("A/HRC/RES/32/13", HRC, "", ""),
            ("A/HRC/RES/38/7", HRC, "", ""),
            ("A/HRC/RES/38/11", HRC, "", ""),
        ],
    ),
    r(
        Zh,
        GA,
        2022,
        "大会第 68/167 号、第 69/166 号和第 75/176 号决议",
        &[("A/RES/68/167", GA, "", ""), ("A/RES/69/166", GA, "", ""), ("A/RES/75/176", GA, "", "")],
    ),
    r(
        En,
        GA,
        2022,
        "its resolutions 68/167, 69/166 and 71/199",
        &[("A/RES/68/167", GA, "", ""), ("A/RES/69/166", GA, "", ""), ("A/RES/71/199", GA, "", "")],
    ),
    r(
        Zh,
        GA,
        2022,
        "回顾大会关于数字时代隐私权的 2013 年 12 月 18 日第 [68/167](#) 号、2014 年 12 月 18 日第 [69/166](#) 号、2016 年 12 月 19 日第 [71/199](#) 号、2018 年 12 月 17 日第 [73/179](#) 号和 2020 年 12 月 16 日第 [75/176](#) 号决议",
        &[
            ("A/RES/68/167", GA, "2013-12-18", PRIVACY_ZH),
            ("A/RES/69/166", GA, "2014-12-18", PRIVACY_ZH),
            ("A/RES/71/199", GA, "2016-12-19", PRIVACY_ZH),
            ("A/RES/73/179", GA, "2018-12-17", PRIVACY_ZH),
            ("A/RES/75/176", GA, "2020-12-16", PRIVACY_ZH),
        ],
    ),
    r(
        En,
        GA,
        2022,
        "Recalling its resolutions 68/167 of 18 December 2013 and 69/166 of 18 December 2014",
        &[("A/RES/68/167", GA, "2013-12-18", ""), ("A/RES/69/166", GA, "2014-12-18", "")],
    ),
    r(
        En,
        GA,
        2022,
        "its resolutions 68/167 of 18 December 2013 and 69/166 of 18 December 2014 on the right to privacy in the digital age",
        &[
            ("A/RES/68/167", GA, "2013-12-18", "the right to privacy in the digital age"),
            ("A/RES/69/166", GA, "2014-12-18", "the right to privacy in the digital age"),
        ],
    ),
    // --- organ from context -------------------------------------------------
    r(Zh, GA, 2022, "人权理事会第 41/11 号决议", &[("A/HRC/RES/41/11", HRC, "", "")]),
    r(
        En,
        GA,
        2022,
        "Human Rights Council resolution 41/11 of 11 July 2019",
        &[("A/HRC/RES/41/11", HRC, "2019-07-11", "")],
    ),
    r(Zh, HRC, 2021, "大会第 73/179 号决议", &[("A/RES/73/179", GA, "", "")]),
    r(En, HRC, 2021, "General Assembly resolution 73/179", &[("A/RES/73/179", GA, "", "")]),
    r(Zh, HRC, 2021, "理事会第 47/16 号决议", &[("A/HRC/RES/47/16", HRC, "", "")]),
    r(En, HRC, 2021, "Council resolution 47/16", &[("A/HRC/RES/47/16", HRC, "", "")]),
    r(Zh, GA, 2023, "其第 77/181 号决议", &[("A/RES/77/181", GA, "", "")]),
    r(
        En,
        GA,
        2023,
        "Recalling its resolution 77/181 of 14 December 2022",
        &[("A/RES/77/181", GA, "2022-12-14", "")],
    ),
    r(
        Zh,
        HRC,
        2022,
        "理事会第 47/16 号、第 48/4 号以及大会第 75/176 号和第 77/211 号决议",
        &[
            ("A/HRC/RES/47/16", HRC, "", ""),
            ("A/HRC/RES/48/4", HRC, "", ""),
            ("A/RES/75/176", GA, "", ""),
            ("A/RES/77/211", GA, "", ""),
        ],
    ),
    r(
        En,
        HRC,
        2022,
        "Council resolutions 47/16 and 48/4 and General Assembly resolutions 75/176 and 77/211",
        &[
            ("A/HRC/RES/47/16", HRC, "", ""),
            ("A/HRC/RES/48/4", HRC, "", ""),
            ("A/RES/75/176", GA, "", ""),
            ("A/RES/77/211", GA, "", ""),
        ],
    ),
    r(Zh, GA, 2025, "经济及社会理事会第 2025/4 号决议", &[("E/RES/2025/4", ECOSOC, "", "")]),
    r(En, GA, 2025, "Economic and Social Council resolution 2025/4", &[("E/RES/2025/4", ECOSOC, "", "")]),
    r(Zh, HRC, 2021, "人权委员会第 2005/69 号决议", &[("E/CN.4/RES/2005/69", CHR, "", "")]),
    r(En, HRC, 2021, "Commission on Human Rights resolution 2005/69", &[("E/CN.4/RES/2005/69", CHR, "", "")]),
    // An "HRC" 68/167 dated 2013 can only be the Assembly's.
    r(
        Zh,
        HRC,
        2021,
        "人权理事会 2013 年 12 月 18 日第 68/167 号决议",
        &[("A/RES/68/167", GA, "2013-12-18", "")],
    ),
    r(
        En,
        HRC,
        2021,
        "Human Rights Council resolution 68/167 of 18 December 2013",
        &[("A/RES/68/167", GA, "2013-12-18", "")],
    ),
    // Organs outside the graph are dropped, not guessed.
    r(Zh, GA, 2022, "环境大会第 5/14 号决议", &[]),
    r(En, GA, 2022, "United Nations Environment Assembly resolution 5/14 of 2 March 2022", &[]),
    r(
        En,
        GA,
        2022,
        "the United Nations Environment Assembly, as reflected in its resolution 2/17 of 27 May 2016",
        &[],
    ),
    r(En, GA, 2022, "Commission on Narcotic Drugs resolution 65/2 of 18 March 2022", &[]),
    // --- old General Assembly numbering --------------------------------------
    r(Zh, GA, 2022, "第 217 A(III)号决议", &[("A/RES/217 A (III)", GA, "", "")]),
    r(En, GA, 2022, "resolution 217 A (III)", &[("A/RES/217 A (III)", GA, "", "")]),
    r(Zh, GA, 2022, "见第 2200A(XXI)号决议，附件。", &[("A/RES/2200 A (XXI)", GA, "", "")]),
    r(En, GA, 2022, "resolution 2200A(XXI), annex", &[("A/RES/2200 A (XXI)", GA, "", "")]),
    r(
        En,
        GA,
        2022,
        "resolution 2200 A (XXI) of 16 December 1966",
        &[("A/RES/2200 A (XXI)", GA, "1966-12-16", "")],
    ),
    r(Zh, GA, 2022, "第 1514(XV) 号决议", &[("A/RES/1514 (XV)", GA, "", "")]),
    r(En, GA, 2022, "resolution 1514 (XV) of 14 December 1960", &[("A/RES/1514 (XV)", GA, "1960-12-14", "")]),
    // --- Security Council ---------------------------------------------------
    r(Zh, GA, 2022, "第 2467(2019) 号决议", &[("S/RES/2467 (2019)", SC, "", "")]),
    r(Zh, GA, 2022, "安全理事会第 1325 (2000) 号决议", &[("S/RES/1325 (2000)", SC, "", "")]),
    r(En, GA, 2022, "Security Council resolution 2467 (2019)", &[("S/RES/2467 (2019)", SC, "", "")]),
    r(
        En,
        GA,
        2022,
        "Security Council resolutions 1325 (2000) and 2467 (2019)",
        &[("S/RES/1325 (2000)", SC, "", ""), ("S/RES/2467 (2019)", SC, "", "")],
    ),
    r(
        Zh,
        GA,
        2022,
        "安全理事会第 1325 (2000) 号和第 2467 (2019) 号决议",
        &[("S/RES/1325 (2000)", SC, "", ""), ("S/RES/2467 (2019)", SC, "", "")],
    ),
    // --- dates and subjects -------------------------------------------------
    r(
        Zh,
        HRC,
        2021,
        "又回顾人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第 41/11 号决议",
        &[("A/HRC/RES/41/11", HRC, "2019-07-11", TECH_ZH)],
    ),
    r(
        En,
        HRC,
        2021,
        "Recalling Human Rights Council resolution 41/11 of 11 July 2019 on new and emerging digital technologies and human rights, and other relevant resolutions",
        &[("A/HRC/RES/41/11", HRC, "2019-07-11", TECH_EN)],
    ),
    r(
        Zh,
        HRC,
        2021,
        "最近的是理事会 2016 年 3 月 23 日关于儿童权利：信息和通信技术与对儿童的性剥削的第 31/7 号决议",
        &[("A/HRC/RES/31/7", HRC, "2016-03-23", CHILD_ZH)],
    ),
    r(
        En,
        GA,
        2023,
        "Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, in which it adopted",
        &[("A/RES/70/1", GA, "2015-09-25", AGENDA_EN)],
    ),
    // `载有…的` is read as the subject: it names the resolution's content.
    r(
        Zh,
        HRC,
        2023,
        "以及大会 2015 年 12 月 16 日载有信息社会世界峰会成果执行情况全面审查大会高级别会议成果文件的第 70/125 号决议",
        &[("A/RES/70/125", GA, "2015-12-16", WSIS_ZH)],
    ),
    // --- document symbols ---------------------------------------------------
    r(Zh, HRC, 2021, "¹ A/HRC/47/52.", &[("A/HRC/47/52", HRC, "", "")]),
    r(En, HRC, 2021, "1 A/HRC/47/52.", &[("A/HRC/47/52", HRC, "", "")]),
    r(Zh, HRC, 2023, "¹ A/HRC/50/56。", &[("A/HRC/50/56", HRC, "", "")]),
    r(Zh, HRC, 2020, "23 A/HRC/29/25/Add.1, 第 34 段。", &[("A/HRC/29/25/Add.1", HRC, "", "")]),
    r(En, HRC, 2020, "(see A/HRC/29/25/Add.1, para. 34)", &[("A/HRC/29/25/Add.1", HRC, "", "")]),
    r(
        Zh,
        GA,
        2022,
        "A/CONF.157/24(Part I)和A/CONF.157/24(Part I)/Corr.1，第三章。",
        &[("A/CONF.157/24 (Part I)", GA, "", ""), ("A/CONF.157/24 (Part I)/Corr.1", GA, "", "")],
    ),
    r(En, GA, 2022, "A/CONF.157/24 (Part I), chap. III.", &[("A/CONF.157/24 (Part I)", GA, "", "")]),
    r(
        Zh,
        HRC,
        2020,
        "7 CCPR/C/120/D/2142/2012； CCPR/C/117/D/2082/2011。",
        &[("CCPR/C/120/D/2142/2012", Unknown, "", ""), ("CCPR/C/117/D/2082/2011", Unknown, "", "")],
    ),
    r(Zh, HRC, 2021, "见 E/CN.4/2005/L.10。", &[("E/CN.4/2005/L.10", CHR, "", "")]),
    r(
        En,
        GA,
        2021,
        "See S/2020/123 and E/CN.4/2005/L.10.",
        &[("S/2020/123", SC, "", ""), ("E/CN.4/2005/L.10", CHR, "", "")],
    ),
    r(Zh, GA, 2022, "¹³ A/75/147和A/76/220。", &[("A/75/147", GA, "", ""), ("A/76/220", GA, "", "")]),
    r(Zh, HRC, 2020, "(A/HRC/35/9, 第 3 段)", &[("A/HRC/35/9", HRC, "", "")]),
    r(
        En,
        GA,
        2022,
        "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
        &[("FCCC/CP/2015/10/Add.1", Unknown, "", "")],
    ),
    r(
        En,
        GA,
        2024,
        "A/56/1026-S/2002/932, annex II",
        &[("A/56/1026", GA, "", ""), ("S/2002/932", SC, "", "")],
    ),
    r(
        En,
        GA,
        2024,
        "adopted in resolution A/RES/70/1 and S/RES/2467(2019)",
        &[("A/RES/70/1", GA, "", ""), ("S/RES/2467 (2019)", SC, "", "")],
    ),
    // --- not references -----------------------------------------------------
    r(Zh, HRC, 2020, "Reklos 和 Davourlis 诉希腊(第 1234/05 号申诉)", &[]),
    r(En, HRC, 2020, "Reklos and Davourlis v. Greece (application No. 1234/05)", &[]),
    r(
        Zh,
        HRC,
        2020,
        "见 2017 年 2 月 3 日第 AL CMR 2/2017 号来文(法文)；2016 年 10 月 7 日第 UA ETH 5/2016 号来文。",
        &[],
    ),
    r(En, HRC, 2020, "See communications AL CMR 2/2017 of 3 February 2017 and UA ETH 5/2016.", &[]),
    r(Zh, GA, 2022, "人权事务委员会关于第十七条的第 16 号一般性意见", &[]),
    r(En, GA, 2022, "Human Rights Committee general comment No. 34 (2011)", &[]),
    r(Zh, HRC, 2020, "A 节，第 16-23 段", &[]),
    r(En, HRC, 2020, "paras. 27-33; pp. 1–15", &[]),
    r(Zh, HRC, 2023, "MeetingDate=22/06/2022 于 2024 年 9 月 22 日", &[]),
    r(En, HRC, 2023, "on 22/06/2022 at 10:00–13:00", &[]),
    r(Zh, HRC, 2023, "20% 的人和 2/3 的国家多花 2.8 小时", &[]),
    r(En, HRC, 2023, "20% of people, 2/3 of States, 2.8 more hours", &[]),
    r(En, GA, 2023, "23-20100 2/12", &[]),
    r(Zh, HRC, 2020, "可查阅 www.accessnow.org/cms/assets/uploads/2020/02/KeepItOn-2019-report-1.pdf。", &[]),
    r(En, HRC, 2020, "https://news.un.org/en/story/2016/12/548052-silencing-opposition", &[]),
    // undocs.org addresses are the UN's own resolver: their symbol is read.
    r(Zh, HRC, 2023, "https://undocs.org/ch/A/HRC/RES/45/9", &[("A/HRC/RES/45/9", HRC, "", "")]),
    r(En, HRC, 2023, "https://undocs.org/en/A/HRC/RES/45/9", &[("A/HRC/RES/45/9", HRC, "", "")]),
    r(Zh, GA, 2023, "可持续发展目标 9 和目标 16", &[]),
    r(En, GA, 2023, "SDG 9 and Goal 16 and Sustainable Development Goal 16", &[]),
    r(Zh, HRC, 2020, "出售品编号：E.17.XIV.3", &[]),
    r(En, HRC, 2020, "Law No. 10/2018 and HIV/AIDS and TCP/IP", &[]),
    // The parts of a lettered resolution, and the list going on after them.
    r(
        En,
        GA,
        2024,
        "Recalling its resolutions 35/147 of 12 December 1980, 36/87 A and B of 9 December 1981, 61/89 A, B and C and 37/75 of 9 December 1982,",
        &[
            ("A/RES/35/147", GA, "1980-12-12", ""),
            ("A/RES/36/87 A", GA, "1981-12-09", ""),
            ("A/RES/36/87 B", GA, "1981-12-09", ""),
            ("A/RES/61/89 A", GA, "", ""),
            ("A/RES/61/89 B", GA, "", ""),
            ("A/RES/61/89 C", GA, "", ""),
            ("A/RES/37/75", GA, "1982-12-09", ""),
        ],
    ),
];

#[test]
fn every_form() {
    for row in ROWS {
        let found = find_references(row.text, row.lang, row.citing, Some(row.year));
        let got: Vec<_> = found.iter().map(as_tuple).collect();
        let want: Vec<_> =
            row.want.iter().map(|(t, b, d, ti)| (t.to_string(), *b, d.to_string(), ti.to_string())).collect();
        assert_eq!(got, want, "\n  text: {}", row.text);
        for f in &found {
            let kind = if f.target.contains("/RES/") { RefKind::Resolution } else { RefKind::Document };
            assert_eq!(f.kind, kind, "{f:?}");
        }
    }
}

/// Spans cover the number as written and nothing else.
#[test]
fn spans() {
    let rows: &[(&str, Lang, Body, &[&str])] = &[
        ("第 [68/167](#) 号决议", Zh, GA, &["68/167"]),
        ("第37/2号⁷决议", Zh, HRC, &["37/2"]),
        ("its resolution 59/3009 and", En, GA, &["59/300"]),
        ("resolution 48/4 of 7 October 20219", En, HRC, &["48/4"]),
        ("第 2467(2019) 号决议", Zh, GA, &["2467(2019)"]),
        ("resolution [217 A\\(III\\)](#)", En, GA, &["217 A\\(III\\)"]),
        ("[A/CONF.157/24\\(Part I\\)](#)", En, GA, &["A/CONF.157/24\\(Part I\\)"]),
        ("A/HRC/50/56。", Zh, HRC, &["A/HRC/50/56"]),
        ("resolutions 76/246 A and 77/263 A", En, GA, &["76/246 A", "77/263 A"]),
        ("resolution 41/11 A/HRC/41/1", En, HRC, &["41/11", "A/HRC/41/1"]),
    ];
    for (text, lang, citing, want) in rows {
        let got: Vec<&str> =
            find_references(text, *lang, *citing, Some(2024)).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn verbs() {
    let rows: &[(&str, Lang, Option<&str>)] = &[
        ("回顾大会第 68/167 号决议", Zh, Some("回顾")),
        ("又回顾人权理事会第 41/11 号决议", Zh, Some("又回顾")),
        ("重申大会第 68/167 号决议", Zh, Some("重申")),
        ("注意到人权理事会第 41/11 号决议", Zh, Some("注意到")),
        ("表示注意到人权理事会第 41/11 号决议", Zh, Some("表示注意到")),
        ("赞赏地注意到大会第 68/167 号决议", Zh, Some("赞赏地注意到")),
        ("欢迎人权理事会第 41/11 号决议", Zh, Some("欢迎")),
        ("1. 在第 45/9 号决议中，人权理事会请", Zh, None),
        ("Recalling its resolution 68/167", En, Some("Recalling")),
        ("Recalling also its resolution 68/167", En, Some("Recalling also")),
        ("Reaffirming its resolution 68/167", En, Some("Reaffirming")),
        ("Taking note of resolution 68/167", En, Some("Taking note")),
        ("Welcoming resolution 68/167", En, Some("Welcoming")),
        ("Bearing in mind resolution 68/167", En, Some("Bearing in mind")),
        ("5. Calls upon States to implement resolution 68/167", En, Some("Calls upon")),
        ("1 See resolution 68/167.", En, None),
    ];
    for (text, lang, want) in rows {
        let found = find_references(text, *lang, GA, Some(2024));
        assert!(!found.is_empty(), "{text}");
        for f in &found {
            assert_eq!(f.verb.as_deref(), *want, "{text}");
        }
    }
}

/// Tiny deterministic generator so the fuzz test needs no dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Arbitrary strings built from the characters the patterns care about,
/// plus multi-byte ones, must never panic and must yield sane spans.
#[test]
fn never_panics_on_arbitrary_text() {
    let palette: Vec<char> = "第号决议、和及以及大会人权理事会关于的年月日 0123456789/()（）[]\\#ASERCHUVIXLN.-,;:“”\"⁷⁹¹ resolution of on entitled its Council Assembly https://undocs.org/ch/ www. 😀\u{0301}\u{3000}ＡＢ４／"
        .chars()
        .collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..4000 {
        let len = (rng.next() % 120) as usize;
        let s: String = (0..len).map(|_| palette[(rng.next() % palette.len() as u64) as usize]).collect();
        for lang in [Zh, En] {
            for citing in [HRC, GA, SC, ECOSOC, CHR, Unknown] {
                let year = if round % 2 == 0 { Some(2021) } else { None };
                let found = find_references(&s, lang, citing, year);
                let mut last = 0;
                for f in &found {
                    assert!(f.start <= f.end && f.end <= s.len(), "{s:?} {f:?}");
                    assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end), "{s:?} {f:?}");
                    assert!(f.start >= last, "unsorted: {s:?}");
                    last = f.start;
                }
            }
        }
    }
    // Every byte-level cut of a real citation is still valid UTF-8 work.
    let real = "又回顾人权理事会 2019 年 7 月 11 日关于新的和新兴的数字技术与人权的第 41/11 号决议、2018年3月22日第37/2号⁷";
    for (i, _) in real.char_indices() {
        let _ = find_references(&real[i..], Zh, HRC, Some(2021));
        let _ = find_references(&real[..i], Zh, HRC, Some(2021));
    }
}

/// Thousands of references in one paragraph stay linear: doubling the input
/// must not quadruple the time. Sizes are large enough for timer noise to
/// vanish; the bound is loose (4x for 2x) to stay robust on a busy machine.
#[test]
fn linear_in_the_number_of_references() {
    use std::time::Instant;
    let zh_item = "2019 年 7 月 11 日关于数字时代隐私权的第 [41/11](#) 号、";
    let en_item = "41/11 of 11 July 2019 on the right to privacy, ";
    let cases: [(Lang, String, String); 4] = [
        (Zh, zh_item.repeat(3000) + "决议", zh_item.repeat(6000) + "决议"),
        (
            En,
            format!("resolutions {}", en_item.repeat(3000)),
            format!("resolutions {}", en_item.repeat(6000)),
        ),
        // Many anchors that never close: each must be rejected in constant time.
        (Zh, "第 41/11 号文件，关于的".repeat(3000), "第 41/11 号文件，关于的".repeat(6000)),
        (
            En,
            "resolution 41/11; resolution of ".repeat(3000),
            "resolution 41/11; resolution of ".repeat(6000),
        ),
    ];
    for (lang, small, big) in cases {
        let time = |s: &str| {
            let t = Instant::now();
            let n = find_references(s, lang, HRC, Some(2021)).len();
            (t.elapsed().as_secs_f64(), n)
        };
        let _ = time(&small); // warm the lazily compiled patterns
        let (ts, ns) = time(&small);
        let (tb, nb) = time(&big);
        assert!(nb >= ns);
        assert!(
            tb < 4.0 * ts + 0.05,
            "{lang:?}: {ts:.4}s for {} bytes, {tb:.4}s for {}",
            small.len(),
            big.len()
        );
    }
}

/// A huge paragraph without any reference is read quickly.
#[test]
fn long_text_without_references() {
    let s = "促进和保护所有人权，包括发展权，".repeat(40_000) + &"and the rights of all ".repeat(40_000);
    let t = std::time::Instant::now();
    assert!(find_references(&s, Zh, HRC, None).is_empty());
    assert!(find_references(&s, En, HRC, None).is_empty());
    assert!(t.elapsed().as_secs() < 10);
}
