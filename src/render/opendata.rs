//! Open standards for government data: the themes as a SKOS concept scheme
//! (`data/themes.jsonld`; SKOS is on the Forum Standaardisatie's "pas toe of leg uit" list)
//! and a DCAT catalogue of the `data/` exports (`data/catalog.jsonld`) with the fields of
//! DCAT-AP-DONL, so that data.overheid.nl can harvest it. Both are JSON-LD, written through
//! serde_json so that no text can break them; IRIs are the pages' URLs under the base URL,
//! or relative to the file without one.

use anyhow::Result;
use serde_json::{Value, json};

use super::output::{OutFile, Sink};
use super::site::{CATALOG_PATH, SKOS_PATH, Site, page_path, title_of};
use crate::kb::{Data, DocKind, Document};

/// EU language authority IRIs (DCAT-AP and DONL use them for `dct:language`).
const LANGUAGE_NL: &str = "http://publications.europa.eu/resource/authority/language/NLD";
const LANGUAGE_EN: &str = "http://publications.europa.eu/resource/authority/language/ENG";
/// Public access, from the EU access-right authority list.
const PUBLIC: &str = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
/// The file types of the distributions.
const JSON_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/JSON";
const JSON_LD_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/JSON_LD";
/// The DONL theme of every dataset: government and administration ("Bestuur").
const THEME_BESTUUR: &str = "http://standaarden.overheid.nl/owms/terms/Bestuur";

/// The JSON-LD context both files use.
fn context(lang: &str) -> Value {
    json!({
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "@language": lang,
    })
}

/// `{"@id": iri}`.
fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// A date typed as `xsd:date`.
fn date(day: &str) -> Value {
    json!({ "@value": day, "@type": "xsd:date" })
}

