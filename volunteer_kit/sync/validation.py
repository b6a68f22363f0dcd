"""Can a record's `data` be stored? One schema per synced table, generated from the SQLModel models.

The hub checks every pushed record (and every record of an imported bundle) with it before it
stores anything, so that a device that pulls never meets a record it cannot store; a device may
check what it pulls with it too. The rules are not written here a second time: each column's
SQLAlchemy type and nullability, and its model field's bounds (`ge`, `le`, `max_length`,
`pattern`, an enum as its type), make a pydantic-core schema, built once per table:

- text: valid Unicode (no lone surrogate), no NUL, at most the field's `max_length` characters,
  else those of the column it refers to (an id), else DEFAULT_TEXT_LENGTH;
- integers: a JSON integer (not a boolean, not 2.0) within int64 and the field's `ge`/`le`;
- floats: a finite number within the field's bounds; booleans: a JSON `true` or `false`;
- date and time: the wire form of sync/payload.py, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, a real instant;
- an enum-typed field: one of the enum's values; a column not nullable: never null;
- every travelling column present (sync.payload.table_columns), and no other.

References between records (same commune, existing targets) need the database: the hub's apply
step checks those.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from functools import cache
from types import NoneType, UnionType
from typing import Any, NamedTuple, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic.fields import FieldInfo
from pydantic_core import CoreSchema, SchemaValidator, ValidationError
from pydantic_core import core_schema as cs
from sqlalchemy import Boolean, Column, DateTime, Float, Integer, String, Table

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.sync import payload

# Text with no bound of its own: long enough for any note, short enough that no record is huge.
DEFAULT_TEXT_LENGTH = 4000
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
WIRE_DATETIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL, and no name or note needs it
MAX_SHOWN_PROBLEMS = 3


class Refusal(NamedTuple):
    """Why a record cannot be stored, in English and in Vietnamese."""

    en: str
    vi: str


class _TableSchema(NamedTuple):
    validator: SchemaValidator
    choices: dict[str, tuple[str, ...]]  # column -> the values its enum allows


def validate_record(table: str, data: Any) -> str | None:
    """None if `data` can be stored as a record of `table`, else why not (English)."""
    refusal = why_refused(table, data)
    return None if refusal is None else refusal.en


def why_refused(table: str, data: Any) -> Refusal | None:
    """None if `data` can be stored as a record of `table`, else why not, in English and Vietnamese."""
    if table not in SYNCED_TABLES:
        shown = _shown(table)
        return Refusal(f"{shown} is not a synced table.", f"{shown} không phải bảng đồng bộ.")
    schema = _table_schema(table)
    try:
        schema.validator.validate_python(data)
    except ValidationError as error:
        return _refusal(table, schema, error)
    return None


# ------------------------------------------------------------------ building the schemas


@cache
def _model_fields(table: str) -> Mapping[str, FieldInfo]:
    from sqlmodel import SQLModel

    from volunteer_kit.core import models  # noqa: F401  (registers the tables)

    for mapper in SQLModel._sa_registry.mappers:
        if isinstance(mapper.local_table, Table) and mapper.local_table.name == table:
            fields: Mapping[str, FieldInfo] = mapper.class_.model_fields
            return fields
    raise LookupError(f"no model for table {table}")


@cache
def _table_schema(table: str) -> _TableSchema:
    """The validator of one table's `data`, built from its model once."""
    from volunteer_kit.core import models

    columns = models.table_named(table).columns
    fields = _model_fields(table)
    schemas: dict[str, cs.TypedDictField] = {}
    choices: dict[str, tuple[str, ...]] = {}
    for name in payload.table_columns(table):
        column, field = columns[name], fields[name]
        enum = _enum_of(field)
        if enum is not None:
            choices[name] = tuple(str(member.value) for member in enum)
            schema: CoreSchema = cs.literal_schema(list(choices[name]))
        else:
            schema = _value_schema(table, column, field)
        if column.nullable:
            schema = cs.nullable_schema(schema)
        schemas[name] = cs.typed_dict_field(schema, required=True)
    validator = SchemaValidator(cs.typed_dict_schema(schemas, extra_behavior="forbid", total=True))
    return _TableSchema(validator, choices)


def _enum_of(field: FieldInfo) -> type[Enum] | None:
    annotation = field.annotation
    if get_origin(annotation) in (Union, UnionType):
        annotation = next(a for a in get_args(annotation) if a is not NoneType)
    return annotation if isinstance(annotation, type) and issubclass(annotation, Enum) else None


def _bound(field: FieldInfo, kind: type[Ge] | type[Le] | type[MaxLen]) -> Any:
    """The field's `ge`, `le` or `max_length`, if it has one."""
    attribute = {Ge: "ge", Le: "le", MaxLen: "max_length"}[kind]
    return next((getattr(m, attribute) for m in field.metadata if isinstance(m, kind)), None)


