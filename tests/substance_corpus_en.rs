//! The rights and requests finders over every real English GA resolution in
//! `../shared/corpus-en/`: nothing panics, and what is found holds up against checks that
//! do not depend on the finders' own rules. Skipped, with a message, where the folder is
//! absent.

use lineage::reader::findings::requests::Addressee;
use lineage::model::{Body, Document};
use regex::Regex;
use std::path::{Path, PathBuf};

fn corpus() -> Option<Vec<Document>> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-en");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus-en is not present next to this checkout");
        return None;
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    // Reading runs both finders (classify::annotate): a panic in either fails here.
    Some(paths.iter().filter_map(|p| lineage::reader::read_file(p).ok()).collect())
}

#[test]
fn requests_for_a_report_at_a_session_are_due_at_that_session() {
    let Some(docs) = corpus() else { return };
    assert!(docs.len() >= 600, "{} documents read", docs.len());
    // "Requests the Secretary-General to submit to the General Assembly at its
    // seventy-ninth session a report …", read here by a pattern of its own.
    let plain = Regex::new(
        r"^(?:Also |Further )?[Rr]equests (?:also |further )?the Secretary-General to submit to the General Assembly at its ((?:[a-z]+-\s?)?[a-z]+) session",
    )
    .unwrap();
    let mut checked = 0;
    for doc in &docs {
        for paragraph in doc.operative() {
            let Some(captures) = plain.captures(&paragraph.text) else { continue };
            let session = lineage::text::numerals::english_ordinal(&captures[1].replace(' ', "")).expect("an ordinal");
            let request = doc.requests.iter().find(|r| r.paragraph == paragraph.id);
            let request = request.unwrap_or_else(|| panic!("{} {}: no request found", doc.symbol, paragraph.id));
            assert_eq!(request.addressee, Addressee::SecretaryGeneral, "{} {}", doc.symbol, paragraph.id);
            assert_eq!(request.due_sessions.first(), Some(&session), "{} {}: {:?}", doc.symbol, paragraph.id, request.due);
            assert_eq!(request.due[0].body, Body::GA, "{} {}", doc.symbol, paragraph.id);
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} paragraphs of the plain form");
}

#[test]
fn findings_hold_up_across_the_corpus() {
    let Some(docs) = corpus() else { return };
    let mut development = 0;
    let mut self_determination = 0;
    for doc in &docs {
        for right in &doc.rights {
            // An instrument's or a body's name is never a right named.
            assert!(
                !right.surface.contains("Rights") && !right.surface.contains("Right to"),
                "{} {}: {:?}",
                doc.symbol,
                right.paragraph,
                right.surface
            );
            assert!(!right.surface.is_empty() && doc.paragraph(&right.paragraph).is_some());
        }
        development += doc.rights.iter().any(|r| r.id == "development") as usize;
        self_determination += doc.rights.iter().any(|r| r.id == "self_determination") as usize;
        let session = doc.session.unwrap_or(0);
        for request in &doc.requests {
            // Only "Requests to continue …" names no one, and then the addressee is "Other".
            assert!(
                !request.addressee_text.trim().is_empty() || request.addressee == Addressee::Other,
                "{} {}: no addressee",
                doc.symbol,
                request.paragraph
            );
            assert!(
                doc.paragraph(&request.paragraph).is_some_and(|p| p.kind == lineage::model::ParagraphKind::Operative),
                "{} {}: requests come from operative paragraphs",
                doc.symbol,
                request.paragraph
            );
            for due in &request.due {
                // A deadline is never a session that met before the text was adopted.
                assert_ne!(due.body, Body::CHR, "{} {}", doc.symbol, request.paragraph);
                if due.body == Body::GA {
                    assert!(due.session >= session, "{} {}: due at GA {}", doc.symbol, request.paragraph, due.session);
                }
            }
        }
    }
    assert!(development >= 10, "the right to development in {development} documents");
    assert!(self_determination >= 10, "the right to self-determination in {self_determination} documents");
}