impl Site<'_> {
    /// Writes the SKOS concept scheme and the DCAT catalogue.
    pub(super) fn open_data(&self, sink: &Sink) -> Result<()> {
        sink.write(json_file(SKOS_PATH, &self.concept_scheme()))?;
        sink.write(json_file(CATALOG_PATH, &self.catalog()))
    }

    /// The IRI of `path` (a path in the site) as seen from a file in `data/`.
    fn iri(&self, path: &str) -> String {
        match self.options.base_url.as_deref() {
            Some(base) => format!("{base}{path}"),
            None => format!("../{path}"),
        }
    }

    /// The newest git date of `docs`, if any has one.
    fn newest<'d>(&self, docs: impl IntoIterator<Item = &'d Document>) -> Option<String> {
        docs.into_iter()
            .filter_map(|d| self.dates.get(self.kb.path(d)))
            .max()
            .cloned()
    }

    /// The themes as `skos:Concept`s, each a top concept of one `skos:ConceptScheme`, with
    /// its summary as definition, its tags as alternative labels and its related themes.
    fn concept_scheme(&self) -> Value {
        let scheme = format!("{}#scheme", self.iri(SKOS_PATH));
        let themes: Vec<(&Document, &crate::kb::Theme)> = self
            .kb
            .documents
            .iter()
            .filter_map(|d| match &d.data {
                Data::Theme(t) => Some((d, t)),
                _ => None,
            })
            .collect();
        let concept_iri = |theme_id: &str| self.iri(&page_path(DocKind::Theme, theme_id));
        let mut graph = vec![json!({
            "@id": scheme,
            "@type": "skos:ConceptScheme",
            "skos:prefLabel": format!("{}: {}", self.options.title, self.word("themes").unwrap_or("")),
            "dct:title": format!("{}: {}", self.options.title, self.word("themes").unwrap_or("")),
            "skos:hasTopConcept": themes.iter().map(|(d, _)| id(&concept_iri(&d.id))).collect::<Vec<_>>(),
        })];
        if let Some(modified) = self.newest(themes.iter().map(|(d, _)| *d)) {
            graph[0]["dct:modified"] = date(&modified);
        }
        for (doc, theme) in &themes {
            let mut concept = json!({
                "@id": concept_iri(&doc.id),
                "@type": "skos:Concept",
                "skos:prefLabel": title_of(doc),
                "skos:definition": theme.summary,
                "skos:notation": doc.id,
                "skos:inScheme": id(&scheme),
                "skos:topConceptOf": id(&scheme),
            });
            if !theme.tags.is_empty() {
                concept["skos:altLabel"] = json!(theme.tags);
            }
            let related: Vec<Value> = theme
                .related
                .iter()
                .filter(|r| self.kb.get(DocKind::Theme, r).is_some())
                .map(|r| id(&concept_iri(r)))
                .collect();
            if !related.is_empty() {
                concept["skos:related"] = json!(related);
            }
            if let Some(modified) = self.dates.get(self.kb.path(doc)) {
                concept["dct:modified"] = date(modified);
            }
            graph.push(concept);
        }
        json!({ "@context": context(self.options.lang.code()), "@graph": graph })
    }

    /// A `dcat:Catalog` of one `dcat:Dataset` per `data/<type>.json`, each with a JSON
    /// distribution (and the themes' also with the SKOS scheme), publisher, contact point,
    /// language, access rights, theme, landing page, modification date and — when
    /// `pioneers.toml` names one — licence.
    fn catalog(&self) -> Value {
        let config = &self.kb.config;
        let language = id(if self.options.lang.code() == "nl" {
            LANGUAGE_NL
        } else {
            LANGUAGE_EN
        });
        let home = self.iri("index.html");
        let publisher = json!({
            "@id": format!("{home}#publisher"),
            "@type": "foaf:Agent",
            "foaf:name": self.options.title,
        });
        let contact = json!({
            "@type": "vcard:Organization",
            "vcard:fn": self.options.title,
            "vcard:hasURL": id(&home),
        });
        let description = config
            .description
            .clone()
            .unwrap_or_else(|| self.options.title.clone());
        let license = config.license.as_deref().map(id);
        let datasets: Vec<Value> = DocKind::ALL
            .iter()
            .map(|&kind| {
                let path = format!("data/{}.json", kind.folder());
                let label = self.word(kind.folder()).unwrap_or(kind.folder());
                let docs = self.kb.documents.iter().filter(|d| d.kind == kind);
                let mut distributions = vec![distribution(
                    &self.iri(&path),
                    &format!("{label} (JSON)"),
                    JSON_TYPE,
                    "application/json",
                )];
                if kind == DocKind::Theme {
                    distributions.push(distribution(
                        &self.iri(SKOS_PATH),
                        &format!("{label} (SKOS, JSON-LD)"),
                        JSON_LD_TYPE,
                        "application/ld+json",
                    ));
                }
                for d in &mut distributions {
                    d["dct:language"] = language.clone();
                    if let Some(license) = &license {
                        d["dct:license"] = license.clone();
                    }
                }
                let mut dataset = json!({
                    "@id": format!("{}#dataset", self.iri(&path)),
                    "@type": "dcat:Dataset",
                    "dct:identifier": self.iri(&path),
                    "dct:title": format!("{}: {label}", self.options.title),
                    "dct:description": format!("{description} ({label})"),
                    "dct:language": language,
                    "dct:publisher": id(&format!("{home}#publisher")),
                    "dct:accessRights": id(PUBLIC),
                    "dcat:theme": id(THEME_BESTUUR),
                    "dcat:keyword": [label],
                    "dcat:contactPoint": contact,
                    "dcat:landingPage": id(&self.iri(&format!("{}/index.html", kind.folder()))),
                    "dcat:distribution": distributions,
                });
                if let Some(modified) = self.newest(docs) {
                    dataset["dct:modified"] = date(&modified);
                }
                if let Some(license) = &license {
                    dataset["dct:license"] = license.clone();
                }
                dataset
            })
            .collect();
        let mut catalog = json!({
            "@id": format!("{}#catalog", self.iri(CATALOG_PATH)),
            "@type": "dcat:Catalog",
            "dct:title": self.options.title,
            "dct:description": description,
            "dct:language": language,
            "dct:publisher": publisher,
            "foaf:homepage": id(&home),
            "dcat:dataset": datasets,
        });
        if let Some(modified) = self.newest(&self.kb.documents) {
            catalog["dct:modified"] = date(&modified);
        }
        if let Some(license) = license {
            catalog["dct:license"] = license;
        }
        json!({ "@context": context(self.options.lang.code()), "@graph": [catalog] })
    }
}

