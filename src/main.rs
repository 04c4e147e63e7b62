//! The `lineage` binary: parse flags, run the command, map the outcome to an exit code.

use clap::Parser;
use lineage::cli::{Cli, Command};
use lineage::model::Language;
use lineage::diff::{diff_documents, DiffOptions};
use lineage::graph::{LineageGraph, Series};
use lineage::corpus::index::{FolderCheck, Index, SearchOptions};
use lineage::corpus::location::Places;
use lineage::corpus::Outline;
use lineage::render::dot::{self, DotOptions};
use lineage::render::{self, diff_text::TextStyle, graph as graph_view, json, text, DraftFormat, Format, GraphFormat};
use lineage::render::printable;
use lineage::{Corpus, Error};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

// Reading a text allocates many small strings on every core; mimalloc serves them from
// each thread's own pages (`lineage index` of corpus-en 10–15% faster, a diff from the
// files 1 ms faster than with the system's allocator). Its version 2 (the crate's `v2`
// feature) touches fewer fresh pages in a short command than version 3: a diff from the
// index 0.3 ms faster; see the README's "Crates".
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lineage: {}", printable(&e.to_string()));
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Error> {
    match &cli.command {
        Command::Index { rebuild } => return index_command(cli, *rebuild),
        Command::Search { query, limit, exact, consensus, lang, format } => {
            let options = SearchOptions { limit: *limit, exact: *exact, consensus_only: *consensus, language: *lang };
            return search_command(cli, query, &options, *format);
        }
        _ => {}
    }
    // A command about one or two documents loads only them (see corpus::headers).
    let named: Option<Vec<&str>> = match &cli.command {
        Command::Show { id, .. } => Some(vec![id]),
        Command::Diff { a, b: Some(b), .. } => Some(vec![a, b]),
        _ => None,
    };
    // `list` and `graph` read every document but little of each: they hold outlines.
    let outline = match &cli.command {
        Command::List { .. } => Some(Outline::Listing),
        Command::Graph { .. } => Some(Outline::Links),
        _ => None,
    };
    // The diff of two named texts is worked out while the index's freshness is still being
    // checked (see `load_corpus`), and used once the index is found fresh.
    let diff_meanwhile = |corpus: &Corpus| match &cli.command {
        Command::Diff { a, b: Some(b), exact, cross_language, from_lang, to_lang, .. } => {
            let request = DiffRequest { a, b, from_lang: *from_lang, to_lang: *to_lang, cross_language: *cross_language };
            let (old, new) = request.documents(corpus).ok()?;
            let pair = lineage::negotiate::pair(old, new);
            Some(diff_documents(&pair.old, &pair.new, &DiffOptions { exact: *exact, ..DiffOptions::default() }))
        }
        _ => None,
    };
    let (mut corpus, documents, diffed) = load_corpus(cli, named.as_deref(), outline, diff_meanwhile)?;
    let mut diffed = diffed.flatten();
    if !cli.quiet {
        for w in &corpus.warnings {
            eprintln!("lineage: warning: {}", printable(&w.message));
        }
        if documents == 0 {
            eprintln!("lineage: no documents found in {}", printable(&cli.data.display().to_string()));
        }
    }
    let output = match &cli.command {
        Command::List { format } => match format {
            Format::Text if corpus.documents.is_empty() => String::new(),
            Format::Text => text::list(&corpus.documents),
            Format::Json => json::list(&corpus.documents),
        },
        Command::Show { id, format, dropped } => {
            let doc = corpus.find(id)?;
            match format {
                Format::Text => text::document(doc, *dropped),
                Format::Json => json::document(doc, *dropped),
            }
        }
        Command::Graph { format, series, output, expand_documents, corpus_only, max_nodes } => {
            let mut full = lineage_graph(&corpus.documents);
            lineage::votes::attach_to_graph(&mut full, &corpus.recorded_votes);
            let mut graph = match series {
                Some(id) => {
                    let doc = corpus.find(id)?;
                    full.series_subgraph(&series_or_alone(&full, doc))
                }
                None => full,
            };
            if *corpus_only {
                graph = graph.corpus_only();
            }
            // What is written is drawn from the graph alone.
            graph.done_linking();
            release(std::mem::take(&mut corpus.documents));
            let options = DotOptions { expand_documents: *expand_documents };
            if matches!(format, GraphFormat::Dot | GraphFormat::Svg) {
                // A picture past the budget would keep Graphviz busy for minutes or hours.
                if let Err(over) = dot::check_budget(&graph, options, *max_nodes) {
                    if *format == GraphFormat::Svg {
                        return Err(Error::Output(over.to_string()));
                    }
                    if !cli.quiet {
                        eprintln!("lineage: warning: {over}");
                    }
                }
            }
            let rendered = match format {
                GraphFormat::Text => graph_view::graph_text(&graph),
                GraphFormat::Json => graph_view::graph_json(&graph),
                GraphFormat::Dot => dot::dot(&graph, options),
                GraphFormat::Svg => String::from_utf8_lossy(&dot::svg(&graph, options).map_err(Error::Output)?).into_owned(),
            };
            to_file_or_output(rendered, output.as_deref(), cli)?
        }
        Command::Chain { id, format } => {
            let doc = corpus.find(id)?;
            let graph = lineage_graph(&corpus.documents);
            let series = series_or_alone(&graph, doc);
            if graph.series_of(&doc.symbol).is_none() && !cli.quiet {
                eprintln!(
                    "lineage: {} belongs to no series: no other {} resolution in the corpus or its citations has this subject",
                    doc.symbol,
                    doc.body.as_str()
                );
            }
            match format {
                Format::Text => graph_view::chain_text(&graph, &series, &corpus.documents),
                Format::Json => graph_view::chain_json(&graph, &series, &corpus.documents),
            }
        }
        Command::Mandates { id, as_of, format } => {
            let only = match id {
                Some(id) => Some(corpus.find(id)?.symbol.clone()),
                None => None,
            };
            let graph = lineage_graph(&corpus.documents);
            let as_of = as_of.unwrap_or_else(lineage::model::Date::today);
            let mandates = lineage::mandates::track(&corpus.documents, &graph, as_of, only.as_deref());
            match format {
                Format::Text => text::mandates(&mandates, as_of),
                Format::Json => json::mandates(&mandates, as_of),
            }
        }
        Command::Blame { id, format } => {
            let doc = corpus.find(id)?;
            let graph = lineage_graph(&corpus.documents);
            if *format == render::DiffFormat::Docx {
                return Err(Error::Output("blame has no Word output; use --format md or html".into()));
            }
            let blame = lineage::blame::blame(doc, &corpus.documents, &graph);
            render::blame(&blame, *format)
        }
        Command::Draft { id, as_of, format } => {
            let doc = corpus.find(id)?;
            let graph = lineage_graph(&corpus.documents);
            let as_of = as_of.unwrap_or_else(lineage::model::Date::today);
            let mandates = lineage::mandates::track(&corpus.documents, &graph, as_of, Some(&doc.symbol));
            let draft = lineage::draft::next_draft(doc, &graph, &mandates);
            match format {
                DraftFormat::Text => text::draft(&draft, false),
                DraftFormat::Md => text::draft(&draft, true),
                DraftFormat::Json => json::draft(&draft),
                DraftFormat::Docx => {
                    write_binary(&render::docx::draft(&draft, &lineage::model::Date::today().to_string())?, None, cli)?;
                    String::new()
                }
            }
        }
        Command::Votes { id, format, country, changed } => {
            let doc = corpus.find(id)?;
            let mut graph = lineage_graph(&corpus.documents);
            lineage::votes::attach_to_graph(&mut graph, &corpus.recorded_votes);
            let series = series_or_alone(&graph, doc);
            let options = lineage::votes::TableOptions { countries: country.clone(), changed_only: *changed };
            let table = lineage::votes::series_votes(&series, &corpus.documents, &graph, &options);
            render::votes::render(&table, *format)
        }
        Command::Export => export(&corpus, &cli.out)?,
        Command::Site { output } => {
            let dir = output.clone().unwrap_or_else(|| cli.out.join("site"));
            let started = std::time::Instant::now();
            let site = lineage::site::Site::build(&corpus.documents, lineage::model::Date::today());
            let draw = |source: &str| {
                lineage::site::cached_drawing(&dir, source, |s| dot::run_dot(s, dot::DOT_TIME_LIMIT))
            };
            let pages = render::site::pages(&site, &draw);
            let written = lineage::site::write_pages(&dir, &pages)?;
            format!(
                "{}: {} pages ({} written, {} unchanged) in {:.1} s\n",
                dir.display(),
                pages.len(),
                written.written,
                written.unchanged,
                started.elapsed().as_secs_f64()
            )
        }
        Command::Index { .. } | Command::Search { .. } => unreachable!("handled above"),
        Command::Diff { a, b, format, color, exact, cross_language, all, from_lang, to_lang, output } => {
            let pair = match b {
                Some(b) => {
                    let request = DiffRequest { a, b, from_lang: *from_lang, to_lang: *to_lang, cross_language: *cross_language };
                    let (old, new) = request.documents(&corpus)?;
                    lineage::negotiate::pair(old, new)
                }
                None => {
                    let draft = corpus.find_in(a, from_lang.map(Into::into))?;
                    let graph = lineage_graph(&corpus.documents);
                    lineage::negotiate::against_adopted(draft, &corpus.documents, &graph)
                        .map_err(|e| Error::NoComparison(e.to_string()))?
                }
            };
            if !cli.quiet {
                pair.notes.iter().for_each(|n| eprintln!("lineage: {n}"));
            }
            let options = DiffOptions { exact: *exact, ..DiffOptions::default() };
            let diff = diffed.take().unwrap_or_else(|| diff_documents(&pair.old, &pair.new, &options));
            if *format == render::DiffFormat::Docx {
                write_binary(&render::docx::diff(&diff, &pair.old, &pair.new, &lineage::model::Date::today().to_string())?, output.as_deref(), cli)?;
                return finish(cli, &corpus);
            }
            // `auto` colours a terminal only, never a file.
            let terminal = output.is_none() && std::io::stdout().is_terminal();
            let color = color.resolve(terminal, std::env::var_os("NO_COLOR").as_deref());
            let rendered = render::diff(&diff, *format, TextStyle { color, all: *all });
            to_file_or_output(rendered, output.as_deref(), cli)?
        }
    };
    write_stdout(&output);
    end_now(exit_status(cli, &corpus))
}

