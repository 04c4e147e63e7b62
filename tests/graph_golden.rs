//! Golden tests of the link stage on the seeds: the full reference list of each seed (read
//! by hand against the texts), the graph and its series, `chain`, and DOT/SVG output that
//! stays well-formed whatever the titles say. Synthetic texts cover what the seeds lack:
//! English series, the same number in two bodies, wording changes between sessions.

use assert_cmd::Command;
use lineage::graph::{EdgeKind, LineageGraph};
use lineage::model::{Body, Document, ReferenceKind};
use serde_json::Value;
use std::path::Path;

fn seed(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name);
    lineage::reader::read_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn text(source: &str, name: &str) -> Document {
    lineage::reader::read_bytes(source.as_bytes(), Path::new(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// (target, body, paragraph) of every reference, in order.
fn listed(doc: &Document) -> Vec<(String, Body, String)> {
    doc.references.iter().map(|r| (r.target.clone(), r.body, r.paragraph.clone())).collect()
}

fn rows(want: &[(&str, Body, &str)]) -> Vec<(String, Body, String)> {
    want.iter().map(|(t, b, p)| (t.to_string(), *b, p.to_string())).collect()
}

use Body::{GA, HRC, Unknown};

#[test]
fn references_of_hrc_47_23() {
    let d = seed("001_9fe8283bea68d15f.txt");
    assert_eq!(
        listed(&d),
        rows(&[
            ("A/HRC/RES/41/11", HRC, "PP4"),
            ("A/HRC/RES/31/7", HRC, "PP4"),
            ("A/HRC/RES/38/7", HRC, "PP4"),
            ("A/HRC/RES/42/15", HRC, "PP4"),
            ("A/RES/73/17", GA, "PP4"),
            ("A/RES/75/176", GA, "PP4"),
            ("A/RES/75/202", GA, "PP4"),
            ("A/HRC/RES/17/4", HRC, "PP6"),
            ("A/HRC/47/52", HRC, "FN1"),
        ])
    );
    let first = &d.references[0];
    assert_eq!(first.date.map(|d| d.to_string()).as_deref(), Some("2019-07-11"));
    assert_eq!(first.title.as_deref(), Some("新的和新兴的数字技术与人权"));
    assert_eq!(first.verb.as_deref(), Some("又回顾"));
    assert_eq!(d.references[8].kind, ReferenceKind::Document);
}

#[test]
fn references_of_hrc_53_29() {
    let d = seed("002_3102da6d256530e0.txt");
    assert_eq!(
        listed(&d),
        rows(&[
            ("A/HRC/RES/47/23", HRC, "PP6"),
            ("A/HRC/RES/31/7", HRC, "PP6"),
            ("A/HRC/RES/47/16", HRC, "PP6"),
            ("A/HRC/RES/48/4", HRC, "PP6"),
            ("A/RES/70/125", GA, "PP6"),
            ("A/RES/75/316", GA, "PP6"),
            ("A/RES/77/150", GA, "PP6"),
            // The list runs on after a page break: "…的第" / "77/211 号决议".
            ("A/RES/77/211", GA, "PP6"),
            ("A/HRC/RES/17/4", HRC, "PP9"),
            ("A/HRC/50/56", HRC, "FN1"),
            ("A/HRC/53/42", HRC, "FN2"),
        ])
    );
    let ga = d.references.iter().find(|r| r.target == "A/RES/77/211").unwrap();
    assert_eq!(ga.date.map(|d| d.to_string()).as_deref(), Some("2022-12-15"));
    assert_eq!(ga.title.as_deref(), Some("数字时代的隐私权"));
}

#[test]
fn references_of_ga_77_211() {
    let d = seed("003_e567b7260c44ac29.txt");
    let mut want = vec![("A/77/463/Add.2", GA, "masthead")];
    for s in ["68/167", "69/166", "71/199", "73/179", "75/176", "45/95"] {
        want.push((Box::leak(format!("A/RES/{s}").into_boxed_str()), GA, "PP2"));
    }
    for s in ["28/16", "34/7", "37/2", "42/15", "48/4", "32/13", "38/7"] {
        want.push((Box::leak(format!("A/HRC/RES/{s}").into_boxed_str()), HRC, "PP2"));
    }
    want.extend([
        ("A/RES/217 A (III)", GA, "FN1"),
        ("A/RES/2200 A (XXI)", GA, "FN2"),
        ("A/CONF.157/24 (Part I)", GA, "FN4"),
        ("A/CONF.157/24 (Part I)/Corr.1", GA, "FN4"),
        ("A/70/53", GA, "FN5"),
        ("A/72/53", GA, "FN6"),
        ("A/73/53", GA, "FN7"),
        ("A/74/53/Add.1", GA, "FN8"),
        ("A/76/53/Add.1", GA, "FN9"),
        ("A/71/53", GA, "FN10"),
        ("A/73/53", GA, "FN11"),
        ("A/RES/70/125", GA, "FN12"),
        ("A/HRC/43/52", HRC, "FN13"),
        ("A/HRC/46/37", HRC, "FN13"),
        ("A/HRC/49/55", HRC, "FN13"),
        ("A/75/147", GA, "FN13"),
        ("A/76/220", GA, "FN13"),
        ("A/HRC/44/49", HRC, "FN14"),
        ("A/HRC/50/29", HRC, "FN14"),
        ("A/75/261", GA, "FN14"),
        ("A/76/258", GA, "FN14"),
        ("A/HRC/44/50", HRC, "FN15"),
        ("A/HRC/50/23", HRC, "FN15"),
        ("A/HRC/50/42", HRC, "FN15"),
        ("A/75/184", GA, "FN15"),
        ("A/HRC/44/57", HRC, "FN16"),
        ("A/75/329", GA, "FN16"),
        ("A/76/434", GA, "FN16"),
        ("A/HRC/48/31", HRC, "FN17"),
        ("A/HRC/51/17", HRC, "FN17"),
        ("A/74/821", GA, "FN18"),
        ("A/43/40", GA, "FN20"),
        ("A/RES/70/1", GA, "FN21"),
        ("A/HRC/17/31", HRC, "FN22"),
    ]);
    assert_eq!(listed(&d), rows(&want));
    // "以及大会关于…第 45/95 号决议" keeps its own subject; the list before it shares one.
    let titles: Vec<Option<&str>> = d.references[1..7].iter().map(|r| r.title.as_deref()).collect();
    assert_eq!(titles[..5], [Some("数字时代隐私权"); 5]);
    assert_eq!(titles[5], Some("电脑个人资料档案管理准则"));
    // Footnote 19 (a treaty series volume and number) is not a reference.
    assert!(!d.references.iter().any(|r| r.paragraph == "FN19"));
}

#[test]
fn references_of_the_reports() {
    let d = seed("004_ffaf7e26c245e647.txt");
    let targets: Vec<&str> = d.references.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(d.references[0].paragraph, "P1");
    assert_eq!(targets[0], "A/HRC/RES/38/11");
    let mut distinct: Vec<&str> = targets.clone();
    distinct.sort();
    distinct.dedup();
    let mut want = vec![
        "A/HRC/RES/38/11", "A/HRC/RES/21/16", "A/HRC/RES/24/5", "A/HRC/RES/38/7", "A/HRC/RES/32/13",
        "A/HRC/RES/34/7", "A/HRC/RES/25/38", "A/RES/53/144", "A/RES/73/179", "A/RES/34/169", "A/RES/45/166",
        "A/HRC/20/27", "A/HRC/41/41", "A/HRC/31/66", "A/HRC/29/25/Add.1", "A/HRC/35/9", "A/HRC/27/33",
        "A/HRC/26/49", "A/HRC/32/42", "A/HRC/38/47", "A/HRC/35/22", "A/HRC/32/38", "A/HRC/39/29",
        "A/HRC/29/32", "A/HRC/40/52/Add.1", "A/HRC/43/29", "A/HRC/17/31", "A/HRC/41/35", "A/HRC/30/12",
        "A/HRC/41/6", "A/HRC/39/10", "A/69/265",
        "CCPR/C/120/D/2142/2012", "CCPR/C/117/D/2082/2011", "CCPR/C/117/D/2089/2011", "CCPR/C/CMR/CO/5",
        "CCPR/C/KAZ/CO/2", "CCPR/C/IRN/CO/3", "CCPR/C/CHN-MAC/CO/1", "CCPR/C/IRQ/CO/5", "CCPR/C/KOR/CO/4",
        "CCPR/C/MKD/CO/3", "CRC/C/BRA/CO/2-4", "CRC/C/FRA/CO/4",
    ];
    want.sort();
    assert_eq!(distinct, want);
    // Its own symbol, communication numbers (AL CMR 2/2017, UA ETH 5/2016), a court
    // application number (第 1234/05 号申诉) and dates in URLs are not references.
    for not in ["A/HRC/44/24", "2/2017", "5/2016", "1/2018", "1234/05", "2020/02", "2016/12"] {
        assert!(!targets.iter().any(|t| t.ends_with(not)), "{not} taken for a reference");
    }
    assert!(d.references.iter().all(|r| r.body != Unknown || !r.target.starts_with("A/")));

    let d = seed("000_316f946a38dde5ab.txt");
    assert_eq!(listed(&d), rows(&[("A/HRC/RES/45/9", HRC, "U1"), ("A/HRC/RES/45/9", HRC, "P1")]));
}

fn seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    lineage::Corpus::load(&dir).unwrap().documents
}

#[test]
fn the_seed_graph_holds_both_series() {
    let docs = seeds();
    let g = LineageGraph::build(&docs);
    let members = |s: &str| g.series_of(s).map(|s| s.members.clone()).unwrap_or_default();
    assert_eq!(members("A/HRC/RES/53/29"), ["A/HRC/RES/41/11", "A/HRC/RES/47/23", "A/HRC/RES/53/29"]);
    assert_eq!(
        members("A/RES/77/211"),
        ["A/RES/68/167", "A/RES/69/166", "A/RES/71/199", "A/RES/73/179", "A/RES/75/176", "A/RES/77/211"]
    );
    // The Council's privacy series is its own, apart from the Assembly's.
    assert_eq!(
        members("A/HRC/RES/48/4"),
        ["A/HRC/RES/28/16", "A/HRC/RES/34/7", "A/HRC/RES/37/2", "A/HRC/RES/42/15", "A/HRC/RES/48/4"]
    );
    // A resolution cited with a subject of its own is no member of a series it does not share.
    assert!(g.series_of("A/RES/45/95").is_none());
    assert!(g.series_of("A/HRC/RES/17/4").is_none());

    let cited = g.node("A/HRC/RES/41/11").unwrap();
    assert!(!cited.in_corpus);
    assert_eq!(cited.title.as_deref(), Some("新的和新兴的数字技术与人权"));
    assert_eq!(cited.date.map(|d| d.to_string()).as_deref(), Some("2019-07-11"));

    let has = |from: &str, to: &str, kind: EdgeKind| {
        g.edges().any(|(a, b, e)| a.symbol == from && b.symbol == to && e.kind == kind)
    };
    assert!(has("A/HRC/RES/53/29", "A/HRC/RES/47/23", EdgeKind::Cites));
    assert!(has("A/HRC/RES/53/29", "A/HRC/RES/47/23", EdgeKind::Succeeds));
    assert!(has("A/HRC/RES/47/23", "A/HRC/RES/41/11", EdgeKind::Succeeds));
    assert!(has("A/HRC/44/24", "A/HRC/RES/38/11", EdgeKind::MandatedBy));
    assert!(has("000_316f946a38dde5ab", "A/HRC/RES/45/9", EdgeKind::MandatedBy));
    assert!(!has("A/HRC/RES/47/23", "A/HRC/RES/53/29", EdgeKind::Succeeds));
}

fn lineage() -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn graph_json_has_the_contract_shape() {
    let out = lineage().args(["graph", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    let symbols: Vec<&str> = nodes.iter().map(|n| n["symbol"].as_str().unwrap()).collect();
    for n in nodes {
        for key in ["symbol", "in_corpus", "body", "title", "date"] {
            assert!(n.get(key).is_some(), "node without {key}: {n}");
        }
    }
    // No edge leads to or from a node the graph does not hold.
    for e in v["edges"].as_array().unwrap() {
        assert!(symbols.contains(&e["from"].as_str().unwrap()) && symbols.contains(&e["to"].as_str().unwrap()), "{e}");
        assert!(["cites", "succeeds", "mandated_by", "fulfils"].contains(&e["kind"].as_str().unwrap()));
    }
    let series: Vec<Vec<&str>> = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect())
        .collect();
    assert!(series.contains(&vec!["A/HRC/RES/41/11", "A/HRC/RES/47/23", "A/HRC/RES/53/29"]));
    assert!(series.contains(&vec![
        "A/RES/68/167", "A/RES/69/166", "A/RES/71/199", "A/RES/73/179", "A/RES/75/176", "A/RES/77/211"
    ]));
    let in_corpus = nodes.iter().filter(|n| n["in_corpus"] == true).count();
    assert_eq!(in_corpus, 5);
}

#[test]
fn chain_lists_the_series_oldest_first_with_votes() {
    let out = lineage().args(["chain", "47/23"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing from\n{text}"));
    assert!(at("A/HRC/RES/41/11") < at("A/HRC/RES/47/23") && at("A/HRC/RES/47/23") < at("A/HRC/RES/53/29"));
    assert!(text.contains("recorded vote 44–0–3"));
    assert!(text.contains("adopted without a vote"));
    assert!(text.contains("not in the corpus"));

    let out = lineage().args(["chain", "ga/77/211", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let members = v["members"].as_array().unwrap();
    assert_eq!(members.len(), 6);
    assert_eq!(members[5]["symbol"], "A/RES/77/211");
    assert_eq!(members[5]["vote"]["method"], "unknown");
    assert_eq!(members[0]["date"], "2013-12-18");

    // A document of no series is a series of one, with a note on stderr.
    let out = lineage().args(["chain", "A/HRC/44/24"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("belongs to no series"));
    lineage().args(["chain", "99/99"]).assert().code(2);
}

#[test]
fn dot_parses_back_and_svg_is_drawn() {
    let out = lineage().args(["graph", "--format", "dot"]).output().unwrap();
    assert!(out.status.success());
    let dot = String::from_utf8(out.stdout).unwrap();
    graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}"));
    assert!(dot.contains("cluster_series_"));
    assert!(dot.contains("\"A/HRC/RES/41/11\""));

    let series = lineage().args(["graph", "--series", "53/29", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&series.stdout).unwrap();
    let symbols: Vec<&str> = v["nodes"].as_array().unwrap().iter().map(|n| n["symbol"].as_str().unwrap()).collect();
    assert!(symbols.contains(&"A/HRC/RES/41/11") && !symbols.contains(&"A/RES/68/167"), "{symbols:?}");

    if which("dot") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.svg");
        lineage().args(["graph", "--format", "svg", "-o"]).arg(&path).assert().success();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.contains("<svg") && svg.contains("A/HRC/RES/53/29"));
    } else {
        eprintln!("graphviz is not installed: SVG not checked (make deps installs it)");
    }
}

#[test]
fn svg_without_graphviz_is_a_clear_error() {
    let out = lineage().env("PATH", "/nonexistent").args(["graph", "--format", "svg"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dot") && err.contains("--format dot"), "{err}");
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// An English series of the Council, the Assembly's resolution of the same number, and
/// titles that change a little from one session to the next.
fn english_series() -> Vec<Document> {
    let hrc = |n: &str, title: &str, date: &str, recalls: &str| {
        format!(
            "United Nations A/HRC/RES/{n}\n\nHuman Rights Council\n\nResolution adopted by the Human Rights Council on {date}\n\n\
             {n}. {title}\n\nThe Human Rights Council,\n\n{recalls}\n\n1. Decides to remain seized of the matter.\n"
        )
    };
    vec![
        text(&hrc("38/7", "Promotion and protection of human rights on the Internet", "5 July 2018",
            "Recalling all relevant resolutions of the Commission on Human Rights,"), "a.txt"),
        text(&hrc("44/12", "Promotion and protection of human rights on the Internet", "16 July 2020",
            "Recalling its resolution 38/7 of 5 July 2018,"), "b.txt"),
        text(&hrc("47/16", "Promotion, protection and enjoyment of human rights on the Internet", "13 July 2021",
            "Recalling its resolution 44/12 of 16 July 2020 and General Assembly resolution 38/7 of 1983,"), "c.txt"),
    ]
}

#[test]
fn english_series_with_a_reworded_title() {
    let docs = english_series();
    let g = LineageGraph::build(&docs);
    let series = g.series_of("A/HRC/RES/47/16").expect("a series");
    assert_eq!(series.members, ["A/HRC/RES/38/7", "A/HRC/RES/44/12", "A/HRC/RES/47/16"]);
    // Council 38/7 and Assembly 38/7 are two nodes.
    assert!(g.node("A/HRC/RES/38/7").unwrap().in_corpus);
    assert!(!g.node("A/RES/38/7").unwrap().in_corpus);
    assert!(g.series_of("A/RES/38/7").is_none());
}

#[test]
fn two_languages_of_one_symbol_are_one_node() {
    let zh = seed("001_9fe8283bea68d15f.txt");
    let en_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en/hrc_47_23.en.txt");
    let en = lineage::reader::read_file(&en_path).unwrap();
    let g = LineageGraph::build(&[zh, en]);
    let node = g.node("A/HRC/RES/47/23").unwrap();
    assert_eq!(node.languages.len(), 2);
    assert_eq!(g.nodes().filter(|n| n.symbol == "A/HRC/RES/47/23").count(), 1);
    // Both texts cite 41/11 in PP4: one edge, not two.
    let cites: Vec<_> = g
        .edges()
        .filter(|(a, b, e)| a.symbol == "A/HRC/RES/47/23" && b.symbol == "A/HRC/RES/41/11" && e.kind == EdgeKind::Cites)
        .collect();
    assert_eq!(cites.len(), 1);
}

#[test]
fn hostile_titles_cannot_break_the_dot() {
    let evil = "Evil \"title\" } -> digraph { node [label=\"pwned\"]; \\ <script>";
    let source = format!(
        "United Nations A/HRC/RES/50/1\n\nHuman Rights Council\n\n50/1. {evil}\n\nThe Human Rights Council,\n\n\
         Recalling its resolution 41/11 of 11 July 2019 on {evil},\n\n1. Decides to remain seized of the matter.\n"
    );
    let g = LineageGraph::build(&[text(&source, "evil.txt")]);
    let dot = lineage::render::dot::dot(&g, Default::default());
    let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    let printed = graphviz_rust::print(parsed, &mut Default::default());
    assert!(!printed.contains("label=\"pwned\"]"), "{printed}");
    assert!(dot.contains("\\\"title\\\""));
}

fn ga(n: &str, title: &str, date: &str, body: &str) -> Document {
    let source = format!(
        "United Nations A/RES/{n}\n\nGeneral Assembly\n\nResolution adopted by the General Assembly on {date}\n\n\
         {n}. {title}\n\nThe General Assembly,\n\n{body}\n\n1. Decides to remain seized of the matter.\n"
    );
    text(&source, &format!("{}.txt", n.replace('/', "-")))
}

#[test]
fn an_untitled_run_of_own_resolutions_is_the_series() {
    let docs = vec![
        ga("79/135", "Cooperation between the United Nations and the Central European Initiative", "4 December 2024",
           "Recalling its resolutions 67/7 of 19 November 2012, 69/8 of 11 November 2014 and 77/19 of 21 November 2022,\n\n\
            Recalling also its resolution 70/1 of 25 September 2015,"),
        ga("79/50", "Nuclear disarmament", "2 December 2024",
           "Recalling its resolutions 76/50 of 6 December 2021 and 77/19 of 21 November 2022,"),
    ];
    let g = LineageGraph::build(&docs);
    // 77/19 is claimed by two texts of different series: it is placed in neither.
    assert!(g.series_of("A/RES/77/19").is_none());
    assert_eq!(g.series_of("A/RES/79/135").unwrap().members, ["A/RES/67/7", "A/RES/69/8", "A/RES/79/135"]);
    // A lone recalled resolution, or one from long ago, is no evidence of a series.
    assert!(g.series_of("A/RES/70/1").is_none());

    let alone = vec![docs[0].clone()];
    let g = LineageGraph::build(&alone);
    assert_eq!(
        g.series_of("A/RES/79/135").unwrap().members,
        ["A/RES/67/7", "A/RES/69/8", "A/RES/77/19", "A/RES/79/135"]
    );
}

#[test]
fn a_series_name_before_a_colon_survives_new_subtitles() {
    let docs = vec![
        ga("78/280", "Global health and foreign policy: addressing global health challenges in the foreign policy space",
           "12 June 2024", "Recalling its resolution 77/275 of 12 April 2023,"),
        ga("79/287", "Global health and foreign policy: rethinking health promotion as a transformative path",
           "12 June 2025", "Recalling its resolution 78/280 of 12 June 2024,"),
        ga("79/261", "Working Capital Fund for 2025", "24 December 2024", "Recalling its previous decisions,"),
        ga("78/256", "Working Capital Fund for 2024", "22 December 2023", "Recalling its previous decisions,"),
    ];
    let g = LineageGraph::build(&docs);
    assert_eq!(g.series_of("A/RES/79/287").unwrap().members, ["A/RES/78/280", "A/RES/79/287"]);
    assert_eq!(g.series_of("A/RES/79/261").unwrap().members, ["A/RES/78/256", "A/RES/79/261"]);
}
