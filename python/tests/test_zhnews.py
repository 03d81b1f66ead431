"""Tests of the Python package, on sentences written for them."""

import threading
import time

import pytest

import zhnews


@pytest.fixture(scope="module")
def ex():
    return zhnews.Extractor()


def test_version_and_columns():
    assert isinstance(zhnews.__version__, str) and zhnews.__version__.count(".") == 2
    assert zhnews.COLUMNS[:5] == ("id", "kind", "text", "start", "end")
    assert zhnews.SCHEMA_VERSION >= 2


def test_extract_count_hospital_and_offsets(ex):
    text = "2024年3月5日,临河县人民医院派出12名专家赴牧区开展义诊。"
    r = ex.extract(text, id="a1")
    assert r["id"] == "a1"
    assert r["counts"][0] == {
        "text": "12名专家",
        "start": r["counts"][0]["start"],
        "end": r["counts"][0]["end"],
        "value": 12,
        "unit": "名",
        "object": "专家",
        "approx": "exact",
        "rule": "numeral_unit",
    }
    assert isinstance(r["counts"][0]["value"], int)
    assert [h["name"] for h in r["hospitals"]] == ["临河县人民医院"]
    assert r["dates"][0]["value"] == "2024-03-05"
    # offsets are code points into the text as given
    for kind in ("dates", "counts"):
        for m in r[kind]:
            assert text[m["start"] : m["end"]] == m["text"]
    for h in r["hospitals"]:
        for s, e in h["mentions"]:
            assert text[s:e]
    # the dict keeps the record's key order, as the CLI writes it
    assert list(r)[:3] == ["schema_version", "id", "meta"]


def test_published_resolves_partial_dates(ex):
    r = ex.extract("3月5日,近30名专家抵达。", id="b", published="2023-06-01")
    assert r["meta"]["published"] == "2023-06-01"
    assert r["dates"][0]["value"] == "2023-03-05"
    assert r["counts"][0]["value"] == 30
    assert r["counts"][0]["approx"] == "under"
    # without a date, the year is unknown
    assert ex.extract("3月5日,专家抵达。")["dates"][0]["value"] == "XXXX-03-05"


def test_reference_date_and_user_dict():
    ex = zhnews.Extractor(reference_date="2024-12-10", user_dict="暖心工程 1000 n\n")
    assert ex.extract("11月,专家抵达。")["dates"][0]["value"] == "2024-11"


def test_bad_reference_date_raises_value_error():
    with pytest.raises(ValueError, match="2023-02-30"):
        zhnews.Extractor(reference_date="2023-02-30")
    with pytest.raises(ValueError):
        zhnews.Extractor(reference_date="yesterday")


def test_bad_published_raises_value_error(ex):
    with pytest.raises(ValueError, match="not a calendar date"):
        ex.extract("5名专家", published="2023-13-01")


def test_extract_many_order_and_parallelism(ex):
    items = []
    for i in range(200):
        text = f"{i + 1}名专家抵达医院。"
        items.append(text if i % 2 else {"id": f"x{i}", "text": text, "url": f"u/{i}"})
    one = ex.extract_many(items, jobs=1)
    two = ex.extract_many(items, jobs=2)
    default = ex.extract_many(iter(items))  # any iterable; rayon's global pool
    assert one == two == default
    assert len(two) == 200
    for i, r in enumerate(two):
        assert r["counts"][0]["value"] == i + 1
        if i % 2:
            assert r["id"] == str(i + 1)  # a str item's id is its 1-based position
            assert "url" not in r
        else:
            assert r["id"] == f"x{i}"
            assert r["url"] == f"u/{i}"  # extra fields are carried through
    # the same records as one at a time
    assert two[3] == ex.extract(items[3], id="4")