/// Ends the process at once, standard output being written and flushed: without taking
/// apart, allocation by allocation, the corpus, the diff and the rest the command built (a
/// fifth of a millisecond of an indexed diff went to that), and without the exit handlers,
/// where the allocator hands its free pages back to the system one range at a time,
/// splitting each huge page it had (another 0.15–0.2 ms of an indexed diff, and of one
/// from the files). The system takes the whole address space back at once. Nothing left
/// needs closing: the index was opened only to read, every file written is closed, and
/// standard error is not buffered.
fn end_now(code: u8) -> ! {
    let _ = std::io::stdout().flush();
    // SAFETY: `_exit` ends the process without running exit handlers or destructors;
    // none is needed (see above), and no other thread is writing anything to be kept.
    unsafe { libc::_exit(code.into()) }
}

/// The most paragraph text, in bytes, of the documents a command has read from the index
/// that it diffs without huge pages (see [`huge_pages`]): the diff of the two
/// 2,000-paragraph texts of `make bench-diff` (1.1 MB) took 14,744 page faults with small
/// pages rather than 1,339 with huge ones, and 262 ms rather than 215.
const SMALL_PAGES_TEXT_BYTES: usize = 128 * 1024;

/// The bytes of paragraph text the corpus's documents hold.
fn text_bytes(corpus: &Corpus) -> usize {
    corpus.documents.iter().flat_map(|d| &d.paragraphs).map(|p| p.text.len()).sum()
}

