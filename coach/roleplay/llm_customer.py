"""The customer played by the configured model. The scripted engine still decides the beat (which
fact may be revealed, whether an offer is accepted); the model only words it, and its reply is
checked so that it never gives away a fact the trainee has not uncovered. When the model fails or
keeps breaking the rules, the scripted line is used and the reason recorded. What the model is told
to do with each beat is data: prompts/llm/roleplay_directions.yaml.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, model_validator

from coach.config import Settings
from coach.datafile import load_yaml_model
from coach.guard import Facts, Guard, GuardContext, guard_for
from coach.llm.blocks import defang, language_name
from coach.roleplay.customer import describe
from coach.roleplay.models import Beat, CustomerReply, CustomerState
from coach.roleplay.personas import Persona

DIRECTIONS_FILE = "roleplay_directions.yaml"  # under prompts/llm/


class Directions(BaseModel):
    """prompts/llm/roleplay_directions.yaml: what the model is told to do with each beat."""

    model_config = ConfigDict(extra="forbid")

    directions: dict[Beat, str]

    @model_validator(mode="after")
    def _every_beat(self) -> Directions:
        if missing := sorted(set(get_args(Beat)) - set(self.directions)):
            raise ValueError(f"no direction for the beats {missing}")
        return self


@lru_cache(maxsize=4)
def _directions(path: str, stamp: float) -> dict[str, str]:
    loaded = load_yaml_model(Path(path), Directions, "role-play directions").directions
    return {str(beat): text for beat, text in loaded.items()}


def directions(prompts_dir: Path) -> dict[str, str]:
    """The directions per beat, reloaded when the file changes."""
    path = Path(prompts_dir) / "llm" / DIRECTIONS_FILE
    return _directions(str(path), path.stat().st_mtime if path.exists() else 0.0)


def persona_block(persona: Persona, state: CustomerState, allowed: list[str]) -> str:
    a = persona.account
    told = [persona.fact_map[f].text for f in state.revealed if f not in allowed]
    hidden = [f.text for f in persona.facts if f.id not in state.revealed]
    lines = [
        f"You are {a.contact.name or 'the customer'} ({a.contact.role or 'decision maker'}) at {a.name}.",
        f"What you asked for at the start: {persona.opening}",
        "Facts you have already told the CSM: " + (" | ".join(told) or "none yet"),
        "HIDDEN facts (never say or hint at these unless the DIRECTION block allows one): "
        + (" | ".join(hidden) or "none"),
        f"How firm you are: you tolerate {persona.acceptance.patience} pushback(s) before giving up.",
        "Offers the CSM has made (never ask for one of these again): "
        + (" | ".join(f"{describe(persona, o.offer)} -> you said: {o.verdict.replace('_', ' ')}"
                      for o in state.offers) or "none yet"),
        "Agreed: " + (describe(persona, state.agreed) if state.agreed and "move" not in state.agreed else
                      str(state.agreed["move"]) if state.agreed else "nothing yet"),
    ]
    if persona.competitor:
        lines.append(f"Competitor you are considering: {persona.competitor}")
    return "\n".join(lines)


def direction_block(persona: Persona, reply: CustomerReply, prompts_dir: Path) -> str:
    fact = persona.fact_map[reply.revealed[0]].text if reply.revealed else ""
    base = directions(prompts_dir)[reply.beat].format(fact=fact, max_mrr=f"{persona.acceptance.max_mrr or 0:,.0f}",
                                         max_term=persona.acceptance.max_term_months)
    if reply.revealed and reply.beat != "reveal":
        base = f"First answer their question with this fact, in your own words: {fact}\nThen: {base}"
    return f"{base}\nWhat the scripted customer would say (you may reword it): {reply.text}"


def account_block(persona: Persona) -> str:
    a = persona.account
    services = ", ".join(s.name for s in a.services) or "-"
    return f"company: {a.name}\nsegment: {a.segment}\nservices: {services}"


TASK = "roleplay_customer"


def check_reply(text: str, language: str, forbidden: dict[str, list[str]], guard: Guard) -> list[str]:
    """Problems with a customer reply, worded for the model: the one guard's role-play rule set."""
    ctx = GuardContext(stage="roleplay_customer", part="reply", facts=Facts(), language=language,
                       hidden_facts=forbidden)
    problems = []
    for v in guard.check(text, ctx):
        if v.id == "hidden_fact":
            problems.append(f"the reply gives away the hidden fact {v.reason.rsplit(': ', 1)[-1]} (it says "
                            f"'{v.excerpt}'); the CSM has not asked about it yet, so do not mention or hint at it")
        elif v.id == "out_of_character":
            problems.append("the reply breaks character; answer only as the customer")
        elif v.id == "wrong_language":
            problems.append(f"the reply must be in {language_name(language)}")
        else:
            problems.append(str(v))
    return problems


def variables(persona: Persona, state: CustomerState, reply: CustomerReply, history: list[tuple[str, str]],
              csm_message: str, prompts_dir: Path) -> dict[str, str]:
    """The prompt's blocks (prompts/llm/roleplay_customer.md); the CSM's words and the history as data."""
    return {
        "language_name": language_name(persona.language),
        "persona_block": persona_block(persona, state, reply.revealed),
        "direction_block": direction_block(persona, reply, prompts_dir),
        "account_block": defang(account_block(persona), 1500),
        "history_block": "\n".join(f"{who}: {defang(text, 800)}" for who, text in history[-8:]) or "(none)",
        "csm_message_block": defang(csm_message),
    }


class ModelCustomer:
    """Words the scripted customer's beats with the configured model; falls back to the script.

    One task of the model seam: the guard's role-play rule set (with the facts not yet uncovered) is
    the check, the scripted line the fallback."""

    def __init__(self, settings: Settings, model: Any = None) -> None:
        self.settings, self._model = settings, model

    def word(self, persona: Persona, state: CustomerState, reply: CustomerReply,
             history: list[tuple[str, str]], trainee_text: str) -> CustomerReply:
        from coach.llm import Budget, ModelWriter, Task  # LangChain loads only when a model plays the customer

        forbidden = {f.id: list(f.keywords) for f in persona.facts
                     if f.id not in state.revealed and f.keywords}
        guard = guard_for(self.settings)
        out = ModelWriter(self.settings, self._model).write(Task(
            TASK, variables(persona, state, reply, history, trainee_text, self.settings.prompts_dir),
            check=lambda o: check_reply(o.reply, persona.language, forbidden, guard),
            take=lambda o: reply.model_copy(update={"text": o.reply.strip(), "source": "llm"}),
            fallback=lambda: reply, budget=Budget(self.settings.llm_total_timeout),
        ))
        if out.fallback is not None:
            return reply.model_copy(update={"fallback": out.fallback.splitlines()[0][:300]})
        return out.value
