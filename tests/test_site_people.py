"""Issue 19's second pass over the citizen site, driven through ``kasko-dcat serve`` over HTTP:
bundled queries by name for scripts, pages that agree with themselves, the organisation page,
the 404 page and page titles."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request

import pytest

from .serving import serving


@pytest.fixture(scope="module")
def served():
    with serving("--sparql-workers", "1", "--no-warm") as running:
        yield running


def get(served, path: str, accept: str | None = "text/html") -> tuple[int, str, str]:
    headers = {"Accept": accept} if accept is not None else {}
    request = urllib.request.Request(served.base + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode("utf-8")


def test_a_bundled_query_by_name_answers_by_accept_and_browsers_get_the_page(served):
    status, kind, body = get(served, "sparql?bundled=contacts", "text/csv")
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:4] == ["dataset", "kind", "authority", "email"] and "kasvatusjakoulutus@hel.fi" in body
    status, kind, body = get(served, "sparql?bundled=contacts", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["results"]["bindings"]
    status, kind, body = get(served, "sparql?bundled=contacts", None)  # no Accept: like any query, SPARQL JSON
    assert kind.startswith("application/sparql-results+json")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, kind, body = get(served, "sparql?bundled=contacts&lang=sv", browser)
    assert status == 200 and kind.startswith("text/html") and '<table class="results">' in body
    assert get(served, "sparql?bundled=no-such-query", "text/csv")[0] == 404
