"""Publishing the dataset: a Frictionless Data Package, a SQLite database for datasette, citations
and a self-contained map file. One concern per module:

| module | what |
|---|---|
| `meta` | the dataset's name, titles, licences and build time |
| `version` | the dataset version, read from the top entry of `data/CHANGELOG.md` |
| `fields`, `resources` | the tables of the package, declared once each: fields, keys, descriptions |
| `csvio`, `package` | CSV cells, `write_package`, `read_package`, `package_zip_bytes` |
| `diff` | `diff_packages`: records added, removed and changed between two packages |
| `sqlite`, `datasette` | `write_sqlite` with sqlite-utils, the datasette metadata |
| `citation`, `bibtex`, `cff` | `cite` (text, BibTeX, CSL-JSON) and `CITATION.cff` |
| `embed_map` | `map_html`: one HTML file with Leaflet inlined |
| `atomic`, `cli` | atomic writes; `run(argv)`, also `python -m dashboard.publish` |

Importing this package imports nothing heavy; each module brings its own libraries.
"""
