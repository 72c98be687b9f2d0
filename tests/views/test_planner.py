"""The planner on the result page (issue 13): plans in the address and in the short link, the
comparison side by side, and each field's error next to it."""

import io
import json
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.management import call_command
from pages import page_text

from advisor import shortlink

# After a first year 60/60 (200), 60 credits this year (2026-2027) awaiting results.
ANSWERS = {
    "r": "flanders",
    "s": "flanders",
    "f": "120",
    "on": "2026-11-20",
    "by": "2007",
    "bm": "03",
    "y0": "2025-2026",
    "p0": "bachelor",
    "t0": "60",
    "e0": "60",
    "y1": "2026-2027",
    "p1": "bachelor",
    "t1": "60",
}
PLANS = {
    **{"pe0": "30", "pt0": "0"},  # issue 13: 60 taken, 30 passed -> 170; then stop
    **{"pe1": "60", "pt1": "30", "pp1": "30", "pg1": "bachelor", "pk1": "diploma"},  # 200
}


def get(client, lang="en", **query):
    response = client.get(f"/{lang}/result/?{urlencode(query)}")
    assert response.status_code == 200
    return response.content.decode()


def advise_permalink(tmp_path, data: dict) -> tuple[str, str]:
    """`advise --permalink` on a scenario: the link, and what it says it left out."""
    path = tmp_path / "plans.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("advise", "--permalink", str(path), stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def comparison(html: str) -> str:
    table = re.search(r'<table class="table table-sm comparison.*?</table>', html, re.S)
    return page_text(table.group(0)) if table else ""


def test_the_planner_starts_from_three_common_choices(client):
    html = get(client, **ANSWERS)
    assert 'id="planner"' in html and comparison(html) == ""
    values = dict(re.findall(r'name="(p[etp][0-2])" id="id_\1" value="(\d*)"', html))
    assert values == {  # pass everything; pass half and take 42; pass half and stop
        **{"pe0": "60", "pt0": "60", "pp0": "60"},
        **{"pe1": "30", "pt1": "42", "pp1": "21"},
        **{"pe2": "30", "pt2": "0", "pp2": ""},
    }
    form = re.search(r'<form method="get" action="/en/result/#planner".*?</form>', html, re.S)
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form[0]))
    assert hidden == ANSWERS  # comparing keeps every answer


@pytest.mark.parametrize(
    "lang, texts",
    [
        pytest.param(
            "en",
            ["170 credits", "200 credits", "2027-2028: no enrolment", "No enrolment, no fee",
             "€ 728", "12 months as a student", "1 month as a student 11 months as a school"],
            id="issue-13: 60/30 gives 170, 60/60 then 30/30 keeps 200; KdG 2025-26 fee 299 + 30 x 14.30",
        ),
        pytest.param(
            "nl",
            ["170 studiepunten", "200 studiepunten", "Geen inschrijving, geen studiegeld",
             "12 maanden als student"],
            id="issue-13-in-dutch",
        ),
        pytest.param(
            "fr", ["170 crédits", "200 crédits", "728 €"], id="issue-13-in-french"
        ),
    ],
)  # fmt: skip
def test_the_plans_side_by_side(client, lang, texts):
    html = get(client, lang, **ANSWERS, **PLANS)
    table = comparison(html)
    for text in texts:
        assert text in table, text
    assert html.count('<th scope="col">') >= 2  # Plan A and Plan B, Plan C left out
    assert "Plan C" not in table


def test_rules_1_8_a_plan_without_next_years_enrolment_names_no_deadline_year(client):
    """Half of a first year passed in 2023-2024: a plan that enrols in the planned year makes
    it the second enrolment; one that does not leaves the second enrolment to a later year."""
    answers = {
        **{"r": "flanders", "s": "flanders", "on": "2026-11-26"},
        **{"y0": "2023-2024", "p0": "bachelor", "t0": "60", "e0": "30"},
    }
    plans = {"pt0": "60", "pp0": "60", "pg0": "bachelor", "pk0": "diploma", "pt1": "0"}
    table = comparison(get(client, **answers, **plans))
    assert "At risk: pass all first-year units by the end of 2027-2028" not in table
    assert "2026-2027, Bachelor, diploma contract: take 60, pass 60" in table  # open till 30 Nov
    # Plan A passes 60 in 2026-2027, the 30 left among them if they were taken (§1.8: the
    # rule counts units; the answers give credits, so the page says 'probably', as its summary)
    assert "Probably passed in time" in table
    assert "Study progress, 'probably': we counted every credit" in page_text(
        get(client, **answers, **plans)
    )
    assert "At risk: pass all first-year units in your second enrolment in this programme" in table


