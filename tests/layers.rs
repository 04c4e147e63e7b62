//! The layering of the source: each module imports only from modules on a lower floor
//! (foundation → reader → corpus → analyses → render → app), so data flows one way and
//! no two modules lean on each other. The table is the architecture the README draws;
//! a `crate::` path that climbs it fails here with the file and the import named.

use std::path::Path;

/// Floors, lowest first. A module may use modules of lower floors only.
const FLOORS: &[(&str, u32)] = &[
    ("error", 0),
    ("text", 0),
    ("threads", 0),
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

/// Every use, in the files below `dir`, of a module of `table` on the same or a higher
/// floor than the file's own module; `prefixes(depth)` are the paths by which a file at
/// that depth below `dir` names the modules of the table.
fn climbs(dir: &Path, table: &[(&str, u32)], prefixes: impl Fn(usize) -> Vec<&'static str>) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    let mut found = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(dir).unwrap();
        let module = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if matches!(module.as_str(), "main" | "lib" | "mod") {
            continue;
        }
        let own = floor(table, &module).unwrap_or_else(|| panic!("{}: {module} is not in the table", rel.display()));
        let code = code_of(path);
        for prefix in prefixes(rel.components().count()) {
            for target in targets(&code, prefix) {
                if let Some(f) = floor(table, target)
                    && target != module
                    && f >= own
                {
                    found.push(format!("{} (floor {own}) uses {target} (floor {f})", rel.display()));
                }
            }
        }
    }
    found
}

#[test]
fn every_module_imports_only_from_lower_floors() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = climbs(&src, FLOORS, |_| vec!["crate::"]);
    assert!(found.is_empty(), "imports that climb the layers:\n{}", found.join("\n"));
}

#[test]
fn each_reader_stage_uses_only_the_stages_before_it() {
    let reader = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reader");
    // A stage names another as `super::x` (a file of the reader), `super::super::x`
    // (from a folder of the reader) or `crate::reader::x`.
    let found = climbs(&reader, READER_STAGES, |depth| {
        vec![if depth > 1 { "super::super::" } else { "super::" }, "crate::reader::"]
    });
    assert!(found.is_empty(), "reader stages that reach forward:\n{}", found.join("\n"));
}

#[test]
fn the_table_knows_a_climb_when_it_sees_one() {
    // The check itself: a model that used the reader would be caught.
    let code = "use crate::reader::parse;\nfn f() { crate::text::is_han('a'); }";
    let found: Vec<&str> = targets(code, "crate::");
    assert_eq!(found, ["reader", "text"]);
    assert!(floor(FLOORS, "reader").unwrap() >= floor(FLOORS, "model").unwrap());
}
