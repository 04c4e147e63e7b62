//! Writes a synthetic corpus shaped like real UN texts, for benchmarks: series of Human
//! Rights Council and General Assembly resolutions that recall their predecessors with
//! date and title, preambular and operative paragraphs with lettered items, footnotes,
//! page furniture (job numbers, page counters), recorded votes with real country names,
//! and reports that name the resolution that mandated them; Chinese and English. The same
//! seed always gives the same files.
//!
//! ```sh
//! cargo run --release --example synth_corpus -- OUT_DIR COUNT [SEED]
//! ```

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (splitmix64): no dependency, same output everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Country {
    en: String,
    zh: String,
}

fn countries() -> Vec<Country> {
    include_str!("../lexicon/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 3 && cols[0].len() == 3).then(|| Country { en: cols[1].to_string(), zh: cols[2].to_string() })
        })
        .collect()
}

/// Subjects of series, in both languages; `{}` takes a country name.
const SUBJECTS: &[(&str, &str)] = &[
    ("The right to privacy in the digital age", "数字时代的隐私权"),
    ("New and emerging digital technologies and human rights", "新的和新兴数字技术与人权"),
    ("Situation of human rights in {}", "{}人权状况"),
    ("Technical assistance and capacity-building for {} in the field of human rights", "在人权领域向{}提供技术援助和能力建设"),
    ("Cooperation between the United Nations and {}", "联合国与{}之间的合作"),
    ("Freedom of opinion and expression", "意见和表达自由"),
    ("The promotion and protection of human rights in the context of peaceful protests", "在和平抗议背景下促进和保护人权"),
    ("Human rights and climate change", "人权与气候变化"),
    ("The right to food", "食物权"),
    ("Rights of the child", "儿童权利"),
];

const PREAMBLE_EN: &[&str] = &[
    "Reaffirming the purposes and principles of the Charter of the United Nations",
    "Recalling the Universal Declaration of Human Rights and relevant international human rights treaties",
    "Recognizing that the same rights that people have offline must also be protected online",
    "Noting with concern the impact of new technologies on the enjoyment of human rights",
    "Stressing the importance of a holistic, inclusive and comprehensive approach",
    "Emphasizing that States must respect and protect the right to privacy and the right to freedom of expression",
    "Acknowledging the contributions of civil society, academia and the private sector",
    "Deeply concerned about violations and abuses of human rights",
];

const PREAMBLE_ZH: &[&str] = &[
    "重申《联合国宪章》的宗旨和原则",
    "回顾《世界人权宣言》和相关国际人权条约",
    "确认人们在网下享有的权利在网上也必须受到保护",
    "关切地注意到新技术对享有人权的影响",
    "强调必须采取整体、包容和全面的办法",
    "强调各国必须尊重和保护隐私权和意见和表达自由权",
    "承认民间社会、学术界和私营部门的贡献",
    "深为关切侵犯和践踏人权行为",
];

const OPERATIVE_EN: &[&str] = &[
    "Calls upon all States to respect, protect and fulfil human rights",
    "Encourages all stakeholders to cooperate closely",
    "Requests the Office of the United Nations High Commissioner for Human Rights to prepare a report and to present it to the Human Rights Council at its {} session",
    "Invites the special procedures to pay attention to the matter within their mandates",
    "Urges States to ensure effective remedies for victims",
    "Decides to convene an expert consultation before its {} session",
];

const OPERATIVE_ZH: &[&str] = &[
    "吁请所有国家尊重、保护和实现人权",
    "鼓励所有利益攸关方密切合作",
    "请联合国人权事务高级专员办事处编写一份报告，提交人权理事会第{}届会议",
    "请特别程序在各自任务范围内关注此事",
    "敦促各国确保受害者获得有效补救",
    "决定在第{}届会议之前召开专家磋商会",
];

const ITEMS_EN: &[&str] = &["to adopt legislation", "to provide training", "to share good practices", "to collect data"];
const ITEMS_ZH: &[&str] = &["通过立法", "提供培训", "分享良好做法", "收集数据"];

