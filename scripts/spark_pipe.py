#!/usr/bin/env python3
"""A real PySpark run of `zhnews extract` as a pipe() stage, in local mode.

    python3 scripts/spark_pipe.py [PATH_TO_ZHNEWS]     (default: target/release/zhnews)

Builds nothing: the caller builds the binary (`cargo build --release`). Installs what it
needs when missing: a JRE (`apt-get install -y default-jre-headless`, as root) and pyspark
(`pip install pyspark`, into the interpreter running this script).

It makes 400 JSONL lines of synthetic articles (written for this test) with 4 bad ones (a
blank line, malformed JSON, a non-string text, a published date that is no calendar date),
runs `sc.parallelize(lines, 4).pipe("<zhnews> extract --jobs 1")` on `local[2]`, and checks
the line-for-line contract partition by partition: one record per input line, in order,
with the input's id (a bad line: its own id when it parses, such as a line whose `published`
is no date, else its 1-based line number within its partition's stream),
an `error` field on bad lines and only there, extra fields (`url`) carried through, and the
count each article states. Exits 1 on any failure; the last line is the summary.
"""

import json
import os
import shutil
import subprocess
import sys
import time

N_LINES = 400
N_PARTITIONS = 4

# Synthetic articles: (template, hospital). Each states one count of experts ({n}名专家) and
# a date, so every good record can be checked for content, not only for alignment.
PROVINCES = ["甘肃", "青海", "贵州", "云南", "宁夏", "西藏", "新疆", "四川"]
COUNTIES = ["临河县", "石门县", "青川县", "白水县", "长宁县", "安平县", "东源县", "和田县"]
TEMPLATES = [
    "{y}年{m}月{d}日,{county}人民医院迎来{n}名专家,为当地群众开展义诊活动。",
    "{m}月{d}日上午,来自{prov}的{n}名专家抵达{county}人民医院,开始为期半年的帮扶工作。",
    "据悉,{county}人民医院于{y}年{m}月{d}日接收{n}名专家,并完成多台手术。",
    "{y}年{m}月{d}日,{n}名专家在{county}人民医院举办培训班,培训当地医务人员。",
]


def log(msg):
    print(f"spark pipe: {msg}", file=sys.stderr, flush=True)


