//! The `--where` language: comparisons (`= != < <= > >=`), `X in FIELD`,
//! `FIELD contains "text"`, bare boolean fields, `and`, `or`, `not` and parentheses.
//! Errors carry the byte range of the part that is wrong, so they can be pointed at.
//!
//! Text compares without regard to case or accents; a field that is absent matches
//! nothing but `!=`.

use std::ops::Range;

use serde_json::{Map, Value};

use super::record::Kind;
use crate::kb::date::{parse_date, parse_time};
use crate::suggest::closest;
use crate::text::fold;

/// A parse or type error in an expression, at a byte range of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// What is wrong.
    pub message: String,
    /// Where, in bytes of the expression.
    pub span: Range<usize>,
}

/// How deeply parentheses and `not` may nest. The parser descends once per level, so a
/// limit keeps `((((…` or `not not not …` from overflowing the stack; real filters need a
/// few levels.
pub const MAX_NESTING: usize = 64;

/// A checked expression, ready to test records. `and` and `or` chains are flat lists, so
/// a long chain does not nest.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// All hold.
    And(Vec<Expr>),
    /// At least one holds.
    Or(Vec<Expr>),
    /// It does not hold.
    Not(Box<Expr>),
    /// `field op literal`.
    Compare(String, Op, Literal),
    /// `literal in field`.
    In(Literal, String),
    /// `field contains text`.
    Contains(String, String),
    /// A boolean field on its own.
    Truthy(String),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// A value written in an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// Text (quoted, or a bare word).
    Text(String),
    /// A number.
    Number(f64),
    /// true or false.
    Bool(bool),
}