/// Whether the memory the process touches from now on may come in huge pages, or only in
/// the system's small ones. The allocator asks for huge pages (2 MB, each cleared by the
/// system when first touched), which serve a command that builds much (`graph` of 655
/// texts 5% faster with them; a diff from the files, which builds the reader's patterns,
/// 15.6 rather than 17.9 ms, with 234 page faults rather than 1,543) and cost one that
/// diffs or shows a few short documents read from the index: it touches a little of
/// several, and clearing each costs more than the small pages it uses (the indexed
/// `diff 47/23 53/29` 0.5–0.8 ms faster without them among 655 texts, 1.5 ms among
/// 6,500). `search`, whose freshness check and postings grow with the corpus, was no
/// faster without them. A huge page already in use stays one.
fn huge_pages(allowed: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes no pointer; it only sets a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(!allowed), 0, 0, 0);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = allowed;
}

/// `rendered` written to `path` where one is given (and an empty output left for standard
/// output), else `rendered` itself, to be printed.
fn to_file_or_output(rendered: String, path: Option<&std::path::Path>, cli: &Cli) -> Result<String, Error> {
    let Some(path) = path else { return Ok(rendered) };
    std::fs::write(path, rendered).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if !cli.quiet {
        eprintln!("lineage: wrote {}", path.display());
    }
    Ok(String::new())
}

