//! Writing front matter: scalars quoted only when YAML needs it, lists in flow style,
//! mappings in lists as block entries.

/// `text` as a YAML scalar that reads back as exactly `text`.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// `items` as a flow list: `[a, "b: c"]`.
pub fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| flow_item(i)).collect();
    format!("[{}]", items.join(", "))
}

fn flow_item(text: &str) -> String {
    if is_plain_safe(text) && !text.contains(',') {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_alphanumeric()
        && text.trim() == text
        && !matches!(
            text,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.chars().all(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '[' | ']'
                        | '{'
                        | '}'
                        | '"'
                        | '\''
                        | '`'
                        | '|'
                        | '>'
                        | '*'
                        | '&'
                        | '!'
                        | '%'
                        | '@'
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::yaml::parse;

    const TRICKY: &[&str] = &[
        "Gemeente Den Haag",
        "Meetbaarheid: wanneer ben je tevreden?",
        "14:00",
        "2017-09-18",
        "true",
        "null",
        "",
        " spatie",
        "a # niet",
        "\"aanhalingstekens\"",
        "'enkel'",
        "[lijst]",
        "{map}",
        "- streep",
        "a, b",
        "regel\nregel",
        "back\\slash",
        "Één café",
        "*ster",
        "&anker",
        "!tag",
        "% procent",
        "@at",
        "`code`",
        "100",
        "~",
        "a:b",
    ];

    #[test]
    fn scalars_read_back_exactly() {
        for text in TRICKY {
            let yaml = format!("k: {}\n", scalar(text));
            let root = parse(&yaml, 0).root.unwrap_or_else(|| panic!("{yaml}"));
            assert_eq!(
                root.get("k").and_then(|n| n.as_str()),
                Some(*text),
                "{yaml}"
            );
        }
    }

    #[test]
    fn list_items_read_back_exactly() {
        let items: Vec<String> = TRICKY.iter().map(|s| s.to_string()).collect();
        let yaml = format!("k: {}\n", flow_list(&items));
        let root = parse(&yaml, 0).root.unwrap_or_else(|| panic!("{yaml}"));
        let back: Vec<&str> = root
            .get("k")
            .and_then(|n| n.as_sequence())
            .expect("list")
            .iter()
            .filter_map(|n| n.as_str())
            .collect();
        assert_eq!(back, TRICKY, "{yaml}");
    }

    #[test]
    fn plain_where_possible() {
        assert_eq!(scalar("Gemeente Zwolle"), "Gemeente Zwolle");
        assert_eq!(scalar("14:00"), "14:00");
        assert_eq!(
            flow_list(&["utrecht".into(), "ede".into()]),
            "[utrecht, ede]"
        );
    }
}
