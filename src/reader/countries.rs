//! The country gazetteer: UN names (English and Chinese) to ISO 3166-1 alpha-3 codes
//! (ISO 3166-3 four-letter codes for former States: SUHH, YUCS, CSHH, …),
//! and the splitter that turns a printed voting list into codes.
//!
//! The data lives in `lexicon/countries.tsv`, compiled in, so the binary needs no file at
//! run time and a bad row is caught by the tests rather than by a user.
//!
//! Names are compared after folding: case, diacritics, apostrophe shapes, full-width
//! punctuation and spacing all vary between PDF extractions of the same list, and none of
//! them distinguishes one country from another.

use crate::text::chars::is_east_asian_block;
use std::collections::HashMap;
use std::sync::LazyLock;

const TSV: &str = include_str!("../../lexicon/countries.tsv");

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| match Gazetteer::from_tsv(TSV) {
    Ok(g) => g,
    // The TSV is compiled in and checked by the tests, so this is a build defect.
    Err(errors) => panic!("lexicon/countries.tsv is invalid:\n{}", errors.join("\n")),
});

/// The gazetteer built from the compiled-in `lexicon/countries.tsv`, once per process.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The UN short name of `iso3` in `lang` ("en" or "zh"): its row's `en` or `zh`, read
/// from the compiled-in rows alone. Naming the few States whose vote changed (a diff's
/// summary, `lineage votes`) does not need the [`Gazetteer`], whose every name is folded
/// for matching: building it was a tenth of an indexed diff's work.
pub fn name(iso3: &str, lang: &str) -> Option<&'static str> {
    static NAMES: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
        LazyLock::new(|| rows(TSV).filter_map(|(_, fields)| Some((fields.first()?.trim(), (fields.get(1)?.trim(), fields.get(2)?.trim())))).collect());
    let (en, zh) = NAMES.get(iso3)?;
    match lang {
        "en" => Some(en),
        "zh" => Some(zh),
        _ => None,
    }
}

/// The lines of a gazetteer TSV that are not blank or `#` comments, numbered from 1 as
/// lines of the file, each cut into its tab-separated fields: the header row, then the
/// data rows.
fn lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !(line.trim().is_empty() || line.starts_with('#')))
        .map(|(number, line)| (number + 1, line.split('\t').collect()))
}

/// The data rows of a gazetteer TSV (see [`lines`]), the header row left out.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    lines(text).skip(1)
}

/// One row of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso3: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub aliases: Vec<&'static str>,
}

impl Country {
    /// Every name the row answers to: `en`, `zh`, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.en, self.zh].into_iter().chain(self.aliases.iter().copied())
    }
}

#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    by_key: HashMap<String, usize>,
    /// Folded names, longest first, so that the first hit in a scan is the longest match
    /// ("刚果民主共和国" before "刚果", "Guinea-Bissau" before "Guinea").
    keys: Vec<(Vec<char>, usize)>,
}

impl Gazetteer {
    /// Parses the TSV, collecting every defect rather than stopping at the first, so
    /// one test run shows them all.
    pub fn from_tsv(text: &'static str) -> Result<Gazetteer, Vec<String>> {
        let mut errors = Vec::new();
        let mut countries: Vec<Country> = Vec::new();
        if let Some((number, fields)) = lines(text).next()
            && (fields.len() < 3 || fields[0] != "iso3" || fields[1] != "en" || fields[2] != "zh")
        {
            errors.push(format!("line {number}: expected the header iso3/en/zh/aliases"));
        }
        for (number, fields) in rows(text) {
            if fields.len() < 3 || fields.len() > 4 {
                errors.push(format!("line {number}: {} fields, expected 3 or 4", fields.len()));
                continue;
            }
            let iso3 = fields[0].trim();
            let en = fields[1].trim();
            let zh = fields[2].trim();
            // Three letters (ISO 3166-1 alpha-3), or four for a former State (ISO 3166-3).
            if !(3..=4).contains(&iso3.len()) || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(format!("line {number}: iso3 {iso3:?} is not three (or, ISO 3166-3, four) capital letters"));
            }
            if en.is_empty() {
                errors.push(format!("line {number}: {iso3} has no English name"));
            }
            if zh.is_empty() {
                errors.push(format!("line {number}: {iso3} has no Chinese name"));
            }
            let aliases = fields
                .get(3)
                .map(|a| a.split(';').map(str::trim).filter(|a| !a.is_empty()).collect())
                .unwrap_or_default();
            countries.push(Country { iso3, en, zh, aliases });
        }