/// A Word file to `path`, or to stdout where that is not a terminal.
fn write_binary(bytes: &[u8], path: Option<&std::path::Path>, cli: &Cli) -> Result<(), Error> {
    match path {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
            if !cli.quiet {
                eprintln!("lineage: wrote {}", path.display());
            }
        }
        None if std::io::stdout().is_terminal() => {
            return Err(Error::Output("a Word file is not written to a terminal: pass -o FILE.docx or redirect the output".into()));
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(bytes).map_err(|source| Error::Io { path: "<stdout>".into(), source })?;
        }
    }
    Ok(())
}

fn finish(cli: &Cli, corpus: &Corpus) -> Result<ExitCode, Error> {
    Ok(ExitCode::from(exit_status(cli, corpus)))
}

/// 1 under `--strict` when reading the corpus gave warnings, else 0.
fn exit_status(cli: &Cli, corpus: &Corpus) -> u8 {
    u8::from(cli.strict && !corpus.warnings.is_empty())
}

/// The index of the corpus folder: where `--index` points, or the folder's own index
/// under `<out>/index/`.
fn index_path(cli: &Cli, places: &Places) -> std::path::PathBuf {
    cli.index.clone().unwrap_or_else(|| places.index.clone())
}

/// Refuse to refresh (and so overwrite) an index that was built for another folder.
fn check_folder(cli: &Cli, index: &Index) -> Result<(), Error> {
    let asked = lineage::corpus::location::canonical(&cli.data);
    match index.built_for() {
        Some(built_for) if built_for != asked => {
            Err(Error::IndexOfOtherFolder { path: index.path().to_path_buf(), built_for, asked })
        }
        _ => Ok(()),
    }
}

/// An index that cannot be opened to read because its folder or file is read-only is
/// no news: the files are read instead, quietly.
fn is_read_only(e: &Error) -> bool {
    let text = e.to_string().to_lowercase();
    ["readonly", "read-only", "unable to open", "permission denied"].iter().any(|w| text.contains(w))
}

/// Report the files an index could not read, as `list` does.
fn warn_unreadable(cli: &Cli, index: &Index) -> Result<usize, Error> {
    let walk = lineage::reader::walk(&cli.data)?;
    let mut count = walk.skipped.len();
    if !cli.quiet {
        for file in &walk.skipped {
            eprintln!("lineage: warning: {}", printable(&format!("{}: skipped: {}", file.path.display(), file.reason)));
        }
    }
    for e in index.unreadable()? {
        count += 1;
        if !cli.quiet {
            eprintln!("lineage: warning: {}", printable(&format!("{e}; the file is skipped")));
        }
    }
    Ok(count)
}

