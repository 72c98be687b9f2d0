"""Function views: read the answers from the query string, call the rules, render."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, get_language_from_request
from django.views.decorators.vary import vary_on_headers

from rules.advice import advise
from rules.scenario import ScenarioError, parse_scenario

from . import forms as f
from . import shortlink
from .errors import field_name, scenario_errors, step_of_path
from .explain import topic_context
from .querystring import MAX_ROWS, ROW_KEY, to_data, whole_number
from .wizard import (
    encoded,
    follow_ups,
    next_step,
    previous_step,
    rows_of,
    state_of,
    steps_for,
    with_rows,
)


def root(request):
    return redirect(reverse("start").replace("/nl/", f"/{get_language_from_request(request)}/"))


def bare(request):
    return HttpResponse("ok")


def start(request):
    return render(
        request, "advice/start.html", {"first_step": steps_for(state_of(request.GET))[0]}
    )


def url(name: str, state, **control) -> str:
    """The URL of a step ('check', 'result' or a step name) carrying the answers, plus
    control keys (never answers, so no key is repeated)."""
    return encoded_url(name, encoded(state), **control)


def encoded_url(name: str, answers: str, **control) -> str:
    """`url` for answers already encoded: pages that link every step encode them once."""
    base = _path(name, get_language())
    query = "&".join(part for part in (answers, urlencode(control)) if part)
    return f"{base}?{query}" if query else base


@lru_cache(maxsize=64)
def _path(name: str, language: str) -> str:
    """A page's path in the active language (reversed once: every answer links each step)."""
    return reverse(name) if name in ("check", "result") else reverse("step", args=[name])


def _after(step: str, state, request) -> str:
    if request.GET.get("return") == "check":
        return url("check", state)
    following = next_step(step, state)
    return url(following, state) if following else url("check", state)


@vary_on_headers("HX-Request")
def step(request, name):
    if name != "years" and name not in f.STEPS:
        raise Http404
    if "lang" in request.GET:
        return _in_language(request, name)
    if name == "years":
        return years(request)
    state = state_of(request.GET)
    form_class = f.STEPS[name]
    kwargs = form_class.options(state, timezone.localdate())
    status = 200
    if "go" in request.GET:
        form = form_class(request.GET, **kwargs)
        if form.is_valid():
            return redirect(_after(name, state, request))
        status = 400
    else:
        form = form_class(initial=state.dict(), **kwargs)
    return render(
        request, "advice/step.html", _step_context(request, name, state, form), status=status
    )


def _in_language(request, name):
    """A step form's language button (`lang`, for browsers without JavaScript, which cannot
    rewrite the language links): the same step in that language, with what was typed on it,
    neither checked nor saved. An unknown language keeps the page's own."""
    language = request.GET["lang"]
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    control = {"return": "check"} if request.GET.get("return") == "check" else {}
    with translation.override(language):
        return redirect(url(name, state_of(request.GET), **control))


def _step_context(request, name, state, form, row_forms=(), **more) -> dict:
    own = set(form.fields) if form else {key for key in state if ROW_KEY.match(key)}
    previous = previous_step(name, state)
    steps = steps_for(state)
    forms_with_errors = [x for x in [form, *row_forms] if x is not None and x.errors]
    return {
        "step": name,
        "form": form,
        "row_forms": row_forms,
        "title": form.title if form else f.YEARS_TITLE,
        "step_number": steps.index(name) + 1 if name in steps else 1,
        "steps": steps,
        "hidden": [(k, v) for k, values in state.lists() if k not in own for v in values],
        "back_url": url(previous, state) if previous else reverse("start"),
        "returning": request.GET.get("return") == "check",
        "forms_with_errors": forms_with_errors,
        "has_errors": bool(forms_with_errors),
        **more,
    }


def _row_forms(rows: list[dict], state, *, bound: bool):
    today = timezone.localdate()
    return [
        f.EnrolmentRowForm(state if bound else None, index=i, today=today, initial=row)
        for i, row in enumerate(rows or [{}])
    ]