# No enrolment this year yet: while one may still enrol in it on time (the family allowance's
# deadline where the student lives, 30 November for the Groeipakket: parameter
# family_allowance/groeipakket/enrolment_deadline, VIVES / BVR art. 24), the plans are for this
# year; from 1 December, and for someone living outside Belgium, for next year.
AFTER_A_FIRST_YEAR = {"s": "flanders", "by": "2006", "bm": "05",
                      "y0": "2025-2026", "p0": "bachelor", "t0": "60", "e0": "45"}  # fmt: skip
A_FULL_YEAR = {"pt0": "60", "pp0": "60", "pg0": "bachelor", "pk0": "diploma", "pt1": "0"}


@pytest.mark.parametrize(
    "residence, on, heading, year",
    [
        pytest.param("flanders", "2026-09-15", "Plan this year (2026-2027)", "2026-2027",
                     id="groeipakket-enrolment-by-30-november: September, this year"),
        pytest.param("flanders", "2026-11-30", "Plan this year (2026-2027)", "2026-2027",
                     id="groeipakket-enrolment-by-30-november: the last day"),
        pytest.param("flanders", "2026-12-01", "Plan next year (2027-2028)", "2027-2028",
                     id="groeipakket-enrolment-by-30-november: past it, next year"),
        pytest.param("netherlands", "2026-09-15", "Plan next year (2027-2028)", "2027-2028",
                     id="no Belgian scheme's deadline known: next year"),
    ],
)  # fmt: skip
def test_the_planner_plans_the_year_still_open_for_enrolment(client, residence, on, heading, year):
    answers = {**AFTER_A_FIRST_YEAR, "r": residence, "on": on}
    html = get(client, **answers)
    assert heading in page_text(html)
    assert f'<label for="id_pt0" class="form-label">Credits to take in {year}</label>' in html
    assert 'name="pe0"' not in html  # no year awaiting results
    table = comparison(get(client, **answers, **A_FULL_YEAR))
    assert f"{year}, Bachelor, diploma contract: take 60, pass 60" in table
    assert f"{year}: no enrolment" in table  # Plan B stops
    assert "2025-2026: take" not in table  # the plans hold only the planned year


def test_a_plan_for_this_year_goes_into_the_short_link_and_back(client):
    answers = {**AFTER_A_FIRST_YEAR, "r": "flanders", "on": "2026-09-15"}
    html = get(client, **answers, **A_FULL_YEAR)
    code = re.search(r'<a href="http://testserver/en/r/([^"]+)/">', html).group(1)
    reopened = client.get(client.get(f"/en/r/{code}/")["Location"]).content.decode()
    assert "2026-2027, Bachelor, diploma contract: take 60, pass 60" in comparison(reopened)


def test_advise_permalink_writes_a_plan_for_this_year(tmp_path):
    data = {
        "as_of": "2026-09-15", "residence": "flanders", "education_system": "flanders",
        "enrolments": [{"academic_year": "2025-2026", "programme": "bachelor",
                        "credits_taken": 60, "credits_earned": 45}],
        "plans": [{"name": "Full", "enrolments": [{"academic_year": "2026-2027",
                                                  "programme": "bachelor", "credits_taken": 60,
                                                  "credits_earned": 60}]}],
    }  # fmt: skip
    link, left_out = advise_permalink(tmp_path, data)
    assert link.endswith("&pt0=60&pp0=60&pg0=bachelor&pk0=diploma")
    assert left_out == ""


def test_a_first_enrolment_passed_whole_is_passed_in_time_without_a_probably(client):
    """RULES.md §1.8: 60 of the first enrolment's 60 passed at once: the rule is met, no
    counting of later credits involved."""
    answers = {**ANSWERS, "e0": "60"}
    table = comparison(get(client, **answers, **PLANS))
    assert "Passed in time" in table and "Probably" not in table


