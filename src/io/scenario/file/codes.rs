//! Messages saved by stable codes. A saved file never holds the name of a
//! `Msg` variant chosen by the program: the codes below are frozen (listed
//! in `tests/fixtures/saved/codes.txt`, checked by `tests/saved_compat.rs`),
//! and each maps to its message by this table, so renaming a variant is an
//! edit of the right-hand side only.

use crate::i18n::Msg;

/// A built-in QA role's code (`qa.roles[i].name.Builtin`). The codes are
/// the variant names of version 3, when the file used them directly.
pub const ROLE_CODES: &[(&str, Msg)] = &[
    ("QaRoleLead", Msg::QaRoleLead),
    ("QaRoleGroupLeader", Msg::QaRoleGroupLeader),
    ("QaRoleSpecialist", Msg::QaRoleSpecialist),
    ("QaRoleAfterSales", Msg::QaRoleAfterSales),
    ("QaRoleOtherTeams", Msg::QaRoleOtherTeams),
    ("QaNewRole", Msg::QaNewRole),
];

/// The code saved for a built-in role name; a message without a frozen code
/// (none is built in so far) is saved by its name, read back by this build.
pub fn role_code(m: Msg) -> &'static str {
    ROLE_CODES
        .iter()
        .find(|(_, k)| *k == m)
        .map_or_else(|| m.name(), |(c, _)| c)
}

/// The message of a saved role code, if it is one.
pub fn role_of(code: &str) -> Option<Msg> {
    ROLE_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, m)| *m)
        .or_else(|| Msg::ALL.iter().copied().find(|m| m.name() == code))
}