const ORDINALS_EN: &[&str] = &[
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TENS_EN: &[&str] = &["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TENS_ORDINAL_EN: &[&str] =
    &["", "tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
const DIGITS_ZH: &[&str] = &["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const MONTHS_EN: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

fn ordinal_en(n: usize) -> String {
    match (n / 10, n % 10) {
        (t, 0) => TENS_ORDINAL_EN[t % 10].to_string(),
        (0, u) => ORDINALS_EN[u].to_string(),
        (t, u) => format!("{}-{}", TENS_EN[t % 10], ORDINALS_EN[u]),
    }
}

fn number_zh(n: usize) -> String {
    let (t, u) = (n / 10, n % 10);
    let tens = match t {
        0 => String::new(),
        1 => "十".to_string(),
        t => format!("{}十", DIGITS_ZH[t % 10]),
    };
    tens + DIGITS_ZH[u]
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    En,
    Zh,
}

struct Member {
    body_hrc: bool,
    session: usize,
    number: usize,
    year: usize,
    month: usize,
    day: usize,
}

impl Member {
    fn symbol(&self) -> String {
        if self.body_hrc {
            format!("A/HRC/RES/{}/{}", self.session, self.number)
        } else {
            format!("A/RES/{}/{}", self.session, self.number)
        }
    }

    fn date(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{} {} {}", self.day, MONTHS_EN[self.month - 1], self.year),
            Lang::Zh => format!("{} 年 {} 月 {} 日", self.year, self.month, self.day),
        }
    }
}

/// Appends page furniture every `every` lines: a job number and a page counter.
fn paginate(lines: Vec<String>, rng: &mut Rng, every: usize) -> String {
    let job = format!("GE.{}-{:05}", 20 + rng.below(5), rng.below(99_999));
    let pages = lines.len() / every + 1;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if (i + 1) % every == 0 {
            let _ = write!(out, "\n{}/{}\n{}\n\n", (i + 1) / every, pages, job);
        }
    }
    out
}

fn resolution(m: &Member, previous: Option<&Member>, title: &str, lang: Lang, rng: &mut Rng, world: &[Country]) -> String {
    let mut lines: Vec<String> = Vec::new();
    let (body, body_line) = match (m.body_hrc, lang) {
        (true, Lang::En) => ("Human Rights Council", "The Human Rights Council,"),
        (false, Lang::En) => ("General Assembly", "The General Assembly,"),
        (true, Lang::Zh) => ("人权理事会", "人权理事会，"),
        (false, Lang::Zh) => ("大会", "大会，"),
    };
    lines.push(format!("United Nations {}", m.symbol()));
    lines.push(String::new());
    lines.push(body.to_string());
    lines.push(String::new());
    match lang {
        Lang::En => {
            lines.push(format!("{} session", capitalised(&ordinal_en(m.session))));
            lines.push(String::new());
            lines.push(format!("Resolution adopted by the {body} on {}", m.date(lang)));
        }
        Lang::Zh => {
            lines.push(format!("第{}届会议", number_zh(m.session)));
            lines.push(String::new());
            lines.push(format!("{body} {}通过的决议", m.date(lang)));
        }
    }
    lines.push(String::new());
    lines.push(format!("{}/{}. {title}", m.session, m.number));
    lines.push(String::new());
    lines.push(body_line.to_string());
    lines.push(String::new());

    let (preamble, operative, items) = match lang {
        Lang::En => (PREAMBLE_EN, OPERATIVE_EN, ITEMS_EN),
        Lang::Zh => (PREAMBLE_ZH, OPERATIVE_ZH, ITEMS_ZH),
    };
    let mut footnotes: Vec<String> = Vec::new();
    if let Some(p) = previous {
        let recall = match (lang, p.body_hrc) {
            (Lang::En, true) => format!("Recalling its resolution {}/{} of {} on {},", p.session, p.number, p.date(lang), lowercase_first(title)),
            (Lang::En, false) => format!("Recalling its resolution {}/{} of {} on {},", p.session, p.number, p.date(lang), lowercase_first(title)),
            (Lang::Zh, _) => format!("回顾{}{}关于{}的第 {}/{} 号决议，", body, p.date(lang), title, p.session, p.number),
        };
        lines.push(recall);
        lines.push(String::new());
    }
    for i in 0..3 + rng.below(8) {
        let mut text = rng.pick(preamble).to_string();
        if i == 1 {
            footnotes.push(match lang {
                Lang::En => "Resolution 217 A (III).".to_string(),
                Lang::Zh => "第 217 A(III)号决议。".to_string(),
            });
            text.push_str(&superscript(footnotes.len()));
        }
        text.push_str(if lang == Lang::En { "," } else { "，" });
        lines.extend(wrap(&text, lang));
        lines.push(String::new());
    }
    let count = 3 + rng.below(8);
    for n in 1..=count {
        let due = m.session + 1 + rng.below(3);
        let due_text = match lang {
            Lang::En => ordinal_en(due),
            Lang::Zh => number_zh(due),
        };
        let mut text = rng.pick(operative).replace("{}", &due_text);
        let with_items = rng.below(4) == 0 && n < count;
        let end = match (lang, with_items, n == count) {
            (Lang::En, true, _) => ":",
            (Lang::Zh, true, _) => "：",
            (Lang::En, _, true) => ".",
            (Lang::Zh, _, true) => "。",
            (Lang::En, _, _) => ";",
            (Lang::Zh, _, _) => "；",
        };
        if n == count {
            text = match lang {
                Lang::En => "Decides to remain seized of the matter".to_string(),
                Lang::Zh => "决定继续处理此事".to_string(),
            };
        }
        lines.extend(wrap(&format!("{n}. {text}{end}"), lang));
        lines.push(String::new());
        if with_items {
            for (k, item) in items.iter().enumerate().take(2 + rng.below(3)) {
                let label = (b'a' + k as u8) as char;
                let sep = if lang == Lang::En { ";" } else { "；" };
                lines.push(format!("({label}) {item}{sep}"));
                lines.push(String::new());
            }
        }
    }
    let meeting = 30 + rng.below(30);
    match lang {
        Lang::En => lines.push(format!("{meeting}th meeting\n{}", m.date(lang))),
        Lang::Zh => lines.push(format!("{}\n\n第 {meeting} 次会议", m.date(lang))),
    }
    lines.push(String::new());
    if m.body_hrc {
        lines.extend(vote(lang, rng, world));
    }
    if !footnotes.is_empty() {
        lines.push("__________________".to_string());
        for (i, f) in footnotes.iter().enumerate() {
            lines.push(format!("{} {f}", superscript(i + 1)));
        }
    }
    paginate(lines, rng, 36)
}

fn vote(lang: Lang, rng: &mut Rng, world: &[Country]) -> Vec<String> {
    let mut members: Vec<&Country> = Vec::new();
    while members.len() < 47 {
        let c = rng.pick(world);
        if !members.iter().any(|m| std::ptr::eq(*m, c)) {
            members.push(c);
        }
    }
    let no = rng.below(6);
    let abstain = rng.below(10);
    let yes = members.len() - no - abstain;
    let name = |c: &Country| if lang == Lang::En { c.en.clone() } else { c.zh.clone() };
    let list = |cs: &[&Country]| -> String {
        let names: Vec<String> = cs.iter().map(|c| name(c)).collect();
        match lang {
            Lang::En => names.join(", "),
            Lang::Zh => match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{}和{last}", rest.join("、")),
                _ => names.join(""),
            },
        }
    };
    let (y, rest) = members.split_at(yes);
    let (n, a) = rest.split_at(no);
    let mut out = Vec::new();
    match lang {
        Lang::En => {
            out.push(format!(
                "[Adopted by a recorded vote of {yes} to {no}, with {abstain} abstentions. The voting was as follows:"
            ));
            for (label, cs) in [("In favour:", y), ("Against:", n), ("Abstaining:", a)] {
                if !cs.is_empty() {
                    out.push(String::new());
                    out.push(label.to_string());
                    out.push(list(cs));
                }
            }
        }
        Lang::Zh => {
            out.push(format!("[经记录表决，以 {yes} 票赞成、{no} 票反对、{abstain} 票弃权获得通过。表决结果如下："));
            for (label, cs) in [("赞成：", y), ("反对：", n), ("弃权：", a)] {
                if !cs.is_empty() {
                    out.push(String::new());
                    out.push(label.to_string());
                    out.push(list(cs));
                }
            }
        }
    }
    if let Some(last) = out.last_mut() {
        last.push(']');
    }
    out
}

fn report(symbol: &str, mandate: &Member, title: &str, lang: Lang, rng: &mut Rng) -> String {
    let session = mandate.session + 2;
    let mut lines = match lang {
        Lang::En => vec![
            format!("United Nations {symbol}"),
            String::new(),
            "Human Rights Council".to_string(),
            format!("{} session", capitalised(&ordinal_en(session))),
            "Agenda item 2".to_string(),
            String::new(),
            title.to_string(),
            String::new(),
            "Report of the United Nations High Commissioner for Human Rights".to_string(),
            String::new(),
            "Summary".to_string(),
            "The present report is submitted to the Human Rights Council.".to_string(),
        ],
        Lang::Zh => vec![
            format!("联合国 {symbol}"),
            String::new(),
            "人权理事会".to_string(),
            format!("第{}届会议", number_zh(session)),
            "议程项目 2".to_string(),
            String::new(),
            title.to_string(),
            String::new(),
            "联合国人权事务高级专员的报告".to_string(),
            String::new(),
            "概要".to_string(),
            "本报告提交人权理事会。".to_string(),
        ],
    };
    lines.push(String::new());
    let paragraphs = 10 + rng.below(30);
    for n in 1..=paragraphs {
        let text = match (lang, n) {
            (Lang::En, 1) => format!(
                "The present report is submitted pursuant to Human Rights Council resolution {}/{}.",
                mandate.session, mandate.number
            ),
            (Lang::Zh, 1) => format!("本报告系根据人权理事会第 {}/{} 号决议提交。", mandate.session, mandate.number),
            (Lang::En, _) => format!(
                "{}. States reported on measures taken, as noted in document A/HRC/{}/{}.{}",
                rng.pick(PREAMBLE_EN),
                mandate.session,
                20 + rng.below(40),
                superscript(n)
            ),
            (Lang::Zh, _) => format!(
                "{}。各国报告了所采取的措施，见 A/HRC/{}/{} 号文件。{}",
                rng.pick(PREAMBLE_ZH),
                mandate.session,
                20 + rng.below(40),
                superscript(n)
            ),
        };
        lines.extend(wrap(&format!("{n}. {text}"), lang));
        lines.push(String::new());
    }
    lines.push("__________________".to_string());
    for n in 2..=paragraphs {
        lines.push(format!("{} See A/HRC/{}/{}.", superscript(n), mandate.session, 30 + n));
    }
    paginate(lines, rng, 40)
}

fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string().chars().map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect()
}