def test_the_notes_say_what_is_not_verified(client):
    text = page_text(get(client, **ANSWERS, **PLANS))
    assert "the amounts of 2025-2026, the latest we found. Not yet verified for 2027-2028" in text
    assert "Not yet verified for 2027-2028. Yours may be higher." in text
    assert "costs at least € 130.41: a whole year, € 1,564.92." in text  # Groeipakket


@pytest.mark.parametrize(
    "plan, field, message",
    [
        pytest.param({"pe0": "70"}, "pe0", "from 0 to 60: you take 60 credits this year", id="more than taken"),
        pytest.param({"pe0": ""}, "pe0", "enter a whole number from 0 to 60", id="this year needed"),
        pytest.param({"pt0": "60", "pp0": "61"}, "pp0", "from 0 to 60", id="passed above taken"),
        pytest.param({"pt0": "9" * 40}, "pt0", "from 0 to 200", id="a huge number"),
        pytest.param({"pt0": "x"}, "pt0", "from 0 to 200", id="not a number"),
        pytest.param({"pt0": "30", "pp0": "30", "pg0": "mba"}, "pg0", "choose one of", id="programme"),
    ],
)  # fmt: skip
def test_a_bad_field_gets_its_error_next_to_it(client, plan, field, message):
    query = {**ANSWERS, "pe0": "30", "pt0": "0", **plan}
    html = get(client, **query)
    assert comparison(html) == ""
    error = re.search(rf'<div id="{field}-error" class="invalid-feedback">(.*?)</div>', html)
    assert error and message in error.group(1) and error.group(1).startswith("Plan A, ")
    assert f'href="#id_{field}"' in html  # the summary links to it
    assert f'id="id_{field}"' in html and 'aria-invalid="true"' in html


def test_arabic_indic_digits_are_read(client):
    html = get(client, **ANSWERS, pe0="٣٠", pt0="٠")
    assert "170 credits" in comparison(html)


def test_no_planner_outside_flanders_and_the_french_community(client):
    html = get(client, r="netherlands", s="netherlands", y0="2025-2026", p0="bachelor", t0="60")
    assert 'id="planner"' not in html
    moved_on = {"r": "flanders", "s": "flanders", "y0": "2024-2025", "p0": "bachelor",
                "t0": "60", "e0": "60", "y1": "2025-2026", "x1": "netherlands",
                "p1": "bachelor", "t1": "60"}  # fmt: skip
    assert 'id="planner"' not in get(client, **moved_on)  # now studying in the Netherlands


def test_the_french_community_plan_says_whether_next_year_is_fundable(client):
    """RULES.md §3 (financing decree of 11 April 2014, art. 5): after one enrolment in a
    bachelor, at least one unit passed; 10 credits keep next year fundable, none does not."""
    fc = {"r": "wallonia", "s": "french-community", "on": "2026-11-20", "y0": "2026-2027",
          "p0": "bachelor", "t0": "60", "pe0": "10", "pt0": "60", "pp0": "30", "pg0": "bachelor",
          "pe1": "0", "pt1": "60", "pp1": "30", "pg1": "bachelor", "pe2": "0", "pt2": "0"}  # fmt: skip
    table = comparison(get(client, **fc))
    assert "Fundable in 2027-2028 (French Community) Yes No No enrolment" in table
    assert "Contract in 2027-2028" in get(client, **ANSWERS)
    assert "Contract in 2027-2028" not in get(client, **fc)  # Flemish contracts
    assert "Learning credit" not in table and "Tuition fee" not in table  # Flemish rows


def test_the_short_link_holds_the_plans(client):
    html = get(client, **ANSWERS, **PLANS)
    code = re.search(r'<a href="http://testserver/en/r/([^"]+)/">', html).group(1)
    assert code.endswith("/a30n0/b60n30.30ba")
    opened = client.get(f"/en/r/{code}/")
    query = parse_qs(urlsplit(opened["Location"]).query)
    assert {k: v[0] for k, v in query.items() if k[:2] in ("pe", "pt", "pp", "pg")} == {
        k: v for k, v in PLANS.items() if k[:2] in ("pe", "pt", "pp", "pg")
    }
    assert "170 credits" in comparison(client.get(opened["Location"]).content.decode())
    assert shortlink.read(code + "/zz").unread == "zz"