def _value_schema(table: str, column: Column[Any], field: FieldInfo) -> CoreSchema:
    sql_type = getattr(column.type, "impl", column.type)  # SQLModel wraps DateTime in a TypeDecorator
    ge, le = _bound(field, Ge), _bound(field, Le)
    if isinstance(sql_type, Boolean):
        return cs.bool_schema(strict=True)
    if isinstance(sql_type, Integer):
        return cs.int_schema(
            strict=True,
            ge=INT64_MIN if ge is None else max(ge, INT64_MIN),
            le=INT64_MAX if le is None else min(le, INT64_MAX),
        )
    if isinstance(sql_type, Float):
        return cs.float_schema(strict=True, allow_inf_nan=False, ge=ge, le=le)
    if isinstance(sql_type, DateTime):
        # The form payload writes, then a real date and time (no 31 February, no 25:00).
        return cs.chain_schema([cs.str_schema(strict=True, pattern=WIRE_DATETIME), cs.datetime_schema()])
    if isinstance(sql_type, String):
        pattern = next((m.pattern for m in field.metadata if getattr(m, "pattern", None)), None)
        return cs.str_schema(strict=True, max_length=_text_length(column, field), pattern=pattern or NO_NUL)
    raise TypeError(f"{table}.{column.name}: no validation for a {column.type!r} column")


def _text_length(column: Column[Any], field: FieldInfo) -> int:
    """The field's own bound, else that of the id it refers to, else the default."""
    own = _bound(field, MaxLen)
    lengths = [own] + [getattr(fk.column.type, "length", None) for fk in column.foreign_keys]
    return next((n for n in lengths if n), DEFAULT_TEXT_LENGTH)


# ------------------------------------------------------------------ reasons


def _refusal(table: str, schema: _TableSchema, error: ValidationError) -> Refusal:
    problems = error.errors(include_url=False)
    en, vi = [], []
    for problem in problems[:MAX_SHOWN_PROBLEMS]:
        where = ".".join(_shown(part) for part in (table, *problem["loc"][:1]))
        said = _problem(problem, schema.choices.get(str(problem["loc"][0])) if problem["loc"] else None)
        en.append(f"{where} {said.en}")
        vi.append(f"{where} {said.vi}")
    more = len(problems) - MAX_SHOWN_PROBLEMS
    tail = Refusal(f" (and {more} more)", f" (và {more} lỗi khác)") if more > 0 else Refusal("", "")
    return Refusal("; ".join(en) + tail.en + ".", "; ".join(vi) + tail.vi + ".")


def _problem(problem: Any, choices: tuple[str, ...] | None) -> Refusal:
    """One pydantic-core error as a phrase a person can act on (never echoing the value)."""
    kind, ctx = problem["type"], problem.get("ctx") or {}
    if not problem["loc"] and kind == "string_unicode":  # a key of `data`, not a value
        return Refusal(
            "has a column name that is not valid Unicode text", "có tên cột không phải văn bản Unicode hợp lệ"
        )
    if problem.get("input", ...) is None and kind != "missing":
        return Refusal("may not be empty (null)", "không được để trống (null)")
    if kind == "string_pattern_mismatch":
        return _pattern_problem(ctx.get("pattern"))
    if kind.startswith(("datetime_", "date_", "time_")):
        return Refusal("is not a real date and time", "không phải ngày giờ có thật")
    if kind == "literal_error" and choices:
        values = ", ".join(choices)
        return Refusal(f"must be one of: {values}", f"phải là một trong: {values}")
    if kind == "string_too_long":
        n = ctx.get("max_length")
        return Refusal(f"is longer than {n:,} characters", f"dài quá {n:,} ký tự".replace(",", "."))
    if kind in ("greater_than_equal", "less_than_equal"):
        n = ctx.get("ge", ctx.get("le"))
        if kind == "greater_than_equal":
            return Refusal(f"must be at least {n}", f"phải từ {n} trở lên")
        return Refusal(f"must be at most {n}", f"không được lớn hơn {n}")
    said = _PROBLEMS.get(kind)
    if said is not None:
        return said
    message = _shown(problem.get("msg", ""), 120)
    return Refusal(f"is not valid ({message})", f"không hợp lệ ({message})")


def _pattern_problem(pattern: str | None) -> Refusal:
    if pattern == NO_NUL:
        return Refusal("holds a NUL character", "chứa ký tự NUL")
    if pattern == WIRE_DATETIME:
        return Refusal(
            "is not a date and time of the form YYYY-MM-DDTHH:MM:SS.ffffffZ",
            "không phải ngày giờ dạng YYYY-MM-DDTHH:MM:SS.ffffffZ",
        )
    return Refusal("does not have the expected form", "không đúng dạng quy định")


_PROBLEMS = {
    "missing": Refusal("is missing", "bị thiếu"),
    "extra_forbidden": Refusal("is not a column of this table", "không phải cột của bảng này"),
    "string_type": Refusal("is not text", "không phải văn bản"),
    "string_unicode": Refusal(
        "is not valid Unicode text (a lone surrogate)",
        "không phải văn bản Unicode hợp lệ (có ký tự surrogate đơn lẻ)",
    ),
    "int_type": Refusal("is not a whole number", "không phải số nguyên"),
    "float_type": Refusal("is not a number", "không phải số"),
    "finite_number": Refusal(
        "is not a finite number (NaN or infinity)", "không phải số hữu hạn (NaN hoặc vô cực)"
    ),
    "bool_type": Refusal("is not true or false", "không phải true hoặc false"),
    "literal_error": Refusal("is not one of the allowed values", "không phải giá trị được phép"),
    "dict_type": Refusal("is not an object of columns", "không phải một đối tượng gồm các cột"),
}


def _shown(value: Any, limit: int = 40) -> str:
    """A name from the record, safe to put in an answer: printable, valid UTF-8, short."""
    text = str(value)[:limit]
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