/// The corpus from the index where the index matches the files, else from the files,
/// with the number of documents in the folder. Given `named` (the IDs a command asks
/// for), only the documents they can name are loaded; the warnings are still the whole
/// corpus's. Given an `outline`, each document is cut to it.
///
/// The folder's walk and the stat of each file (the file system's half of the freshness
/// check, see `FolderCheck`) run on a thread of their own from the start, while the index
/// is opened and read. The named documents are read from the index before the stats are
/// in, and `meanwhile` is given them: what it makes is returned only if the index is
/// found fresh, and dropped with them otherwise.
fn load_corpus<T>(
    cli: &Cli,
    named: Option<&[&str]>,
    outline: Option<Outline>,
    meanwhile: impl FnOnce(&Corpus) -> T,
) -> Result<(Corpus, usize, Option<T>), Error> {
    let whole = |corpus: Corpus| {
        let documents = corpus.documents.len();
        (corpus, documents, None)
    };
    let places = Places::of(&cli.out, &cli.data);
    let path = index_path(cli, &places);
    let indexed = path.is_file();
    let mut check = if named.is_some() && indexed {
        // Reading a few documents from the index needs little memory (see `huge_pages`).
        huge_pages(false);
        // A command that names a few documents walks the folder first where there is an
        // index (most often it takes the kept listing): a thread then stats the files,
        // where there are enough of them to be worth one, while the index is opened and
        // the documents read and diffed.
        FolderCheck::walk_first(&cli.data, Some(places.walk.clone()))?
    } else {
        // Started before the index is read: with no index, the few documents a command
        // names are found from the header cache, which the check's walk and stats
        // validate; and the thread takes the wait a process's first thread can have for a
        // core, which measured made a diff from the files 1–1.5 ms slower when the pattern
        // compiler's thread had it instead (see the README's "What a short command pays
        // besides its work").
        FolderCheck::start(&cli.data, Some(places.walk.clone()))
    };
    // With no index, the documents named are read from the files: the other core starts
    // on the reader's patterns now, before the header cache is read (0.1 ms sooner done).
    let preparation = (named.is_some() && !indexed).then(lineage::reader::Preparation::start);
    // Only read: a command that reads the corpus never writes the index.
    let index = match Index::open_to_read(&path) {
        Ok(index) => index,
        Err(e) => {
            if !cli.quiet && !is_read_only(&e) {
                eprintln!("lineage: warning: {e}; reading the files instead");
            }
            None
        }
    };
    // The check where no index took it: the folder's walk and stats, for the header cache.
    let unused = if let Some(index) = index {
        let status = match named {
            Some(queries) => {
                let read = lineage::corpus::headers::from_index(&cli.data, &index, queries);
                let walk = check.walk()?;
                let named = read.map(|read| read.with_walk(&walk));
                let made = named.as_ref().ok().map(|n| {
                    // Long texts are diffed with huge pages, as they are from the files.
                    if text_bytes(&n.corpus) > SMALL_PAGES_TEXT_BYTES {
                        huge_pages(true);
                    }
                    meanwhile(&n.corpus)
                });
                let status = check.status(&index)?;
                if status.is_fresh() {
                    return named.map(|n| (n.corpus, n.documents, made));
                }
                status
            }
            None => {
                check.walk()?;
                let status = check.status(&index)?;
                if status.is_fresh() {
                    return match outline {
                        Some(outline) => Corpus::outlines_from_index(&cli.data, &index, outline).map(whole),
                        None => Corpus::from_index(&cli.data, &index).map(whole),
                    };
                }
                status
            }
        };
        if !cli.quiet {
            match &status.other_folder {
                // An index of another folder (an --index pointing elsewhere) is not used.
                Some(folder) if !folder.is_empty() => eprintln!(
                    "lineage: the index {} was built for the folder {folder}, not {}; reading the files",
                    path.display(),
                    lineage::corpus::location::canonical(&cli.data)
                ),
                Some(_) => {}
                None => eprintln!(
                    "lineage: the index {} of {} is out of date ({}); reading the files (`lineage index` refreshes it)",
                    path.display(),
                    cli.data.display(),
                    status.describe()
                ),
            }
        }
        None
    } else {
        Some(check)
    };
    if let Some(queries) = named {
        // After an index found out of date, the folder is checked again for the cache.
        let check = unused.unwrap_or_else(|| FolderCheck::start(&cli.data, Some(places.walk)));
        return lineage::corpus::headers::from_files(&cli.data, &places.headers, queries, check, preparation).map(|n| (n.corpus, n.documents, None));
    }
    // The whole corpus is read: the check's stats are not wanted.
    drop(unused);
    let bar = progress_bar(cli, "reading");
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let corpus = match outline {
        Some(outline) => Corpus::load_outlines(&cli.data, outline, progress),
        None => Corpus::load_with_progress(&cli.data, progress),
    };
    bar.finish_and_clear();
    corpus.map(whole)
}

