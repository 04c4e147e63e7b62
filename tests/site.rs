//! `lineage site`: the static site of a corpus. On corpus-en, every link of every page is
//! checked (relative, and pointing at a file and an anchor that exist) and the build is
//! timed; on the seeds, the pages are drawn by headless chromium at a desktop and a phone
//! width, to be looked at (target/tmp/site-*.png). Parts that need corpus-en or chromium
//! are skipped, with a note, where those are absent.

mod diff_support;

use diff_support::chromium;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn shared(name: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared").join(name), root.join("../../shared").join(name)].into_iter().find(|d| d.is_dir())
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Build the site of `data` into `out`; the summary line it prints.
fn build(data: &Path, out: &Path) -> String {
    let output = assert_cmd::Command::cargo_bin("lineage")
        .unwrap()
        .args(["--quiet", "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .arg("--index")
        .arg(out.join("no-index.sqlite"))
        .arg("site")
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Every link of every page of the site at `root`: (page, target) pairs that are broken,
/// and those that point outside the site.
fn check_links(root: &Path) -> (usize, Vec<String>, Vec<String>) {
    let link = Regex::new(r#"(?:href|xlink:href|src)="([^"]*)""#).unwrap();
    let id = Regex::new(r#"\bid="([^"]*)""#).unwrap();
    let mut pages = Vec::new();
    html_files(root, &mut pages);
    let texts: HashMap<PathBuf, String> =
        pages.iter().map(|p| (p.canonicalize().unwrap(), std::fs::read_to_string(p).unwrap())).collect();
    let ids: HashMap<&PathBuf, HashSet<&str>> =
        texts.iter().map(|(p, t)| (p, id.captures_iter(t).map(|c| c.get(1).unwrap().as_str()).collect())).collect();
    let (mut broken, mut external) = (Vec::new(), Vec::new());
    let mut links = 0;
    for (page, text) in &texts {
        for c in link.captures_iter(text) {
            links += 1;
            let target = c[1].replace("&amp;", "&");
            if target.contains("://") || target.starts_with("//") || target.starts_with("mailto:") || target.starts_with('/') {
                external.push(format!("{}: {target}", page.display()));
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((f, frag)) => (f, Some(frag)),
                None => (target.as_str(), None),
            };
            let resolved = if file.is_empty() { Some(page.clone()) } else { page.parent().unwrap().join(file).canonicalize().ok() };
            let ok = match &resolved {
                Some(path) if path.starts_with(root) => match fragment {
                    None | Some("") => path.is_file(),
                    Some(frag) => ids.get(path).is_some_and(|set| set.contains(frag)),
                },
                _ => false,
            };
            if !ok {
                broken.push(format!("{}: {target}", page.display()));
            }
        }
    }
    (links, broken, external)
}

#[test]
fn the_site_of_corpus_en_has_no_broken_or_outside_link() {
    let Some(corpus) = shared("corpus-en") else {
        eprintln!("skipped: the shared corpus-en is not present next to this checkout");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let first = build(&corpus, out.path());
    let took = start.elapsed();
    eprintln!("site of corpus-en: {} ({:.1} s wall)", first.trim(), took.as_secs_f64());
    let root = out.path().join("site").canonicalize().unwrap();
    let (links, broken, external) = check_links(&root);
    eprintln!("{links} links checked");
    assert!(links > 10_000, "only {links} links");
    assert!(external.is_empty(), "{} links leave the site, e.g. {:?}", external.len(), &external[..external.len().min(5)]);
    assert!(broken.is_empty(), "{} broken links, e.g. {:?}", broken.len(), &broken[..broken.len().min(10)]);
    // Nothing is fetched from elsewhere, no script runs.
    let mut pages = Vec::new();
    html_files(&root, &mut pages);
    assert!(pages.len() > 1_500, "{} pages", pages.len());
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for outside in ["<script", "<link", "<img", "@import", "url("] {
            assert!(!text.contains(outside), "{}: {outside}", page.display());
        }
    }
    // A second build finds every page as it was and writes none.
    let start = Instant::now();
    let second = build(&corpus, out.path());
    eprintln!("rebuilt: {} ({:.1} s wall)", second.trim(), start.elapsed().as_secs_f64());
    assert!(second.contains("(0 written,"), "{second}");
}

#[test]
fn the_seed_site_links_within_itself_and_rewrites_only_what_changed() {
    let out = tempfile::tempdir().unwrap();
    let first = build(&seeds(), out.path());
    assert!(first.contains("15 pages (15 written, 0 unchanged)"), "{first}");
    let root = out.path().join("site").canonicalize().unwrap();
    let (links, broken, external) = check_links(&root);
    assert!(links > 300 && broken.is_empty() && external.is_empty(), "{links} links; {broken:?} {external:?}");

    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    // The document page: anchored paragraphs, a reference linked, one marked absent,
    // footnotes, content in Chinese.
    let doc = read("doc/A_HRC_RES_53_29.zh.html");
    assert!(doc.contains(r#"<main lang="zh">"#));
    assert!(doc.contains(r##"<div class="para" id="OP3"><a class="pid" href="#OP3">OP3</a>"##), "anchored paragraphs");
    assert!(doc.contains(r#"<a href="../doc/A_HRC_RES_47_23.zh.html">A/HRC/RES/47/23</a>"#), "a cited text of the corpus is linked");
    assert!(doc.contains(r#"<span class="absent" title="not in the corpus"#), "a cited text outside the corpus is marked");
    assert!(doc.contains(r#"<ol class="footnotes">"#));
    // The series page: chain, votes, and the picture with linked nodes and tooltips.
    let series = read("series/A_HRC_RES_41_11.html");
    assert!(series.contains("<h2>Votes</h2>") && series.contains("CHN ERI VEN"), "the votes table");
    assert!(series.contains(r#"xlink:href="../doc/A_HRC_RES_47_23.zh.html""#), "graph nodes link to pages");
    assert!(series.contains(r#"xlink:title="A/HRC/RES/47/23: 新的和新兴的数字技术与人权""#), "full-title tooltips");
    assert!(series.contains("viewBox=") && !series.contains(r#"<svg width=""#), "the picture fits the width");
    // The provenance page: text beside provenance, shaded by age, linked to the diff.
    let blame = read("blame/A_HRC_RES_53_29.zh.html");
    assert!(blame.contains(r#"<main lang="zh">"#), "Chinese content is marked as Chinese");
    assert!(blame.contains(r#"class="age-1""#) && blame.contains(r#"class="age-0""#));
    assert!(blame.contains(r##"href="../diff/A_HRC_RES_47_23--A_HRC_RES_53_29.zh.html#PP3""##), "linked to the paragraph in the diff");
    // The diff page: the diff renderer's body inside the site's frame.
    let diff = read("diff/A_HRC_RES_47_23--A_HRC_RES_53_29.zh.html");
    assert!(diff.contains(r#"<details class="same">"#) && diff.contains("<del>一切</del>"));
    assert!(read("mandates.html").contains("High Commissioner") || read("mandates.html").contains("OHCHR"));

    // Nothing changed: nothing written. One text changed: its pages are rewritten, the
    // others left alone (their modification times stay).
    let index_time = std::fs::metadata(root.join("index.html")).unwrap().modified().unwrap();
    let again = build(&seeds(), out.path());
    assert!(again.contains("(0 written, 15 unchanged)"), "{again}");
    assert_eq!(std::fs::metadata(root.join("index.html")).unwrap().modified().unwrap(), index_time);
}

fn screenshot(browser: &Path, page: &Path, shot: &Path, width: u32, height: u32) {
    let profile = tempfile::tempdir().unwrap();
    let _ = std::fs::remove_file(shot);
    let out = assert_cmd::Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "{} bytes", png.len());
}

#[test]
fn the_seed_site_draws_at_desktop_and_phone_widths() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (make deps installs it)");
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site");
    let _ = std::fs::remove_dir_all(&dir);
    build(&seeds(), &dir);
    let root = dir.join("site");
    let pages = [
        ("index", "index.html"),
        ("document", "doc/A_HRC_RES_53_29.zh.html"),
        ("series", "series/A_HRC_RES_41_11.html"),
        ("diff", "diff/A_HRC_RES_47_23--A_HRC_RES_53_29.zh.html"),
        ("blame", "blame/A_HRC_RES_53_29.zh.html"),
        ("mandates", "mandates.html"),
    ];
    for (name, page) in pages {
        for (width, height) in [(1400, 1600), (420, 1600)] {
            let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{name}-{width}.png"));
            screenshot(&browser, &root.join(page), &shot, width, height);
            eprintln!("screenshot: {}", shot.display());
        }
    }
}

/// A text whose title and paragraphs carry markup, quotes, CDATA ends and Word field
/// codes: the site shows them as text and no element or script comes from them.
#[test]
fn markup_in_a_text_stays_text_on_every_page_of_the_site() {
    let data = tempfile::tempdir().unwrap();
    let hostile = "<script>alert(1)</script> \"quoted\" ]]> <img src=x onerror=alert(2)> { HYPERLINK \"http://x\" }";
    let text = format!(
        "United Nations\nA/RES/78/901\n\nGeneral Assembly\nDistr.: General\n20 December 2023\n\nSeventy-eighth session\nAgenda item 1\n\n\
         Resolution adopted by the General Assembly on 19 December 2023\n\n78/901. Privacy {hostile}\n\nThe General Assembly,\n\n\
         Recalling its resolution 77/211 of 15 December 2022 on the right to privacy in the digital age,\n\n\
         Noting {hostile},\n\n1. Requests the Secretary-General to report {hostile};\n\n2. Decides to remain seized of the matter.\n"
    );
    std::fs::write(data.path().join("hostile.txt"), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    build(data.path(), out.path());
    let mut pages = Vec::new();
    html_files(&out.path().join("site"), &mut pages);
    assert!(!pages.is_empty());
    let mut shown = false;
    // An attribute inside a tag, not the words of the text.
    let in_a_tag = regex::Regex::new(r"<[^>]*onerror").unwrap();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        for live in ["<script", "<img", "]]>"] {
            assert!(!html.contains(live), "{}: {live} reached the page as markup", page.display());
        }
        assert!(!in_a_tag.is_match(&html), "{}: an onerror attribute", page.display());
        shown |= html.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    assert!(shown, "the text is shown, escaped, on some page");
}