@vary_on_headers("HX-Request")
def years(request):
    state = state_of(request.GET)
    rows = rows_of(state)
    focus = None
    if "add" in request.GET and len(rows) < MAX_ROWS:
        rows = (rows or [{}]) + [{}]
    elif (drop := whole_number(request.GET.get("remove", ""))) is not None:
        rows = [r for i, r in enumerate(rows) if i != drop]
        focus = "add-button"
    state = with_rows(state, rows)
    submitted = "go" in request.GET
    row_forms = _row_forms(rows, state, bound=submitted)
    if "add" in request.GET:
        row_forms[-1].fields["y"].widget.attrs["autofocus"] = True
    status = 200
    if submitted:
        if all(form.is_valid() for form in row_forms) and not _add_scenario_errors(
            state, row_forms
        ):
            return redirect(_after("years", state, request))
        status = 400
    context = _step_context(
        request,
        "years",
        state,
        None,
        row_forms=row_forms,
        focus=focus,
        can_add=len(rows) < MAX_ROWS,
    )
    if request.htmx and not submitted:
        return render(request, "advice/step.html#rows", context)
    return render(request, "advice/step.html", context, status=status)


def _add_scenario_errors(state, row_forms) -> bool:
    """Put the scenario's cross-field errors on the rows; True when there were any."""
    try:
        parse_scenario(to_data(state), today=timezone.localdate())
    except ScenarioError as exc:
        found = False
        for index, key, message in scenario_errors(exc):
            if index is not None and index < len(row_forms) and key in row_forms[index].fields:
                row_forms[index].add_error(key, message)
                found = True
        return found
    return False


def _answer_sections(state, scenario=None, answers=None) -> list[dict]:
    """Each step on the path with its answers (or None when not validly answered) and a
    Change link that returns to the check page. `scenario`: the answers passed the scenario's
    validation already (the result page), so no form needs to check them again; `answers`:
    the state already encoded."""
    today = timezone.localdate()
    answers = encoded(state) if answers is None else answers
    valid = scenario is not None
    questions = follow_ups(state, scenario) if valid else None
    sections = []
    for name in steps_for(state, questions):
        change_url = encoded_url(name, answers, **{"return": "check"})
        if name == "years":
            rows = rows_of(state)
            ok = bool(rows) and (
                valid or all(form.is_valid() for form in _row_forms(rows, state, bound=True))
            )
            sections.append(
                {
                    "step": name,
                    "ok": ok,
                    "change_url": change_url,
                    "rows": [f.row_summary(row) for row in rows] if ok else None,
                }
            )
            continue
        form_class = f.STEPS[name]
        if valid:
            ok, summary = True, form_class.valid_summary(state, today, questions)
        else:
            form = form_class(state, **form_class.options(state, today))
            ok = form.is_valid()
            summary = form.summary() if ok else None
        sections.append(
            {
                "step": name,
                "title": form_class.title,
                "ok": ok,
                "summary": summary,
                "change_url": change_url,
            }
        )
    return sections


def check(request):
    state = state_of(request.GET)
    sections = _answer_sections(state)
    return render(
        request,
        "advice/check.html",
        {
            "sections": sections,
            "result_url": url("result", state),
            "complete": all(s["ok"] for s in sections),
            "back_url": url(steps_for(state)[-1], state),
        },
    )


def result(request):
    state = state_of(request.GET)
    try:
        scenario = parse_scenario(to_data(state), today=timezone.localdate())
    except ScenarioError as exc:
        today = state.copy()
        today.pop("on", None)
        problems = [
            {
                "field": field_name(index, key),
                "message": message,
                "url": url("result", today)
                if key == "on"
                else url(step_of_path(index, key), state),
            }
            for index, key, message in scenario_errors(exc)
        ]
        return render(
            request,
            "advice/invalid.html",
            {"problems": problems, "check_url": url("check", today)},
            status=400,
        )
    advice = advise(scenario)
    answers = encoded(state)
    code = shortlink.encode(state)
    permalink = request.build_absolute_uri(reverse("short", args=[code]) if code else None)
    return render(
        request,
        "advice/result.html",
        {
            **topic_context(advice),
            "check_url": encoded_url("check", answers),
            "sections": _answer_sections(state, scenario, answers),
            "permalink": permalink,
        },
    )


def bad_request(request, exception):
    """Django refused the request before a view could read it: most often an address with far
    more answers than the advisor takes (over a thousand query fields)."""
    return render(request, "400.html", {"max_rows": MAX_ROWS}, status=400)


def short_in_capitals(request, language, code):
    """`/NL/R/FF.F60/...`, the QR code's capitals: the same short link in small letters."""
    language = language.lower()
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        return redirect(reverse("short", args=[code.lower()]))


def short(request, code):
    """The short permalink: back to the full result URL, every answer restored. A link that is
    cut off or mistyped gets a page that says what could be read of it."""
    reading = shortlink.read(code)
    if reading.complete:
        return redirect(url("result", reading.state))
    return render(
        request,
        "advice/incomplete_link.html",
        {
            "reading": reading,
            "check_url": url("check", reading.state) if reading.state is not None else None,
        },
        status=404,
    )
