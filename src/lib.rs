//! lineage reads United Nations resolutions and reports (Chinese and English, as they
//! come out of PDFs and web pages) into a faithful document model.
//!
//! The code stands on five floors; a module imports only from the floors below it
//! (`tests/layers.rs` checks this):
//! - **foundation**: [`text`] (character classes, numerals, the [`text::date::Date`]
//!   type), [`symbol`] (UN symbols, bodies, sessions), [`model`] (every value type),
//!   [`threads`] (work started beside the command, on another core);
//! - **reader**: [`reader`], one file's bytes → a [`model::Document`] through
//!   [`reader::read_bytes`]: decode (or PDF/Word to text) → normalise → layout →
//!   structure → references ([`reader::refs`]) → findings ([`reader::findings`]: the
//!   vote, rights, requests); then [`corpus`], every document of a folder, its index and
//!   the votes of UNDL voting files;
//! - **analyses**: [`graph`] (citations, series, drafts), [`votes`], [`mandates`],
//!   [`summary`], [`diff`] (paragraphs aligned, inline redlines), [`blame`], [`draft`],
//!   [`negotiate`] (drafts against adopted texts and amendments), [`site`];
//! - **render**: [`render`], every sentence and format a user reads;
//! - **app**: [`cli`] and the binary.
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
pub mod threads;
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
