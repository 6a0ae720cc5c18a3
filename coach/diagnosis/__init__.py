"""Diagnosis: what the customer asks for and why, read offline from a free-text message."""

from coach.diagnosis.classifier import diagnose, service_aliases
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
from coach.diagnosis.questions import questions_for

__all__ = ["Diagnosis", "REQUEST_KINDS", "ROOT_CAUSES", "diagnose", "questions_for", "service_aliases"]