def test_advise_permalink_writes_the_plans(tmp_path):
    data = {
        "as_of": "2026-11-20", "residence": "flanders", "education_system": "flanders",
        "enrolments": [{"academic_year": "2026-2027", "programme": "bachelor", "credits_taken": 60}],
        "plans": [
            {"name": "Stop", "enrolments": [{"academic_year": "2026-2027", "programme": "bachelor",
                                             "credits_taken": 60, "credits_earned": 30}]},
            {"name": "Far", "enrolments": [{"academic_year": "2026-2027", "programme": "bachelor",
                                            "credits_taken": 60, "credits_earned": 30},
                                           {"academic_year": "2028-2029", "programme": "master",
                                            "credits_taken": 60, "credits_earned": 60}]},
        ],
    }  # fmt: skip
    link, left_out = advise_permalink(tmp_path, data)
    assert link.endswith("&pe0=30&pt0=0")
    assert "'Far' left out of the link" in left_out


def test_an_exam_contract_plan_says_its_fee_is_not_in_the_tables(client):
    """The tuition tables hold the diploma and credit contracts' rates (rules/amounts/tuition):
    an exam-contract plan says so instead of leaving its fee out without a word."""
    answers = {
        **{"r": "flanders", "s": "flanders", "on": "2026-11-26"},
        **{"y0": "2023-2024", "p0": "bachelor", "k0": "exam", "t0": "60", "e0": "30"},
    }
    exam = {"pt0": "60", "pp0": "30", "pg0": "bachelor", "pk0": "exam"}
    note = "An exam contract has its own fee, which is not in our tables: ask your institution."
    assert note in page_text(get(client, **answers, **exam))
    diploma = {**exam, "pk0": "diploma"}
    assert note not in page_text(get(client, **answers, **diploma))


# RULES.md §1.8: after a missed first enrolment (20 + 20 of 60 first-year credits by the end of
# the second enrolment), the same bachelor is refused in 2027-2028; another programme is not.
MISSED = {
    **{"r": "flanders", "s": "flanders", "on": "2026-11-20", "by": "2006", "bm": "01"},
    **{"y0": "2025-2026", "p0": "bachelor", "t0": "60", "e0": "20"},
    **{"y1": "2026-2027", "p1": "bachelor", "t1": "60"},
}
SAME_OTHER_GRADUAAT = {
    **{"pe0": "20", "pt0": "60", "pp0": "40", "pg0": "bachelor", "pk0": "diploma"},
    **{"pe1": "20", "pt1": "60", "pp1": "40", "pg1": "bachelor", "pc1": "1", "pk1": "diploma"},
    **{"pe2": "20", "pt2": "60", "pp2": "30", "pg2": "graduaat", "pk2": "diploma"},
}


def test_rules_1_8_a_plan_in_the_refused_programme_says_it_is_not_possible(client):
    table = comparison(get(client, **MISSED, **SAME_OTHER_GRADUAAT))
    refused = "Not possible: with these results no Flemish institution may enrol you in this programme in 2027-2028"
    assert table.count(refused) == 1  # Plan A only
    assert "2027-2028, Bachelor (another programme), diploma contract: take 60, pass 40" in table
    assert (
        "2027-2028, Graduaat (HBO5), diploma contract: take 60, pass 30" in table
    )  # no '(another'
    assert "Missed: refused for this programme up to 2032-2033" in table  # Plan A
    assert "At risk: pass all first-year units in your second enrolment" in table  # B: a new start
    assert (
        "Missed in your last programme: refused there up to 2032-2033. This plan enrols in another one."
        in table
    )  # C


def test_another_programme_is_a_choice_of_each_plan_and_travels_in_the_short_link(client):
    html = get(client, **MISSED, **SAME_OTHER_GRADUAAT)
    assert (
        '<label for="id_pc1" class="form-label">The same programme as your last enrolment?</label>'
        in html
    )
    assert '<option value="1" selected>No, another programme</option>' in html
    code = re.search(r'<a href="http://testserver/en/r/([^"]+)/">', html).group(1)
    assert code.split("/")[-2] == "b20n60.40bac"
    query = parse_qs(urlsplit(client.get(f"/en/r/{code}/")["Location"]).query)
    assert query["pc1"] == ["1"] and "pc0" not in query