        let mut codes = std::collections::HashSet::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (index, country) in countries.iter().enumerate() {
            if !codes.insert(country.iso3) {
                errors.push(format!("{} appears on more than one row", country.iso3));
            }
            for name in country.names() {
                let key = fold_key(name);
                if key.is_empty() {
                    continue;
                }
                match by_key.get(&key) {
                    // A redundant alias in its own row ("Cote d'Ivoire") is harmless.
                    Some(&other) if other == index => {}
                    Some(&other) => errors.push(format!(
                        "{name:?} of {} folds to {key:?}, already a name of {}",
                        country.iso3, countries[other].iso3
                    )),
                    None => {
                        by_key.insert(key, index);
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut keys: Vec<(Vec<char>, usize)> =
            by_key.iter().map(|(k, &i)| (k.chars().collect(), i)).collect();
        keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Gazetteer { countries, by_key, keys })
    }

    /// All rows, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The ISO 3166-1 alpha-3 code of a country name in either language, or `None`.
    ///
    /// Tolerates surrounding whitespace, a trailing full stop, curly apostrophes,
    /// full-width brackets, diacritics and case: "  Côte d’Ivoire. " and "cote d'ivoire"
    /// both give `CIV`, "伊朗（伊斯兰共和国）" gives `IRN`.
    pub fn resolve(&self, name: &str) -> Option<&'static str> {
        let mut key = fold_key(name);
        while key.ends_with(['.', '。']) {
            key.pop();
            key.truncate(key.trim_end().len());
        }
        self.by_key.get(&key).map(|&i| self.countries[i].iso3)
    }

    /// Splits a printed list of countries into codes, in printed order, and the pieces
    /// that matched no name (whitespace tidied, otherwise as printed).
    ///
    /// Takes "阿根廷、亚美尼亚、…、乌拉圭和乌兹别克斯坦" and "Argentina, Armenia, …,
    /// Uruguay and Uzbekistan". Separators also occur inside names ("特立尼达和多巴哥",
    /// "委内瑞拉玻利瓦尔共和国", "Trinidad and Tobago"), so the list is read by greedy
    /// longest match against the gazetteer; a separator splits only where no name spans
    /// it. Line breaks and stray spaces from PDF wrapping are ignored.
    pub fn split_list(&self, text: &str) -> (Vec<&'static str>, Vec<String>) {
        let folded = Folded::new(text);
        let chars = &folded.chars;
        let mut codes = Vec::new();
        let mut unresolved = Vec::new();
        let mut at = 0;
        loop {
            at = skip_separators(chars, at);
            if at >= chars.len() {
                break;
            }
            if let Some((end, index)) = self.match_at(chars, at) {
                codes.push(self.countries[index].iso3);
                at = end;
                continue;
            }
            let end = self.unresolved_end(chars, at);
            let piece = tidy(folded.original(text, at, end));
            let piece = piece.trim_end_matches(['.', '。', ' ']);
            if !piece.is_empty() {
                unresolved.push(piece.to_string());
            }
            at = end;
        }
        (codes, unresolved)
    }

    /// The longest name starting at `at` that ends where a list item can end.
    fn match_at(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        self.keys
            .iter()
            .filter(|(key, _)| name_fits(chars, at, key))
            .find(|(key, _)| self.item_can_end(chars, at + key.len()))
            .map(|(key, index)| (at + key.len(), *index))
    }

    /// Whether some name begins at `at` (used to look one item ahead).
    fn name_starts_at(&self, chars: &[char], at: usize) -> bool {
        self.keys.iter().any(|(key, _)| name_fits(chars, at, key))
    }

    /// A name only counts if the list item ends with it: "中国台湾" must not yield CHN
    /// plus a stray "台湾", and "Iran (Islamic Rep.)" must not yield IRN.
    fn item_can_end(&self, chars: &[char], end: usize) -> bool {
        let Some(&next) = chars.get(end) else {
            return true;
        };
        if is_separator(next) || next == '和' || next == ']' {
            return true;
        }
        if next == ' ' {
            let after = end + 1;
            return after >= chars.len()
                || is_separator(chars[after])
                || is_word_and(chars, after)
                // Lists printed one name a line, without commas.
                || self.name_starts_at(chars, after);
        }
        // Two Chinese names run together where the extraction lost the 、.
        is_east_asian_block(next) && self.name_starts_at(chars, end)
    }

    /// Where an unrecognised item stops: at the next separator outside brackets, or at a
    /// 和/"and" that introduces a known name (the last item of the list).
    fn unresolved_end(&self, chars: &[char], start: usize) -> usize {
        let mut depth = 0usize;
        let mut at = start;
        while at < chars.len() {
            let c = chars[at];
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                ',' | '、' | ';' | '。' => return at,
                '和' if at > start && self.match_at(chars, at + 1).is_some() => return at,
                ' ' if is_word_and(chars, at + 1) => {
                    let after = skip_separators(chars, at + 1);
                    if self.match_at(chars, after).is_some() {
                        return at;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        chars.len()
    }
}

/// Whether `key` occurs at `at` and, for a Latin name, ends at a word boundary
/// ("Niger" must not match the start of "Nigeria" should "Nigeria" ever be misspelt).
fn name_fits(chars: &[char], at: usize, key: &[char]) -> bool {
    let end = at + key.len();
    if end > chars.len() || chars[at..end] != *key {
        return false;
    }
    let last_is_letter = key.last().is_some_and(|c| c.is_alphanumeric() && !is_east_asian_block(*c));
    !(last_is_letter && chars.get(end).is_some_and(|c| c.is_alphanumeric() && !is_east_asian_block(*c)))
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '、' | ';' | '.' | '。')
}

/// "and" as a word at `at` (not the start of "Andorra").
fn is_word_and(chars: &[char], at: usize) -> bool {
    chars.get(at..at + 3) == Some(&['a', 'n', 'd'][..])
        && !chars.get(at + 3).is_some_and(|c| c.is_alphanumeric())
}

fn skip_separators(chars: &[char], mut at: usize) -> usize {
    loop {
        match chars.get(at) {
            Some(&c) if is_separator(c) || c == ' ' || c == '和' || c == '&' => at += 1,
            Some(_) if is_word_and(chars, at) => at += 3,
            _ => return at,
        }
    }
}


/// Maps one character to its comparison form, or `None` to drop it.
fn fold_char(c: char) -> Option<char> {
    let c = match c {
        // Combining diacritics from decomposed text ("Tu\u{308}rkiye").
        '\u{0300}'..='\u{036F}' => return None,
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        // Full-width ASCII forms: （）［］，；：．０-９ and letters.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let c = c.to_lowercase().next().unwrap_or(c);
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    })
}

/// Whether a space between `before` and `after` carries no meaning and is dropped.
fn space_is_noise(before: char, after: char) -> bool {
    is_east_asian_block(before)
        || is_east_asian_block(after)
        || matches!(before, '(' | '\'')
        || matches!(after, '(' | ')' | '\'')
}

/// Text in comparison form, with each character's byte range in the original so that
/// unresolved pieces can be reported as printed.
struct Folded {
    chars: Vec<char>,
    spans: Vec<(usize, usize)>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        let mut spans = Vec::with_capacity(text.len());
        let mut pending_space: Option<(usize, usize)> = None;
        for (offset, c) in text.char_indices() {
            let span = (offset, offset + c.len_utf8());
            // A hyphen is read as a space: "Guinea Bissau", "Guinea-\nBissau" and
            // "Timor - Leste" are all printed, and no two UN names differ only there.
            if c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}') {
                pending_space = Some(pending_space.map_or(span, |(s, _)| (s, span.1)));
                continue;
            }
            let Some(f) = fold_char(c) else { continue };
            if let (Some(space), Some(&before)) = (pending_space.take(), chars.last())
                && !space_is_noise(before, f) {
                    chars.push(' ');
                    spans.push(space);
                }
            chars.push(f);
            spans.push(span);
        }
        Folded { chars, spans }
    }

    fn original<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        if start >= end {
            return "";
        }
        &text[self.spans[start].0..self.spans[end - 1].1]
    }
}

