//! Messages saved by stable codes. A saved file never holds the name of a
//! `Msg` variant chosen by the program: the codes below are frozen (listed
//! in `tests/fixtures/saved/codes.txt`, checked by `tests/saved_compat.rs`),
//! and each maps to its message by this table, so renaming a variant is an
//! edit of the right-hand side only.

use crate::i18n::Msg;
use crate::model::formula::ErrorKind;

/// A built-in QA role's code (`qa.roles[i].name.Builtin`). The codes are
/// the variant names of version 3, when the file used them directly; a
/// code is never looked up by `Msg::name()` (that keeps the name table out
/// of the wasm bundle).
pub const ROLE_CODES: &[(&str, Msg)] = &[
    ("QaRoleLead", Msg::QaRoleLead),
    ("QaRoleGroupLeader", Msg::QaRoleGroupLeader),
    ("QaRoleSpecialist", Msg::QaRoleSpecialist),
    ("QaRoleAfterSales", Msg::QaRoleAfterSales),
    ("QaRoleOtherTeams", Msg::QaRoleOtherTeams),
    ("QaNewRole", Msg::QaNewRole),
];

/// The code saved for a built-in role name, if it has one (every role
/// the app builds in has; see [`ROLE_CODES`]).
pub fn role_code(m: Msg) -> Option<&'static str> {
    ROLE_CODES.iter().find(|(_, k)| *k == m).map(|(c, _)| *c)
}

/// The message of a saved role code, if it is one.
pub fn role_of(code: &str) -> Option<Msg> {
    ROLE_CODES.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
}

/// The problem codes of a cell whose text did not parse
/// (`{"invalid": …, "problem": "bad-duration"}`), with the name version 2
/// wrote for each.
pub const PROBLEM_CODES: &[(&str, &str, Msg)] = &[
    ("not-a-number", "ErrNotANumber", Msg::ErrNotANumber),
    ("not-finite", "ErrNotFinite", Msg::ErrNotFinite),
    ("bad-duration", "ErrBadDuration", Msg::ErrBadDuration),
    ("negative", "ErrNegative", Msg::ErrNegative),
];

/// The stable code saved for why a cell's text did not parse.
pub fn problem_code(m: Msg) -> &'static str {
    PROBLEM_CODES
        .iter()
        .find(|(_, _, k)| *k == m)
        .map_or("not-a-number", |(c, _, _)| c)
}

/// The message of a saved problem code (or of a version-2 message name);
/// anything unknown reads as "not a number", the cell's text is kept.
pub fn problem_of(code: &str) -> Msg {
    PROBLEM_CODES
        .iter()
        .find(|(c, v2, _)| *c == code || *v2 == code)
        .map_or(Msg::ErrNotANumber, |(_, _, m)| *m)
}

/// A formula error's code in a cell (`{"error": "#DIV/0!"}`) and the name
/// version 2 wrote for it (`Div0`).
pub const ERROR_CODES: &[(&str, &str, ErrorKind)] = &[
    ("#DIV/0!", "Div0", ErrorKind::Div0),
    ("#VALUE!", "Value", ErrorKind::Value),
    ("#NAME?", "Name", ErrorKind::Name),
    ("#N/A", "NA", ErrorKind::NA),
    ("#NUM!", "Num", ErrorKind::Num),
    ("#CYCLE!", "Cycle", ErrorKind::Cycle),
];

/// The code saved for a formula error (a new kind must be added to
/// [`ERROR_CODES`]: this match is exhaustive so that it cannot be missed).
pub fn error_code(k: ErrorKind) -> &'static str {
    let listed = |k: ErrorKind| {
        ERROR_CODES
            .iter()
            .find(|(_, _, e)| *e == k)
            .map_or("#VALUE!", |(c, _, _)| c)
    };
    match k {
        ErrorKind::Div0
        | ErrorKind::Value
        | ErrorKind::Name
        | ErrorKind::NA
        | ErrorKind::Num
        | ErrorKind::Cycle => listed(k),
    }
}

/// The error kind of a saved code (`#DIV/0!`, or version 2's `Div0`).
pub fn error_of(code: &str) -> Option<ErrorKind> {
    ERROR_CODES
        .iter()
        .find(|(c, v2, _)| *c == code || *v2 == code)
        .map(|(_, _, k)| *k)
}
