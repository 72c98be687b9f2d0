"""Function views: read the answers from the query string, call the rules, render."""

from __future__ import annotations

import logging
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_from_request, gettext
from django.views.decorators.cache import cache_control, never_cache

from rules.advice import advise
from rules.appeal import appeal_sheet
from rules.deadlines import deadlines
from rules.plans import compare
from rules.scenario import ScenarioError, parse_scenario

from . import forms as f
from . import shortlink
from .context_processors import SITE_NAME
from .errors import field_name, scenario_errors, step_of_path
from .explain import topic_context
from .language import current_language
from .planner import planner_for
from .querystring import MAX_ROWS, row_indices, to_data, whole_number
from .wizard import (
    encoded,
    follow_ups,
    next_step,
    previous_step,
    query_of,
    question_count,
    rows_of,
    state_of,
    steps_for,
    with_rows,
)


def root(request):
    return redirect(reverse("start").replace("/nl/", f"/{get_language_from_request(request)}/"))


def bare(request):
    return HttpResponse("ok")


@never_cache
def healthz(request):
    """For a load balancer or a monitor: the site answers. No database, no language prefix."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def start(request):
    return render(
        request, "advice/start.html", {"first_step": steps_for(state_of(query_of(request)))[0]}
    )


def url(name: str, state, **control) -> str:
    """The URL of a step ('check', 'result' or a step name) carrying the answers, plus
    control keys (never answers, so no key is repeated)."""
    return encoded_url(name, encoded(state), **control)


def encoded_url(name: str, answers: str, **control) -> str:
    """`url` for answers already encoded: pages that link every step encode them once."""
    base = _path(name, current_language())
    query = "&".join(part for part in (answers, urlencode(control)) if part)
    return f"{base}?{query}" if query else base


# The pages with a name of their own; every other name is a wizard step's.
NAMED_PAGES = ("check", "result", "result_ics", "appeal_sheet")


@lru_cache(maxsize=64)
def _path(name: str, language: str) -> str:
    """A page's path in the active language (reversed once: every answer links each step)."""
    return reverse(name) if name in NAMED_PAGES else reverse("step", args=[name])


def _after(step: str, state, request) -> str:
    if request.GET.get("return") == "check":
        return url("check", state)
    following = next_step(step, state)
    return url(following, state) if following else url("check", state)


def step(request, name):
    if name != "years" and name not in f.STEPS:
        raise Http404
    if "lang" in request.GET:
        return _in_language(request, name)
    if name == "years":
        return years(request)
    state = state_of(query_of(request))
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
        language = current_language()
    control = {"return": "check"} if request.GET.get("return") == "check" else {}
    if whole_number(request.GET.get("row", "")) is not None:
        control["row"] = request.GET["row"]  # the years step: the same row's page
    with translation.override(language):
        return redirect(url(name, state_of(query_of(request)), **control))


def _step_context(request, name, state, form, title=None, **more) -> dict:
    """What every step page shows; `form`'s own fields are left out of the hidden answers."""
    own = {form.add_prefix(field) for field in form.fields} if form else set()
    previous = previous_step(name, state)
    steps = steps_for(state)
    forms_with_errors = [form] if form is not None and form.errors else []
    return {
        "step": name,
        "form": form,
        "title": form.title if title is None else title,
        "step_number": steps.index(name) + 1 if name in steps else 1,
        "question_count": question_count(name, steps, bool(row_indices(state))),
        "hidden": [(k, v) for k, values in state.lists() if k not in own for v in values],
        "back_url": url(previous, state) if previous else reverse("start"),
        "returning": request.GET.get("return") == "check",
        "forms_with_errors": forms_with_errors,
        "has_errors": bool(forms_with_errors),
        **more,
    }


def _row_forms(state, count: int) -> list[f.EnrolmentRowForm]:
    """The forms of rows 0 to count - 1, bound to the answers."""
    today = timezone.localdate()
    return [f.EnrolmentRowForm(state, index=i, today=today) for i in range(count)]


def _checked_row_forms(state, count: int) -> list[f.EnrolmentRowForm]:
    """The rows' forms, validated, with the scenario's errors on their fields."""
    row_forms = _row_forms(state, count)
    for form in row_forms:
        form.is_valid()
    _add_scenario_errors(state, dict(enumerate(row_forms)))
    return row_forms