/// Hard line wraps as PDF extraction leaves them: 80 columns in English, 38 characters
/// in Chinese.
fn wrap(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    match lang {
        Lang::En => {
            let mut line = String::new();
            for word in text.split(' ') {
                if !line.is_empty() && line.len() + word.len() + 1 > 80 {
                    out.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push(line);
        }
        Lang::Zh => {
            let chars: Vec<char> = text.chars().collect();
            out.extend(chars.chunks(38).map(|c| c.iter().collect::<String>()));
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: synth_corpus OUT_DIR COUNT [SEED]");
        std::process::exit(2);
    }
    let out = Path::new(&args[1]);
    let count: usize = args[2].parse().expect("COUNT is a number");
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = Rng(seed);
    let world = countries();
    std::fs::create_dir_all(out).expect("output folder");

    let mut written = 0;
    let mut numbers: std::collections::HashMap<(bool, usize), usize> = std::collections::HashMap::new();
    let mut series = 0;
    while written < count {
        let (subject_en, subject_zh) = *rng.pick(SUBJECTS);
        let country = rng.pick(&world);
        let title_en = subject_en.replace("{}", &country.en);
        let title_zh = subject_zh.replace("{}", &country.zh);
        let body_hrc = rng.below(2) == 0;
        let length = 3 + rng.below(8);
        let mut session = if body_hrc { 10 + rng.below(30) } else { 60 + rng.below(15) };
        let mut previous: Option<Member> = None;
        for _ in 0..length {
            if written >= count {
                break;
            }
            let next = numbers.entry((body_hrc, session)).or_insert(0);
            *next += 1;
            let year = if body_hrc { 2006 + (session - 1) / 3 } else { 1945 + session + 1 };
            let member = Member { body_hrc, session, number: *next, year, month: 1 + rng.below(12), day: 1 + rng.below(28) };
            let lang = if rng.below(3) == 0 { Lang::En } else { Lang::Zh };
            let title = if lang == Lang::En { &title_en } else { &title_zh };
            let text = resolution(&member, previous.as_ref(), title, lang, &mut rng, &world);
            let name = format!("{series:06}_{}_{}.{}.txt", member.session, member.number, if lang == Lang::En { "en" } else { "zh" });
            std::fs::write(out.join(name), text).expect("write");
            written += 1;
            if body_hrc && rng.below(4) == 0 && written < count {
                let symbol = format!("A/HRC/{}/{}", session + 2, 10 + rng.below(60));
                let text = report(&symbol, &member, title, lang, &mut rng);
                std::fs::write(out.join(format!("{series:06}_report_{}.txt", written)), text).expect("write");
                written += 1;
            }
            session += 1 + rng.below(2);
            previous = Some(member);
        }
        series += 1;
    }
    println!("wrote {written} documents in {series} series to {}", out.display());
}
