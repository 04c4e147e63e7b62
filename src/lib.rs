//! lineage reads United Nations resolutions and reports (Chinese and English, as they
//! come out of PDFs and web pages) into a faithful document model.
//!
//! The pipeline, one module per stage:
//! - [`ingest`]: bytes → text (encoding detection) → lines, with markup cleaned;
//! - [`parse`]: lines → [`model::Document`]: metadata, preambular and operative
//!   paragraphs with their items, footnotes anchored to the paragraphs that cite them,
//!   the voting record, and an account of every line that is not text of the document;
//! - [`classify`]: findings read from the paragraphs, filled in by the reader: the vote's
//!   countries, the rights the text names ([`classify::rights`], from
//!   `lexicon/rights.tsv`) and the requests it makes ([`classify::requests`]);
//! - [`corpus`]: every document of a folder, found by full symbol or short form;
//! - [`diff`]: two documents → [`diff::DocumentDiff`]: paragraphs aligned (unchanged,
//!   modified, moved, added, removed; splits and merges), inline redlines, a summary;
//! - [`votes`]: each State's position in each vote, read against the body's membership
//!   (`classify::membership`), votes from UNDL voting files (`ingest::votes_csv`), and
//!   a series × countries table with every shift;
//! - [`render`]: the one place where an output format is chosen (text, JSON, and for a
//!   diff Markdown and a self-contained HTML page).
//!
//! ```
//! use std::path::Path;
//! let text = "人权理事会\n\n47/23. 新的和新兴的数字技术与人权\n\n人权理事会，\n\n\
//!             遵循《联合国宪章》的宗旨和原则，\n\n1. 决定继续处理此事。\n";
//! let doc = lineage::reader::read_bytes(text.as_bytes(), Path::new("47-23.txt")).unwrap();
//! assert_eq!(doc.symbol, "A/HRC/RES/47/23");
//! assert_eq!(doc.preambular().count(), 1);
//! assert_eq!(doc.operative().count(), 1);
//! ```

// foundation
pub mod error;
pub mod model;
pub mod symbol;
pub mod text;
// reader
pub mod reader;
pub mod corpus;
// analyses
pub mod summary;
pub mod diff;
pub mod graph;
pub mod mandates;
pub mod blame;
pub mod draft;
pub mod negotiate;
pub mod votes;
pub mod site;
// render
pub mod render;
// app
pub mod cli;

pub use corpus::Corpus;
pub use error::Error;
pub use model::Document;
