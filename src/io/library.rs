//! The library of named saved workbooks kept in the browser: an index (name,
//! when, what) and one saved-format JSON per entry. Headless: the UI stores
//! the strings this module produces under [`index_key`] and [`entry_key`]
//! (in IndexedDB, or localStorage where IndexedDB is unavailable).
//!
//! The whole library also travels as one file ([`export_file`],
//! [`import_file`]): `{"kind":"kpi-sandbox-library","version":1,
//! "exported_at":…,"entries":[{"name","saved_at","workbook"}]}`, each
//! `workbook` the saved-format JSON as a string, kept byte for byte (this
//! module never rewrites it). An import is all or nothing: a file that is not
//! a library, from a newer version, or with one damaged workbook is refused
//! naming what is wrong, and the library is left as it was.

use crate::i18n::Msg;
use crate::io::scenario::FileProblem;
use crate::model::workbook::Snapshot;
use serde::{Deserialize, Serialize};

/// One saved workbook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Storage id (stable across renames).
    pub id: u64,
    pub name: String,
    /// Milliseconds since 1970 (from the caller's clock).
    pub saved_at: f64,
    pub month: String,
    pub months: usize,
    pub agents: usize,
    pub plans: usize,
}

/// The index of the library.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub entries: Vec<Entry>,
    next_id: u64,
}

/// Longest name kept.
pub const MAX_NAME: usize = 60;
/// Most workbooks kept (storage is about 5 MB per site).
pub const MAX_ENTRIES: usize = 50;

/// The storage key of the index.
pub fn index_key() -> &'static str {
    "kpi-sandbox.library"
}

/// The storage key of entry `id`.
pub fn entry_key(id: u64) -> String {
    format!("kpi-sandbox.library.{id}")
}

fn clean(name: &str) -> Result<String, Msg> {
    let n: String = name.trim().chars().take(MAX_NAME).collect();
    if n.is_empty() {
        Err(Msg::LibErrNameEmpty)
    } else {
        Ok(n)
    }
}

impl Library {
    /// The index from storage; a damaged index reads as empty (the entries
    /// stay in storage and are not overwritten).
    pub fn parse(json: Option<&str>) -> Library {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Adds an entry for `s` under `name` (or replaces the entry of that
    /// name when `overwrite`); returns its id. Refuses an empty or taken
    /// name and a full library.
    pub fn save(
        &mut self,
        name: &str,
        s: &Snapshot,
        now: f64,
        overwrite: bool,
    ) -> Result<u64, Msg> {
        let name = clean(name)?;
        let agents = s
            .tables
            .iter()
            .find(|(m, _)| *m == s.month)
            .map(|(_, t)| t.len())
            .unwrap_or(0);
        let fill = |id: u64| Entry {
            id,
            name: name.clone(),
            saved_at: now,
            month: s.month.clone(),
            months: s.tables.len(),
            agents,
            plans: s.plans.len(),
        };
        if let Some(e) = self.entries.iter_mut().find(|e| e.name == name) {
            if !overwrite {
                return Err(Msg::LibErrNameTaken);
            }
            *e = fill(e.id);
            return Ok(e.id);
        }
        if self.entries.len() >= MAX_ENTRIES {
            return Err(Msg::LibErrFull);
        }
        self.next_id = self
            .next_id
            .max(self.entries.iter().map(|e| e.id + 1).max().unwrap_or(0));
        let id = self.next_id;
        self.next_id += 1;
        self.entries.push(fill(id));
        Ok(id)
    }

    /// Renames entry `id`; refuses an empty or taken name.
    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), Msg> {
        let name = clean(name)?;
        if self.entries.iter().any(|e| e.name == name && e.id != id) {
            return Err(Msg::LibErrNameTaken);
        }
        match self.entries.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                e.name = name;
                Ok(())
            }
            None => Err(Msg::LibErrMissing),
        }
    }

    /// Removes entry `id` from the index (the caller removes its data).
    pub fn remove(&mut self, id: u64) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        self.entries.len() != before
    }
}

/// The `kind` of a library file.
pub const FILE_KIND: &str = "kpi-sandbox-library";
/// The version of the library file written by [`export_file`].
pub const FILE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct FileEntry {
    name: String,
    #[serde(default)]
    saved_at: f64,
    workbook: String,
}

#[derive(Serialize)]
struct FileOut<'a> {
    kind: &'a str,
    version: u32,
    exported_at: f64,
    entries: Vec<FileEntry>,
}

/// A library written as one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    pub json: String,
    /// How many workbooks it holds.
    pub count: usize,
    /// Entries of the index whose data was missing (not in the file).
    pub missing: Vec<String>,
}

/// The whole library as one file: every entry of `lib` in its order, with
/// its saved workbook from `data` (id → saved-format JSON) unchanged.
pub fn export_file(lib: &Library, data: &[(u64, String)], now: f64) -> Export {
    let mut entries = Vec::new();
    let mut missing = Vec::new();
    for e in &lib.entries {
        match data.iter().find(|(id, _)| *id == e.id) {
            Some((_, w)) => entries.push(FileEntry {
                name: e.name.clone(),
                saved_at: e.saved_at,
                workbook: w.clone(),
            }),
            None => missing.push(e.name.clone()),
        }
    }
    let count = entries.len();
    let json = serde_json::to_string(&FileOut {
        kind: FILE_KIND,
        version: FILE_VERSION,
        exported_at: now,
        entries,
    })
    .unwrap_or_default();
    Export {
        json,
        count,
        missing,
    }
}

