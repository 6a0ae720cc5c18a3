"""Accounts: the account file (contract section 1) and the figures derived from it."""

from coach.accounts.derived import AccountFigures, add_months, complete_months_between, derive
from coach.accounts.loader import load_account, parse_account
from coach.accounts.model import Account, Contact, Contract, Service

__all__ = [
    "Account", "Contact", "Contract", "Service", "AccountFigures",
    "load_account", "parse_account", "derive", "complete_months_between", "add_months",
]
