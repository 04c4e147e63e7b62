//! Bytes to text: detect the encoding instead of assuming UTF-8.
//!
//! UN texts reach users as UTF-8 from web pages, UTF-16 from Word exports and GB18030/GBK
//! from older Chinese tooling. A byte-order mark decides; without one, valid UTF-8 wins,
//! then UTF-16 recognised by its NUL pattern, then GB18030 where it decodes cleanly.

use crate::error::ReadError;
use crate::text::chars::count_bytes;

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, "UTF-8 (BOM)");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(&bytes[2..], encoding_rs::UTF_16LE, "UTF-16LE");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(&bytes[2..], encoding_rs::UTF_16BE, "UTF-16BE");
    }
    // ASCII text in UTF-16 is also valid UTF-8 (with NULs), so the NUL pattern goes first.
    if let Some(le) = utf16_without_bom(bytes) {
        let enc = if le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        return utf16(bytes, enc, if le { "UTF-16LE" } else { "UTF-16BE" });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), "UTF-8");
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if !had_errors {
        return checked(text.into_owned(), "GB18030");
    }
    Err(ReadError::UnknownEncoding)
}

fn utf8(bytes: &[u8], name: &'static str) -> Result<Decoded, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => checked(text.to_string(), name),
        Err(e) => Err(ReadError::InvalidUtf8 { offset: e.valid_up_to() }),
    }
}

fn utf16(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<Decoded, ReadError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(ReadError::UnknownEncoding);
    }
    checked(text.into_owned(), name)
}

/// UTF-16 without a BOM shows as NUL bytes in every other position (for Latin text) or
/// an even length with many NULs; text in one of the legacy encodings never has NULs.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd_nuls = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let even_nuls = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    if odd_nuls * 3 > pairs && even_nuls * 10 < pairs {
        Some(true)
    } else if even_nuls * 3 > pairs && odd_nuls * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Text that decoded but is mostly control characters is a binary file read by chance.
fn checked(text: String, encoding: &'static str) -> Result<Decoded, ReadError> {
    // Counted from the UTF-8 bytes in one pass: a character is a byte that is no
    // continuation byte; a control character is a C0 byte or DEL, or a C1 control
    // (U+0080–U+009F, written 0xC2 0x80–0x9F).
    let bytes = text.as_bytes();
    let total = count_bytes(bytes, |b| b & 0xC0 != 0x80).max(1);
    let c0 = count_bytes(bytes, |b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F);
    let c1 = memchr::memchr_iter(0xC2, bytes).filter(|&i| matches!(bytes.get(i + 1), Some(0x80..=0x9F))).count();
    let control = c0 + c1;
    if control * 20 > total {
        return Err(ReadError::Binary);
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "人权理事会，\n回顾人权理事会第 41/11 号决议，\n";

    #[test]
    fn reads_every_supported_encoding_to_the_same_text() {
        let gb = encoding_rs::GB18030.encode(SAMPLE).0.into_owned();
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        let cases: [(&[u8], &str); 5] = [
            (SAMPLE.as_bytes(), "UTF-8"),
            (&bom, "UTF-8 (BOM)"),
            (&gb, "GB18030"),
            (&le, "UTF-16LE"),
            (&be, "UTF-16BE"),
        ];
        for (bytes, name) in cases {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, SAMPLE, "{name}");
            assert_eq!(d.encoding, name);
        }
    }

    #[test]
    fn english_utf16_without_bom_is_recognised() {
        let text = "The General Assembly,\nRecalling its resolution 77/211,\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap().text, text);
    }

    #[test]
    fn empty_and_binary_input_are_errors() {
        assert!(matches!(decode(b""), Err(ReadError::Empty)));
        assert!(matches!(decode(b" \n\r\n"), Err(ReadError::Empty)));
        let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(decode(&binary).is_err());
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"), Err(ReadError::Binary)));
    }
}