/// A `dcat:Distribution` of the file at `url`.
fn distribution(url: &str, title: &str, file_type: &str, media_type: &str) -> Value {
    json!({
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": id(url),
        "dcat:downloadURL": id(url),
        "dct:format": id(file_type),
        "dcat:mediaType": id(&format!("https://www.iana.org/assignments/media-types/{media_type}")),
    })
}

/// A JSON file, pretty-printed, ending in a line break.
fn json_file(path: &str, value: &Value) -> OutFile {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    super::site::text_file(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::kb::date::parse_date;
    use crate::render::i18n::Lang;
    use crate::render::site::{Prepared, SiteOptions};

    fn site_files(base: Option<&str>) -> std::collections::BTreeMap<String, Vec<u8>> {
        let kb = KnowledgeBase::from_memory(
            &[
                (
                    "content/organisations/u.md",
                    "---\nname: U\nkind: municipality\n---\n",
                ),
                (
                    "content/themes/a.md",
                    "---\ntitle: \"A \\\"quoted\\\" </script>\"\nsummary: S\ntags: [wob]\nrelated: [b]\n---\n",
                ),
                ("content/themes/b.md", "---\ntitle: B\nsummary: T\n---\n"),
            ],
            &[],
            parse_date("2020-01-01").expect("date"),
        );
        let options = SiteOptions {
            title: "Netwerk".into(),
            base_url: base.map(str::to_string),
            lang: Lang::Nl,
        };
        let prepared = Prepared::new(&kb, options).expect("site");
        let sink = Sink::in_memory();
        prepared.site(&kb).open_data(&sink).expect("written");
        sink.into_files()
    }

    fn parsed(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> Value {
        serde_json::from_slice(&files[path]).expect("JSON")
    }

    #[test]
    fn themes_are_concepts_of_one_scheme() {
        let files = site_files(Some("https://example.org/n/"));
        let skos = parsed(&files, SKOS_PATH);
        let graph = skos["@graph"].as_array().expect("graph");
        assert_eq!(graph[0]["@type"], "skos:ConceptScheme");
        assert_eq!(graph.len(), 3);
        let a = &graph[1];
        assert_eq!(a["@id"], "https://example.org/n/themes/a.html");
        assert_eq!(a["skos:prefLabel"], "A \"quoted\" </script>");
        assert_eq!(
            a["skos:inScheme"]["@id"],
            "https://example.org/n/data/themes.jsonld#scheme"
        );
        assert_eq!(
            a["skos:related"][0]["@id"],
            "https://example.org/n/themes/b.html"
        );
        assert_eq!(a["skos:altLabel"][0], "wob");
    }

    #[test]
    fn the_catalogue_has_a_dataset_per_export() {
        let files = site_files(None);
        let catalog = parsed(&files, CATALOG_PATH);
        let datasets = catalog["@graph"][0]["dcat:dataset"]
            .as_array()
            .expect("datasets");
        assert_eq!(datasets.len(), DocKind::ALL.len());
        let themes = datasets
            .iter()
            .find(|d| d["dct:identifier"] == "../data/themes.json")
            .expect("the themes' dataset");
        assert_eq!(
            themes["dcat:distribution"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(themes["dct:accessRights"]["@id"], PUBLIC);
    }
}