/// Bring the index up to date, with a progress bar on a terminal.
fn refresh_index(cli: &Cli, index: &mut Index) -> Result<lineage::corpus::index::Refresh, Error> {
    update_index(cli, index, false)
}

/// Refresh the index of `--data`, or build it anew (`rebuild`), with a progress bar.
fn update_index(cli: &Cli, index: &mut Index, rebuild: bool) -> Result<lineage::corpus::index::Refresh, Error> {
    let bar = progress_bar(cli, "reading");
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let report = if rebuild { index.rebuild(&cli.data, progress)? } else { index.refresh(&cli.data, progress)? };
    bar.finish_and_clear();
    Ok(report)
}

/// A progress bar on stderr when it is a terminal and `--quiet` is not given; hidden otherwise.
fn progress_bar(cli: &Cli, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if cli.quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template("{msg:>8} [{bar:40}] {pos}/{len} files ({eta})")
        .expect("progress template")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}

fn index_command(cli: &Cli, rebuild: bool) -> Result<ExitCode, Error> {
    lineage::reader::walk(&cli.data)?;
    let mut index = Index::open(&index_path(cli, &Places::of(&cli.out, &cli.data)))?;
    check_folder(cli, &index)?;
    let report = update_index(cli, &mut index, rebuild)?;
    let status = &report.status;
    let folder = lineage::corpus::location::canonical(&cli.data);
    let message = if status.is_fresh() {
        format!("{} (index of {folder}): up to date\n", index.path().display())
    } else {
        format!(
            "{} (index of {folder}): {} ({}, {} read)\n",
            index.path().display(),
            status.describe(),
            render::diff_labels::plural(report.documents, "document", "documents"),
            render::diff_labels::plural(report.paragraphs, "paragraph", "paragraphs")
        )
    };
    let unreadable = warn_unreadable(cli, &index)?;
    write_stdout(&message);
    if cli.strict && unreadable > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn search_command(cli: &Cli, query: &str, options: &SearchOptions, format: Format) -> Result<ExitCode, Error> {
    // Walked before the index is opened (a folder that is missing or cannot be listed
    // leaves no index behind), and that walk is the one the freshness check compares.
    let walk = lineage::reader::walk(&cli.data)?;
    let mut index = Index::open(&index_path(cli, &Places::of(&cli.out, &cli.data)))?;
    check_folder(cli, &index)?;
    let status = index.status_of(&cli.data, &walk.texts)?;
    if !status.is_fresh() {
        if !cli.quiet {
            eprintln!("lineage: refreshing the index {} of {} ({})", index.path().display(), cli.data.display(), status.describe());
        }
        refresh_index(cli, &mut index)?;
    }
    let hits = index.search(query, options)?;
    let output = match format {
        Format::Text => text::search(query, &hits),
        Format::Json => json::search(query, &hits),
    };
    write_stdout(&output);
    Ok(ExitCode::SUCCESS)
}

/// The series `doc` belongs to, or a series of `doc` alone.
fn series_or_alone(graph: &LineageGraph, doc: &lineage::Document) -> Series {
    graph.series_of(&doc.symbol).cloned().unwrap_or_else(|| Series {
        title: doc.title.clone(),
        body: doc.body,
        members: vec![doc.symbol.clone()],
        drafts: Vec::new(),
    })
}

/// The two documents a `diff` names, checked: both found, in the languages asked for,
/// and in one language unless a cross-language diff was asked for.
struct DiffRequest<'a> {
    a: &'a str,
    b: &'a str,
    from_lang: Option<Language>,
    to_lang: Option<Language>,
    cross_language: bool,
}