/// Why a library file was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub msg: Msg,
    pub args: Vec<String>,
    /// For a damaged workbook: the first problem the saved-format reader found.
    pub problem: Option<FileProblem>,
}

impl ImportError {
    fn new(msg: Msg, args: Vec<String>) -> Self {
        ImportError {
            msg,
            args,
            problem: None,
        }
    }
}

/// What an import adds: the next index and the data to store with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The index after the import (store it with `writes`, in one go).
    pub library: Library,
    /// New entries' ids and their saved workbooks (unchanged from the file).
    pub writes: Vec<(u64, String)>,
    /// Names added as they were.
    pub added: Vec<String>,
    /// (name in the file, name given) where the name was taken by another workbook.
    pub renamed: Vec<(String, String)>,
    /// Names skipped: the library already has this name with the same workbook.
    pub same: Vec<String>,
}

/// `name` with ` (n)` for the first n ≥ 2 not taken, cut so it stays within [`MAX_NAME`].
fn free_name(lib: &Library, name: &str) -> String {
    let taken = |n: &str| lib.entries.iter().any(|e| e.name == n);
    for i in 2u32.. {
        let suffix = format!(" ({i})");
        let keep = MAX_NAME.saturating_sub(suffix.chars().count());
        let base: String = name.chars().take(keep).collect();
        let n = format!("{}{suffix}", base.trim_end());
        if !taken(&n) {
            return n;
        }
    }
    name.to_string()
}

/// Reads a library file into `lib`, given the data of its entries
/// (`existing`: id → saved workbook). A name already in the library with
/// the same workbook (also as `name (n)`, from an earlier import) is skipped; with another workbook the import gets the
/// next free `name (2)`. Refuses (and changes nothing) when the text is not
/// a library file, comes from a newer version, holds a workbook that does
/// not open, or would take the library over [`MAX_ENTRIES`].
pub fn import_file(
    lib: &Library,
    existing: &[(u64, String)],
    text: &str,
    now: f64,
) -> Result<Imported, ImportError> {
    #[derive(Deserialize)]
    struct Header {
        kind: Option<String>,
        version: Option<serde_json::Value>,
    }
    #[derive(Deserialize)]
    struct FileIn {
        entries: Vec<FileEntry>,
    }
    let not_library = || ImportError::new(Msg::LibImportNotLibrary, Vec::new());
    let header: Header = serde_json::from_str(text).map_err(|_| not_library())?;
    if header.kind.as_deref() != Some(FILE_KIND) {
        return Err(not_library());
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v <= u64::from(FILE_VERSION) && v >= 1 => {}
        Some(v) if v > u64::from(FILE_VERSION) => {
            return Err(ImportError::new(Msg::LibImportNewer, vec![v.to_string()]))
        }
        _ => return Err(not_library()),
    }
    let file: FileIn = serde_json::from_str(text)
        .map_err(|e| ImportError::new(Msg::LibImportShape, vec![e.to_string()]))?;
    let mut next = lib.clone();
    let mut out = Imported {
        library: Library::default(),
        writes: Vec::new(),
        added: Vec::new(),
        renamed: Vec::new(),
        same: Vec::new(),
    };
    for (i, e) in file.entries.iter().enumerate() {
        let label = if e.name.trim().is_empty() {
            format!("#{}", i + 1)
        } else {
            e.name.trim().to_string()
        };
        let snapshot = crate::io::scenario::from_json(&e.workbook).map_err(|p| ImportError {
            msg: Msg::LibImportDamaged,
            args: vec![label.clone()],
            problem: p.into_iter().next(),
        })?;
        let name = clean(&e.name).unwrap_or_else(|_| label.clone());
        // The same workbook under this name, or under a name an earlier
        // import gave it (`name (2)`): already here.
        let renamed_from = |n: &str| {
            n == name
                || n.strip_prefix(name.as_str())
                    .is_some_and(|r| r.starts_with(" (") && r.ends_with(')'))
        };
        let same = next
            .entries
            .iter()
            .filter(|x| renamed_from(&x.name))
            .any(|x| {
                existing
                    .iter()
                    .chain(out.writes.iter())
                    .any(|(eid, w)| *eid == x.id && *w == e.workbook)
            });
        if same {
            out.same.push(name);
            continue;
        }
        let taken = next.entries.iter().any(|x| x.name == name);
        let name = match taken {
            true => {
                let fresh = free_name(&next, &name);
                out.renamed.push((name, fresh.clone()));
                fresh
            }
            false => {
                out.added.push(name.clone());
                name
            }
        };
        let saved_at = if e.saved_at.is_finite() && e.saved_at > 0.0 {
            e.saved_at
        } else {
            now
        };
        let id = next.save(&name, &snapshot, saved_at, false).map_err(|m| {
            if m == Msg::LibErrFull {
                ImportError::new(Msg::LibImportFull, vec![MAX_ENTRIES.to_string()])
            } else {
                ImportError::new(m, Vec::new())
            }
        })?;
        out.writes.push((id, e.workbook.clone()));
    }
    out.library = next;
    Ok(out)
}
