//! The library of named saved workbooks kept in the browser: an index (name,
//! when, what) and one saved-format JSON per entry. Headless: the UI stores
//! the strings this module produces under [`index_key`] and [`entry_key`].

use crate::i18n::Msg;
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