def test_a_bad_programme_choice_gets_its_error(client):
    html = get(client, **MISSED, **{**SAME_OTHER_GRADUAAT, "pc0": "x"})
    error = re.search(r'<div id="pc0-error" class="invalid-feedback">(.*?)</div>', html)
    assert error and "choose one of the options, for example No, another programme" in error.group(
        1
    )


def test_advise_permalink_writes_another_programme(tmp_path):
    def plan(**change):
        return {
            "name": "Other",
            "enrolments": [
                {
                    "academic_year": "2026-2027",
                    "programme": "bachelor",
                    "credits_taken": 60,
                    "credits_earned": 20,
                },
                {
                    "academic_year": "2027-2028",
                    "programme": "bachelor",
                    "credits_taken": 60,
                    "credits_earned": 40,
                    **change,
                },
            ],
        }

    data = {
        "as_of": "2026-11-20", "residence": "flanders", "education_system": "flanders",
        "enrolments": [{"academic_year": "2025-2026", "programme": "bachelor", "credits_taken": 60, "credits_earned": 20},
                       {"academic_year": "2026-2027", "programme": "bachelor", "credits_taken": 60}],
        "plans": [plan(changed_programme=True), plan()],
    }  # fmt: skip
    link, left_out = advise_permalink(tmp_path, data)
    assert "&pc0=1" in link and "pc1" not in link and left_out == ""


