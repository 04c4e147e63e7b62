//! Character classes: which characters are Chinese (and other scripts written without
//! spaces), which are their punctuation, and how wide each prints. Every stage asks here,
//! so that a reader, a diff and a renderer never disagree about what a Han character is.

/// A Han ideograph: the unified block, extension A, the compatibility ideographs and the
/// supplementary planes (extensions B and later).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'      // extension A
        | '\u{4E00}'..='\u{9FFF}'    // unified ideographs
        | '\u{F900}'..='\u{FAFF}'    // compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}') // extensions B and later
}

/// Punctuation set with Chinese text: the CJK symbols block, the full-width punctuation
/// forms, and the dashes, ellipsis, curly quotes and middle dot that Chinese typesetting
/// shares with English.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '—' | '―' | '…' | '“' | '”' | '‘' | '’' | '·')
}

/// A figure as the texts print them: an ASCII digit or its full-width form (`０`–`９`),
/// the digits the reader's patterns read (`[0-9０-９]`).
pub fn is_figure(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A Han character or the punctuation that goes with it: what the reader closes up
/// (no space belongs beside it) and joins across line breaks without a space.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// A character of the East Asian blocks: Han, the CJK symbols block and the full- and
/// half-width forms. A name next to one is not inside a longer Latin word, which is how
/// the gazetteer and the rights lexicon find word boundaries in text of either language.
pub fn is_east_asian_block(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// A letter of a script written without spaces between words (Han, kana, hangul): a diff
/// compares such text character by character, not word by word.
pub fn is_unspaced_script(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// Columns a character takes on a terminal: two for the wide East Asian characters, one
/// for the rest.
pub fn column_width(c: char) -> usize {
    if is_unspaced_script(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF60}') { 2 } else { 1 }
}

/// How many bytes of `bytes` satisfy `pred`, counted in blocks of 255 into one byte per
/// lane so that the count is vectorised.
#[inline]
pub fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(pred(b)))))
        .sum()
}

/// How many bytes `bytes` starts with that are ASCII, read eight at a time.
#[inline]
pub fn ascii_prefix(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut ascii = 0;
    for word in &mut words {
        let high = u64::from_le_bytes(word.try_into().expect("eight bytes")) & HIGH_BITS;
        if high != 0 {
            return ascii + high.trailing_zeros() as usize / 8;
        }
        ascii += 8;
    }
    let rest = words.remainder();
    ascii + rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len())
}

/// Whether an ASCII byte is one of the spaces `char::is_whitespace` names: tab, line
/// feed, vertical tab, form feed, carriage return and space (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether two neighbouring bytes of `bytes` satisfy `pair`, read in blocks of 64 pairs
/// without a branch inside a block, so that the compiler reads many pairs at once; the
/// bytes stop being read at the first block that holds such a pair.
#[inline]
pub fn any_neighbours(bytes: &[u8], pair: impl Fn(u8, u8) -> bool) -> bool {
    if bytes.len() < 2 {
        return false;
    }
    let (left, right) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    left.chunks(64).zip(right.chunks(64)).any(|(left, right)| left.iter().zip(right).fold(false, |found, (&a, &b)| found | pair(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_spaces_are_those_char_names() {
        for b in 0..=0x7Fu8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#04x}");
        }
    }

    #[test]
    fn the_ascii_prefix_ends_at_the_first_other_byte_wherever_it_falls() {
        let reference = |bytes: &[u8]| bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len());
        for len in 0..40 {
            let mut bytes = vec![b'x'; len];
            assert_eq!(ascii_prefix(&bytes), len);
            for at in 0..len {
                bytes[at] = 0xE4;
                assert_eq!(ascii_prefix(&bytes), reference(&bytes), "{len} {at}");
                bytes[at] = b'x';
            }
        }
        assert_eq!(ascii_prefix("Recalling 隐私权".as_bytes()), 10);
    }

    #[test]
    fn neighbours_are_found_across_blocks() {
        let mut bytes = vec![b'a'; 200];
        assert!(!any_neighbours(&bytes, |a, b| a == b' ' && b == b' '));
        for at in [0, 62, 63, 64, 127, 198] {
            bytes[at] = b' ';
            bytes[at + 1] = b' ';
            assert!(any_neighbours(&bytes, |a, b| a == b' ' && b == b' '), "{at}");
            bytes[at] = b'a';
            bytes[at + 1] = b'a';
        }
        assert!(!any_neighbours(b" ", |_, _| true) && !any_neighbours(b"", |_, _| true));
        assert!(any_neighbours(b"ab", |a, b| a == b'a' && b == b'b'));
    }

    #[test]
    fn count_bytes_counts_across_blocks() {
        // Longer than one block of 255, every byte value many times over.
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
        for pred in [|b: u8| b.is_ascii_alphabetic(), |b: u8| b & 0xC0 != 0x80, |_| true] {
            assert_eq!(count_bytes(&bytes, pred), bytes.iter().filter(|&&b| pred(b)).count());
        }
        assert_eq!(count_bytes(&[], |_| true), 0);
    }

    #[test]
    fn classes_of_chinese_english_and_punctuation() {
        // (character, han, cjk_punct, east_asian_block, unspaced, columns)
        let rows = [
            ('权', true, false, true, true, 2),
            ('𠀀', true, false, true, true, 2),
            ('，', false, true, true, false, 2),
            ('。', false, true, true, false, 2),
            ('“', false, true, false, false, 1),
            ('Ａ', false, false, true, false, 2),
            ('か', false, false, false, true, 2),
            ('a', false, false, false, false, 1),
            ('7', false, false, false, false, 1),
            (',', false, false, false, false, 1),
        ];
        for (c, han, punct, block, unspaced, columns) in rows {
            assert_eq!(is_han(c), han, "{c} han");
            assert_eq!(is_cjk_punct(c), punct, "{c} punct");
            assert_eq!(is_cjk(c), han || punct, "{c} cjk");
            assert_eq!(is_east_asian_block(c), block, "{c} block");
            assert_eq!(is_unspaced_script(c), unspaced, "{c} unspaced");
            assert_eq!(column_width(c), columns, "{c} columns");
        }
    }
}
