//! Writes a large pair of successive resolutions for the diff benchmark
//! (`bench/diff_peers.sh`): an old text of PARAGRAPHS preambular and operative paragraphs
//! and a new one drafted from it the way a new session's text is: some paragraphs
//! reworded (words replaced, inserted, struck out), some moved, some deleted, new ones
//! inserted, the operative paragraphs numbered again. English or Chinese; the same seed
//! always gives the same files.
//!
//! ```sh
//! cargo run --release --example synth_pair -- OUT_DIR en|zh PARAGRAPHS [SEED]
//! ```
//!
//! Writes `OUT_DIR/old.txt` (symbol …/90/1) and `OUT_DIR/new.txt` (…/91/1).

use std::fmt::Write as _;
use std::path::Path;

/// splitmix64: no dependency, the same sequence everywhere.
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

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// What a language needs to write a resolution: its openings, its words, how words join.
struct Language {
    preambular_openings: &'static [&'static str],
    operative_openings: &'static [&'static str],
    words: &'static [&'static str],
    /// Between two words: a space in English, nothing in Chinese.
    joiner: &'static str,
    comma: &'static str,
    preambular_end: &'static str,
    operative_end: &'static str,
    last_end: &'static str,
    /// Words per paragraph, lowest and highest.
    length: (usize, usize),
}

const ENGLISH: Language = Language {
    preambular_openings: &["Recalling", "Reaffirming", "Recognizing", "Noting with concern", "Welcoming", "Bearing in mind", "Stressing", "Acknowledging"],
    operative_openings: &["Requests the Secretary-General to", "Calls upon all States to", "Encourages Member States to", "Decides to", "Urges all parties to", "Invites the Office of the High Commissioner to", "Underlines the need to"],
    words: &[
        "the", "of", "and", "to", "in", "all", "human", "rights", "fundamental", "freedoms", "international", "cooperation",
        "development", "sustainable", "States", "Member", "national", "regional", "peace", "security", "law", "protection",
        "promotion", "including", "women", "children", "persons", "with", "disabilities", "equality", "access", "justice",
        "information", "technologies", "digital", "resources", "capacity-building", "technical", "assistance", "effective",
        "implementation", "relevant", "bodies", "United", "Nations", "system", "civil", "society", "organizations",
        "participation", "measures", "appropriate", "full", "respect", "for", "their", "obligations", "under", "Charter",
        "commitments", "agreed", "framework", "strengthen", "ensure", "support", "promote", "protect", "continue",
        "efforts", "challenges", "opportunities", "particular", "needs", "developing", "countries", "least", "developed",
        "environment", "climate", "change", "health", "education", "poverty", "eradication", "economic", "social", "cultural",
        "dialogue", "consultations", "report", "session", "General", "Assembly", "Council", "mandate", "review", "progress",
        "data", "evidence", "policies", "practices", "violence", "discrimination", "accountability", "transparency",
    ],
    joiner: " ",
    comma: ",",
    preambular_end: ",",
    operative_end: ";",
    last_end: ".",
    length: (25, 70),
};

const CHINESE: Language = Language {
    preambular_openings: &["回顾", "重申", "确认", "关切地注意到", "欢迎", "铭记", "强调", "认识到"],
    operative_openings: &["请秘书长", "吁请所有国家", "鼓励会员国", "决定", "敦促各方", "请人权事务高级专员办事处", "强调需要"],
    words: &[
        "人权", "基本", "自由", "国际", "合作", "发展", "可持续", "国家", "区域", "和平", "安全", "法律", "保护", "促进",
        "包括", "妇女", "儿童", "残疾人", "平等", "获得", "司法", "信息", "技术", "数字", "资源", "能力建设", "援助", "有效",
        "执行", "相关", "机构", "联合国", "系统", "民间社会", "组织", "参与", "措施", "适当", "充分", "尊重", "义务", "宪章",
        "承诺", "框架", "加强", "确保", "支持", "继续", "努力", "挑战", "机遇", "特别", "需要", "发展中国家", "最不发达",
        "环境", "气候变化", "健康", "教育", "消除贫困", "经济", "社会", "文化", "对话", "磋商", "报告", "届会", "大会",
        "理事会", "任务", "审查", "进展", "数据", "政策", "做法", "暴力", "歧视", "问责", "透明", "各级", "方面", "工作",
    ],
    joiner: "",
    comma: "，",
    preambular_end: "，",
    operative_end: "；",
    last_end: "。",
    length: (20, 55),
};

#[derive(Clone)]
struct Paragraph {
    operative: bool,
    words: Vec<String>,
}

