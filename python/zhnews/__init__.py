"""zhnews: Chinese news articles on hospital aid to structured records.

>>> import zhnews
>>> ex = zhnews.Extractor(reference_date="2024-12-10")
>>> ex.extract("县人民医院派出5名专家。")["counts"][0]["text"]
'5名专家'

``Extractor`` is the Rust pipeline (build once, share across threads); ``extract`` and
``extract_many`` return records as plain dicts, exactly the JSON objects that
``zhnews extract`` writes. ``to_pandas`` turns records into a pandas DataFrame.
"""

from ._zhnews import COLUMNS as _COLUMNS
from ._zhnews import SCHEMA_VERSION, Extractor, __version__, mention_rows

__all__ = ["Extractor", "COLUMNS", "KINDS", "SCHEMA_VERSION", "mention_rows", "to_pandas", "__version__"]

#: The columns of a mention row (``to_pandas(records, "mentions")``), in order.
COLUMNS = tuple(_COLUMNS)

#: For each kind of ``to_pandas``: the record's list it reads and the columns after ``id``.
_TABLES = {
    "hospitals": ("hospitals", ("name", "mentions", "surfaces")),
    "people": ("people", ("name", "titles", "org", "mentions", "surfaces")),
    "dates": ("dates", ("text", "start", "end", "value")),
    "counts": ("counts", ("text", "start", "end", "value", "unit", "object", "approx")),
    "first_cases": ("first_cases", ("text", "start", "end", "scope", "what", "hospital", "count")),
}

#: The kinds ``to_pandas`` knows.
KINDS = ("mentions",) + tuple(_TABLES)


def to_pandas(records, kind="mentions"):
    """A pandas DataFrame of ``records`` (dicts from ``extract``/``extract_many``).

    ``kind="mentions"``: one row per mention of any kind, with the columns ``COLUMNS``
    (``id``, ``kind``, ``text``, ``start``, ``end``, ``name``, ``value``, …); a column that
    does not apply to a kind is empty. ``"hospitals"``, ``"people"``, ``"dates"``,
    ``"counts"``, ``"first_cases"``: one row per item of that list of each record, with the
    record's ``id`` first and then the item's fields. pandas is imported only here.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if isinstance(records, dict):
        records = [records]
    import pandas as pd  # only this function needs pandas

    if kind == "mentions":
        rows = [row for record in records for row in mention_rows(record)]
        return pd.DataFrame(rows, columns=list(COLUMNS))
    key, fields = _TABLES[kind]
    columns = ("id",) + fields
    rows = [
        (record.get("id"),) + tuple(item.get(f) for f in fields)
        for record in records
        for item in record.get(key) or ()
    ]
    return pd.DataFrame.from_records(rows, columns=list(columns))
