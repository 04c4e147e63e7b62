//! What every diff must satisfy, whatever the texts: shared by the diff test files.

#![allow(dead_code)]

use lineage::diff::inline::{new_text, old_text};
use lineage::diff::{DocumentDiff, GroupKind, ParagraphPair, Status};
use lineage::model::Document;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A shared corpus folder: `../shared/NAME` beside the checkout, or under
/// `$LINEAGE_SHARED` where the checkout lives elsewhere (a worktree one level deeper).
pub fn shared(name: &str) -> Option<PathBuf> {
    let beside = root().join("../shared").join(name);
    let from_env = std::env::var_os("LINEAGE_SHARED").map(|d| PathBuf::from(d).join(name));
    [Some(beside), from_env].into_iter().flatten().find(|d| d.is_dir())
}

pub fn read(relative: &str) -> Document {
    let path = root().join(relative);
    lineage::reader::read_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub const ZH_47_23: &str = "data/001_9fe8283bea68d15f.txt";
pub const ZH_53_29: &str = "data/002_3102da6d256530e0.txt";
pub const EN_47_23: &str = "tests/fixtures/en/hrc_47_23.en.txt";
pub const EN_53_29: &str = "tests/fixtures/en/hrc_53_29.en.txt";

/// The (from, to, status) of each pair, in reading order.
pub fn triples(diff: &DocumentDiff) -> Vec<(Option<String>, Option<String>, Status)> {
    diff.paragraphs.iter().map(|p| (p.from.clone(), p.to.clone(), p.status)).collect()
}

/// Every paragraph of both texts is in exactly one pair, except the whole of a split
/// (in each pair of its group) and the result of a merge (likewise); each pair's runs
/// spell its texts. Returns the problems found, empty when all is well.
pub fn invariant_problems(diff: &DocumentDiff, old: &Document, new: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    let in_group = |p: &ParagraphPair, kind: GroupKind| p.group.as_ref().is_some_and(|g| g.kind == kind);
    for (side, doc) in [("old", old), ("new", new)] {
        for paragraph in &doc.paragraphs {
            let id = Some(paragraph.id.clone());
            let pairs: Vec<&ParagraphPair> = diff
                .paragraphs
                .iter()
                .filter(|p| if side == "old" { p.from == id } else { p.to == id })
                .collect();
            let group_kind = if side == "old" { GroupKind::Split } else { GroupKind::Merge };
            let ok = pairs.len() == 1 || (pairs.len() > 1 && pairs.iter().all(|p| in_group(p, group_kind)));
            if !ok {
                problems.push(format!("{side} {} is in {} pairs", paragraph.id, pairs.len()));
            }
        }
    }
    let ids = |d: &Document| d.paragraphs.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    for p in &diff.paragraphs {
        if p.from.as_ref().is_some_and(|f| !ids(old).contains(f)) || p.to.as_ref().is_some_and(|t| !ids(new).contains(t)) {
            problems.push(format!("pair {:?} → {:?} names a paragraph the texts do not have", p.from, p.to));
        }
        if p.from.is_none() && p.to.is_none() {
            problems.push("a pair with neither side".into());
        }
        if !(0.0..=1.0).contains(&p.similarity) {
            problems.push(format!("{:?} similarity {}", p.to, p.similarity));
        }
    }
    problems.extend(spelling_problems(diff, old, new));
    problems
}

/// Equal + insert runs spell the new text exactly, and equal + delete runs the old text
/// exactly (with or without `exact`: a punctuation change is a minor run, never a
/// character borrowed from the other text). In a split the pieces'
/// runs, read in order, spell the whole old paragraph; in a merge, the whole new one.
fn spelling_problems(diff: &DocumentDiff, old: &Document, new: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    let full = |d: &Document, id: &Option<String>| id.as_ref().and_then(|i| d.paragraph(i)).map(|p| p.full_text()).unwrap_or_default();
    let same = |a: &str, b: &str| a == b;
    let group_of = |p: &ParagraphPair| p.group.as_ref().map(|g| g.kind);
    for p in &diff.paragraphs {
        let label = format!("{:?} → {:?}", p.from, p.to);
        if group_of(p) != Some(GroupKind::Merge) && new_text(&p.inline) != full(new, &p.to) {
            problems.push(format!("{label}: runs do not spell the new text"));
        }
        if group_of(p) != Some(GroupKind::Split) && !same(&old_text(&p.inline), &full(old, &p.from)) {
            problems.push(format!("{label}: runs do not spell the old text"));
        }
    }
    for (kind, whole_of, spell, doc) in [
        (GroupKind::Split, (|p: &ParagraphPair| p.from.clone()) as fn(&ParagraphPair) -> Option<String>, old_text as fn(&[_]) -> String, old),
        (GroupKind::Merge, |p: &ParagraphPair| p.to.clone(), new_text, new),
    ] {
        let mut wholes: Vec<Option<String>> = diff.paragraphs.iter().filter(|p| group_of(p) == Some(kind)).map(whole_of).collect();
        wholes.dedup();
        for whole in wholes {
            let spelt: String = diff
                .paragraphs
                .iter()
                .filter(|p| group_of(p) == Some(kind) && whole_of(p) == whole)
                .map(|p| spell(&p.inline))
                .collect();
            if !same(&spelt, &full(doc, &whole)) {
                problems.push(format!("{kind:?} of {whole:?}: the pieces do not spell the whole"));
            }
        }
    }
    problems
}

pub fn assert_invariants(diff: &DocumentDiff, old: &Document, new: &Document) {
    let problems = invariant_problems(diff, old, new);
    assert!(problems.is_empty(), "{} → {}:\n{}", diff.from, diff.to, problems.join("\n"));
}

/// Compare rendered JSON with the snapshot of that name, structurally (key order and
/// spacing aside); with `UPDATE_SNAPSHOTS=1`, store it as rendered instead, so the file
/// reads in the order the renderer writes (from, to, status… before the redline).
pub fn write_or_compare_snapshot(name: &str, rendered: &str) {
    let path = root().join("tests/snapshots").join(name);
    let actual: serde_json::Value = serde_json::from_str(rendered).expect("the renderer writes JSON");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, rendered).unwrap();
        eprintln!("wrote snapshot {}", path.display());
        return;
    }
    let stored = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; write it with UPDATE_SNAPSHOTS=1 and read it", path.display()));
    let expected: serde_json::Value = serde_json::from_str(&stored).unwrap();
    if expected != actual {
        let want = serde_json::to_string_pretty(&expected).unwrap();
        let got = serde_json::to_string_pretty(&actual).unwrap();
        let first = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{} differs from the diff made now, first at line {}:\n  snapshot: {}\n  now:      {}\n\
             If the change is right, rewrite it with UPDATE_SNAPSHOTS=1 and read the difference.",
            path.display(),
            first + 1,
            want.lines().nth(first).unwrap_or(""),
            got.lines().nth(first).unwrap_or("")
        );
    }
}

/// (78th-session file, 79th-session file) pairs of `corpus-en` whose manifest titles are
/// the same: a resolution and its successor.
pub fn successor_pairs(dir: &std::path::Path) -> Vec<(String, String, String)> {
    use std::collections::BTreeMap;
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut by_title: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(symbol), Some(title)) = (cols.first(), cols.get(1), cols.get(2)) else { continue };
        // "78/100. Dissemination of information on decolonization" → the title alone.
        let title = title.split_once(". ").map_or(*title, |(_, t)| t).trim().to_lowercase();
        let entry = by_title.entry(title).or_default();
        if symbol.starts_with("A/RES/78/") {
            entry.0.push(file.to_string());
        } else if symbol.starts_with("A/RES/79/") {
            entry.1.push(file.to_string());
        }
    }
    by_title
        .into_iter()
        .filter(|(_, (a, b))| a.len() == 1 && b.len() == 1)
        .map(|(title, (a, b))| (title, a[0].clone(), b[0].clone()))
        .collect()
}

/// Headless chromium, where it is on PATH (the browser tests pass with a note where not).
pub fn chromium() -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| std::path::Path::new(dir).join("chromium"))
        .find(|p| p.is_file())
}
