//! Python bindings of zhnews: `zhnews._zhnews`, wrapped by the pure-Python package `zhnews`.
//!
//! Records cross the boundary as JSON text, loaded with Python's `json.loads`, so a record
//! dict has exactly the keys, key order and values of a line of `zhnews extract`. Extraction
//! runs with the GIL released; `extract_many` runs in parallel on rayon, in input order.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::sync::GILOnceCell;

use zhnews::{Input, Job, Record};

/// Python's `json.loads` and `json.dumps`, looked up once.
static JSON_LOADS: GILOnceCell<Py<PyAny>> = GILOnceCell::new();
static JSON_DUMPS: GILOnceCell<Py<PyAny>> = GILOnceCell::new();

fn json_fn<'py>(py: Python<'py>, cell: &'static GILOnceCell<Py<PyAny>>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let f = cell.get_or_try_init(py, || -> PyResult<Py<PyAny>> { Ok(py.import("json")?.getattr(name)?.unbind()) })?;
    Ok(f.bind(py).clone())
}

/// JSON text → Python object (dicts keep the key order of the text).
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    json_fn(py, &JSON_LOADS, "loads")?.call1((json,))
}

/// Python object → JSON text (`ensure_ascii=False`); a value JSON cannot hold raises
/// `TypeError` (or `ValueError` for NaN and infinities).
fn dumps(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    kwargs.set_item("allow_nan", false)?;
    json_fn(py, &JSON_DUMPS, "dumps")?.call((obj,), Some(&kwargs))?.extract()
}

fn to_json(record: &Record) -> String {
    // a Record is plain data: serialising it cannot fail
    serde_json::to_string(record).unwrap_or_else(|e| format!("{{\"error\":\"serialisation failed: {e}\"}}"))
}

/// The extraction pipeline, built once and shared by every call (and every thread).
///
/// `Extractor(reference_date=None, user_dict=None)`: `reference_date` (`"YYYY-MM-DD"`) is
/// what partial dates such as `7月14日` resolve against when an article has no publication
/// date; `user_dict` is extra segmentation vocabulary as **text**, jieba's `word [freq] [tag]`
/// format, one entry per line. A bad date or dictionary line raises `ValueError`.
#[pyclass(frozen, module = "zhnews._zhnews", name = "Extractor")]
struct PyExtractor {
    inner: zhnews::Extractor,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (reference_date=None, user_dict=None))]
    fn new(py: Python<'_>, reference_date: Option<String>, user_dict: Option<String>) -> PyResult<Self> {
        let built = py.allow_threads(move || {
            let mut builder = zhnews::Extractor::builder();
            if let Some(date) = &reference_date {
                builder = builder.reference_date(date);
            }
            if let Some(dict) = &user_dict {
                builder = builder.user_dict(dict);
            }
            builder.build()
        });
        built
            .map(|inner| PyExtractor { inner })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// `extract(text, id=None, published=None) -> dict`: one article's record. `published`
    /// (`"YYYY-MM-DD"`) wins over the page's own date; one that is no calendar date raises
    /// `ValueError`.
    #[pyo3(signature = (text, id=None, published=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        id: Option<String>,
        published: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut input = Input::new(id.unwrap_or_default(), text);
        input.published = published;
        let ex = &self.inner;
        let result = py.allow_threads(|| {
            ex.extract_batch([Job::Text(input)])
                .next()
                .map(|r| r.map(|record| to_json(&record)).map_err(|e| e.to_string()))
        });
        match result {
            Some(Ok(json)) => loads(py, &json),
            Some(Err(message)) => Err(PyValueError::new_err(message)),
            None => Err(PyValueError::new_err("no record")),
        }
    }

    /// `extract_many(items, jobs=None) -> list[dict]`: one record per item, in input order.
    ///
    /// An item is a `str` (the text; its id is its 1-based position) or a `dict` with `text`
    /// and optionally `id` (str or int; default: the 1-based position), `published`, and any
    /// other JSON-able fields, which are carried into the record. Items go through exactly the
    /// path of a line of `zhnews extract`: an item that cannot be read (no string `text`, a
    /// `published` that is no calendar date) gives a record with an `error` field instead of
    /// stopping the batch. The GIL is released while extracting; `jobs` threads run in
    /// parallel (default: rayon's global pool, one thread per core).
    #[pyo3(signature = (items, jobs=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        if items.is_instance_of::<PyString>() || items.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(
                "extract_many takes an iterable of items (str or dict), not one item; use extract",
            ));
        }
        let mut batch = Vec::new();
        for (i, item) in items.try_iter()?.enumerate() {
            let item = item?;
            let line = i + 1;
            if let Ok(text) = item.downcast::<PyString>() {
                batch.push(Job::Text(Input::new(line.to_string(), text.to_cow()?)));
            } else if item.is_instance_of::<PyDict>() {
                batch.push(Job::JsonLine { line, json: dumps(py, &item)? });
            } else {
                return Err(PyTypeError::new_err(format!(
                    "item {i}: expected str or dict, got {}",
                    item.get_type().name()?
                )));
            }
        }
        if jobs == Some(0) {
            return Err(PyValueError::new_err("jobs must be at least 1"));
        }
        let ex = &self.inner;
        let out: Result<Vec<String>, String> = py.allow_threads(move || {
            let run = || ex.records(batch).map(|r| to_json(&r)).collect::<Vec<_>>();
            match jobs {
                None => Ok(run()),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map(|pool| pool.install(run))
                    .map_err(|e| format!("cannot start {n} threads: {e}")),
            }
        });
        let out = out.map_err(PyValueError::new_err)?;
        let list = PyList::empty(py);
        for json in &out {
            list.append(loads(py, json)?)?;
        }
        Ok(list)
    }

    fn __repr__(&self) -> String {
        "zhnews.Extractor()".to_string()
    }
}

/// `mention_rows(record) -> list[dict]`: one row per mention of any kind (hospitals and
/// people: one per mention, with the name), with the columns of `COLUMNS`.
#[pyfunction]
fn mention_rows<'py>(py: Python<'py>, record: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let json = dumps(py, record)?;
    let record: Record =
        serde_json::from_str(&json).map_err(|e| PyValueError::new_err(format!("not a zhnews record: {e}")))?;
    let rows = serde_json::to_string(&record.mention_rows())
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    loads(py, &rows)
}

#[pymodule]
fn _zhnews(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_function(wrap_pyfunction!(mention_rows, m)?)?;
    m.add("COLUMNS", zhnews::MentionRow::COLUMNS.to_vec())?;
    m.add("SCHEMA_VERSION", zhnews::Record::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
