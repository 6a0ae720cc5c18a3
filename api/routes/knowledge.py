"""Knowledge: search the playbooks, open a cited passage, ingest documents (admin keys only)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import SettingsDep, require_admin
from api.errors import NOT_FOUND
from api.schemas import ErrorOut, HitOut, IngestIn, IngestOut, PassageOut, SearchIn, SearchOut
from coach.store.repo import NotFoundError

router = APIRouter(prefix="/v1/knowledge", tags=["knowledge"])


@router.post("/search", response_model=SearchOut, summary="Search the playbooks")
def search(body: SearchIn, settings: SettingsDep) -> SearchOut:
    from coach.knowledge.search import search as run_search

    hits = run_search(body.query, body.k, settings=settings)
    return SearchOut(hits=[HitOut(source=h.source, section=h.section, text=h.text, score=h.score)
                           for h in hits])


@router.get("/passage", response_model=PassageOut, responses=NOT_FOUND,
            summary="The text of a cited passage (source file and section)")
def passage(
    settings: SettingsDep,
    source: Annotated[str, Query(min_length=1, max_length=200)],
    section: Annotated[str, Query(min_length=1, max_length=300)],
) -> PassageOut:
    from coach.knowledge.search import search as run_search

    # The section title is the best query for its own chunks; keep the ones of this source/section.
    hits = [h for h in run_search(section, 20, settings=settings)
            if h.source == source and h.section == section]
    if not hits:
        raise NotFoundError(f"no passage {section!r} in {source!r}", field="section")
    text = "\n\n".join(dict.fromkeys(h.text for h in hits))
    return PassageOut(source=source, section=section, text=text)


@router.post("/ingest", response_model=IngestOut, status_code=201, dependencies=[Depends(require_admin)],
             responses={403: {"model": ErrorOut, "description": "Needs an admin key"}},
             summary="Add playbook documents to the index (admin)")
def ingest(body: IngestIn, settings: SettingsDep) -> IngestOut:
    from coach.knowledge.search import ingest as run_ingest

    folder = settings.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in body.documents:
        name = re.sub(r"[^A-Za-z0-9._-]", "-", doc.name)  # the schema already forbids paths
        path = folder / name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    report = run_ingest(paths, settings=settings)
    return IngestOut(files=report.files, chunks=report.chunks, added=report.added, removed=report.removed,
                     unchanged=report.unchanged, seconds=round(report.seconds, 3))
