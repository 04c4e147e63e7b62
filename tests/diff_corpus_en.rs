//! Real successors: every General Assembly resolution of the 78th session in
//! `../shared/corpus-en/` whose title recurs at the 79th is diffed with its successor,
//! without error, each paragraph of both texts in exactly one pair (or one split or
//! merge group), each pair's runs spelling its texts. Skipped, with a message, where the
//! folder is absent.

mod diff_support;

use diff_support::{assert_invariants, invariant_problems, successor_pairs};
use lineage::diff::{diff_documents, DiffOptions, Status};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    diff_support::shared("corpus-en")
}

#[test]
fn successors_from_the_78th_to_the_79th_session_diff_cleanly() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    };
    let pairs = successor_pairs(&dir);
    assert!(pairs.len() >= 100, "only {} successor pairs found", pairs.len());
    let mut failures = Vec::new();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let mut paragraphs = 0;
    for (title, a, b) in &pairs {
        let (Ok(old), Ok(new)) = (lineage::reader::read_file(&dir.join(a)), lineage::reader::read_file(&dir.join(b))) else {
            failures.push(format!("{a} or {b} cannot be read"));
            continue;
        };
        // Both ways of comparing: the runs rebuild both texts exactly either way.
        let Ok(exact) = std::panic::catch_unwind(|| diff_documents(&old, &new, &DiffOptions { exact: true, ..DiffOptions::default() })) else {
            failures.push(format!("{} → {} ({title}): the exact diff panicked", old.symbol, new.symbol));
            continue;
        };
        let problems = invariant_problems(&exact, &old, &new);
        if !problems.is_empty() {
            failures.push(format!("{} → {} ({title}) --exact: {}", old.symbol, new.symbol, problems.join("; ")));
        }
        let Ok(diff) = std::panic::catch_unwind(|| diff_documents(&old, &new, &DiffOptions::default())) else {
            failures.push(format!("{} → {} ({title}): the diff panicked", old.symbol, new.symbol));
            continue;
        };
        let problems = invariant_problems(&diff, &old, &new);
        if !problems.is_empty() {
            failures.push(format!("{} → {} ({title}): {}", old.symbol, new.symbol, problems.join("; ")));
        }
        for p in &diff.paragraphs {
            *totals.entry(p.status.as_str()).or_default() += 1;
        }
        paragraphs += new.paragraphs.len();
    }
    eprintln!("{} successor pairs, {paragraphs} paragraphs in the 79th-session texts: {totals:?}", pairs.len());
    assert!(failures.is_empty(), "{} of {} pairs:\n{}", failures.len(), pairs.len(), failures.join("\n"));
    // Successors keep most of their predecessor's text: most paragraphs are paired.
    let paired = paragraphs - totals.get("added").copied().unwrap_or(0);
    assert!(paired * 10 >= paragraphs * 8, "only {paired} of {paragraphs} paragraphs paired");
}

#[test]
fn a_text_diffed_with_itself_is_unchanged_throughout() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    };
    let (_, a, _) = successor_pairs(&dir).into_iter().next().expect("a pair");
    let doc = lineage::reader::read_file(&dir.join(a)).unwrap();
    let diff = diff_documents(&doc, &doc, &DiffOptions { exact: true, ..DiffOptions::default() });
    assert_invariants(&diff, &doc, &doc);
    assert!(diff.paragraphs.iter().all(|p| p.status == Status::Unchanged && p.from == p.to));
}

/// Pairs read by hand in real successors, as a delegate reads them.
#[test]
fn real_successors_read_as_a_delegate_reads_them() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return;
    };
    let read = |symbol: &str| lineage::reader::read_file(&dir.join(format!("{}.en.txt", symbol.replace('/', "_")))).unwrap();
    let rows: [(&str, &str, &str, &str, Status, &str); 8] = [
        // The yearly citation of the previous resolution: only its numbers change.
        ("A/RES/78/85", "A/RES/79/98", "PP4", "PP4", Status::Modified, "new citation"),
        // The list of conferences brought up to date.
        ("A/RES/78/241", "A/RES/79/62", "PP7", "PP10", Status::Modified, "updated list"),
        // Moved down past an unchanged paragraph: not paired with a neighbour by boilerplate.
        ("A/RES/78/249", "A/RES/79/255", "OP5", "OP9", Status::Moved, "digitization of archives"),
        // "Looks forward to the Fourth Conference" became "Welcoming the hosting of" it.
        ("A/RES/78/232", "A/RES/79/203", "OP30", "PP9", Status::Moved, "operative made preambular"),
        ("A/RES/78/232", "A/RES/79/203", "PP1", "PP3", Status::Modified, "second clause split off"),
        // The World Maritime Day theme, from the pollution section to the safety one.
        ("A/RES/78/69", "A/RES/79/144", "OP234", "OP155", Status::Moved, "moved across sections"),
        ("A/RES/78/87", "A/RES/79/100", "PP20", "PP17", Status::Moved, "re-engagement, moved up"),
        ("A/RES/78/87", "A/RES/79/100", "OP17", "OP17", Status::Modified, "next session"),
    ];
    for (a, b, from, to, status, why) in rows {
        let diff = diff_documents(&read(a), &read(b), &DiffOptions::default());
        let found = diff.paragraphs.iter().find(|p| p.from.as_deref() == Some(from) && p.to.as_deref() == Some(to));
        assert_eq!(found.map(|p| p.status), Some(status), "{a} {from} → {b} {to} ({why})");
    }
    let sids = diff_documents(&read("A/RES/78/232"), &read("A/RES/79/203"), &DiffOptions::default());
    let split = sids.paragraphs.iter().find(|p| p.to.as_deref() == Some("PP3")).and_then(|p| p.group.clone()).expect("a split");
    assert_eq!((split.from, split.to), (vec!["PP1".to_string()], vec!["PP2".to_string(), "PP3".to_string()]));
}