/// The comparison key of a whole name.
fn fold_key(name: &str) -> String {
    Folded::new(name.trim()).chars.into_iter().collect()
}

/// Undoes PDF wrapping in a piece kept for the reader: whitespace runs become one space,
/// or nothing next to Chinese.
fn tidy(piece: &str) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut pending = false;
    for c in piece.trim().chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        if pending && !out.chars().last().is_some_and(is_east_asian_block) && !is_east_asian_block(c) {
            out.push(' ');
        }
        pending = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_name_is_its_rows_in_the_gazetteer() {
        for c in gazetteer().countries() {
            assert_eq!(name(c.iso3, "en"), Some(c.en), "{}", c.iso3);
            assert_eq!(name(c.iso3, "zh"), Some(c.zh), "{}", c.iso3);
        }
        assert_eq!(name("CHN", "zh"), Some("中国"));
        assert_eq!(name("XXX", "en"), None);
        assert_eq!(name("CHN", "fr"), None);
    }

    #[test]
    fn a_misshapen_header_is_reported_with_its_line() {
        let errors = Gazetteer::from_tsv("# comment\n\niso3\ten\n").unwrap_err();
        assert_eq!(errors, ["line 3: expected the header iso3/en/zh/aliases"]);
    }

    #[test]
    fn every_row_is_complete_and_unique() {
        let g = Gazetteer::from_tsv(TSV).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        let mut iso3 = HashSet::new();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for c in g.countries() {
            assert!(iso3.insert(c.iso3), "duplicate iso3 {}", c.iso3);
            assert!(!c.en.is_empty() && !c.zh.is_empty(), "{} lacks a name", c.iso3);
            for name in c.names() {
                let key = fold_key(name);
                if let Some(other) = owner.insert(key, c.iso3) {
                    assert_eq!(other, c.iso3, "{name:?} is shared by {other} and {}", c.iso3);
                }
            }
        }
        // 193 Member States, 2 observer States, 11 former entities.
        assert_eq!(g.countries().len(), 206);
    }

    #[test]
    fn from_tsv_reports_defects() {
        let bad = "iso3\ten\tzh\taliases\nAAA\tA\t甲\t\nAAA\tB\t\t\nBBB\tC\t丙\ta\n";
        let errors = Gazetteer::from_tsv(bad).unwrap_err();
        let all = errors.join("\n");
        assert!(all.contains("AAA appears on more than one row"), "{all}");
        assert!(all.contains("no Chinese name"), "{all}");
        assert!(all.contains("already a name of AAA"), "{all}");
    }

    #[test]
    fn resolve_tolerates_print_variants() {
        // (zh, en, iso3)
        let table = [
            ("多民族玻利维亚国", "Bolivia (Plurinational State of)", "BOL"),
            ("玻利维亚（多民族国）", "Bolivia(Plurinational State of)", "BOL"),
            ("委内瑞拉玻利瓦尔共和国", "Venezuela (Bolivarian Republic of)", "VEN"),
            ("委内瑞拉(玻利瓦尔共和国)", "  venezuela ( bolivarian republic of ) ", "VEN"),
            ("伊朗（伊斯兰共和国）", "IRAN (ISLAMIC REPUBLIC OF)", "IRN"),
            ("科特迪瓦", "Côte d’Ivoire", "CIV"),
            ("科特迪瓦。", "Cote d'Ivoire.", "CIV"),
            ("土耳其", "Turkey", "TUR"),
            ("土耳其", "Tu\u{308}rkiye", "TUR"),
            ("捷克共和国", "Czech Republic", "CZE"),
            ("捷克", "Czechia", "CZE"),
            ("荷兰王国", "Netherlands (Kingdom of the)", "NLD"),
            ("荷兰", "Netherlands", "NLD"),
            ("斯威士兰", "Swaziland", "SWZ"),
            ("前南斯拉夫的马其顿共和国", "The former Yugoslav Republic of Macedonia", "MKD"),
            ("北马其顿", "North Macedonia", "MKD"),
            ("朝鲜民主主义人民共和国", "Democratic People’s Republic of Korea", "PRK"),
            ("大韩民国", "Republic of Korea", "KOR"),
            (
                "大不列颠及北爱尔兰联合王国",
                "United Kingdom of Great Britain and Northern Ireland",
                "GBR",
            ),
            ("美利坚合众国", "United States of America", "USA"),
            ("老挝人民民主共和国", "Lao People's Democratic Republic", "LAO"),
            ("摩尔多瓦共和国", "Republic of Moldova", "MDA"),
            ("坦桑尼亚联合共和国", "United Republic of Tanzania", "TZA"),
            ("密克罗尼西亚联邦", "Micronesia (Federated States of)", "FSM"),
            ("圣多美和普林西比", "São Tomé and Príncipe", "STP"),
            ("几内亚比绍", "Guinea‑Bissau", "GNB"),
            ("巴勒斯坦国", "State of Palestine", "PSE"),
            ("教廷", "Holy See", "VAT"),
        ];
        let g = gazetteer();
        for (zh, en, iso3) in table {
            assert_eq!(g.resolve(zh), Some(iso3), "zh {zh:?}");
            assert_eq!(g.resolve(en), Some(iso3), "en {en:?}");
        }
        for unknown in
            ["", "台湾", "Iran (Islamic Rep.)", "Congo, Democratic Republic of the", "Nigerland"]
        {
            assert_eq!(g.resolve(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn name_gives_un_short_names() {
        assert_eq!(name("BOL", "zh"), Some("多民族玻利维亚国"));
        assert_eq!(name("BOL", "en"), Some("Bolivia (Plurinational State of)"));
        assert_eq!(name("TUR", "en"), Some("Türkiye"));
        assert_eq!(name("GBR", "fr"), None);
        assert_eq!(name("XXX", "en"), None);
    }

    fn split(text: &str) -> (Vec<&'static str>, Vec<String>) {
        gazetteer().split_list(text)
    }

    #[test]
    fn split_list_handles_separators_inside_names() {
        // (zh list, en list, codes)
        let table: [(&str, &str, &[&str]); 7] = [
            (
                "特立尼达和多巴哥、波斯尼亚和黑塞哥维那和委内瑞拉玻利瓦尔共和国",
                "Trinidad and Tobago, Bosnia and Herzegovina and Venezuela (Bolivarian Republic of)",
                &["TTO", "BIH", "VEN"],
            ),
            (
                "乌拉圭和乌兹别克斯坦",
                "Uruguay and Uzbekistan",
                &["URY", "UZB"],
            ),
            (
                "刚果、刚果民主共和国、几内亚、几内亚比绍、赤道几内亚和巴布亚新几内亚",
                "Congo, Democratic Republic of the Congo, Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea",
                &["COG", "COD", "GIN", "GNB", "GNQ", "PNG"],
            ),
            (
                "苏丹、南苏丹、尼日尔和尼日利亚",
                "Sudan, South Sudan, Niger, and Nigeria",
                &["SDN", "SSD", "NER", "NGA"],
            ),
            (
                "多米尼克、多米尼加共和国和中非共和国",
                "Dominica, Dominican Republic and Central African Republic",
                &["DMA", "DOM", "CAF"],
            ),
            (
                "大不列颠及北爱尔兰联合王国和美利坚合众国",
                "United Kingdom of Great Britain and Northern Ireland and United States of America",
                &["GBR", "USA"],
            ),
            (
                "安提瓜和巴布达、圣基茨和尼维斯、圣文森特和格林纳丁斯和圣多美和普林西比",
                "Antigua and Barbuda, Saint Kitts and Nevis, Saint Vincent and the Grenadines and Sao Tome and Principe",
                &["ATG", "KNA", "VCT", "STP"],
            ),
        ];
        for (zh, en, codes) in table {
            assert_eq!(split(zh), (codes.to_vec(), vec![]), "zh {zh:?}");
            assert_eq!(split(en), (codes.to_vec(), vec![]), "en {en:?}");
        }
    }

    #[test]
    fn split_list_tolerates_pdf_wrapping() {
        let zh = "阿根廷、亚美\n尼亚、 多民族玻利维亚\n国、委内瑞拉玻利瓦尔\n共和国和乌兹别克斯坦";
        let en = "Argentina, Armenia, Bolivia (Plurinational\nState of), Guinea-\nBissau,\nUnited Kingdom of Great Britain and\n  Northern Ireland";
        assert_eq!(split(zh), (vec!["ARG", "ARM", "BOL", "VEN", "UZB"], vec![]));
        assert_eq!(split(en), (vec!["ARG", "ARM", "BOL", "GNB", "GBR"], vec![]));
        // One name a line, no commas.
        assert_eq!(split("China\nEritrea\nViet Nam"), (vec!["CHN", "ERI", "VNM"], vec![]));
        // Hyphens lost or spaced out.
        assert_eq!(split("Guinea Bissau, Timor - Leste"), (vec!["GNB", "TLS"], vec![]));
        // Full-width punctuation.
        assert_eq!(split("伊朗（伊斯兰共和国），中国；日本"), (vec!["IRN", "CHN", "JPN"], vec![]));
    }

    #[test]
    fn split_list_keeps_unresolved_pieces() {
        type Row = (&'static str, &'static [&'static str], &'static [&'static str]);
        // zh row and en row side by side: (list, codes, unresolved).
        let table: [(Row, Row); 4] = [
            (
                ("中国、台湾、日本", &["CHN", "JPN"], &["台湾"]),
                ("China, Narnia, Japan", &["CHN", "JPN"], &["Narnia"]),
            ),
            (
                // A known name that is only the start of the item is not taken.
                ("中国台湾和日本", &["JPN"], &["中国台湾"]),
                ("Iran (Islamic Rep.), Japan", &["JPN"], &["Iran (Islamic Rep.)"]),
            ),
            (
                // The last item's 和/and still splits after an unknown name.
                ("阿根廷、某某\n国和乌兹别克斯坦", &["ARG", "UZB"], &["某某国"]),
                ("Argentina, Utopia\n Major and Uzbekistan", &["ARG", "UZB"], &["Utopia Major"]),
            ),
            (
                // Not the UN form: the comma splits it, and the remainder is reported.
                ("刚果（金）", &[], &["刚果（金）"]),
                ("Congo, Democratic Republic of the", &["COG"], &["Democratic Republic of the"]),
            ),
        ];
        for ((zh, zh_codes, zh_unresolved), (en, en_codes, en_unresolved)) in table {
            let (codes, unresolved) = split(zh);
            assert_eq!(
                (codes.as_slice(), unresolved.as_slice()),
                (
                    zh_codes,
                    zh_unresolved.iter().map(|s| s.to_string()).collect::<Vec<_>>().as_slice()
                ),
                "zh {zh:?}"
            );
            let (codes, unresolved) = split(en);
            assert_eq!(
                (codes.as_slice(), unresolved.as_slice()),
                (
                    en_codes,
                    en_unresolved.iter().map(|s| s.to_string()).collect::<Vec<_>>().as_slice()
                ),
                "en {en:?}"
            );
        }
        // Commas inside brackets stay inside the piece.
        assert_eq!(
            split("Korea (Republic of, South), Japan"),
            (vec!["JPN"], vec!["Korea (Republic of, South)".to_string()])
        );
    }

    #[test]
    fn andorra_is_not_and() {
        assert_eq!(split("Albania, Andorra and Angola"), (vec!["ALB", "AND", "AGO"], vec![]));
    }
}
