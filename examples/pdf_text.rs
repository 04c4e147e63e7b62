//! The text lineage reads from a PDF, as the reader receives it (lines, and blank lines
//! between paragraphs): `cargo run --release --example pdf_text -- FILE.pdf`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match lineage::reader::pdf::extract(&bytes) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
