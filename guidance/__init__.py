"""The guidance rules: which parts of the firm's article apply to a visitor's answers.

A pure Python package: answers and today's date in, rule ids, groups, triage priority and
the rule-set version out. No Django, no database, no requests: the web side lives in
``intake`` and the wording of each rule in ``templates/guidance/rules/``.
"""

from guidance.answers import Answers
from guidance.engine import RULESET_VERSION, Evaluation, evaluate

__all__ = ["RULESET_VERSION", "Answers", "Evaluation", "evaluate"]
