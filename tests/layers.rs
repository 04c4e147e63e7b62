//! The layering of the source: each module imports only from modules on a lower floor
//! (foundation → reader → corpus → analyses → render → app), so data flows one way and
//! no two modules lean on each other. The table is the architecture the README draws;
//! a `crate::` path that climbs it fails here with the file and the import named.

use std::path::Path;

/// Floors, lowest first. A module may use modules of lower floors only.
const FLOORS: &[(&str, u32)] = &[
    ("error", 0),
    ("text", 0),
    ("symbol", 1),
    ("model", 2),
    ("reader", 3),
    ("corpus", 4),
    ("graph", 5),
    ("votes", 6),
    ("mandates", 6),
    ("summary", 7),
    ("diff", 8),
    ("blame", 9),
    ("draft", 9),
    ("negotiate", 10),
    ("site", 11),
    ("render", 12),
    ("cli", 13),
];

/// The reader's stages, in the order a text goes through them: a stage may use the
/// stages before it only.
const READER_STAGES: &[(&str, u32)] = &[
    ("patterns", 0),
    ("countries", 0),
    ("decode", 1),
    ("pdf", 1),
    ("docx", 1),
    ("documents", 2),
    ("normalize", 2),
    ("votes_csv", 2),
    ("layout", 3),
    ("marks", 4),
    ("structure", 4),
    ("meta", 4),
    ("sc", 5),
    ("amendment", 5),
    ("drafts", 6),
    ("parse", 7),
    ("refs", 8),
    ("findings", 9),
];

fn floor(table: &[(&str, u32)], name: &str) -> Option<u32> {
    table.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The source of a file without its test module (tests may reach anywhere).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names that follow `prefix` in `code`: `crate::graph::X` → `graph`.
fn targets<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_module_imports_only_from_lower_floors() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut climbs = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if top == "main" || top == "lib" {
            continue;
        }
        let own = floor(FLOORS, &top).unwrap_or_else(|| panic!("{}: module {top} has no floor in the table", rel.display()));
        let code = code_of(path);
        for target in targets(&code, "crate::") {
            if target == top {
                continue;
            }
            if let Some(f) = floor(FLOORS, target)
                && f >= own
            {
                climbs.push(format!("{} (floor {own}) uses crate::{target} (floor {f})", rel.display()));
            }
        }
    }
    assert!(climbs.is_empty(), "imports that climb the layers:\n{}", climbs.join("\n"));
}

#[test]
fn each_reader_stage_uses_only_the_stages_before_it() {
    let reader = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reader");
    let mut files = Vec::new();
    rust_files(&reader, &mut files);
    let mut climbs = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&reader).unwrap();
        let stage = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if stage == "mod" {
            continue;
        }
        let own = floor(READER_STAGES, &stage).unwrap_or_else(|| panic!("reader/{}: stage {stage} is not in the table", rel.display()));
        let code = code_of(path);
        // A stage names another as `super::x` (a file of the reader), `super::super::x`
        // (from a folder of the reader) or `crate::reader::x`.
        let prefix = if rel.components().count() > 1 { "super::super::" } else { "super::" };
        for target in targets(&code, prefix).into_iter().chain(targets(&code, "crate::reader::")) {
            if target == stage {
                continue;
            }
            if let Some(f) = floor(READER_STAGES, target)
                && f >= own
            {
                climbs.push(format!("reader/{} (stage {own}) uses {target} (stage {f})", rel.display()));
            }
        }
    }
    assert!(climbs.is_empty(), "reader stages that reach forward:\n{}", climbs.join("\n"));
}

#[test]
fn the_table_knows_a_climb_when_it_sees_one() {
    // The check itself: a model that used the reader would be caught.
    let code = "use crate::reader::parse;\nfn f() { crate::text::is_han('a'); }";
    let found: Vec<&str> = targets(code, "crate::");
    assert_eq!(found, ["reader", "text"]);
    assert!(floor(FLOORS, "reader").unwrap() >= floor(FLOORS, "model").unwrap());
}
