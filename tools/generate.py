"""Regenerate `generated/tradepose_api` from `openapi.json`, check it, or pull a new spec.

    python tools/generate.py generate [--spec openapi.json] [--out generated]
    python tools/generate.py check [--templates DIR]  # regenerate to a temp dir, fail on any difference
    python tools/generate.py update-spec URL          # fetch URL, validate, regenerate, print the changes

Any warning from the generator fails the run: a warning means part of the API was silently dropped.
`generate` and `check` also cover the overlay's Parquet column schemas, written from
`parquet-schemas.json` into `overlay/tradepose/_client/_parquet_columns.py` (see `_parquet_schemas`).
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _parquet_schemas import COLUMNS_FILE, MODULE, check_module, write_module

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "tradepose_api"
SPEC_HASH_FILE = "openapi.sha256"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def _generator_env() -> dict[str, str]:
    # The post-hooks call `python` and `ruff`: they must be this interpreter's, not whatever is on PATH.
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


TEMPLATES = ROOT / "generator-templates"


def generate(spec: Path, out_dir: Path, templates: Path = TEMPLATES) -> Path:
    """Generate the package into `out_dir/tradepose_api` (replacing it); return the package path."""
    with tempfile.TemporaryDirectory(prefix="tradepose-gen-") as tmp:
        target = Path(tmp) / PACKAGE
        cmd = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(spec),
            "--config", str(ROOT / "generator-config.yaml"),
            "--custom-template-path", str(templates),
            "--meta", "none",
            "--output-path", str(target),
        ]  # fmt: skip
        proc = subprocess.run(cmd, capture_output=True, text=True, env=_generator_env(), check=False)
        output = proc.stdout + proc.stderr
        noise = [line for line in output.splitlines() if line.strip() and not line.startswith("Generating ")]
        if proc.returncode != 0 or noise:
            sys.stderr.write(output)
            raise SystemExit("generation failed or warned (see above); fix openapi.json or generator-config.yaml")
        final = out_dir / PACKAGE
        out_dir.mkdir(parents=True, exist_ok=True)
        if final.exists():
            shutil.rmtree(final)
        shutil.copytree(target, final, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    # Provenance: ties the package to the exact spec, config and template bytes, so `check` catches any
    # edit of them, even one (a response description, a template comment) that changes no generated line.
    inputs = [(spec, "openapi.json"), (ROOT / "generator-config.yaml", "generator-config.yaml")]
    inputs += [(p, f"generator-templates/{p.relative_to(templates)}") for p in sorted(templates.rglob("*.jinja"))]
    (final / SPEC_HASH_FILE).write_text("".join(f"{_sha256(path)}  {name}\n" for path, name in inputs))
    return final


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _differences(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__", ".ruff_cache"])
    out = [f"only in {a}: {n}" for n in cmp.left_only] + [f"only in {b}: {n}" for n in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += [f"differs: {a / n}" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        out += _differences(a / sub, b / sub)
    return out


def check(spec: Path, templates: Path = TEMPLATES) -> None:
    with tempfile.TemporaryDirectory(prefix="tradepose-check-") as tmp:
        fresh = generate(spec, Path(tmp), templates)
        diffs = _differences(ROOT / "generated" / PACKAGE, fresh)
    if diffs:
        print("\n".join(diffs), file=sys.stderr)
        raise SystemExit(
            "generated/ is out of step with openapi.json or generator-templates/: run `make generate` and commit"
        )
    print("generated/tradepose_api matches openapi.json, generator-config.yaml and generator-templates/")
    if not check_module(ROOT / COLUMNS_FILE, ROOT / MODULE):
        raise SystemExit(f"{MODULE} is out of step with {COLUMNS_FILE}: run `make generate` and commit")
    print(f"{MODULE} matches {COLUMNS_FILE}")


def operations(spec: dict[str, Any]) -> dict[str, Any]:
    """`operationId` (or `METHOD path`) -> operation object."""
    ops: dict[str, Any] = {}
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                ops[op.get("operationId") or f"{method.upper()} {path}"] = {"method": method, "path": path, **op}
    return ops


def spec_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Human-readable lines: operations and models added, removed and changed."""
    lines: list[str] = []
    for kind, before, after in (
        ("operation", operations(old), operations(new)),
        ("model", old.get("components", {}).get("schemas", {}), new.get("components", {}).get("schemas", {})),
    ):
        lines += [f"+ {kind} {name}" for name in sorted(after.keys() - before.keys())]
        lines += [f"- {kind} {name}" for name in sorted(before.keys() - after.keys())]
        lines += [f"~ {kind} {name}" for name in sorted(before.keys() & after.keys()) if before[name] != after[name]]
    return lines


def update_spec(url: str) -> None:
    import httpx
    from openapi_spec_validator import validate

    if not url.endswith(".json"):
        url = url.rstrip("/") + "/openapi.json"
    response = httpx.get(url, timeout=30.0, follow_redirects=True)
    response.raise_for_status()
    new = response.json()
    validate(new)
    spec_path = ROOT / "openapi.json"
    old = json.loads(spec_path.read_text())
    spec_path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n")
    generate(spec_path, ROOT / "generated")
    changes = spec_changes(old, new)
    print("\n".join(changes) if changes else "no changes to operations or models")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    gen.add_argument("--out", type=Path, default=ROOT / "generated")
    chk = sub.add_parser("check")
    chk.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    chk.add_argument("--templates", type=Path, default=TEMPLATES)
    upd = sub.add_parser("update-spec")
    upd.add_argument("url")
    args = parser.parse_args(argv)
    if args.command == "generate":
        print(f"generated {generate(args.spec, args.out)}")
        print(f"generated {write_module(ROOT / COLUMNS_FILE, ROOT / MODULE).relative_to(ROOT)}")
    elif args.command == "check":
        check(args.spec, args.templates)
    else:
        update_spec(args.url)


if __name__ == "__main__":
    main()