def years(request):
    """The years step as GOV.UK's 'add another' pattern: one enrolment row per page, then the
    rows so far, each with Change and Remove, 'Add another year' and Continue. Control keys
    choose the page: `row=N` (row N; N = the number of rows: a new row), `add` (a new row),
    `remove=N`, and `go` (save the row on screen, or go on from the list)."""
    state = state_of(query_of(request))
    rows = rows_of(state)
    state = with_rows(state, rows)  # numbered from 0: a row's index is its scenario position
    index = _row_asked(request.GET, len(rows))
    if "go" in request.GET:
        if index is None and rows:
            return _go_on(request, state)
        return _save_row(request, state, index or 0)
    removed = _row_to_remove(request.GET, len(rows))
    if removed is not None:
        rows = rows[:removed] + rows[removed + 1 :]
        state = with_rows(state, rows)
        index = None  # counted before the removal
    if index is None and rows:
        return _row_list(request, state, removed=removed is not None)
    index = index or 0
    form = f.EnrolmentRowForm(
        index=index, today=timezone.localdate(), initial=rows[index] if index < len(rows) else {}
    )
    return _row_page(request, state, form)


def _row_asked(query, count: int) -> int | None:
    """The row whose page is asked for (`row=N`, or `add`: a new row); None for the list, for
    a row that is not there, and past the row limit."""
    index = count if "add" in query else whole_number(query.get("row", ""))
    if index is None or index > count or index >= MAX_ROWS:
        return None
    return index


def _row_to_remove(query, count: int) -> int | None:
    index = whole_number(query.get("remove", ""))
    return index if index is not None and index < count else None


def _years_url(request, state) -> str:
    """The list of the rows, still on the way back to 'check your answers' if it was."""
    returning = {"return": "check"} if request.GET.get("return") == "check" else {}
    return url("years", state, **returning)


def _save_row(request, state, index: int):
    """The row on screen: back to the list when it is valid, else its errors."""
    form = f.EnrolmentRowForm(state, index=index, today=timezone.localdate())
    form.is_valid()
    _add_scenario_errors(state, {index: form})
    if not form.errors:
        return redirect(_years_url(request, state))
    return _row_page(request, state, form, status=400)


def _go_on(request, state):
    """Continue from the list: the next step, or the first row with a problem, its errors
    next to its fields."""
    row_forms = _checked_row_forms(state, len(rows_of(state)))
    with_errors = [form for form in row_forms if form.errors]
    if not with_errors:
        return redirect(_after("years", state, request))
    return _row_page(request, state, with_errors[0], status=400)


def _row_page(request, state, form, status=200):
    count = len(rows_of(state))
    today = timezone.localdate()
    has_list = any(  # a list to go back to; else Back leads to the step before
        f.EnrolmentRowForm(state, index=i, today=today).is_valid() for i in range(count)
    )
    context = _step_context(
        request,
        "years",
        state,
        form,
        title=f.YEARS_TITLE,
        first=form.index == 0 and count <= 1,
        **({"back_url": _years_url(request, state)} if has_list else {}),
    )
    return render(request, "advice/years_row.html", context, status=status)


def _row_list(request, state, removed: bool):
    """The rows entered so far; after a removal, the heading (how many are left) takes the
    focus."""
    rows = rows_of(state)
    listed = [
        {"index": form.index, "row": summary, "lines": f.row_lines(row, summary), "form": form}
        for form, row, summary in zip(
            _checked_row_forms(state, len(rows)),
            rows,
            f.row_summaries(rows, state.get("s")),
            strict=True,
        )
    ]
    context = _step_context(
        request,
        "years",
        state,
        None,
        title=f.years_added(len(rows)),
        listed=listed,
        can_add=len(rows) < MAX_ROWS,
        focus_heading=removed,
    )
    return render(request, "advice/years_list.html", context)


