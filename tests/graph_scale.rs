//! `graph --format svg|dot` on graphs small and large: the picture reads oldest → newest
//! left to right, has a legend, fits the width, wraps labels and names a text without a
//! symbol by its title; inside a series the citations the succession chain implies are
//! not drawn (JSON keeps them); a graph past the node budget is refused at once with the
//! choices, and Graphviz never runs past its time limit.

use lineage::render::dot;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn lineage() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(["--quiet", "--index", "/nonexistent/index.sqlite"]);
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = lineage().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn has_dot() -> bool {
    std::env::var_os("PATH")
        .and_then(|p| p.to_str().map(|p| p.split(':').any(|d| Path::new(d).join("dot").is_file())))
        .unwrap_or(false)
}

#[test]
fn the_seed_graph_reads_left_to_right_with_a_legend_and_wrapped_labels() {
    let dot = stdout(&["graph", "--format", "dot"]);
    assert!(dot.contains("rankdir=\"LR\""), "oldest on the left");
    // Edges are laid out older → newer, the arrow drawn at the older end.
    assert!(dot.contains("\"A/HRC/RES/47/23\" -> \"A/HRC/RES/53/29\""), "{dot}");
    assert!(dot.contains("dir=\"back\""));
    assert!(dot.contains("Legend"));
    // The report that states no symbol is named by its title, not its file's name.
    let label_of_000 = dot.lines().find(|l| l.trim_start().starts_with("\"000_316f946a38dde5ab\"")).expect("node of seed 000");
    assert!(label_of_000.contains("label=\"关于冠状病毒"), "{label_of_000}");
    assert!(!label_of_000.contains("label=\"000_"), "{label_of_000}");
    // No title is cut: every title of the corpus stands whole in its label once the
    // line breaks are taken out.
    let flat = dot.replace("\\n", "");
    for title in ["新的和新兴的数字技术与人权", "关于冠状病毒病(COVID-19)大流行期间和之后以善治促进和保护人权的专题小组讨论"] {
        assert!(flat.contains(title), "{title}");
    }
    assert!(!dot.contains('…') || dot.contains("documents cited"), "titles are wrapped, not cut");
    if has_dot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.svg");
        lineage().args(["graph", "--format", "svg", "-o"]).arg(&path).assert().success();
        let svg = std::fs::read_to_string(&path).unwrap();
        let root = &svg[svg.find("<svg").unwrap()..];
        let root = &root[..root.find('>').unwrap()];
        assert!(root.contains("viewBox=") && root.contains("width=\"100%\""), "{root}");
        assert!(!root.contains("height=\""), "no fixed height: {root}");
    }
}

#[test]
fn inside_a_series_citations_the_chain_implies_are_drawn_no_more_but_kept_in_json() {
    // Three texts of one series; the newest recalls both older ones.
    let dir = tempfile::tempdir().unwrap();
    let text = |number: &str, recalls: &str| {
        format!("人权理事会\n\n{number}. 新的和新兴的数字技术与人权\n\n人权理事会，\n\n{recalls}遵循《联合国宪章》的宗旨和原则，\n\n1. 决定继续处理此事。\n")
    };
    std::fs::write(dir.path().join("a.txt"), text("41/11", "")).unwrap();
    std::fs::write(dir.path().join("b.txt"), text("47/23", "回顾人权理事会 2019 年 7 月 11 日第 41/11 号决议，\n\n")).unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        text("53/29", "回顾人权理事会 2019 年 7 月 11 日第 41/11 号决议和 2021 年 7 月 13 日第 47/23 号决议，\n\n"),
    )
    .unwrap();
    let data = dir.path().to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&["--data", data, "graph", "--format", "json"])).unwrap();
    let cites = |from: &str, to: &str| {
        json["edges"].as_array().unwrap().iter().any(|e| e["from"] == from && e["to"] == to && e["kind"] == "cites")
    };
    assert_eq!(json["series"][0]["members"].as_array().map(Vec::len), Some(3), "{json}");
    assert!(cites("A/HRC/RES/53/29", "A/HRC/RES/41/11"), "53/29 recalls 41/11: kept in JSON");
    let dot = stdout(&["--data", data, "graph", "--format", "dot"]);
    assert!(!dot.contains("\"A/HRC/RES/41/11\" -> \"A/HRC/RES/53/29\""), "not drawn beside the chain:\n{dot}");
    assert!(dot.contains("\"A/HRC/RES/41/11\" -> \"A/HRC/RES/47/23\""), "the chain is drawn:\n{dot}");
    assert!(dot.contains("\"A/HRC/RES/47/23\" -> \"A/HRC/RES/53/29\""), "the chain is drawn:\n{dot}");
}

fn corpus_en() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared/corpus-en"), root.join("../../shared/corpus-en")].into_iter().find(|d| d.is_dir())
}

#[test]
fn a_graph_past_the_budget_is_refused_at_once_with_the_choices() {
    let Some(corpus) = corpus_en() else {
        eprintln!("skipped: the shared corpus-en is not present next to this checkout");
        return;
    };
    let start = Instant::now();
    let out = lineage().arg("--data").arg(&corpus).args(["graph", "--format", "svg"]).output().unwrap();
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for choice in ["--series ID", "--corpus-only", "--max-nodes N", "--format json"] {
        assert!(err.contains(choice), "{choice}: {err}");
    }
    assert!(err.contains("nodes to draw") && err.lines().count() < 10, "{err}");
    assert!(took < Duration::from_secs(30), "refused in {:.1} s", took.as_secs_f64());
    // DOT is still written (other tools may lay it out), with the warning.
    let out = lineage().arg("--data").arg(&corpus).args(["graph", "--format", "dot"]).output().unwrap();
    assert!(out.status.success() && out.stdout.starts_with(b"digraph"));
    // The texts of the corpus alone fit, and are drawn.
    if has_dot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.svg");
        lineage().arg("--data").arg(&corpus).args(["graph", "--format", "svg", "--corpus-only", "-o"]).arg(&path).assert().success();
        assert!(std::fs::read_to_string(&path).unwrap().contains("A/RES/78/1"));
    }
}

#[test]
fn graphviz_is_stopped_at_its_time_limit_and_its_messages_summarised() {
    if !has_dot() {
        eprintln!("skipped: Graphviz is not installed");
        return;
    }
    // A chain of 3,000 nodes takes Graphviz well over the 1 ms allowed here.
    let mut source = String::from("digraph g {\n");
    for i in 0..3000 {
        source.push_str(&format!("n{i} -> n{};\n", i + 1));
    }
    source.push('}');
    let start = Instant::now();
    let err = dot::run_dot(&source, Duration::from_millis(1)).unwrap_err();
    assert!(err.contains("stopped after"), "{err}");
    eprintln!("stopped graphviz in {:?}", start.elapsed());
    // Bad input: its many messages come back as one line.
    let err = dot::run_dot("digraph { a -> }", Duration::from_secs(30)).unwrap_err();
    assert!(err.contains("failed") && !err.contains('\n'), "{err}");
}
