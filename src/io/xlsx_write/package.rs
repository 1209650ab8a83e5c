//! SpreadsheetML and the zip around it: sheet XML, styles, the package.

use super::{cell_ref, esc, n, Cached, Out, SheetOut, Style};
use crate::i18n::Lang;

fn sheet_xml(s: &SheetOut) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>");
    if !s.widths.is_empty() {
        x.push_str("<cols>");
        for (i, w) in s.widths.iter().enumerate() {
            x.push_str(&format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>",
                i + 1,
                n(*w)
            ));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in s.rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = cell_ref(c, r);
            let hs = if r == 0 { Style::Header as u8 } else { 0 };
            match cell {
                Out::Empty => {}
                Out::Num(v, st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\"><v>{}</v></c>",
                    *st as u8,
                    n(*v)
                )),
                Out::Text(t) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{hs}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    esc(t)
                )),
                Out::Formula(f, Cached::Num(v), st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\"><f>{}</f><v>{}</v></c>",
                    *st as u8,
                    esc(f),
                    n(*v)
                )),
                Out::Formula(f, Cached::Text(v), st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\" t=\"str\"><f>{}</f><v>{}</v></c>",
                    *st as u8,
                    esc(f),
                    esc(v)
                )),
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.00%\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;¥&quot;#,##0.00\"/><numFmt numFmtId=\"166\" formatCode=\"{SECONDS}\"/></numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

/// The number format of seconds in `lang`: `0.0"秒"` or `0.0" s"` (the
/// other formats, percent and ¥, read the same in both languages).
pub(super) fn seconds_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "0.0&quot;秒&quot;",
        Lang::En => "0.0&quot; s&quot;",
    }
}

/// styles.xml with the number formats of `lang`.
fn styles(lang: Lang) -> String {
    STYLES.replace("{SECONDS}", seconds_format(lang))
}

/// The CRC-32 (IEEE, reflected 0xEDB88320) of every byte value, built at
/// compile time (an out-of-range index there would fail the build, not the app).
#[allow(clippy::indexing_slicing)]
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut k = 0;
        while k < 8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
            k += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE), as zip needs (and share links, to catch any changed byte):
/// one table look-up per byte (a bit at a time was most of an export's time).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        let i = usize::from((crc as u8) ^ *b);
        crc = (crc >> 8) ^ CRC_TABLE.get(i).copied().unwrap_or(0);
    }
    !crc
}

/// A zip of `(name, bytes)` parts, deflated.
fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    for (name, data) in parts {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32(data).to_le_bytes();
        let offset = out.len();
        // Local header: version 20, no flags, deflate, fixed time 2026-01-01.
        out.extend([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x5c]);
        out.extend(crc);
        out.extend(le32(packed.len()));
        out.extend(le32(data.len()));
        out.extend(le16(name.len()));
        out.extend([0, 0]);
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.extend([
            0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x5c,
        ]);
        central.extend(crc);
        central.extend(le32(packed.len()));
        central.extend(le32(data.len()));
        central.extend(le16(name.len()));
        central.extend([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(le32(offset));
        central.extend(name.as_bytes());
    }
    let dir_at = out.len();
    out.extend(&central);
    out.extend([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend(le16(parts.len()));
    out.extend(le16(parts.len()));
    out.extend(le32(central.len()));
    out.extend(le32(dir_at));
    out.extend([0, 0]);
    out
}

/// The sheets as an xlsx package, number formats in `lang`.
pub(super) fn package(sheets: &[SheetOut], lang: Lang) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    let mut wb = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i, sh) in sheets.iter().enumerate() {
        let k = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        wb.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>",
            esc(&sh.name)
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{k}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"));
        parts.push((
            format!("xl/worksheets/sheet{k}.xml"),
            sheet_xml(sh).into_bytes(),
        ));
    }
    let styles_id = sheets.len() + 1;
    rels.push_str(&format!("<Relationship Id=\"rId{styles_id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"));
    // Full recalculation on open, so Excel/WPS/LibreOffice show their own results.
    wb.push_str("</sheets><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
    types.push_str("</Types>");
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let mut all = vec![
        ("[Content_Types].xml".to_string(), types.into_bytes()),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), wb.into_bytes()),
        ("xl/_rels/workbook.xml.rels".to_string(), rels.into_bytes()),
        ("xl/styles.xml".to_string(), styles(lang).into_bytes()),
    ];
    all.extend(parts);
    zip(&all)
}
