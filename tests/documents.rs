//! Documents as users hold them: PDFs (the official English PDFs of ../shared/pdf-en
//! against their text twins, Chinese PDFs made from the seeds), Word files built here,
//! hostile PDFs and Word files, and the Word compilation text that `diff --format docx`
//! writes (accept-all gives B, reject-all gives A; LibreOffice opens and converts it).
//!
//! Tests that need pdftotext or LibreOffice print a note and pass where they are absent.

use lineage::model::Document;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn has(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

fn has_pdftotext() -> bool {
    let ok = has("pdftotext");
    if !ok {
        eprintln!("note: pdftotext (poppler-utils) is not installed; PDF test skipped (`make deps` installs it)");
    }
    ok
}

fn soffice() -> Option<&'static str> {
    let found = ["soffice", "libreoffice"].into_iter().find(|p| Command::new(p).arg("--version").output().is_ok());
    if found.is_none() {
        eprintln!("note: LibreOffice is not installed; LibreOffice test skipped (`make deps` installs it)");
    }
    found
}

/// LibreOffice headless, converting `file` to `to` in `out`, with a profile of its own
/// (tests run in parallel, and one profile cannot be shared).
fn convert(office: &str, file: &Path, to: &str, out: &Path) -> std::process::Output {
    let profile = out.join("profile");
    Command::new(office)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("LibreOffice runs")
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> Document {
    lineage::reader::read_file(path).unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------- PDF in

#[test]
fn shared_pdfs_read_like_their_text_twins() {
    let shared = root().join("../shared");
    let manifest = shared.join("pdf-en/MANIFEST.tsv");
    let Ok(manifest) = std::fs::read_to_string(&manifest) else {
        eprintln!("note: ../shared/pdf-en is absent; test skipped");
        return;
    };
    if !has_pdftotext() {
        return;
    }
    let (mut files, mut same_symbol, mut resolutions) = (0, 0, 0);
    let (mut paragraphs, mut agreeing) = (0, 0);
    let (mut notes, mut notes_agreeing, mut refs, mut refs_found) = (0, 0, 0, 0);
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (pdf, kind, twin) = (cols[0], cols[2], cols[6]);
        let from_pdf = read(&shared.join("pdf-en").join(pdf));
        let from_text = read(&shared.join(twin));
        files += 1;
        if kind == "resolution" {
            resolutions += 1;
            same_symbol += usize::from(from_pdf.symbol == from_text.symbol);
        }
        let got: Vec<(String, String)> = from_pdf.paragraphs.iter().map(|p| (p.id.clone(), squeeze(&p.full_text()))).collect();
        for p in &from_text.paragraphs {
            paragraphs += 1;
            agreeing += usize::from(got.contains(&(p.id.clone(), squeeze(&p.full_text()))));
        }
        let got_notes: Vec<(String, String)> = from_pdf.footnotes.iter().map(|f| (f.mark.clone(), squeeze(&f.text))).collect();
        for f in &from_text.footnotes {
            notes += 1;
            notes_agreeing += usize::from(got_notes.contains(&(f.mark.clone(), squeeze(&f.text))));
        }
        for r in &from_text.references {
            refs += 1;
            refs_found += usize::from(from_pdf.references.iter().any(|g| g.target == r.target));
        }
    }
    eprintln!(
        "{files} PDFs: symbols {same_symbol}/{resolutions}, paragraphs {agreeing}/{paragraphs}, footnotes {notes_agreeing}/{notes}, references {refs_found}/{refs}"
    );
    assert!(files >= 60, "{files} PDFs in the manifest");
    assert_eq!(same_symbol, resolutions, "every resolution's PDF gives the symbol its twin gives");
    // Measured: 2435/2530 paragraphs (96.2%), 464/468 footnotes, every reference.
    assert!(agreeing * 100 >= paragraphs * 95, "{agreeing}/{paragraphs} paragraphs agree with the twins");
    assert!(notes_agreeing * 100 >= notes * 98, "{notes_agreeing}/{notes} footnotes agree");
    assert!(refs_found * 1000 >= refs * 995, "{refs_found}/{refs} references found");
}

#[test]
fn a_resolution_pdf_reads_paragraph_for_paragraph() {
    let pdf = root().join("../shared/pdf-en/A_RES_79_48.pdf");
    if !pdf.exists() || !has_pdftotext() {
        return;
    }
    let doc = read(&pdf);
    assert_eq!(doc.symbol, "A/RES/79/48");
    assert_eq!(doc.source.encoding, "PDF (pdftotext)");
    let ids: Vec<&str> = doc.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2", "OP3", "OP4"]);
    assert_eq!(doc.paragraphs[4].text, "Takes note of the note by the Secretary-General;");
    let notes: Vec<(&str, &str)> = doc.footnotes.iter().map(|f| (f.mark.as_str(), f.text.as_str())).collect();
    assert_eq!(notes, [("1", "League of Nations, Treaty Series, vol. XCIV, No. 2138."), ("2", "A/79/119.")]);
    assert_eq!(doc.footnotes[1].paragraph.as_deref(), Some("OP1"));
}

/// The seeds' text, made a PDF by LibreOffice with the CJK font, read back: the same
/// paragraphs in the same order, and not one Chinese character lost.
#[test]
fn chinese_pdfs_made_from_the_seeds_keep_order_and_every_character() {
    let Some(office) = soffice() else { return };
    if !has_pdftotext() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for seed in ["001_9fe8283bea68d15f", "002_3102da6d256530e0"] {
        let text = root().join("data").join(format!("{seed}.txt"));
        let copy = dir.path().join(format!("{seed}.txt"));
        std::fs::copy(&text, &copy).unwrap();
        let out = convert(office, &copy, "pdf", dir.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let pdf = dir.path().join(format!("{seed}.pdf"));
        let (from_text, from_pdf) = (read(&text), read(&pdf));
        assert_eq!(from_pdf.symbol, from_text.symbol, "{seed}");
        let ids = |d: &Document| d.paragraphs.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&from_pdf), ids(&from_text), "{seed}: paragraphs in the same order");
        let cjk = |d: &Document| {
            d.paragraphs.iter().flat_map(|p| p.full_text().chars().collect::<Vec<_>>()).filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect::<String>()
        };
        assert_eq!(cjk(&from_pdf), cjk(&from_text), "{seed}: every Chinese character, in order");
        let same = from_text.paragraphs.iter().zip(&from_pdf.paragraphs).filter(|(a, b)| squeeze(&a.full_text()) == squeeze(&b.full_text())).count();
        eprintln!("{seed}: {same}/{} paragraphs identical", from_text.paragraphs.len());
    }
}

