//! The diff page is navigable without script: unchanged runs folded in `<details>`, the
//! counts and the summary's paragraph numbers are links, each change links to the
//! previous and the next, and an inline one-column layout stands beside side by side.

mod diff_support;

use diff_support::{read, ZH_47_23, ZH_53_29};
use lineage::diff::{diff_documents, DiffOptions, Status};
use regex::Regex;

#[test]
fn the_seed_diff_page_can_be_walked_change_by_change() {
    let diff = diff_documents(&read(ZH_47_23), &read(ZH_53_29), &DiffOptions::default());
    let html = lineage::render::diff_html::diff(&diff);
    // Folded: the first run of unchanged paragraphs (PP1, PP2) is one details element.
    assert!(html.contains("<details class=\"same\"><summary>2 unchanged paragraphs: PP1–PP2</summary>"), "folded runs");
    let unchanged = diff.paragraphs.iter().filter(|p| p.status == Status::Unchanged).count();
    let folded: usize = Regex::new(r"<summary>(\d+) unchanged")
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].parse::<usize>().unwrap())
        .sum();
    assert_eq!(folded, unchanged, "every unchanged paragraph is folded, and only those");
    // The counts link to the first paragraph of their kind.
    assert!(html.contains("<td><a href=\"#PP3\" title=\"first modified paragraph\">16</a></td>"), "{}", &html[..3000]);
    // The summary's paragraph numbers are links.
    assert!(html.contains("(<a href=\"#OP5\">OP5</a>)"), "summary ids linked");
    // Every change but the last links to the next one, and every link inside the page
    // lands on an anchor that exists.
    let changes = diff.paragraphs.iter().filter(|p| p.status != Status::Unchanged).count();
    assert_eq!(html.matches("title=\"next change\"").count(), changes - 1);
    assert_eq!(html.matches("title=\"previous change\"").count(), changes - 1);
    let ids: std::collections::HashSet<&str> =
        Regex::new(r#"\bid="([^"]+)""#).unwrap().captures_iter(&html).map(|c| c.get(1).unwrap().as_str()).collect();
    for c in Regex::new(r##"href="#([^"]+)""##).unwrap().captures_iter(&html) {
        assert!(ids.contains(&c[1]), "#{} has no anchor", &c[1]);
    }
    // Both layouts are in the page; the switch is a pair of radio buttons, no script.
    assert!(html.contains("id=\"layout-inline\"") && html.contains("body:has(#layout-inline:checked)"));
    assert!(html.contains("<div class=\"text inline\">回顾<del>一切</del><ins>所有</ins>"), "inline cell holds both sides");
    assert!(html.contains("@media (max-width: 700px)"), "stacked on a narrow screen");
    assert!(html.contains("@page { size: A4"), "A4 print");
    assert!(!html.contains("<script"));
}