/// Parses `source` and checks it against the record fields `fields`.
pub fn parse(source: &str, fields: &[(&'static str, Kind)]) -> Result<Expr, ExprError> {
    let tokens = lex(source)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        fields,
        end: source.len(),
        depth: 0,
    };
    let expr = parser.or()?;
    match parser.tokens.get(parser.pos) {
        None => Ok(expr),
        Some(token) => Err(ExprError {
            message: "expected `and`, `or` or the end of the expression".into(),
            span: token.span.clone(),
        }),
    }
}

impl Expr {
    /// Whether `record` satisfies the expression.
    pub fn matches(&self, record: &Map<String, Value>) -> bool {
        match self {
            Expr::And(all) => all.iter().all(|e| e.matches(record)),
            Expr::Or(any) => any.iter().any(|e| e.matches(record)),
            Expr::Not(e) => !e.matches(record),
            Expr::Truthy(field) => record.get(field) == Some(&Value::Bool(true)),
            Expr::Compare(field, op, literal) => compare(record.get(field), *op, literal),
            Expr::In(literal, field) => record
                .get(field)
                .and_then(Value::as_array)
                .is_some_and(|items| items.iter().any(|v| compare(Some(v), Op::Eq, literal))),
            Expr::Contains(field, text) => {
                let needle = fold(text);
                let has = |v: &Value| v.as_str().is_some_and(|s| fold(s).contains(&needle));
                match record.get(field) {
                    Some(Value::Array(items)) => items.iter().any(has),
                    Some(v) => has(v),
                    None => false,
                }
            }
        }
    }
}

fn compare(value: Option<&Value>, op: Op, literal: &Literal) -> bool {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match (value, literal) {
        (Some(Value::String(s)), Literal::Text(t)) => Some(fold(s).cmp(&fold(t))),
        (Some(Value::Number(n)), Literal::Number(x)) => n.as_f64().and_then(|n| n.partial_cmp(x)),
        (Some(Value::Bool(b)), Literal::Bool(x)) => Some(b.cmp(x)),
        _ => None,
    };
    match ordering {
        None => op == Op::Ne,
        Some(o) => match op {
            Op::Eq => o == Ordering::Equal,
            Op::Ne => o != Ordering::Equal,
            Op::Lt => o == Ordering::Less,
            Op::Le => o != Ordering::Greater,
            Op::Gt => o == Ordering::Greater,
            Op::Ge => o != Ordering::Less,
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Quoted(String),
    Op(Op),
    Open,
    Close,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

fn lex(source: &str) -> Result<Vec<Token>, ExprError> {
    let mut tokens = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let single = |tok| (tok, start + c.len_utf8());
        let (tok, end) = match c {
            c if c.is_whitespace() => {
                chars.next();
                continue;
            }
            '(' => single(Tok::Open),
            ')' => single(Tok::Close),
            '=' => single(Tok::Op(Op::Eq)),
            '!' | '<' | '>' => {
                let with_eq = source[start + 1..].starts_with('=');
                let op = match (c, with_eq) {
                    ('!', true) => Op::Ne,
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    ('>', true) => Op::Ge,
                    _ => {
                        return Err(ExprError {
                            message: "expected `!=`".into(),
                            span: start..start + 1,
                        });
                    }
                };
                if with_eq {
                    chars.next();
                }
                (Tok::Op(op), start + 1 + usize::from(with_eq))
            }
            '"' | '\'' => {
                chars.next();
                let mut text = String::new();
                let mut end = None;
                for (i, ch) in chars.by_ref() {
                    if ch == c {
                        end = Some(i + 1);
                        break;
                    }
                    text.push(ch);
                }
                let Some(end) = end else {
                    return Err(ExprError {
                        message: "this quote is never closed".into(),
                        span: start..start + 1,
                    });
                };
                tokens.push(Token {
                    tok: Tok::Quoted(text),
                    span: start..end,
                });
                continue;
            }
            c if is_word_char(c) => {
                let mut end = start;
                while let Some(&(i, ch)) = chars.peek() {
                    if !is_word_char(ch) {
                        break;
                    }
                    end = i + ch.len_utf8();
                    chars.next();
                }
                tokens.push(Token {
                    tok: Tok::Word(source[start..end].to_string()),
                    span: start..end,
                });
                continue;
            }
            _ => {
                return Err(ExprError {
                    message: format!("unexpected `{c}`"),
                    span: start..start + c.len_utf8(),
                });
            }
        };
        chars.next();
        tokens.push(Token {
            tok,
            span: start..end,
        });
    }
    Ok(tokens)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    fields: &'a [(&'static str, Kind)],
    end: usize,
    /// How many parentheses and `not`s enclose the current position.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn keyword(&mut self, word: &str) -> bool {
        let is = matches!(self.peek(), Some(Token { tok: Tok::Word(w), .. }) if w.eq_ignore_ascii_case(word));
        if is {
            self.pos += 1;
        }
        is
    }

    fn next(&mut self, expected: &str) -> Result<Token, ExprError> {
        let token = self
            .tokens
            .get(self.pos)
            .cloned()
            .ok_or_else(|| ExprError {
                message: format!("expected {expected}, found the end of the expression"),
                span: self.end..self.end,
            })?;
        self.pos += 1;
        Ok(token)
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut any = vec![self.and()?];
        while self.keyword("or") {
            any.push(self.and()?);
        }
        Ok(if any.len() == 1 {
            any.swap_remove(0)
        } else {
            Expr::Or(any)
        })
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut all = vec![self.not()?];
        while self.keyword("and") {
            all.push(self.not()?);
        }
        Ok(if all.len() == 1 {
            all.swap_remove(0)
        } else {
            Expr::And(all)
        })
    }

    fn not(&mut self) -> Result<Expr, ExprError> {
        let mut nots = 0;
        while let Some(span) = self.peek().map(|t| t.span.clone())
            && self.keyword("not")
        {
            self.enter(span)?;
            nots += 1;
        }
        let mut expr = self.primary()?;
        for _ in 0..nots {
            expr = Expr::Not(Box::new(expr));
        }
        self.depth -= nots;
        Ok(expr)
    }

    /// One level deeper, at the `(` or `not` at `span`; an error past [`MAX_NESTING`].
    fn enter(&mut self, span: Range<usize>) -> Result<(), ExprError> {
        if self.depth >= MAX_NESTING {
            return Err(ExprError {
                message: format!(
                    "the expression nests deeper than {MAX_NESTING} levels of parentheses and `not`"
                ),
                span,
            });
        }
        self.depth += 1;
        Ok(())
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let token = self.next("a field, a value or `(`")?;
        match token.tok {
            Tok::Open => {
                self.enter(token.span)?;
                let inner = self.or()?;
                self.depth -= 1;
                let close = self.next("`)`")?;
                if close.tok != Tok::Close {
                    return Err(ExprError {
                        message: "expected `)`".into(),
                        span: close.span,
                    });
                }
                Ok(inner)
            }
            Tok::Quoted(text) => self.membership(Literal::Text(text), token.span),
            Tok::Word(word) => {
                if self.keyword("in") {
                    return self.membership_after_in(Literal::Text(word));
                }
                self.comparison(word, token.span)
            }
            Tok::Close | Tok::Op(_) => Err(ExprError {
                message: "expected a field, a value or `(`".into(),
                span: token.span,
            }),
        }
    }

    fn membership(&mut self, literal: Literal, span: Range<usize>) -> Result<Expr, ExprError> {
        if !self.keyword("in") {
            return Err(ExprError {
                message: "a quoted value must be followed by `in FIELD`".into(),
                span,
            });
        }
        self.membership_after_in(literal)
    }

    fn membership_after_in(&mut self, literal: Literal) -> Result<Expr, ExprError> {
        let token = self.next("a list field")?;
        let Tok::Word(field) = token.tok else {
            return Err(ExprError {
                message: "expected a list field".into(),
                span: token.span,
            });
        };
        let kind = self.field(&field, &token.span)?;
        if kind != Kind::List {
            return Err(ExprError {
                message: format!("`in` needs a list field; `{field}` is not a list"),
                span: token.span,
            });
        }
        Ok(Expr::In(literal, field))
    }

    fn comparison(&mut self, field: String, span: Range<usize>) -> Result<Expr, ExprError> {
        let kind = self.field(&field, &span)?;
        if self.keyword("contains") {
            let value = self.next("a text to look for")?;
            let text = match value.tok {
                Tok::Quoted(t) | Tok::Word(t) => t,
                _ => {
                    return Err(ExprError {
                        message: "expected a text to look for".into(),
                        span: value.span,
                    });
                }
            };
            if !matches!(kind, Kind::Text | Kind::List) {
                return Err(ExprError {
                    message: format!("`contains` needs a text or list field; `{field}` is not one"),
                    span,
                });
            }
            return Ok(Expr::Contains(field, text));
        }
        let op = match self.peek() {
            Some(Token {
                tok: Tok::Op(op), ..
            }) => *op,
            _ if kind == Kind::Bool => return Ok(Expr::Truthy(field)),
            Some(token) => {
                return Err(ExprError {
                    message: "expected an operator: = != < <= > >= or contains".into(),
                    span: token.span.clone(),
                });
            }
            None => {
                return Err(ExprError {
                    message: "expected an operator: = != < <= > >= or contains".into(),
                    span: self.end..self.end,
                });
            }
        };
        self.pos += 1;
        let value = self.next("a value")?;
        let literal = match value.tok {
            Tok::Quoted(t) => Literal::Text(t),
            Tok::Word(w) => literal_for(kind, w),
            _ => {
                return Err(ExprError {
                    message: "expected a value".into(),
                    span: value.span,
                });
            }
        };
        check_type(&field, kind, op, &literal, &span, &value.span)?;
        Ok(Expr::Compare(field, op, literal))
    }

    fn field(&self, name: &str, span: &Range<usize>) -> Result<Kind, ExprError> {
        if let Some((_, kind)) = self.fields.iter().find(|(n, _)| *n == name) {
            return Ok(*kind);
        }
        let names = self.fields.iter().map(|(n, _)| *n);
        let hint = match closest(name, names.clone()) {
            Some(c) => format!("; did you mean `{c}`?"),
            None => format!("; fields: {}", names.collect::<Vec<_>>().join(", ")),
        };
        Err(ExprError {
            message: format!("unknown field `{name}`{hint}"),
            span: span.clone(),
        })
    }
}