/// A minimal PDF: the given objects, a cross-reference table with their offsets, a
/// trailer with `extra` in it.
fn pdf(objects: &[&str], extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R {extra} >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

const EMPTY_PAGE: [&str; 3] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
];

fn read_err(name: &str, bytes: &[u8]) -> String {
    lineage::reader::read_bytes(bytes, Path::new(name)).map(|d| d.symbol).unwrap_err().to_string()
}

#[test]
fn a_pdf_without_a_text_layer_is_reported_as_such() {
    if !has_pdftotext() {
        return;
    }
    let err = read_err("scan.pdf", &pdf(&EMPTY_PAGE, ""));
    assert!(err.starts_with("scan.pdf: PDF: no text layer"), "{err}");
    assert!(err.contains("OCR"), "{err}");
}

#[test]
fn an_encrypted_pdf_is_reported_as_encrypted() {
    if !has_pdftotext() {
        return;
    }
    let mut objects = EMPTY_PAGE.to_vec();
    // Standard security handler, revision 2, with a user password the empty one does not match.
    objects.push("<< /Filter /Standard /V 1 /R 2 /O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> /U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> /P -44 >>");
    let bytes = pdf(&objects, "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
    let err = read_err("locked.pdf", &bytes);
    assert!(err.starts_with("locked.pdf: PDF: encrypted"), "{err}");
}

#[test]
fn broken_pdfs_are_named_with_their_reason() {
    if !has_pdftotext() {
        return;
    }
    let err = read_err("header.pdf", b"%PDF-1.7\n");
    assert!(err.starts_with("header.pdf: PDF: "), "{err}");
    // A .pdf that is no PDF at all.
    let err = read_err("fake.pdf", b"just some words");
    assert!(err.contains("not a PDF (no %PDF- header"), "{err}");
    // A real PDF cut in half: read in part or refused, never a panic, never a hang.
    let real = root().join("../shared/pdf-en/A_RES_79_48.pdf");
    if let Ok(bytes) = std::fs::read(real) {
        // The extractor runs under its own time limit (60 s), so this returns.
        let _ = lineage::reader::read_bytes(&bytes[..bytes.len() / 2], Path::new("half.pdf"));
    }
}

#[test]
fn a_pdf_whose_name_begins_with_a_dash_is_read_not_taken_for_an_option() {
    let real = root().join("../shared/pdf-en/A_RES_79_48.pdf");
    if !real.exists() || !has_pdftotext() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in ["-h.pdf", "--help.pdf", "-v"] {
        let path = dir.path().join(name);
        std::fs::copy(&real, &path).unwrap();
        assert_eq!(read(&path).symbol, "A/RES/79/48", "{name}");
    }
    // Through the command line too, from a corpus folder holding it.
    let out = assert_cmd::Command::cargo_bin("lineage").unwrap().arg("--data").arg(dir.path()).args(["--quiet", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("A/RES/79/48"));
}

/// A folder with a text resolution and a PDF, and a `pdftotext` in front of the real
/// one that runs `script`: an extractor that hangs or crashes.
fn with_extractor(script: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (data, bin) = (dir.path().join("data"), dir.path().join("bin"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(data.join("a.pdf"), b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").unwrap();
    std::fs::copy(root().join("tests/fixtures/en/hrc_53_29.en.txt"), data.join("53_29.txt")).unwrap();
    let fake = bin.join("pdftotext");
    std::fs::write(&fake, format!("#!/bin/sh\n{script}\n")).unwrap();
    let mut perms = std::fs::metadata(&fake).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&fake, perms).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = assert_cmd::Command::cargo_bin("lineage")
        .unwrap()
        .env("PATH", path)
        .env("LINEAGE_PDF_SECONDS", "1")
        .arg("--data")
        .arg(&data)
        .arg("list")
        .output()
        .unwrap();
    (dir, String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn an_extractor_that_hangs_is_stopped_and_the_rest_is_read() {
    let (_dir, stdout, stderr) = with_extractor("exec sleep 600");
    assert!(stderr.contains("a.pdf") && stderr.contains("pdftotext took more than 1 s and was stopped"), "{stderr}");
    assert!(stdout.contains("A/HRC/RES/53/29"), "the text beside it is read: {stdout}");
}

#[test]
fn an_extractor_that_crashes_is_named_with_what_it_said() {
    let (_dir, stdout, stderr) = with_extractor("cat > /dev/null; echo \"Syntax Error: no trailer dictionary\" >&2; kill -SEGV $$");
    assert!(stderr.contains("a.pdf") && stderr.contains("pdftotext was killed by a signal"), "{stderr}");
    assert!(stderr.contains("Syntax Error: no trailer dictionary"), "its stderr is summarised: {stderr}");
    assert!(stdout.contains("A/HRC/RES/53/29"), "{stdout}");
}

#[test]
fn stderr_of_the_extractor_is_summarised() {
    assert_eq!(lineage::reader::pdf::summarise("Syntax Error: x\nSyntax Error: x\n"), "Syntax Error: x (and 1 more lines)");
}

// ---------------------------------------------------------------- Word in

/// A .docx package from its parts, written with the zip crate.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn numbered(text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn item(text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;

fn resolution_docx(body: &str, footnotes: Option<&str>) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>{}{}{}{}{body}</w:body></w:document>",
        para("General Assembly"),
        para("77/999. Testing the reading of Word files"),
        para("The General Assembly,"),
        para("Recalling its resolution 76/100 of 9 December 2021,"),
    );
    let mut parts = vec![("word/document.xml", document), ("word/numbering.xml", NUMBERING.to_string())];
    if let Some(f) = footnotes {
        parts.push(("word/footnotes.xml", f.to_string()));
    }
    let parts: Vec<(&str, &str)> = parts.iter().map(|(n, b)| (*n, b.as_str())).collect();
    docx(&parts)
}

#[test]
fn a_word_file_reads_with_its_list_numbers_items_and_footnotes() {
    let body = format!(
        "{}{}{}{}<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>Requests a report;</w:t></w:r><w:r><w:footnoteReference w:id=\"7\"/></w:r></w:p>",
        numbered("Welcomes the report of the Secretary-General;"),
        numbered("Calls upon States:"),
        item("To act;"),
        item("To report;"),
    );
    let footnotes = format!(
        "<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"7\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> A/77/123.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    );
    let doc = lineage::reader::read_bytes(&resolution_docx(&body, Some(&footnotes)), Path::new("r.docx")).unwrap();
    let ids: Vec<&str> = doc.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["PP1", "OP1", "OP2", "OP3"], "Word's list numbers are the operative numbers");
    assert_eq!(doc.paragraphs[1].text, "Welcomes the report of the Secretary-General;");
    let items: Vec<(&str, &str)> = doc.paragraphs[2].items.iter().map(|i| (i.label.as_str(), i.text.as_str())).collect();
    assert_eq!(items, [("a", "To act;"), ("b", "To report;")]);
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!((doc.footnotes[0].mark.as_str(), doc.footnotes[0].text.as_str()), ("1", "A/77/123."));
    assert_eq!(doc.footnotes[0].paragraph.as_deref(), Some("OP3"));
    assert_eq!(doc.source.encoding, "Word (.docx)");
}

#[test]
fn tracked_changes_in_a_word_file_are_read_as_accepted_and_noted() {
    let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Decides to </w:t></w:r><w:del w:id="1" w:author="X" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>remain</w:delText></w:r></w:del><w:ins w:id="2" w:author="X" w:date="2025-01-01T00:00:00Z"><w:r><w:t>stay</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> seized of the matter.</w:t></w:r></w:p>"#;
    let doc = lineage::reader::read_bytes(&resolution_docx(body, None), Path::new("t.docx")).unwrap();
    assert_eq!(doc.paragraphs.last().unwrap().text, "Decides to stay seized of the matter.");
    assert!(doc.diagnostics.iter().any(|d| d.message.contains("tracked changes (1 insertions, 1 deletions)")), "{:?}", doc.diagnostics);
}

#[test]
fn an_old_binary_word_file_is_reported_with_the_way_to_convert_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    std::fs::copy(root().join("data/002_3102da6d256530e0.txt"), dir.path().join("seed.txt")).unwrap();
    let corpus = lineage::corpus::Corpus::load(dir.path()).unwrap();
    assert_eq!(corpus.documents.len(), 1, "the rest of the corpus is read");
    let warning = corpus.warnings.iter().map(|w| w.message.as_str()).find(|m| m.contains("draft.doc")).unwrap();
    assert!(warning.contains("soffice --headless --convert-to docx"), "{warning}");
    // Old Word bytes under another name are still refused as such.
    let err = read_err("draft.txt", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
    assert!(err.contains(".doc"), "{err}");
}

// ---------------------------------------------------------------- hostile Word files

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 64 MB of one byte deflates about 1000:1: the ratio gives it away.
    let big = " ".repeat(64 << 20);
    let bomb = docx(&[("word/document.xml", &big)]);
    drop(big);
    let err = read_err("bomb.docx", &bomb);
    // Refused from the zip's directory: the reason names the ratio, not a limit reached
    // while inflating.
    assert!(err.contains("zip bomb"), "{err}");
}

#[test]
fn no_dtd_or_entity_in_a_word_file_is_processed() {
    let laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document {W}><w:body>{}</w:body></w:document>"#,
        para("&lol2;")
    );
    let err = read_err("laughs.docx", &docx(&[("word/document.xml", &laughs)]));
    assert!(err.contains("DTD"), "{err}");
    let external = format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body>{}</w:body></w:document>"#,
        para("&x;")
    );
    let err = read_err("external.docx", &docx(&[("word/document.xml", &external)]));
    assert!(err.contains("DTD") && !err.contains("root:"), "{err}");
    // An entity used without a DTD is an error, not an expansion.
    let undeclared = format!(r#"<w:document {W}><w:body>{}</w:body></w:document>"#, para("&x;"));
    let err = read_err("undeclared.docx", &docx(&[("word/document.xml", &undeclared)]));
    assert!(err.starts_with("undeclared.docx: Word document: "), "{err}");
}

#[test]
fn deeply_nested_xml_is_refused() {
    let deep = format!("<w:document {W}><w:body>{}{}</w:body></w:document>", "<w:sdt>".repeat(100_000), "</w:sdt>".repeat(100_000));
    let err = read_err("deep.docx", &docx(&[("word/document.xml", &deep)]));
    assert!(err.contains("deeper than"), "{err}");
}

/// Slow (half a minute): run by `make hostile`, which reports its time and peak memory.
#[test]
#[ignore]
fn a_100_mb_document_xml_is_read_in_bounded_time() {
    // 100 MB of varied paragraphs: too big to be a bomb by ratio, read to the end.
    let mut xml = format!("<w:document {W}><w:body>{}{}", para("General Assembly"), para("The General Assembly,"));
    let mut n = 0u64;
    while xml.len() < 100 << 20 {
        n += 1;
        xml.push_str(&para(&format!("Recalling paragraph {n} of text {:x},", n.wrapping_mul(0x9E37_79B9_7F4A_7C15))));
    }
    xml.push_str("</w:body></w:document>");
    let package = docx(&[("word/document.xml", &xml)]);
    drop(xml);
    let start = std::time::Instant::now();
    let result = lineage::reader::read_bytes(&package, Path::new("huge.docx"));
    eprintln!("a 100 MB document.xml: {:?} in {:.1} s", result.as_ref().map(|d| d.paragraphs.len()).map_err(|e| e.to_string()), start.elapsed().as_secs_f64());
    assert!(result.is_ok() || result.unwrap_err().to_string().contains("huge.docx"));
    assert!(start.elapsed() < std::time::Duration::from_secs(120));
}

// ---------------------------------------------------------------- Word out

/// The paragraphs of a .docx in the compared-text style, with every change accepted or
/// every change rejected.
fn docx_paragraphs(bytes: &[u8], accept: bool) -> Vec<String> {
    docx_lines(bytes, Some(accept))
}

/// The paragraphs with every change accepted (`Some(true)`), rejected (`Some(false)`),
/// or shown as LibreOffice's text export shows them, deleted and inserted runs both (`None`).
fn docx_lines(bytes: &[u8], mode: Option<bool>) -> Vec<String> {
    let accept = mode.unwrap_or(true);
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut current, mut styled) = (Vec::new(), String::new(), false);
    let (mut in_ins, mut in_del, mut in_text, mut mark_dropped) = (false, false, false, false);
    let mut depth_rpr = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                styled = e.attributes().flatten().any(|a| a.key.as_ref() == b"w:val" && a.value.as_ref() == b"LineageText");
            }
            Event::Start(e) if e.name().as_ref() == b"w:rPr" => depth_rpr = true,
            Event::End(e) if e.name().as_ref() == b"w:rPr" => depth_rpr = false,
            Event::Empty(e) if depth_rpr && (e.name().as_ref() == b"w:ins" || e.name().as_ref() == b"w:del") => {
                // A tracked paragraph mark: gone once its change is accepted (a deletion) or rejected (an insertion).
                mark_dropped = (e.name().as_ref() == b"w:del") == accept;
            }
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => {
                    current.clear();
                    styled = false;
                    mark_dropped = false;
                }
                b"w:ins" => in_ins = true,
                b"w:del" => in_del = true,
                b"w:t" | b"w:delText" => in_text = true,
                _ => {}
            },
            Event::Text(t) if in_text => {
                let keep = mode.is_none() || if accept { !in_del } else { !in_ins };
                if keep {
                    current.push_str(&t.unescape().unwrap());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:ins" => in_ins = false,
                b"w:del" => in_del = false,
                b"w:t" | b"w:delText" => in_text = false,
                b"w:p" if styled && (mode.is_none() || !(mark_dropped && current.is_empty())) => out.push(current.clone()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn expected_lines(doc: &Document) -> Vec<String> {
    doc.paragraphs.iter().flat_map(|p| lineage::render::docx::paragraph_text(p).split('\n').map(str::to_string).collect::<Vec<_>>()).collect()
}

fn diff_docx(data: &Path, a: &str, b: &str, out: &Path) {
    assert_cmd::Command::cargo_bin("lineage")
        .unwrap()
        .arg("--data")
        .arg(data)
        .args(["--quiet", "diff", a, b, "--format", "docx", "-o"])
        .arg(out)
        .assert()
        .success();
}

#[test]
fn the_compilation_text_accepts_to_b_and_rejects_to_a() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("47-23_53-29.docx");
    diff_docx(&root().join("data"), "47/23", "53/29", &out);
    let bytes = std::fs::read(&out).unwrap();
    let a = read(&root().join("data/001_9fe8283bea68d15f.txt"));
    let b = read(&root().join("data/002_3102da6d256530e0.txt"));
    assert_eq!((a.symbol.as_str(), b.symbol.as_str()), ("A/HRC/RES/47/23", "A/HRC/RES/53/29"));
    assert_eq!(docx_paragraphs(&bytes, true), expected_lines(&b), "accept all = B");
    assert_eq!(docx_paragraphs(&bytes, false), expected_lines(&a), "reject all = A");
    let xml = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut s).unwrap();
        s
    };
    assert!(xml.contains(r#"w:author="lineage""#) && xml.contains("<w:ins ") && xml.contains("<w:del "));
    assert!(xml.contains("Compilation text: A/HRC/RES/47/23 → A/HRC/RES/53/29"));
    // The summary speaks as the other formats do: rights by name, requests and the vote.
    assert!(xml.contains("Rights newly named: ") && xml.contains("right to life (PP12)"), "rights by name");
    assert!(!xml.contains("esc_rights"), "no right ids in the summary");
    assert!(xml.contains("Vote: recorded vote 44–0–3 (yes–no–abstain) → adopted without a vote"));
    // The same file read back by lineage is B, its tracked changes noted.
    let back = lineage::reader::read_bytes(&bytes, Path::new("back.docx")).unwrap();
    assert!(back.diagnostics.iter().any(|d| d.message.contains("tracked changes")));
}

#[test]
fn moved_paragraphs_are_a_deletion_and_an_insertion_with_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let text = |order: &[&str]| {
        let mut t = String::from("General Assembly\n\n77/1. Moves\n\nThe General Assembly,\n\n");
        for (n, op) in order.iter().enumerate() {
            t.push_str(&format!("{}. {op}\n\n", n + 1));
        }
        t
    };
    let ops = ["Welcomes the first report of the Secretary-General on the matter;", "Requests the Secretary-General to report on the implementation;", "Decides to remain seized of the matter and to consider it again;"];
    std::fs::write(dir.path().join("a.txt"), text(&ops)).unwrap();
    std::fs::write(dir.path().join("b.txt"), text(&[ops[2], ops[0], ops[1]]).replace("77/1.", "78/1.")).unwrap();
    let out = dir.path().join("m.docx");
    diff_docx(dir.path(), "77/1", "78/1", &out);
    let bytes = std::fs::read(&out).unwrap();
    let a = read(&dir.path().join("a.txt"));
    let b = read(&dir.path().join("b.txt"));
    assert_eq!(docx_paragraphs(&bytes, true), expected_lines(&b));
    assert_eq!(docx_paragraphs(&bytes, false), expected_lines(&a));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut comments = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/comments.xml").unwrap(), &mut comments).unwrap();
    assert!(comments.contains("Moved: OP"), "{comments}");
}

#[test]
fn markup_and_field_codes_in_the_text_stay_text_in_the_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = r#"<script>alert(1)</script> "quoted" ]]> { MERGEFIELD x } <w:fldSimple w:instr="DDE"/> &amp;"#;
    std::fs::write(dir.path().join("a.txt"), "General Assembly\n\n77/1. Escapes\n\nThe General Assembly,\n\n1. Decides to act;\n\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("General Assembly\n\n78/1. Escapes\n\nThe General Assembly,\n\n1. Decides to act {hostile};\n\n")).unwrap();
    let out = dir.path().join("x.docx");
    diff_docx(dir.path(), "77/1", "78/1", &out);
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for live in ["<script", "<w:fldSimple", "<w:fldChar", "<w:instrText", "]]>"] {
        assert!(!xml.contains(live), "{live} is live markup in the Word file");
    }
    assert!(docx_paragraphs(&bytes, true).iter().any(|p| p.contains(hostile)), "the text is kept, as text");
}

#[test]
fn libreoffice_opens_and_converts_the_compilation_text() {
    let Some(office) = soffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compilation.docx");
    diff_docx(&root().join("data"), "47/23", "53/29", &out);
    let converted = convert(office, &out, "txt:Text (encoded):UTF8", dir.path());
    assert!(converted.status.success(), "{}", String::from_utf8_lossy(&converted.stderr));
    let text = std::fs::read_to_string(dir.path().join("compilation.txt")).expect("LibreOffice wrote the text");
    let b = read(&root().join("data/002_3102da6d256530e0.txt"));
    assert!(text.contains(&b.title), "LibreOffice reads the title block");
    // LibreOffice's text export shows every run, struck or written in: each paragraph of
    // the file is a line of it, so every change was read.
    let shown: Vec<&str> = text.lines().map(str::trim).collect();
    let lines = docx_lines(&std::fs::read(&out).unwrap(), None);
    assert!(lines.len() > 40);
    for line in lines {
        assert!(shown.contains(&line.trim()), "LibreOffice does not show: {line}");
    }
    let pdf = convert(office, &out, "pdf", dir.path());
    assert!(pdf.status.success() && dir.path().join("compilation.pdf").exists());
}

#[test]
fn the_next_draft_is_written_as_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("lineage")
        .unwrap()
        .arg("--data")
        .arg(root().join("data"))
        .args(["--quiet", "draft", "53/29", "--format", "docx"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
    let path = dir.path().join("draft.docx");
    std::fs::write(&path, &out.stdout).unwrap();
    let lines = docx_paragraphs(&out.stdout, true);
    assert!(lines.iter().any(|l| l.starts_with("1. ")), "operative paragraphs are numbered");
    if let Some(office) = soffice() {
        let converted = convert(office, &path, "pdf", dir.path());
        assert!(converted.status.success() && dir.path().join("draft.pdf").exists());
    }
}
