//! Tokens of a formula, with character spans for error positions and
//! highlighting. Never fails: an unexpected character becomes
//! [`Tok::Unknown`] and the parser reports it with its position.

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Number(f64),
    Text(String),
    /// A bare word: a function name, TRUE/FALSE, or a column name.
    Ident(String),
    /// `[name]` (`at: false`) or `[@name]` (`at: true`).
    Ref {
        name: String,
        at: bool,
    },
    LParen,
    RParen,
    LBrace,
    RBrace,
    Comma,
    Semicolon,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Amp,
    Percent,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// A string with no closing quote.
    UnclosedText(String),
    /// A `[` with no closing `]`.
    UnclosedRef(String),
    Unknown(char),
}

/// A token with its span in characters: `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// Splits `src` into tokens. A leading `=` is skipped (it is optional).
pub fn lex(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Skip leading whitespace and one '='.
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    if chars.get(i) == Some(&'=') {
        i += 1;
    }
    while let Some(&c) = chars.get(i) {
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let single = match c {
            '(' | '（' => Some(Tok::LParen),
            ')' | '）' => Some(Tok::RParen),
            '{' => Some(Tok::LBrace),
            '}' => Some(Tok::RBrace),
            ',' | '，' => Some(Tok::Comma),
            ';' => Some(Tok::Semicolon),
            '+' => Some(Tok::Plus),
            '-' => Some(Tok::Minus),
            '*' | '×' => Some(Tok::Star),
            '/' | '÷' => Some(Tok::Slash),
            '^' => Some(Tok::Caret),
            '&' => Some(Tok::Amp),
            '%' | '％' => Some(Tok::Percent),
            '=' => Some(Tok::Eq),
            _ => None,
        };
        if let Some(tok) = single {
            i += 1;
            out.push(Token { tok, start, end: i });
            continue;
        }
        let tok = match c {
            '<' => {
                i += 1;
                match chars.get(i) {
                    Some('=') => {
                        i += 1;
                        Tok::Le
                    }
                    Some('>') => {
                        i += 1;
                        Tok::Ne
                    }
                    _ => Tok::Lt,
                }
            }
            '>' => {
                i += 1;
                if chars.get(i) == Some(&'=') {
                    i += 1;
                    Tok::Ge
                } else {
                    Tok::Gt
                }
            }
            '"' | '“' | '”' => {
                // ASCII quotes close only at an ASCII quote; Chinese IMEs'
                // curly quotes also close at either quote.
                let ascii = c == '"';
                i += 1;
                let mut s = String::new();
                let mut closed = false;
                while let Some(&d) = chars.get(i) {
                    i += 1;
                    if d == '"' || (!ascii && (d == '”' || d == '“')) {
                        if chars.get(i) == Some(&'"') {
                            s.push('"');
                            i += 1;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        s.push(d);
                    }
                }
                if closed {
                    Tok::Text(s)
                } else {
                    Tok::UnclosedText(s)
                }
            }
            '[' | '【' => {
                i += 1;
                // `[ @x]` is `[@x]`: the name is trimmed, so the marker is read after spaces too.
                while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
                let at = chars.get(i) == Some(&'@');
                if at {
                    i += 1;
                }
                let mut s = String::new();
                let mut closed = false;
                while let Some(&d) = chars.get(i) {
                    i += 1;
                    if d == ']' || d == '】' {
                        closed = true;
                        break;
                    }
                    s.push(d);
                }
                if closed {
                    Tok::Ref {
                        name: s.trim().to_string(),
                        at,
                    }
                } else {
                    Tok::UnclosedRef(s)
                }
            }
            d if d.is_ascii_digit()
                || (d == '.' && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())) =>
            {
                let mut s = String::new();
                while let Some(&d) = chars.get(i) {
                    if d.is_ascii_digit() || d == '.' {
                        s.push(d);
                        i += 1;
                    } else {
                        break;
                    }
                }
                // Exponent: e or E, optional sign, digits.
                if matches!(chars.get(i), Some('e' | 'E')) {
                    let mut j = i + 1;
                    if matches!(chars.get(j), Some('+' | '-')) {
                        j += 1;
                    }
                    if chars.get(j).is_some_and(|d| d.is_ascii_digit()) {
                        s.extend(chars.get(i..j).unwrap_or(&[]).iter());
                        i = j;
                        while let Some(&d) = chars.get(i).filter(|d| d.is_ascii_digit()) {
                            s.push(d);
                            i += 1;
                        }
                    }
                }
                // A number glued to letters (2abc) is a name, not a number.
                if chars
                    .get(i)
                    .is_some_and(|c| is_ident_char(*c) && !c.is_ascii_digit() && *c != '.')
                {
                    while let Some(&d) = chars.get(i).filter(|d| is_ident_char(**d)) {
                        s.push(d);
                        i += 1;
                    }
                    Tok::Ident(s)
                } else {
                    // An out-of-range literal (1e999) is not a number; the
                    // parser reports it ("not a valid number") at its place.
                    match s.parse::<f64>() {
                        Ok(v) if v.is_finite() => Tok::Number(v),
                        _ => Tok::Ident(s),
                    }
                }
            }
            d if is_ident_char(d) => {
                let mut s = String::new();
                while let Some(&d) = chars.get(i).filter(|d| is_ident_char(**d)) {
                    s.push(d);
                    i += 1;
                }
                Tok::Ident(s)
            }
            other => {
                i += 1;
                Tok::Unknown(other)
            }
        };
        out.push(Token { tok, start, end: i });
    }
    out
}
