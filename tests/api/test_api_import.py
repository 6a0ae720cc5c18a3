"""POST /v1/accounts/import: a CRM CSV in, good rows stored, bad rows named; nothing good is a 422."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.signals.test_account_import import CRM_CSV


def test_import_csv_stores_good_rows_and_names_bad_ones(client: TestClient) -> None:
    r = client.post("/v1/accounts/import", params={"today": "2026-11-20"},
                    files={"file": ("crm-export.csv", CRM_CSV.encode(), "text/csv")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [a["id"] for a in body["imported"]] == ["acme-dental", "northwind"]
    assert [(e["line"], e["field"]) for e in body["errors"]] == [
        (4, "contract.start_date"), (5, "list_mrr"), (6, "contract.start_date")]
    listed = client.get("/v1/accounts", params={"today": "2026-11-20"}).json()["accounts"]
    assert {a["id"] for a in listed} == {"acme-dental", "northwind"}


def test_import_with_no_good_row_is_422_naming_line_and_field(client: TestClient) -> None:
    bad = "Account ID,Account Name\nx,\n"
    r = client.post("/v1/accounts/import", files={"file": ("a.csv", bad.encode(), "text/csv")})
    assert r.status_code == 422
    assert r.json() == {"error": "name: Field required (line 2 of a.csv)", "field": "name"}
    r = client.post("/v1/accounts/import", files={"file": ("a.csv", b"\xff\xfe\x00", "text/csv")})
    assert r.status_code == 422 and r.json() == {"error": "file: a.csv: not UTF-8 text", "field": "file"}
