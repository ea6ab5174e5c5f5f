"""The rule book's content: every short answer and rule as the attorneys review it, and the first
messages staff send visitors (intake.desk_messages).

For each item: its condition in one plain sentence, its sources, and each different wording that
visitors can read, in every language side by side, with plain words for who reads it (only when
there is more than one wording). Each item also carries the record an approval stores and the hash
of that record, which says whether an approval still matches the wording.

The wording cannot change while the process runs (templates and translations load at start, and
intake.guidance_text keeps each rendered wording, as the visitor's pages do), so the whole book is
computed once per process and per firm details. The first computation took about 0.5 s on the
development machine (0.34 s to find who reads what among the 22,050 sample answers of
intake.audiences, 0.19 s to render the 185 different wordings of the 56 items in two languages);
later calls take microseconds, so the admin home's count costs one small query.

Belongs here: rendering and hashing the wording. Not here: which visitors read what
(intake.audiences), the approvals themselves (intake.services.approvals), the page (the view).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from guidance.rules import RULES
from guidance.short_answers import SHORT_ANSWERS
from guidance.vocabulary import Group
from intake import desk_messages
from intake.audiences import Flags, describe, differing_terms, reachable_flags
from intake.guidance_text import WORDING_TERMS, answer_wording, rule_wording
from intake.models.approvals import WordingApproval
from intake.sources import source_titles

RULE = str(WordingApproval.Kind.RULE)
ANSWER = str(WordingApproval.Kind.ANSWER)
MESSAGE = str(WordingApproval.Kind.MESSAGE)

# When staff use each first message (the rule book's "Shown when").
MESSAGE_CONDITIONS = {
    desk_messages.TEXT: "Staff copy it from the intake page to send the first text message, when the visitor "
    "asked for text messages. The discreet wording is for a visitor who said not to say who is calling.",
    desk_messages.EMAIL: "Staff copy it from the intake page to send the first email, when the visitor asked "
    "for email. The discreet wording is for a visitor who said not to say who is calling; its first line "
    "is the subject.",
}


@dataclass(frozen=True)
class Text:
    language: str
    title: str  # empty for a short answer
    body: str


@dataclass(frozen=True)
class Wording:
    audiences: tuple[str, ...]  # plain words for who reads it; empty when the item has one wording
    texts: tuple[Text, ...]  # one per language, in settings.LANGUAGES order


@dataclass(frozen=True)
class Item:
    kind: str
    id: str
    group: Group | None  # a rule's group; None for a short answer or a first message
    condition: str
    sources: tuple[tuple[str, tuple[str, ...]], ...]  # (language, titles), one per language
    wordings: tuple[Wording, ...]
    reached: bool  # some valid answers show it (the fallback short answer is reached by none)
    record: dict  # what an approval stores: everything the hash covers
    wording_hash: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"


def book() -> tuple[Item, ...]:
    """Every short answer (in the order they are tried), then every rule (in catalogue order), then
    the first messages."""
    languages = tuple(code for code, _ in settings.LANGUAGES)
    return _compute_book((settings.FIRM_NAME, settings.FIRM_PHONE), languages)


def items_by_key() -> dict[tuple[str, str], Item]:
    return {item.key: item for item in book()}


@functools.lru_cache(maxsize=2)
def _compute_book(firm: tuple[str, str], languages: tuple[str, ...]) -> tuple[Item, ...]:
    rule_flags, answer_flags = reachable_flags()
    answers = [
        _item(ANSWER, answer, None, answer_flags.get(answer.id, frozenset()), languages, _answer_text)
        for answer in SHORT_ANSWERS
    ]
    rules = [
        _item(RULE, rule, rule.group, rule_flags.get(rule.id, frozenset()), languages, _rule_text)
        for rule in RULES
    ]
    messages = [_message_item(kind, languages) for kind in desk_messages.KINDS]
    return tuple(answers + rules + messages)


def _message_item(kind: str, languages) -> Item:
    """A first message: one wording per variant (discreet or not, to the visitor or to the person a
    helper asked us to contact), with placeholders where the intake page puts the names."""
    wordings = tuple(
        Wording(
            (variant.audience,),
            tuple(
                Text(language, message.subject, message.body)
                for language in languages
                for message in (desk_messages.wording(kind, language, variant),)
            ),
        )
        for variant in desk_messages.VARIANTS
    )
    record = {
        "kind": MESSAGE,
        "id": f"first-{kind}",
        "condition": MESSAGE_CONDITIONS[kind],
        "sources": {language: [] for language in languages},
        "wordings": [
            {
                "audiences": [{"discreet": variant.discreet, "for_person_helped": variant.for_person_helped}],
                **{text.language: {"title": text.title, "body": text.body} for text in wording.texts},
            }
            for variant, wording in zip(desk_messages.VARIANTS, wordings, strict=True)
        ],
    }
    return Item(
        kind=MESSAGE,
        id=f"first-{kind}",
        group=None,
        condition=MESSAGE_CONDITIONS[kind],
        sources=tuple((language, ()) for language in languages),
        wordings=wordings,
        reached=True,
        record=record,
        wording_hash=wording_hash(record),
    )


def _firm() -> tuple[str, str]:
    return (settings.FIRM_NAME, settings.FIRM_PHONE)


def _rule_text(item_id: str, flags: Flags, language: str) -> Text:
    title, body = rule_wording(item_id, flags, language, _firm())
    return Text(language, title, body)


def _answer_text(item_id: str, flags: Flags, language: str) -> Text:
    return Text(language, "", answer_wording(item_id, flags, language, _firm()))


def _item(kind, entry, group, reached: frozenset[Flags], languages, render) -> Item:
    audiences = sorted(reached)
    # The fallback that no valid answers reach is still shown, as worded for the person themselves.
    rendered = audiences or [tuple(False for _ in WORDING_TERMS)]
    by_text: dict[tuple[Text, ...], list[Flags]] = {}
    for flags in rendered:
        texts = tuple(render(entry.id, flags, language) for language in languages)
        by_text.setdefault(texts, []).append(flags)
    several = len(by_text) > 1
    wordings = tuple(
        Wording(tuple(describe(group_flags, audiences)) if several else (), texts)
        for texts, group_flags in by_text.items()
    )
    sources = []
    for language in languages:
        with translation.override(language):
            sources.append((language, tuple(str(title) for title in source_titles(entry.sources))))
    record = _record(kind, entry, tuple(sources), by_text, audiences)
    return Item(
        kind=kind,
        id=entry.id,
        group=group,
        condition=entry.condition,
        sources=tuple(sources),
        wordings=wordings,
        reached=bool(audiences),
        record=record,
        wording_hash=wording_hash(record),
    )


def _record(kind, entry, sources, by_text, audiences: Sequence[Flags]) -> dict:
    """The approved text, for the record: the condition, the sources and each wording with the flags
    (only those that tell this item's audiences apart) of the visitors who read it."""
    positions = differing_terms(audiences) if audiences else ()
    return {
        "kind": kind,
        "id": entry.id,
        "condition": entry.condition,
        "sources": {language: list(titles) for language, titles in sources},
        "wordings": [
            {
                "audiences": [
                    {WORDING_TERMS[i]: flags[i] for i in positions} for flags in group_flags if audiences
                ],
                **{text.language: {"title": str(text.title), "body": str(text.body)} for text in texts},
            }
            for texts, group_flags in by_text.items()
        ],
    }


def wording_hash(record: dict) -> str:
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