def test_extract_many_bad_items_become_error_records(ex):
    records = ex.extract_many(
        [
            {"id": "ok", "text": "3例手术"},
            {"id": "no-text"},
            {"id": "num", "text": 5},
            {"id": "date", "text": "3例手术", "published": "2022-02-30"},
            {"id": 17, "text": "3例手术"},
        ]
    )
    assert [("error" in r) for r in records] == [False, True, True, True, False]
    assert records[0]["counts"][0]["value"] == 3
    assert records[4]["id"] == "17"
    assert "not a calendar date" in records[3]["error"]
    with pytest.raises(TypeError):
        ex.extract_many([1, 2])
    with pytest.raises(TypeError):
        ex.extract_many("5名专家")
    with pytest.raises(ValueError):
        ex.extract_many(["5名专家"], jobs=0)


def test_to_pandas_shapes(ex):
    pd = pytest.importorskip("pandas")
    records = ex.extract_many(
        [
            {"id": "p1", "text": "2023年5月8日,石门县人民医院院长王建国带领6名专家完成全县首例腹腔镜手术。"},
            {"id": "p2", "text": "今年,专家团队共接诊患者1200人次,开展手术85台。"},
            {"id": "p3", "text": "天气晴朗。"},
        ]
    )
    mentions = zhnews.to_pandas(records, "mentions")
    assert isinstance(mentions, pd.DataFrame)
    assert list(mentions.columns) == list(zhnews.COLUMNS)
    assert len(mentions) == sum(len(zhnews.mention_rows(r)) for r in records)
    assert set(mentions["kind"]) == {"hospital", "person", "date", "count", "first_case"}
    for kind, key, first in [
        ("hospitals", "hospitals", "name"),
        ("people", "people", "name"),
        ("dates", "dates", "text"),
        ("counts", "counts", "text"),
        ("first_cases", "first_cases", "text"),
    ]:
        df = zhnews.to_pandas(records, kind)
        assert list(df.columns)[:2] == ["id", first]
        assert len(df) == sum(len(r[key]) for r in records), kind
    counts = zhnews.to_pandas(records, "counts")
    assert list(counts["id"]) == ["p1", "p2", "p2"]
    assert list(counts["value"]) == [6, 1200, 85]
    people = zhnews.to_pandas(records, "people")
    assert people.loc[0, "name"] == "王建国"
    # no records: the columns are still there
    assert list(zhnews.to_pandas([], "counts").columns) == [
        "id", "text", "start", "end", "value", "unit", "object", "approx",
    ]
    assert zhnews.to_pandas([], "mentions").shape == (0, len(zhnews.COLUMNS))
    with pytest.raises(ValueError, match="unknown kind"):
        zhnews.to_pandas(records, "places")


def test_extract_many_releases_the_gil(ex):
    """A Python thread keeps ticking while extract_many runs in another thread.

    Holding the GIL for the whole native call would leave no tick inside it: the longest gap
    between ticks would be the whole call. The input grows until the call takes long enough
    to tell the two apart, whatever the machine's speed.
    """
    sentence = "当天,医疗队在乡镇卫生院开展义诊,为群众测量血压、讲解健康知识,现场气氛热烈。"
    n = 200
    for _ in range(8):
        items = [sentence * 20] * n
        window = {}

        def work():
            window["start"] = time.monotonic()
            ex.extract_many(items, jobs=1)
            window["end"] = time.monotonic()

        ticks = []
        worker = threading.Thread(target=work)
        worker.start()
        while worker.is_alive():
            ticks.append(time.monotonic())
            time.sleep(0.002)
        worker.join()
        start, end = window["start"], window["end"]
        if end - start >= 0.5:
            break
        n *= 2
    assert end - start >= 0.5, "extract_many was too fast to measure"
    inside = [start] + [t for t in ticks if start < t < end] + [end]
    longest_gap = max(b - a for a, b in zip(inside, inside[1:]))
    assert len(inside) > 10
    assert longest_gap < 0.5 * (end - start), (longest_gap, end - start, len(inside))