def test_rules_3_a_change_of_programme_makes_the_plan_fundable(client):
    """Worked example fc-no-reorientation-not-fundable-unless-changing (RULES.md §3): 30 then
    10 credits in the same bachelor miss the milestone; a reorientation adds an enrolment to
    it, so a plan in another programme is fundable and one in the same is not."""
    answers = {
        **{"r": "wallonia", "s": "french-community", "on": "2026-11-26"},
        **{"y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "30"},
        **{"y1": "2025-2026", "p1": "bachelor", "t1": "60", "e1": "10"},
    }
    plans = {"pt0": "60", "pp0": "30", "pg0": "bachelor", "pt1": "60", "pp1": "30",
             "pg1": "bachelor", "pc1": "1"}  # fmt: skip
    table = comparison(get(client, **answers, **plans))
    assert "Fundable in 2026-2027 (French Community) No Yes" in table


def test_the_notes_say_what_too_little_learning_credit_or_no_funding_means(client):
    """RULES.md §1.5: short of learning credit, the institution may enrol, charge more or
    refuse; §3: not fundable, it may refuse, with a derogation and an internal appeal."""
    short = {
        **{"r": "flanders", "s": "flanders", "f": "100", "on": "2026-11-20"},
        **{f"{k}{i}": v for i, (y, e) in enumerate(
            [("2022-2023", "20"), ("2023-2024", "20"), ("2024-2025", "15"), ("2025-2026", "20")])
           for k, v in (("y", y), ("p", "bachelor"), ("t", "60"), ("e", e))},
        **{"y4": "2026-2027", "p4": "bachelor", "t4": "60"},
        **{"pe0": "30", "pt0": "60", "pp0": "30", "pg0": "bachelor", "pk0": "diploma"},
    }  # fmt: skip
    text = page_text(get(client, **short))
    assert "Not enough learning credit in a plan? Your institution then decides" in text
    assert "or refuse them. Exception: if you do not have a master degree yet" in text
    fc = {"r": "wallonia", "s": "french-community", "on": "2026-11-26",
          "y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "30",
          "y1": "2025-2026", "p1": "bachelor", "t1": "60", "e1": "10",
          "pt0": "60", "pp0": "30", "pg0": "bachelor"}  # fmt: skip
    assert "If you are not fundable, your institution may refuse your enrolment" in page_text(
        get(client, **fc)
    )
    assert "Not enough learning credit in a plan?" not in page_text(
        get(client, **ANSWERS, **PLANS)
    )


def test_a_plan_for_this_year_gives_its_enrolment_deadline(client):
    """RULES.md §2.1 (art. 24 §2): enrolled by 30 November, the whole year counts."""
    answers = {**AFTER_A_FIRST_YEAR, "r": "flanders", "on": "2026-11-29"}
    text = page_text(get(client, **answers, **A_FULL_YEAR))
    assert (
        "Enrol by 30 November 2026 for the family allowance to count the whole of 2026-2027."
        in text
    )
    after = page_text(get(client, **{**answers, "on": "2026-12-01"}, **A_FULL_YEAR))
    assert "for the family allowance to count the whole of" not in after


def test_no_lost_year_cost_when_no_plan_has_an_allowance_month(client):
    """RULES.md §0: past the age limit there is no right whatever the credits, so a year
    without the allowance costs nothing more."""
    over_25 = {"r": "flanders", "s": "flanders", "on": "2026-11-20", "by": "2001", "bm": "05",
               "y0": "2025-2026", "p0": "master", "t0": "60", "e0": "30",
               "pt0": "60", "pp0": "60", "pg0": "master", "pk0": "diploma", "pt1": "0"}  # fmt: skip
    text = page_text(get(client, **over_25))
    assert "12 months without allowance" in text
    assert "Each month without family allowance costs" not in text
    assert "Each month without family allowance costs" in page_text(
        get(client, **ANSWERS, **PLANS)
    )


def test_emptying_every_plan_says_what_to_do(client):
    empty = {f"{name}{n}": "" for name in ("pe", "pt", "pp") for n in range(3)}
    empty |= {f"pg{n}": "bachelor" for n in range(3)}  # the form's lists always send a value
    html = get(client, **ANSWERS, **empty)
    assert "Fill in the numbers of at least one plan to compare it." in page_text(html)
    assert "We filled in three common choices" not in page_text(html)


def test_rules_1_8_a_plan_that_is_the_second_enrolment_itself_misses_in_this_programme(client):
    """Review 21: the planned year is the second enrolment (30 first-year credits open): a plan
    in the same programme that passes 21 misses the rule there; one in another starts anew."""
    answers = {
        "r": "flanders",
        "s": "flanders",
        "by": "2007",
        "bm": "05",
        "f": "120",
        "on": "2026-11-30",
        "y0": "2025-2026",
        "p0": "bachelor",
        "t0": "60",
        "e0": "30",
    }
    plans = {"pt0": "42", "pp0": "21", "pg0": "bachelor", "pk0": "diploma",
             "pt1": "30", "pp1": "30", "pg1": "bachelor", "pc1": "1", "pk1": "diploma"}  # fmt: skip
    table = comparison(get(client, **answers, **plans))
    assert "Missed: refused for this programme up to 2032-2033" in table
    assert "Missed in your last programme" not in table
    assert "Not possible" not in table  # the refusal starts after the planned year
    nl = comparison(get(client, "nl", **answers, **plans))
    assert "2026-2027, Bachelor (andere opleiding), diplomacontract" in nl


def test_a_year_stopped_early_starts_the_plans_from_nothing_passed(client):
    """Review 21: stopped in October, no exams taken: the presets expect nothing passed this
    year, not all of it."""
    stopped = {"r": "flanders", "s": "flanders", "on": "2026-11-20", "by": "2005", "bm": "11",
               "y0": "2025-2026", "p0": "bachelor", "t0": "60", "e0": "60",
               "y1": "2026-2027", "p1": "bachelor", "t1": "60", "em1": "10"}  # fmt: skip
    html = get(client, **stopped)
    values = dict(re.findall(r'name="(pe[0-2])" id="id_\1" value="(\d*)"', html))
    assert values == {"pe0": "0", "pe1": "0", "pe2": "0"}
    assert "Filled in: a full year" in html


def test_a_diploma_year_plan_says_its_length_is_not_certain(client):
    """RULES.md §2.1: one diploma year per cycle under 27 credits; sources differ on whether
    it lasts the whole year or until the thesis is handed in."""
    final = {"r": "flanders", "s": "flanders", "on": "2026-11-20", "by": "2004", "bm": "04",
             "f": "75", "y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60",
             "y1": "2025-2026", "p1": "bachelor", "t1": "60", "e1": "45",
             "y2": "2026-2027", "p2": "bachelor", "t2": "60",
             "pe0": "60", "pt0": "15", "pp0": "15", "pg0": "bachelor", "pk0": "diploma"}  # fmt: skip
    text = page_text(get(client, **final))
    assert "Family allowance in a plan's diploma year (the last credits of the programme): " \
           "fewer than 27 credits still count, once per cycle. Not certain" in text  # fmt: skip
    assert "12 months as a student" in comparison(get(client, **final))