def ensure_java():
    java = shutil.which("java")
    if java and subprocess.run([java, "-version"], capture_output=True).returncode == 0:
        return
    log("no working java: installing default-jre-headless with apt-get")
    subprocess.run(["apt-get", "update"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "default-jre-headless"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def ensure_pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        log(f"installing pyspark into {sys.executable}")
        subprocess.run([sys.executable, "-m", "pip", "install", "pyspark"], check=True)


def make_lines():
    """400 lines; returns (lines, expected) where expected[i] describes line i."""
    bad = {
        7: ("", "blank"),
        150: ("{\"id\": \"broken\", \"text\": \"3名专家", "malformed JSON"),
        263: (json.dumps({"id": "num-text", "text": 12345, "url": "https://example.org/x"}), "non-string text"),
        399: (
            json.dumps({"id": "bad-date", "text": "5名专家抵达。", "published": "2023-02-30"}, ensure_ascii=False),
            "invalid published date",
        ),
    }
    # a line that parses but fails later keeps its own id; the others get their line number
    keeps_id = {399: "bad-date"}
    lines, expected = [], []
    for i in range(N_LINES):
        if i in bad:
            line, why = bad[i]
            lines.append(line)
            expected.append({"bad": why, "id": keeps_id.get(i)})
            continue
        n = 3 + (i * 7) % 40
        y, m, d = 2018 + i % 6, 1 + i % 12, 1 + (i * 5) % 28
        text = TEMPLATES[i % len(TEMPLATES)].format(
            y=y, m=m, d=d, n=n, county=COUNTIES[i % len(COUNTIES)], prov=PROVINCES[(i // 3) % len(PROVINCES)]
        )
        doc = {"id": f"art-{i:04d}", "text": text, "url": f"https://news.example.org/{i}"}
        if i % 5 == 0:
            doc["published"] = f"{y}-{m:02d}-{d:02d}"
        lines.append(json.dumps(doc, ensure_ascii=False))
        expected.append({"id": doc["id"], "url": doc["url"], "n": n})
    return lines, expected


def check(in_parts, out_parts, expected_by_line):
    """Align partition by partition; returns (problems, n_out, n_errors)."""
    problems, n_out, n_errors = [], 0, 0
    if len(in_parts) != len(out_parts):
        problems.append(f"{len(in_parts)} input partitions but {len(out_parts)} output partitions")
        return problems, sum(map(len, out_parts)), 0
    for p, (ins, outs) in enumerate(zip(in_parts, out_parts)):
        n_out += len(outs)
        if len(ins) != len(outs):
            problems.append(f"partition {p}: {len(ins)} lines in, {len(outs)} records out")
            continue
        for k, ((gi, line), out) in enumerate(zip(ins, outs), start=1):
            exp = expected_by_line[gi]
            where = f"partition {p} line {k} (input line {gi + 1})"
            try:
                rec = json.loads(out)
            except ValueError as e:
                problems.append(f"{where}: output is not JSON ({e}): {out[:80]!r}")
                continue
            if "error" in rec:
                n_errors += 1
            if "bad" in exp:
                want = exp["id"] or str(k)
                if rec.get("id") != want:
                    problems.append(f"{where}: bad line ({exp['bad']}) has id {rec.get('id')!r}, want {want!r}")
                if "error" not in rec:
                    problems.append(f"{where}: bad line ({exp['bad']}) has no error field")
                continue
            if rec.get("id") != exp["id"]:
                problems.append(f"{where}: id {rec.get('id')!r}, want {exp['id']!r}")
            if "error" in rec:
                problems.append(f"{where}: unexpected error {rec['error']!r}")
            if rec.get("url") != exp["url"]:
                problems.append(f"{where}: url {rec.get('url')!r}, want {exp['url']!r}")
            values = [(c.get("value"), c.get("unit")) for c in rec.get("counts", [])]
            if (exp["n"], "名") not in values:
                problems.append(f"{where}: counts {values}, want ({exp['n']}, '名')")
    return problems, n_out, n_errors


def main():
    started = time.monotonic()
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/zhnews")
    if not os.access(binary, os.X_OK):
        print(f"spark pipe: FAILED: {binary} is not an executable (run `cargo build --release` first)")
        return 1
    ensure_java()
    ensure_pyspark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext

    lines, expected = make_lines()
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("zhnews-pipe")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.driver.host", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.parallelize(lines, N_PARTITIONS)
        # What each partition's zhnews process reads (its stdin, line by line) and writes.
        plain_parts = rdd.glom().collect()
        out_parts = rdd.pipe(f"{binary} extract --jobs 1").glom().collect()
    finally:
        sc.stop()
    if [line for part in plain_parts for line in part] != lines:
        print("spark pipe: FAILED: the partitions do not hold the input lines in order")
        return 1
    # number each partition's lines with their global index, for the expectations
    in_parts, offset = [], 0
    for part in plain_parts:
        in_parts.append(list(enumerate(part, start=offset)))
        offset += len(part)
    problems, n_out, n_errors = check(in_parts, out_parts, expected)
    n_bad = sum("bad" in e for e in expected)
    if n_errors != n_bad:
        problems.append(f"{n_errors} error records, want {n_bad}")
    elapsed = time.monotonic() - started
    for p in problems[:20]:
        print(f"spark pipe: {p}", file=sys.stderr)
    status = "aligned" if not problems else f"FAILED ({len(problems)} problems)"
    print(
        f"spark pipe: {len(lines)} lines in, {n_out} records out, {n_errors} error records, "
        f"{status} ({len(in_parts)} partitions, {elapsed:.0f} s)"
    )
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
