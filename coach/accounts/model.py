"""Pydantic models for the account file. Unknown fields are kept, never rejected."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.bounds import Count, Day, Money, PositiveMoney

Segment = Literal["smb", "mid_market", "enterprise"]
Hardship = Literal["natural_disaster", "financial"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Contract(_Open):
    start_date: Day
    term_months: int = Field(gt=0, le=120)
    agreement_type: str = "standard"


class Service(_Open):
    name: str = Field(min_length=1)
    mrr: Money
    core: bool = False


class Contact(_Open):
    name: str = ""
    role: str = ""
    decision_maker: bool | None = None
    timezone: str | None = None


class Account(_Open):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    segment: Segment = "smb"
    contract: Contract
    list_mrr: PositiveMoney
    mrr: Money
    seats: Count | None = None
    services: list[Service] = Field(default_factory=list)
    hardship: Hardship | None = None
    contact: Contact = Field(default_factory=Contact)
    language: str = "en"
    currency: str = "USD"
