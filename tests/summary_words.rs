//! The summary of a diff speaks as the texts do, says what it does not know, and agrees
//! with the table, on the seeds and on corpus-en (skipped where absent).

mod diff_support;

use diff_support::{read, shared, ZH_47_23, ZH_53_29};
use lineage::diff::{diff_documents, DiffOptions};
use lineage::render::diff_text::TextStyle;
use lineage::render::{self, DiffFormat};

#[test]
fn the_seeds_summary_names_people_and_sessions_and_what_changed() {
    let d = diff_documents(&read(ZH_47_23), &read(ZH_53_29), &DiffOptions::default());
    let text = render::diff(&d, DiffFormat::Text, TextStyle::default());
    assert!(text.contains("New request (OP5): the Office of the High Commissioner: a report, then an interactive dialogue, at the Council's 56th session (2024)"), "{text}");
    // 53/29 OP6 asks the High Commissioner for technical assistance; 47/23 OP5 asked the Office.
    assert!(text.contains("Request carried over (OP5 → OP6): technical assistance; now addressed to the High Commissioner (was the Office of the High Commissioner)"));
    // The table does not pair OP5 with OP6, and the summary says so.
    assert!(text.contains("(the table shows OP5 removed and OP6 added"));
    for code in ["HighCommissioner", "technical_assistance", "interactive_dialogue", "due at session"] {
        assert!(!text.contains(code), "{code} in the text summary");
    }
    let json = render::diff(&d, DiffFormat::Json, TextStyle::default());
    assert!(json.contains("\"HighCommissioner\"") && json.contains("\"from_addressee\""), "codes stay in JSON");
    let html = render::diff(&d, DiffFormat::Html, TextStyle::default());
    assert!(html.contains("New request (<a href=\"#OP5\">OP5</a>)"), "summary ids link to rows");
    assert!(html.contains("(<a href=\"#from-OP5\">OP5</a> → <a href=\"#OP6\">OP6</a>)"));
    assert!(html.contains("class=\"similarity\" title=\"likeness"), "a shown similarity is explained");
    assert!(html.contains("<td><a href=\"#PP"), "counts link to their rows");
    let md = render::diff(&d, DiffFormat::Md, TextStyle::default());
    assert!(!md.contains('\u{200B}'), "no zero-width spaces in the Markdown");
}

#[test]
fn a_ga_pair_with_no_vote_stated_says_so() {
    let Some(dir) = shared("corpus-en") else {
        eprintln!("skipped: corpus-en is absent");
        return;
    };
    let old = lineage::reader::read_file(&dir.join("A_RES_78_221.en.txt")).unwrap();
    let new = lineage::reader::read_file(&dir.join("A_RES_79_184.en.txt")).unwrap();
    let d = diff_documents(&old, &new, &DiffOptions::default());
    for format in [DiffFormat::Text, DiffFormat::Md, DiffFormat::Html] {
        let out = render::diff(&d, format, TextStyle::default());
        assert!(out.contains("Vote: not stated in either text"));
        assert!(!out.contains("unchanged (not stated)"));
        assert!(out.contains("moved and reworded") || out.contains("and reworded"));
        // The deadline moved: said once, as the change, not also before it.
        assert!(out.contains("the Secretary-General: a report, then an interactive dialogue; now due at the General Assembly"));
    }
    let text = render::diff(&d, DiffFormat::Text, TextStyle::default());
    assert!(text.contains("now due at the General Assembly's 80th session (2025) and the Council's 59th session (2025) (was the General Assembly's 79th session (2024)"));
}