/// A bare word as a value for a field of `kind`: a number or true/false where the field
/// holds those, else text.
fn literal_for(kind: Kind, word: String) -> Literal {
    match (kind, word.as_str()) {
        (Kind::Bool, "true") => Literal::Bool(true),
        (Kind::Bool, "false") => Literal::Bool(false),
        (Kind::Number, w) => w.parse().map_or(Literal::Text(word), Literal::Number),
        _ => Literal::Text(word),
    }
}

fn check_type(
    field: &str,
    kind: Kind,
    op: Op,
    literal: &Literal,
    field_span: &Range<usize>,
    value_span: &Range<usize>,
) -> Result<(), ExprError> {
    let mismatch = |expected: &str| ExprError {
        message: format!("`{field}` holds {expected}; this value is not one"),
        span: value_span.clone(),
    };
    let text = match literal {
        Literal::Text(t) => Some(t.as_str()),
        _ => None,
    };
    match kind {
        Kind::Date if text.and_then(parse_date).is_none() => Err(mismatch("dates (YYYY-MM-DD)")),
        Kind::Time if text.and_then(parse_time).is_none() => Err(mismatch("times (HH:MM)")),
        Kind::Number if !matches!(literal, Literal::Number(_)) => Err(mismatch("numbers")),
        Kind::Bool if !matches!(literal, Literal::Bool(_)) => Err(mismatch("true or false")),
        Kind::Bool if !matches!(op, Op::Eq | Op::Ne) => Err(ExprError {
            message: "true/false can only be compared with = or !=".into(),
            span: value_span.clone(),
        }),
        Kind::List | Kind::Other => Err(ExprError {
            message: format!(
                "`{field}` is a list: use `\"value\" in {field}` or `{field} contains \"text\"`"
            ),
            span: field_span.clone(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FIELDS: &[(&str, Kind)] = &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("status", Kind::Text),
        ("carriers", Kind::List),
        ("date", Kind::Date),
        ("cancelled", Kind::Bool),
        ("year", Kind::Number),
    ];

    fn record() -> Map<String, Value> {
        json!({
            "id": "open-wob", "title": "Open Wob voor iedereen", "status": "proposed",
            "carriers": ["utrecht", "ede"], "date": "2017-11-22", "cancelled": false, "year": 2017
        })
        .as_object()
        .cloned()
        .expect("object")
    }

    fn holds(source: &str) -> bool {
        parse(source, FIELDS)
            .unwrap_or_else(|e| panic!("{source}: {e:?}"))
            .matches(&record())
    }

    fn error(source: &str) -> (String, &str) {
        let e = parse(source, FIELDS).expect_err(source);
        (e.message, &source[e.span])
    }

    #[test]
    fn comparisons_on_text_dates_and_numbers() {
        assert!(holds("status = proposed"));
        assert!(holds("status = \"Proposed\""));
        assert!(holds("status != discussed"));
        assert!(holds("date >= 2017-10-01"));
        assert!(!holds("date < 2017-10-01"));
        assert!(holds("year = 2017 and year > 2016.5"));
        assert!(holds("title < 'p'"));
    }

    #[test]
    fn membership_contains_and_booleans() {
        assert!(holds("\"utrecht\" in carriers"));
        assert!(holds("ede in carriers"));
        assert!(!holds("\"emmen\" in carriers"));
        assert!(holds("title contains \"IEDEREEN\""));
        assert!(holds("carriers contains tre"));
        assert!(holds("not cancelled"));
        assert!(holds("cancelled = false"));
    }

    #[test]
    fn precedence_and_parentheses() {
        assert!(holds(
            "status = discussed or status = proposed and not cancelled"
        ));
        assert!(!holds(
            "(status = discussed or status = proposed) and cancelled"
        ));
        assert!(holds("not (status = discussed)"));
    }

    #[test]
    fn accents_fold_in_contains() {
        let expr = parse("title contains cafe", FIELDS).expect("parses");
        let rec = json!({"title": "Het Café"})
            .as_object()
            .cloned()
            .expect("object");
        assert!(expr.matches(&rec));
    }

    #[test]
    fn absent_values_match_only_not_equal() {
        let rec = json!({"status": null})
            .as_object()
            .cloned()
            .expect("object");
        assert!(!parse("status = x", FIELDS).expect("parses").matches(&rec));
        assert!(parse("status != x", FIELDS).expect("parses").matches(&rec));
    }

    #[test]
    fn nesting_is_limited_where_it_is_exceeded() {
        let deep = "(".repeat(10_000);
        let e = parse(&deep, FIELDS).expect_err("too deep");
        assert_eq!(e.span, MAX_NESTING..MAX_NESTING + 1);
        assert!(e.message.contains("nests deeper than 64"), "{}", e.message);
        let nots = "not ".repeat(10_000) + "cancelled";
        let e = parse(&nots, FIELDS).expect_err("too deep");
        assert_eq!(e.span, 4 * MAX_NESTING..4 * MAX_NESTING + 3);
        let mixed = "not (".repeat(MAX_NESTING / 2 + 1) + "x";
        assert_eq!(
            parse(&mixed, FIELDS).expect_err("too deep").span.start,
            5 * (MAX_NESTING / 2),
            "parentheses and `not` count together"
        );
    }

    #[test]
    fn nesting_up_to_the_limit_parses() {
        let source = "(".repeat(MAX_NESTING - 1) + "not cancelled" + &")".repeat(MAX_NESTING - 1);
        assert!(holds(&source));
    }

    #[test]
    fn long_chains_do_not_nest() {
        let source = vec!["not cancelled"; 100_000].join(" and ");
        assert!(holds(&source));
        let source = vec!["cancelled"; 100_000].join(" or ") + " or status = proposed";
        assert!(holds(&source));
    }

    #[test]
    fn errors_point_at_what_is_wrong() {
        assert_eq!(
            error("stauts = proposed"),
            (
                "unknown field `stauts`; did you mean `status`?".into(),
                "stauts"
            )
        );
        assert_eq!(error("date >= gisteren").1, "gisteren");
        assert_eq!(error("carriers = utrecht").1, "carriers");
        assert_eq!(error("\"x\" in title").1, "title");
        assert_eq!(error("status = proposed and").1, "");
        assert_eq!(error("status proposed").1, "proposed");
        assert_eq!(error("(status = x").1, "");
        assert_eq!(error("status = 'x").1, "'");
        assert_eq!(error("status = x)").1, ")");
        assert_eq!(error("year = veel").1, "veel");
        assert_eq!(error("status ~ x").1, "~");
    }
}
