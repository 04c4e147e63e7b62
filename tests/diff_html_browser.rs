//! The diff's HTML page in a real browser (Debian's chromium, headless): it renders to a
//! screenshot, and a `<script>` written in a paragraph stays text in the DOM. Skipped,
//! with a note, where chromium is not installed (`make deps` installs it).

mod diff_support;

use diff_support::{chromium, read, ZH_47_23, ZH_53_29};
use lineage::diff::{diff_documents, DiffOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Run headless chromium on a page with the given extra flags; stdout as text.
fn run_chromium(browser: &Path, page: &Path, flags: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(flags)
        .arg(format!("file://{}", page.display()))
        .timeout(Duration::from_secs(120))
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_page_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (make deps installs it)");
        return;
    };
    let diff = diff_documents(&read(ZH_47_23), &read(ZH_53_29), &DiffOptions::default());
    // Kept where cargo keeps test output, to be looked at: target/tmp/.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let page = dir.join("diff_47_23_53_29.html");
    let shot = dir.join("diff_47_23_53_29.png");
    std::fs::write(&page, lineage::render::diff_html::diff(&diff)).unwrap();
    let _ = std::fs::remove_file(&shot);
    run_chromium(&browser, &page, &[format!("--screenshot={}", shot.display())]);
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000, "{} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn a_script_in_a_paragraph_stays_text_in_the_dom() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (make deps installs it)");
        return;
    };
    let read_text = |text: &str| lineage::reader::read_bytes(text.as_bytes(), Path::new("x.txt")).unwrap();
    let old = read_text("人权理事会\n\n1/1. 标题\n\n人权理事会，\n\n回顾以往的决议，\n\n1. 决定继续处理此事。\n");
    let new = read_text(
        "人权理事会\n\n2/1. 标题\n\n人权理事会，\n\n回顾以往的<script>alert(1)</script>决议，\n\n\
         1. 决定继续处理此事。<img src=x onerror=alert(2)>\n",
    );
    let diff = diff_documents(&old, &new, &DiffOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("script.html");
    std::fs::write(&page, lineage::render::diff_html::diff(&diff)).unwrap();
    let dom = run_chromium(&browser, &page, &["--dump-dom".to_string()]);
    assert!(dom.contains("</html>"), "the DOM was dumped: {dom}");
    assert!(!dom.contains("<script") && !dom.contains("<img"), "an element was made from document text:\n{dom}");
    assert!(text_content(&dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown as written");
}

/// The DOM dump without its tags: what a reader sees, still entity-escaped.
fn text_content(dom: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in dom.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_page_prints_on_a4_with_the_symbols_and_page_numbers() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (make deps installs it)");
        return;
    };
    let diff = diff_documents(&read(ZH_47_23), &read(ZH_53_29), &DiffOptions::default());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let page = dir.join("diff_print.html");
    let pdf = dir.join("diff_47_23_53_29.pdf");
    std::fs::write(&page, lineage::render::diff_html::diff(&diff)).unwrap();
    let _ = std::fs::remove_file(&pdf);
    run_chromium(&browser, &page, &["--no-pdf-header-footer".to_string(), format!("--print-to-pdf={}", pdf.display())]);
    let bytes = std::fs::read(&pdf).expect("a PDF was written");
    let text = String::from_utf8_lossy(&bytes);
    // A4 is 595 × 842 points (US Letter would be 612 × 792).
    assert!(text.contains("/MediaBox [0 0 594.9") && !text.contains("/MediaBox [0 0 612"), "not A4");
    // The running header and the page numbers, where poppler can read the text back.
    if let Ok(out) = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output() {
        let printed = String::from_utf8_lossy(&out.stdout);
        let pages = printed.matches("A/HRC/RES/47/23 → A/HRC/RES/53/29").count();
        assert!(pages >= 3, "the symbols head every page ({pages})");
        assert!(printed.contains("page 1 of ") && printed.contains("page 2 of "), "page numbers");
        // Folded paragraphs are printed too.
        assert!(printed.contains("遵循《联合国宪章》"), "unchanged PP1 is on paper");
    }
}
