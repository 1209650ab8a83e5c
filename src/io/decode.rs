//! Bytes of a dropped or picked file → text, with the encoding detected, not
//! asked: a BOM decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8 is UTF-8
//! and anything else is GB18030 (what Excel on Chinese Windows writes; GBK is
//! its subset). Files that are not text are recognised and refused with a
//! reason: images, archives (`.xlsx` is a zip), old `.xls`, binary data.
//!
//! The GB18030 decoder is passed in, so this module stays headless and small:
//! the browser uses its built-in `TextDecoder` (no bytes added to the
//! bundle); native tests use `encoding_rs`.

use crate::i18n::Msg;

/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The detected encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    /// A short name for the import preview.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// Why bytes were refused, with arguments for the message.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub msg: Msg,
    pub args: Vec<String>,
}

fn refuse(msg: Msg, args: Vec<String>) -> Refusal {
    Refusal { msg, args }
}

fn utf16(bytes: &[u8], le: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| match c {
            [a, b] if le => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Decodes a file. `gb18030` decodes bytes that are not UTF-8 (returns `None`
/// if it cannot).
pub fn decode(
    bytes: &[u8],
    file_name: &str,
    gb18030: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<(String, Encoding), Refusal> {
    let lower = file_name.to_lowercase();
    if bytes.len() > MAX_BYTES {
        let mb = bytes.len() as f64 / 1024.0 / 1024.0;
        return Err(refuse(
            Msg::ImpErrTooLarge,
            vec![format!("{mb:.1}"), (MAX_BYTES / 1024 / 1024).to_string()],
        ));
    }
    if bytes.is_empty() {
        return Err(refuse(Msg::ErrEmptyInput, Vec::new()));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, true), Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, false), Encoding::Utf16Be));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || lower.ends_with(".xls") {
        return Err(refuse(Msg::ImpErrXls, Vec::new()));
    }
    if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".xlsx") {
        return Err(refuse(Msg::ImpErrXlsx, Vec::new()));
    }
    let image = bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
        || bytes.starts_with(b"%PDF");
    // Text has no NUL bytes and few control characters.
    let sample = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if image || sample.contains(&0) || controls * 100 > sample.len() {
        return Err(refuse(Msg::ImpErrBinary, vec![file_name.to_string()]));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(_) => match gb18030(bytes) {
            Some(s) => Ok((s, Encoding::Gb18030)),
            None => Err(refuse(Msg::ImpErrEncoding, Vec::new())),
        },
    }
}
