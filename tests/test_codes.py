"""Every reason code the rules return (typed as a Literal) has its sentence: the template (or
the template tag) of its scheme names it. A code added to the rules without words fails here."""

from pathlib import Path
from typing import get_args

import pytest

from rules import appeal, deadlines
from rules.family_allowance import allowance, regions
from rules.learning_credit import credit
from rules.progression import fundability
from rules.study_efficiency import rule
from rules.tuition_nl import halving

ROOT = Path(__file__).resolve().parent.parent
SCHEMES = ROOT / "templates" / "schemes"
ADVICE = ROOT / "templates" / "advice"
ALLOWANCE = [*(SCHEMES / "family_allowance").rglob("*.html"),
             ROOT / "advisor" / "templatetags" / "allowance.py"]  # fmt: skip

# (the codes, the files that turn them into sentences, codes said through another answer)
CODES = {
    "learning-credit-rebuild-trigger": (credit.Trigger, [SCHEMES / "learning_credit"], {}),
    "learning-credit-outcome-share": (credit.Share, [SCHEMES / "learning_credit"], {}),
    "learning-credit-change-phase": (credit.Phase, [SCHEMES / "learning_credit"], {}),
    "learning-credit-bonus-state": (credit.BonusState, [SCHEMES / "learning_credit"], {}),
    "learning-credit-sufficiency": (credit.Sufficiency, [SCHEMES / "learning_credit"], {}),
    "study-efficiency-state": (rule.State, [SCHEMES / "study_efficiency"], {}),
    "family-allowance-reason": (regions.Reason, ALLOWANCE, {}),
    "family-allowance-basis": (allowance.Basis, ALLOWANCE, {}),
    "family-allowance-next-year": (allowance.WhatIfBasis, ALLOWANCE, {}),
    "progression-reason": (fundability.Reason, [SCHEMES / "progression"], {}),
    # with `all`, the student may leave block 1: the page says so through may_leave_block1
    "progression-band": (fundability.Band, [SCHEMES / "progression"], {"all"}),
    "progression-regime": (fundability.Regime, [SCHEMES / "progression"], {"glatigny"}),
    "tuition-no-halving": (halving.NoHalving, [SCHEMES / "tuition_halving"], {}),
    "tuition-no-second-window": (halving.NoSecondWindow, [SCHEMES / "tuition_halving"], {}),
    "deadline": (deadlines.Code, [ADVICE / "deadlines.html"], {}),
    "appeal-ground": (appeal.GroundCode, [ADVICE / "appeal.html"], {}),
}


def text_of(paths) -> str:
    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*.html")))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


@pytest.mark.parametrize("codes, paths, elsewhere", CODES.values(), ids=CODES.keys())
def test_every_code_has_a_sentence(codes, paths, elsewhere):
    text = text_of(paths)
    missing = [code for code in get_args(codes) if f'"{code}"' not in text]
    assert set(missing) <= set(elsewhere), missing


def test_the_check_finds_a_code_without_words(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('{% if x == "first-enrolment" %}…{% endif %}')
    assert '"milestone-missed"' not in text_of([page])
