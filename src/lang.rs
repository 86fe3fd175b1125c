//! The language of every message and page, Dutch or English, and how it is chosen.

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language of a code (`nl`, `en`, also `nl_NL.UTF-8` or `en-GB`), if it is one of
    /// the two.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl` in Dutch, `en` in English.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// The language of messages: `explicit` (`--lang`), else `PIONEERS_LANG`, else `language`
/// in `pioneers.toml`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first that is
/// set), else English. `var` reads the environment.
pub fn for_messages(
    explicit: Option<Lang>,
    config: Option<&str>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Lang {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    explicit
        .or_else(|| set("PIONEERS_LANG").and_then(|code| Lang::from_code(&code)))
        .or_else(|| config.and_then(Lang::from_code))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(set)
                .map(|locale| Lang::from_code(&locale).unwrap_or(Lang::En))
        })
        .unwrap_or(Lang::En)
}

/// The language of the rendered site: `explicit`, else `language` in `pioneers.toml`, else
/// Dutch (the network's language).
pub fn for_site(explicit: Option<Lang>, config: Option<&str>) -> Lang {
    explicit
        .or_else(|| config.and_then(Lang::from_code))
        .unwrap_or(Lang::Nl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn codes() {
        assert_eq!(Lang::from_code("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("C"), None);
        assert_eq!(Lang::from_code("de_DE"), None);
    }

    #[test]
    fn messages_follow_flag_then_variable_then_config_then_locale() {
        let all = [("PIONEERS_LANG", "en"), ("LANG", "nl_NL.UTF-8")];
        assert_eq!(
            for_messages(Some(Lang::Nl), Some("en"), &env(&all)),
            Lang::Nl
        );
        assert_eq!(for_messages(None, Some("nl"), &env(&all)), Lang::En);
        assert_eq!(
            for_messages(None, Some("nl"), &env(&[("LANG", "en_US")])),
            Lang::Nl
        );
        assert_eq!(
            for_messages(None, None, &env(&[("LANG", "nl_BE.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            for_messages(None, None, &env(&[("LC_ALL", "en_US"), ("LANG", "nl_NL")])),
            Lang::En
        );
        assert_eq!(for_messages(None, None, &env(&[("LANG", "C")])), Lang::En);
        assert_eq!(for_messages(None, None, &env(&[("LANG", "")])), Lang::En);
        assert_eq!(for_messages(None, None, &env(&[])), Lang::En);
    }

    #[test]
    fn the_site_is_dutch_unless_told() {
        assert_eq!(for_site(None, None), Lang::Nl);
        assert_eq!(for_site(None, Some("en")), Lang::En);
        assert_eq!(for_site(Some(Lang::Nl), Some("en")), Lang::Nl);
    }
}
