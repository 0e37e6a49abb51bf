"""``gdparse schema [-o FILE]``: the JSON Schema of the output, generated from the model."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gdparse.model import PlanDocument
from gdparse.terminal import warn


def plan_schema() -> dict:
    """JSON Schema of PlanDocument (the JSON output contract)."""
    schema = PlanDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://gdparse.org/schemas/plan.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def fields_markdown() -> str:
    """Every field of every model in the output, as Markdown tables (schemas/fields.md)."""
    schema = plan_schema()
    defs = {"PlanDocument": schema, **schema.get("$defs", {})}
    out = [
        "# Output fields",
        "",
        f"Generated from the model by `gdparse schema --fields`; schema "
        f"`{schema['properties']['schema_name'].get('default')}`.",
        "",
    ]
    for name, d in defs.items():
        if "enum" in d:  # a closed list of codes: its description gives each one's meaning
            out += [f"## {name}", "", d.get("description") or " / ".join(f"`{v}`" for v in d["enum"]), ""]
            continue
        if "properties" not in d:
            continue
        out += [
            f"## {name}",
            "",
            (d.get("description") or "").split("\n\n")[0].replace("\n", " "),
            "",
            "| field | type | description |",
            "|---|---|---|",
        ]
        for field, prop in d["properties"].items():
            out.append(f"| `{field}` | {_type(prop)} | {(prop.get('description') or '').replace('|', '/')} |")
        out.append("")
    return "\n".join(out)


def _type(prop: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[1]
    if "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        items = prop.get("items") or prop.get("prefixItems") or {}
        return "list of " + (_type(items) if isinstance(items, dict) else ", ".join(_type(i) for i in items))
    if prop.get("type") == "object":
        return "object"
    return str(prop.get("type", "any"))


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print or write the JSON Schema of the output")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (e.g. schemas/plan.schema.json)")
    p.add_argument("--fields", action="store_true", help="Markdown reference of every field instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = fields_markdown() if args.fields else schema_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        warn(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0
