"""Reads the open-data files of a rendered site with an RDF parser (rdflib) and checks them:
the themes as a SKOS concept scheme (`data/themes.jsonld`) and the DCAT catalogue of the
data exports (`data/catalog.jsonld`) with the fields DCAT-AP-DONL asks for.

    python3 rdf.py SITE_DIR

Exits 1 on any fault.
"""

import json
import pathlib
import sys

import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF, SKOS

faults = []


def fault(what):
    faults.append(what)


def graph(site, path):
    g = rdflib.Graph()
    file = site / path
    # The site's own address when it has one; the file's otherwise (relative IRIs).
    g.parse(file, format="json-ld", publicID=file.resolve().as_uri())
    return g


def check_skos(site):
    g = graph(site, "data/themes.jsonld")
    themes = json.loads((site / "data/themes.json").read_text("utf-8"))
    schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
    if len(schemes) != 1:
        fault(f"{len(schemes)} concept schemes, expected 1")
        return 0
    scheme = schemes[0]
    concepts = list(g.subjects(RDF.type, SKOS.Concept))
    if len(concepts) != len(themes):
        fault(f"{len(concepts)} concepts for {len(themes)} themes")
    labels = {str(t["title"]) for t in themes}
    for concept in concepts:
        if (concept, SKOS.inScheme, scheme) not in g:
            fault(f"{concept} is not in the scheme")
        if (scheme, SKOS.hasTopConcept, concept) not in g:
            fault(f"{concept} is not a top concept")
        pref = list(g.objects(concept, SKOS.prefLabel))
        if len(pref) != 1 or str(pref[0]) not in labels or not pref[0].language:
            fault(f"{concept}: prefLabel {pref}")
        if not list(g.objects(concept, SKOS.definition)):
            fault(f"{concept}: no definition")
    for concept, related in g.subject_objects(SKOS.related):
        if (related, RDF.type, SKOS.Concept) not in g:
            fault(f"{concept} is related to {related}, which is no concept")
    return len(concepts)


DATASET_FIELDS = {
    "identifier": DCTERMS.identifier,
    "title": DCTERMS.title,
    "description": DCTERMS.description,
    "language": DCTERMS.language,
    "publisher": DCTERMS.publisher,
    "contactPoint": DCAT.contactPoint,
    "accessRights": DCTERMS.accessRights,
    "theme": DCAT.theme,
    "landingPage": DCAT.landingPage,
    "distribution": DCAT.distribution,
}


def check_dcat(site):
    g = graph(site, "data/catalog.jsonld")
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    if len(catalogs) != 1:
        fault(f"{len(catalogs)} catalogues, expected 1")
        return 0
    datasets = list(g.objects(catalogs[0], DCAT.dataset))
    if len(datasets) != 4:
        fault(f"{len(datasets)} datasets, expected 4")
    for dataset in datasets:
        if (dataset, RDF.type, DCAT.Dataset) not in g:
            fault(f"{dataset} is not a dcat:Dataset")
        for name, predicate in DATASET_FIELDS.items():
            if not list(g.objects(dataset, predicate)):
                fault(f"{dataset}: no {name}")
        for distribution in g.objects(dataset, DCAT.distribution):
            for predicate in (DCAT.accessURL, DCAT.downloadURL, DCTERMS.format, DCAT.mediaType):
                if not list(g.objects(distribution, predicate)):
                    fault(f"{dataset}: a distribution without {predicate}")
            for url in g.objects(distribution, DCAT.downloadURL):
                local = str(url).rsplit("/data/", 1)[-1]
                if not (site / "data" / local).is_file():
                    fault(f"{url} is not a file of the site")
    return len(datasets)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site = pathlib.Path(sys.argv[1])
    concepts = check_skos(site)
    datasets = check_dcat(site)
    for line in faults:
        print(line, file=sys.stderr)
    print(f"SKOS: {concepts} concepts; DCAT: {datasets} datasets; read by rdflib {rdflib.__version__}: {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