impl DiffRequest<'_> {
    fn documents<'c>(&self, corpus: &'c Corpus) -> Result<(&'c lineage::Document, &'c lineage::Document), Error> {
        let old = corpus.find_in(self.a, self.from_lang)?;
        // Without a language asked for, B in A's language where the corpus has it.
        let same_language = match (self.to_lang, self.cross_language) {
            (None, false) => corpus.find_in(self.b, Some(old.language)).ok(),
            _ => None,
        };
        let mut new = match same_language {
            Some(doc) => doc,
            None => corpus.find_in(self.b, self.to_lang)?,
        };
        // `diff 47/23 47/23 --cross-language`: the other language of the same text.
        if self.cross_language && self.to_lang.is_none() && old.symbol == new.symbol && old.language == new.language {
            new = corpus.other_language(old).unwrap_or(new);
        }
        if old.language != new.language && !self.cross_language {
            return Err(Error::LanguagesDiffer {
                from: old.symbol.clone(),
                from_language: old.language.as_str().to_string(),
                to: new.symbol.clone(),
                to_language: new.language.as_str().to_string(),
            });
        }
        Ok((old, new))
    }
}

/// Write corpus.json and one JSON file per document under `out`; returns a summary.
fn export(corpus: &Corpus, out: &Path) -> Result<String, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let docs = out.join("documents");
    std::fs::create_dir_all(&docs).map_err(io(&docs))?;
    let list = out.join("corpus.json");
    std::fs::write(&list, json::list(&corpus.documents)).map_err(io(&list))?;
    // Two IDs can fold to one file name (`A/HRC/RES/47/23` and a text named
    // `A_HRC_RES_47_23.txt` that states no symbol): the second gets a number rather
    // than overwriting the first.
    let mut taken = std::collections::HashSet::new();
    for doc in &corpus.documents {
        let stem = format!("{}.{}", file_name(&doc.symbol), doc.language.as_str());
        let name = (1..)
            .map(|n| if n == 1 { format!("{stem}.json") } else { format!("{stem}.{n}.json") })
            .find(|name| taken.insert(name.clone()))
            .expect("some numbered name is free");
        let path = docs.join(name);
        std::fs::write(&path, json::document(doc, true)).map_err(io(&path))?;
    }
    let count = render::diff_labels::plural(corpus.documents.len(), "document", "documents");
    Ok(format!("wrote {} and {count} to {}\n", list.display(), docs.display()))
}

/// A symbol as a file name: `A/HRC/RES/47/23` → `A_HRC_RES_47_23`; nothing in it can
/// leave the output folder.
fn file_name(symbol: &str) -> String {
    let name = symbol
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect::<String>()
        .trim_matches('_')
        .to_string();
    // An ID of nothing but separators would leave a name that starts with a dot.
    if name.is_empty() { "document".to_string() } else { name }
}

/// A closed pipe (`lineage show … | head`) is the reader's choice, not an error.
fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("lineage: cannot write output: {e}");
        }
}

/// Drop `documents` and give the memory they held back to the system, so that what is
/// made after them (the JSON of a graph of 100,000 texts is hundreds of megabytes) does
/// not come on top of it: the C allocator keeps freed small blocks otherwise.
fn release(documents: Vec<lineage::Document>) {
    drop(documents);
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer; it only returns the allocator's free pages.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The lineage graph of the corpus with the reports that answered its requests.
fn lineage_graph(docs: &[lineage::Document]) -> LineageGraph {
    let mut graph = LineageGraph::build(docs);
    lineage::mandates::link_fulfilments(docs, &mut graph);
    graph
}
