"""A short, stateless form of the answers, short enough to type from paper:

    /nl/r/ff.200503.f60/23ba60.45t6/24ba60.60d/

First segment: residence and system letters, then optional `.YYYYMM` (birth month), `.fN`
(credits still needed), `.oYYYY-MM-DD` (a fixed advice date) and `.n` (an earlier enrolment in
Dutch higher education before 2018-2019). One segment per enrolment row:
two-digit start year (`23` = 2023-2024; 80-99 = 1980s-1990s), an optional system letter when it
differs from the default, the programme code, credits taken, then optionally `.earned`,
`tN` tolerated, `bN` block-1 (first-year) credits earned, `d` degree obtained, `f` final year,
`c` changed programme, `sMM`/`uMM` first/last month, `q` teacher training and `k`/`x` for a
credit or exam contract. Dots, not hyphens: a hyphen at the end of a printed
line reads as a word break. Opening it redirects to the full result URL, so every
answer is back in the wizard.
"""

from __future__ import annotations

import re

from django.http import QueryDict

from .wizard import rows_of

RESIDENCES = {
    "flanders": "f",
    "brussels": "b",
    "wallonia": "w",
    "german-community": "g",
    "netherlands": "n",
    "elsewhere": "e",
}
SYSTEMS = {"flanders": "f", "french-community": "c", "netherlands": "n"}
PROGRAMMES = {
    "bachelor": "ba",
    "master": "ma",
    "graduaat": "gr",
    "associate-degree": "ad",
    "bridging": "br",
    "preparatory": "pr",
    "advanced-bachelor": "bb",
    "advanced-master": "mm",
    "teacher-training-short": "te",
    "postgraduate": "pg",
    "doctorate": "do",
}
CONTRACTS = {"credit": "k", "exam": "x"}

HEAD = re.compile(
    r"^(?P<r>[fbwgne])(?P<s>[fcn])(?:\.(?P<b>\d{6}))?(?:\.f(?P<f>\d{1,3}))?"
    r"(?:\.o(?P<on>\d{4}-\d{2}-\d{2}))?(?P<nb>\.n)?$",
    re.ASCII,
)
ROW = re.compile(
    r"^(?P<y>\d{2})(?P<x>[fcn]?)(?P<p>[a-z]{2})(?P<t>\d{1,3})(?:\.(?P<e>\d{1,3}))?"
    r"(?:t(?P<l>\d{1,3}))?(?:b(?P<b>\d{1,3}))?(?P<d>d)?(?P<z>f)?(?P<c>c)?"
    r"(?:s(?P<sm>\d{2}))?(?:u(?P<em>\d{2}))?(?P<q>q)?(?P<k>[kx])?$",
    re.ASCII,
)


def _reverse(mapping: dict) -> dict:
    return {code: name for name, code in mapping.items()}


RESIDENCE_OF, SYSTEM_OF, PROGRAMME_OF, CONTRACT_OF = map(
    _reverse, (RESIDENCES, SYSTEMS, PROGRAMMES, CONTRACTS)
)


def encode(state: QueryDict) -> str | None:
    """The short code for a complete set of answers, or None when something cannot be coded."""
    try:
        head = RESIDENCES[state["r"]] + SYSTEMS[state["s"]]
        if state.get("by") and state.get("bm"):
            head += f".{int(state['by']):04d}{int(state['bm']):02d}"
        if state.get("f"):
            head += f".f{int(state['f'])}"
        if state.get("on"):
            head += f".o{state['on']}"
        if state.get("nb"):
            head += ".n"
        segments = [head] + [_row(row) for row in rows_of(state)]
    except (KeyError, ValueError):
        return None
    code = "/".join(segments)
    return code if decode(code) is not None else None


def _row(row: dict[str, str]) -> str:
    def get(key):
        return row.get(key, "")

    system = get("x")
    text = f"{get('y')[2:4]}{SYSTEMS[system] if system else ''}{PROGRAMMES[get('p')]}"
    text += str(int(get("t")))
    if get("e"):
        text += f".{int(get('e'))}"
    if get("l"):
        text += f"t{int(get('l'))}"
    if get("b"):
        text += f"b{int(get('b'))}"
    text += "d" if get("d") else ""
    text += "f" if get("z") else ""
    text += "c" if get("c") else ""
    text += f"s{int(get('sm')):02d}" if get("sm") else ""
    text += f"u{int(get('em')):02d}" if get("em") else ""
    text += "q" if get("q") else ""
    text += CONTRACTS.get(get("k"), "")
    return text


def decode(code: str) -> QueryDict | None:
    """The answers as a query, or None when the code is not well-formed."""
    head, *rows = code.strip("/").split("/")
    m = HEAD.match(head)
    if not m:
        return None
    state = QueryDict(mutable=True)
    state["r"] = RESIDENCE_OF[m["r"]]
    state["s"] = SYSTEM_OF[m["s"]]
    if m["b"]:
        state["by"], state["bm"] = m["b"][:4], m["b"][4:]
    for key in ("f", "on"):
        if m[key]:
            state[key] = m[key]
    if m["nb"]:
        state["nb"] = "1"
    for i, text in enumerate(rows):
        row = ROW.match(text)
        if not row or row["p"] not in PROGRAMME_OF:
            return None
        yy = int(row["y"])
        start = (1900 if yy >= 80 else 2000) + yy
        state[f"y{i}"] = f"{start}-{start + 1}"
        state[f"p{i}"] = PROGRAMME_OF[row["p"]]
        state[f"t{i}"] = row["t"]
        if row["x"]:
            state[f"x{i}"] = SYSTEM_OF[row["x"]]
        for key in ("e", "l", "b", "sm", "em"):
            if row[key]:
                state[f"{key}{i}"] = row[key]
        for key in ("d", "z", "c", "q"):
            if row[key]:
                state[f"{key}{i}"] = "1"
        if row["k"]:
            state[f"k{i}"] = CONTRACT_OF[row["k"]]
    return state