def _add_scenario_errors(state, row_forms: dict[int, f.EnrolmentRowForm]) -> None:
    """Put the scenario's cross-field errors on these rows' fields (by row index), except where
    the form refused the field already (no second message for it)."""
    try:
        parse_scenario(to_data(state), today=timezone.localdate())
    except ScenarioError as exc:
        for index, key, message in scenario_errors(exc):
            form = row_forms.get(index)
            if form is not None and key in form.fields and key not in form.errors:
                form.add_error(key, message)


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
            row_forms = [] if valid else _row_forms(state, len(rows))
            problems = [m for form in row_forms for ms in form.errors.values() for m in ms]
            ok = bool(rows) and not problems
            sections.append(
                {
                    "step": name,
                    "ok": ok,
                    "change_url": change_url,
                    "rows": f.row_summaries(rows, state.get("s")) if ok else None,
                    "problems": problems[:MAX_PROBLEMS],  # each names its year and field
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
    state = state_of(query_of(request))
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


# The result's problems listed at most: each links to its step with every answer, so forty rows
# wrong in five ways would repeat the whole address two hundred times (a page of megabytes).
MAX_PROBLEMS = 10


def scenario_or_invalid(request, state):
    """The scenario of the answers and None, or None and the page that lists their problems
    (400): the result page and the pages made from it (its calendar file, the appeal sheet)."""
    try:
        return parse_scenario(to_data(state), today=timezone.localdate()), None
    except ScenarioError as exc:
        today = state.copy()
        today.pop("on", None)
        errors = scenario_errors(exc)
        problems = [
            {
                "field": field_name(index, key),
                "message": message,
                "url": url("result", today) if key == "on" else _problem_url(index, key, state),
            }
            for index, key, message in errors[:MAX_PROBLEMS]
        ]
        return None, render(
            request,
            "advice/invalid.html",
            {
                "problems": problems,
                "more": len(errors) - len(problems),
                "check_url": url("check", today),
            },
            status=400,
        )


def permalink_of(request, state) -> tuple[str, str | None]:
    """The result's short permalink (absolute) and its code; without a code (answers the short
    link cannot write), the page's own address."""
    code = shortlink.encode(state)
    return request.build_absolute_uri(reverse("short", args=[code]) if code else None), code


def result(request):
    state = state_of(query_of(request))
    scenario, invalid = scenario_or_invalid(request, state)
    if invalid:
        return invalid
    planner = planner_for(state, scenario)
    if plans := planner and planner.plans():
        scenario = _with_plans(to_data(state), plans, planner, scenario)
    advice = advise(scenario)
    answers = encoded(state)
    permalink, code = permalink_of(request, state)
    appeal = appeal_sheet(advice)
    return render(
        request,
        "advice/result.html",
        {
            **topic_context(advice),
            "check_url": encoded_url("check", answers),
            "sections": _answer_sections(state, scenario, answers),
            "permalink": permalink,
            "short_code": code,  # None: answers the short link cannot write
            "planner": planner,
            "state": state,
            "comparison": advice.plans and compare(advice),
            "deadlines": deadlines(advice),
            "ics_url": encoded_url("result_ics", answers),
            "appeal": appeal,
            "appeal_url": encoded_url("appeal_sheet", answers) if appeal.applies else None,
        },
    )


def _with_plans(data: dict, plans: list[dict], planner, scenario):
    """The scenario with the planner's plans; where the rules refuse one (a check across
    fields the planner does not make itself), the page says why and compares nothing."""
    try:
        return parse_scenario(data | {"plans": plans}, today=timezone.localdate())
    except ScenarioError as exc:
        planner.problem = "; ".join(message for _, _, message in scenario_errors(exc))
        return scenario


PRINT_CSS_MAX_AGE = 24 * 60 * 60  # a day: the words change only with a new translation


@cache_control(public=True, max_age=PRINT_CSS_MAX_AGE)
def print_css(request):
    """The words printed in every page's margin (site.css's `@page`), in the page's language:
    the site's name, and 'Page 1 of 2'. CSS cannot read them from the page, and a style
    sheet per language keeps them in the translations."""
    counters = {"page": '" counter(page) "', "pages": '" counter(pages) "'}
    words = _css_text(gettext("Page %(page)s of %(pages)s"))
    css = (
        f':root {{ --site-name: "{_css_text(str(SITE_NAME))}"; '
        f'--page-numbers: "{words % counters}"; }}\n'
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def _css_text(text: str) -> str:
    """A translation inside a CSS string: no quote or backslash can end it early."""
    return text.replace("\\", "").replace('"', "").replace("\n", " ")


logger = logging.getLogger(__name__)

# When even the 500 page cannot be drawn: the three languages, no template.
SERVER_ERROR_TEXT = (
    "Er ging iets mis bij ons. Probeer het later opnieuw.\n"
    "Une erreur s'est produite chez nous. Réessayez plus tard.\n"
    "Something went wrong on our side. Please try again later.\n"
)


def server_error(request):
    """The 500 page (handler500), in the language of the address: Django's own handler draws
    500.html without the request, so without the language, the links and the site's name. It
    must not fail itself: if the page cannot be drawn, a plain text."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page could not be drawn")
        return HttpResponseServerError(SERVER_ERROR_TEXT, content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A form sent without its CSRF token, or with an old one (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "403_csrf.html", status=403)


def _problem_url(index, key, state) -> str:
    """Where an answer the scenario refused is changed: its step; a year's answer on that year's
    own page, its error shown next to the field (`go`: checked as if sent)."""
    step = step_of_path(index, key)
    if step == "years" and index is not None:
        return url(step, state, row=index, go=1)
    return url(step, state)


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
