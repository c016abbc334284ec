"""The publishing commands of `python -m dashboard.export`:

    package -o DIR|FILE.zip [--no-geometry]       the data package (a folder, or one ZIP)
    diff OLD NEW [--format text|json]              records added, removed, changed; the version level
    sqlite -o DB [--from PACKAGE] [--no-geometry] [--metadata FILE]
    datasette-metadata -o FILE [--database NAME]
    cite RECORD_ID [--format text|bibtex|csl] [--lang zh|en] [--index N] [-o FILE]
    map [--theme ID ...] [--match any|all] [--city CITY ...] [--source ID ...] [--kind KIND ...]
        [--search TEXT] [--lang zh|en] [--basemap none|light|osm|gaode] -o FILE
    cff [-o FILE] [--check]

Errors are one line on stderr: exit code 2 for usage (including unknown ids), 1 for data and I/O.
Every file is written atomically (a temporary file in the target folder, then renamed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard.catalog import CatalogError, load_catalog
from dashboard.cli_args import UsageError, add_filter_options, add_lang_option, state_from_args
from dashboard.cli_io import EXIT_IO, EXIT_USAGE
from dashboard.map.basemaps import BASEMAP_IDS
from dashboard.publish import atomic
from dashboard.publish.version import dataset_version, release_date

PUBLISH_COMMANDS = ("package", "diff", "sqlite", "datasette-metadata", "cite", "map", "cff")


def add_publish_commands(commands) -> None:
    """The publishing commands, as subcommands of `python -m dashboard.export`."""
    package = commands.add_parser("package", help="write the data package (a folder, or a .zip file)")
    package.add_argument("-o", "--output", type=Path, required=True, metavar="DIR|FILE.zip")
    package.add_argument("--no-geometry", action="store_true", help="leave out zones.geojson")
    diff = commands.add_parser("diff", help="compare two package folders")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--format", choices=("text", "json"), default="text")
    sqlite = commands.add_parser("sqlite", help="build the SQLite database for datasette")
    sqlite.add_argument("-o", "--output", type=Path, required=True, metavar="DB")
    sqlite.add_argument("--from", dest="package", type=Path, help="a package folder (default: the data)")
    sqlite.add_argument("--no-geometry", action="store_true", help="leave out zones_geometry")
    sqlite.add_argument("--metadata", type=Path, metavar="FILE", help="also write the datasette metadata")
    metadata = commands.add_parser("datasette-metadata", help="write the datasette metadata JSON")
    metadata.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    metadata.add_argument("--database", default="gba", help="database name: the .db file's stem")
    cite = commands.add_parser("cite", help="cite a zone, project or indicator")
    cite.add_argument("record_id", metavar="RECORD_ID")
    cite.add_argument("--format", choices=("text", "bibtex", "csl"), default="text")
    add_lang_option(cite)
    cite.add_argument("--index", type=int, default=0, help="which of the record's citations (from 0)")
    cite.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    map_ = commands.add_parser("map", help="write the filtered map as one self-contained HTML file")
    add_filter_options(map_, "zones")
    add_lang_option(map_)
    map_.add_argument("--basemap", choices=tuple(dict.fromkeys((*BASEMAP_IDS, "none"))), default="none")
    map_.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    cff = commands.add_parser("cff", help="write CITATION.cff for the current data")
    cff.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    cff.add_argument("--check", action="store_true", help="exit 1 if the file differs from the data")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic.write_bytes(output, text.encode("utf-8"))


def _layers(catalog, data_dir: Path | None):
    from dashboard.geodata import load_layers

    return load_layers(catalog, None if data_dir is None else Path(data_dir) / "geo")


def _package(args, catalog, data_dir, version) -> int:
    from dashboard.publish.package import package_zip_bytes, write_package

    layers = None if args.no_geometry else _layers(catalog, data_dir)
    if args.output.suffix.lower() == ".zip":
        atomic.write_bytes(args.output, package_zip_bytes(catalog, layers, version=version))
    else:
        write_package(catalog, args.output, layers, version=version)
    return 0


def _sqlite(args, catalog, data_dir, version) -> int:
    from dashboard.publish.datasette import metadata_json
    from dashboard.publish.sqlite import write_sqlite

    if args.package is not None:
        write_sqlite(args.package, args.output)
    else:
        layers = None if args.no_geometry else _layers(catalog, data_dir)
        write_sqlite(catalog, args.output, layers)
    if args.metadata is not None:
        _emit(metadata_json(version=version, database=args.output.stem), args.metadata)
    return 0


def _cff(args, catalog, data_dir, version) -> int:
    from dashboard.publish.cff import citation_cff_text

    text = citation_cff_text(catalog, version, release_date(data_dir))
    if not args.check:
        _emit(text, args.output)
        return 0
    path = args.output or Path("CITATION.cff")
    if path.read_text(encoding="utf-8") != text:
        print(f"error: {path} is out of date: regenerate it with the cff command", file=sys.stderr)
        return EXIT_IO
    return 0


def _dispatch(args: argparse.Namespace, data_dir: Path | None) -> int:
    version = dataset_version(data_dir)
    if args.table == "diff":
        from dashboard.publish.diff import diff_packages

        result = diff_packages(args.old, args.new)
        as_json = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
        _emit(as_json if args.format == "json" else result.to_text(), None)
        return 0
    if args.table == "datasette-metadata":
        from dashboard.publish.datasette import metadata_json

        _emit(metadata_json(version=version, database=args.database), args.output)
        return 0
    catalog = load_catalog(data_dir)
    if args.table == "package":
        return _package(args, catalog, data_dir, version)
    if args.table == "sqlite":
        return _sqlite(args, catalog, data_dir, version)
    if args.table == "cff":
        return _cff(args, catalog, data_dir, version)
    if args.table == "cite":
        from dashboard.publish.citation import CiteError, cite

        try:
            text = cite(catalog, args.record_id, args.format, args.lang, args.index, version=version,
                        released=release_date(data_dir))  # fmt: skip
        except CiteError as exc:
            raise UsageError(str(exc)) from exc
        _emit(text, args.output)
        return 0
    from dashboard.publish.embed_map import map_html

    state = state_from_args(args, catalog, "zones")
    html = map_html(
        catalog, _layers(catalog, data_dir), state, args.lang, basemap=args.basemap, version=version
    )
    _emit(html, args.output)
    return 0


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, CatalogError):
        return f"{len(exc.problems)} problem(s) in the data, first: {exc.problems[0]}"
    return " ".join(str(exc).split()) or type(exc).__name__


def run_publish_command(args: argparse.Namespace, data_dir: Path | None = None) -> int:
    """Run one publishing command; return the exit code. Never raises (but for KeyboardInterrupt)."""
    try:
        return _dispatch(args, data_dir)
    except UsageError as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError, KeyError, CatalogError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_IO