fn paragraph(rng: &mut Rng, lang: &Language, operative: bool) -> Paragraph {
    let opening = rng.pick(if operative { lang.operative_openings } else { lang.preambular_openings });
    let mut words = vec![opening.to_string()];
    let (low, high) = lang.length;
    for _ in 0..low + rng.below(high - low) {
        let mut word = rng.pick(lang.words).to_string();
        if rng.chance(0.08) {
            word.push_str(lang.comma);
        }
        words.push(word);
    }
    Paragraph { operative, words }
}

/// A new session's wording: about one word in ten replaced, struck out or written in.
fn reword(rng: &mut Rng, lang: &Language, p: &Paragraph) -> Paragraph {
    let mut words = vec![p.words[0].clone()];
    for w in &p.words[1..] {
        if rng.chance(0.9) {
            words.push(w.clone());
            continue;
        }
        match rng.below(3) {
            0 => words.push(rng.pick(lang.words).to_string()),
            1 => {}
            _ => {
                words.push(w.clone());
                words.push(rng.pick(lang.words).to_string());
            }
        }
    }
    Paragraph { operative: p.operative, words }
}

fn write_text(lang: &Language, chinese: bool, session: u32, paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    if chinese {
        let _ = write!(out, "人权理事会\n\n第{session}届会议\n\n议程项目 3\n\n人权理事会通过的决议\n\n{session}/1. 合成的基准决议\n\n人权理事会，\n\n");
    } else {
        let _ = write!(
            out,
            "United Nations\nA/RES/{session}/1\n\nGeneral Assembly\nDistr.: General\n\nAgenda item 3\n\n\
             Resolution adopted by the General Assembly\n\n{session}/1. A synthetic resolution for benchmarks\n\n\
             The General Assembly,\n\n"
        );
    }
    let last = paragraphs.len().saturating_sub(1);
    let mut number = 0;
    for (k, p) in paragraphs.iter().enumerate() {
        let end = if k == last {
            lang.last_end
        } else if p.operative {
            lang.operative_end
        } else {
            lang.preambular_end
        };
        if p.operative {
            number += 1;
            let _ = write!(out, "{number}. ");
        }
        let text = p.words.join(lang.joiner);
        let _ = write!(out, "{}{end}\n\n", text.trim_end_matches(lang.comma));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: synth_pair OUT_DIR en|zh PARAGRAPHS [SEED]");
        std::process::exit(2);
    }
    let dir = Path::new(&args[1]);
    let chinese = match args[2].as_str() {
        "en" => false,
        "zh" => true,
        other => {
            eprintln!("synth_pair: language {other:?}: en or zh");
            std::process::exit(2);
        }
    };
    let lang = if chinese { &CHINESE } else { &ENGLISH };
    let count: usize = args[3].parse().expect("PARAGRAPHS: a number");
    let seed: u64 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut rng = Rng(seed);

    // Three paragraphs in five operative, as in many resolutions, but no more than 900:
    // operative numbers have at most three digits (the reader takes `1000.` for text),
    // and the new text may add some.
    let preambular = count - (count * 3 / 5).min(900);
    let old: Vec<Paragraph> = (0..count).map(|k| paragraph(&mut rng, lang, k >= preambular)).collect();

    // The new text: each old paragraph deleted (4%), set aside to be moved (3%),
    // reworded (25%) or kept; a new paragraph written in after 4% of them; the moved
    // ones put back at a random place among the paragraphs of their kind.
    let mut new: Vec<Paragraph> = Vec::with_capacity(count + count / 10);
    let mut moved = Vec::new();
    for p in &old {
        let roll = rng.below(100);
        match roll {
            0..4 => {}
            4..7 => moved.push(p.clone()),
            7..32 => new.push(reword(&mut rng, lang, p)),
            _ => new.push(p.clone()),
        }
        if rng.chance(0.04) {
            new.push(paragraph(&mut rng, lang, p.operative));
        }
    }
    for p in moved {
        let of_kind: Vec<usize> = (0..new.len()).filter(|&k| new[k].operative == p.operative).collect();
        let at = of_kind.get(rng.below(of_kind.len())).copied().unwrap_or(new.len());
        new.insert(at, p);
    }

    std::fs::create_dir_all(dir).expect("output folder");
    let old_text = write_text(lang, chinese, 90, &old);
    let new_text = write_text(lang, chinese, 91, &new);
    std::fs::write(dir.join("old.txt"), &old_text).expect("old.txt");
    std::fs::write(dir.join("new.txt"), &new_text).expect("new.txt");
    println!(
        "{}: {} paragraphs ({} bytes) → {} paragraphs ({} bytes)",
        dir.display(),
        old.len(),
        old_text.len(),
        new.len(),
        new_text.len()
    );
}
