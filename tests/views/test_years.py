"""The years step, one academic year per page (GOV.UK's 'add another' pattern): a row's page,
the list of rows with Change and Remove, the 40-row limit, the errors on the right row, a
step counter that does not move, and every answer in the address."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from pages import page_text

FLEMISH = {"r": "flanders", "s": "flanders"}
YEAR_0 = {"y0": "2023-2024", "p0": "bachelor", "k0": "diploma", "t0": "60", "e0": "60"}
YEAR_1 = {"y1": "2024-2025", "p1": "master", "k1": "diploma", "t1": "60", "e1": "45"}
TWO_ROWS = {**FLEMISH, **YEAR_0, **YEAR_1}
ROW_FIELDS = ("y", "x", "p", "k", "t", "e", "l", "d", "sm", "em")


def years(client, query):
    return client.get(f"/en/step/years/?{urlencode(query)}")


def html(response) -> str:
    return response.content.decode()


def text(response) -> str:
    return page_text(html(response))


def answers_in(location: str) -> dict:
    return dict(parse_qsl(urlsplit(location).query))


def hidden(response) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html(response)))


def shown_fields(response) -> set[str]:
    """The names of the row fields a user can fill in on the page (not the hidden answers)."""
    return set(
        re.findall(
            r'<(?:select|input type="(?:number|checkbox)")[^>]* name="(\w+)"', html(response)
        )
    )


def selected(response, name: str) -> str:
    select = re.search(rf'<select name="{name}".*?</select>', html(response), re.S).group(0)
    return re.search(r'<option value="([^"]*)" selected>', select).group(1)


def counter(response) -> str:
    return re.search(r"Question \d+ of \d+(?: to \d+)?", text(response)).group(0)


def test_the_first_visit_asks_for_the_first_year_only(client):
    response = years(client, FLEMISH)
    assert response.status_code == 200
    assert shown_fields(response) == {f"{key}0" for key in ROW_FIELDS}
    assert hidden(response) == {**FLEMISH, "row": "0"}
    assert "Year 1" in text(response)
    assert "Start with your first year in higher education" in text(response)


def test_a_valid_row_leads_to_the_list_with_its_answers_in_the_address(client):
    response = years(client, {**FLEMISH, **YEAR_0, "row": "0", "go": "1"})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/en/step/years/"
    assert answers_in(response["Location"]) == {**FLEMISH, **YEAR_0}  # no control key left

    listed = client.get(response["Location"])
    assert listed.status_code == 200
    assert "You have added 1 year 2023-2024 Bachelor 60 credits taken, 60 earned" in text(listed)
    without_contract = {k: v for k, v in YEAR_0.items() if k != "k0"}  # as a permalink has it
    assert "2023-2024 Bachelor 60 credits" in text(years(client, {**FLEMISH, **without_contract}))
    assert "Change 2023-2024, Bachelor" in text(listed)
    assert "Remove 2023-2024, Bachelor" in text(listed)
    assert 'name="add" value="1"' in html(listed)
    assert shown_fields(listed) == set()
    assert hidden(listed) == {**FLEMISH, **YEAR_0}


def test_the_list_says_what_each_row_holds(client):
    odd_row = {
        "y1": "2024-2025",
        "x1": "netherlands",
        "p1": "master",
        "k1": "credit",
        "t1": "1",
        "l1": "1",
        "d1": "1",
        "sm1": "02",
        "em1": "06",
    }
    page = text(years(client, {**FLEMISH, **YEAR_0, **odd_row}))
    assert (
        "2024-2025 Master, Higher education in the Netherlands, Credit contract "
        "1 credit taken, results not known yet, 1 tolerated "
        "Degree obtained at the end of this year from February until June"
    ) in page


def test_add_another_year_asks_for_a_new_row_and_keeps_the_others(client):
    response = years(client, {**TWO_ROWS, "add": "1"})
    assert response.status_code == 200
    assert shown_fields(response) == {f"{key}2" for key in ROW_FIELDS}
    assert hidden(response) == {**TWO_ROWS, "row": "2"}
    assert selected(response, "y2") == ""
    assert "Year 3" in text(response)
    assert "Start with your first year" not in text(response)


def test_the_added_row_is_saved_after_the_others(client):
    new_row = {"y2": "2025-2026", "p2": "master", "k2": "diploma", "t2": "60", "e2": "15"}
    response = years(client, {**TWO_ROWS, **new_row, "row": "2", "go": "1"})
    assert response.status_code == 302
    assert answers_in(response["Location"]) == {**TWO_ROWS, **new_row}


def test_change_shows_that_row_with_its_answers(client):
    response = years(client, {**TWO_ROWS, "row": "1"})
    assert response.status_code == 200
    assert "Year 2" in text(response)
    assert shown_fields(response) == {f"{key}1" for key in ROW_FIELDS}
    assert selected(response, "y1") == "2024-2025"
    assert selected(response, "p1") == "master"
    assert re.search(r'name="e1" value="45"', html(response))
    assert hidden(response) == {**FLEMISH, **YEAR_0, "row": "1"}


def test_changing_a_row_keeps_the_other_rows(client):
    response = years(client, {**TWO_ROWS, "t1": "30", "e1": "30", "row": "1", "go": "1"})
    assert response.status_code == 302
    assert answers_in(response["Location"]) == {**TWO_ROWS, "t1": "30", "e1": "30"}


def test_remove_drops_that_row_renumbers_the_others_and_focuses_the_heading(client):
    response = years(client, {**TWO_ROWS, "remove": "0"})
    assert response.status_code == 200
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html(response)).group(0)
    assert "You have added 1 year" in heading and "autofocus" in heading
    assert "2023-2024" not in text(response)
    # the master row is row 0 now, and nothing else changed
    assert hidden(response) == {**FLEMISH, **{f"{k[0]}0": v for k, v in YEAR_1.items()}}


def test_without_a_removal_the_heading_does_not_take_the_focus(client):
    heading = re.search(r"<h1[^>]*>", html(years(client, TWO_ROWS))).group(0)
    assert "autofocus" not in heading


def test_removing_the_last_row_asks_for_the_first_year_again(client):
    response = years(client, {**FLEMISH, **YEAR_0, "remove": "0"})
    assert response.status_code == 200
    assert hidden(response) == {**FLEMISH, "row": "0"}
    assert shown_fields(response) == {f"{key}0" for key in ROW_FIELDS}


FORTY_ROWS = {
    **FLEMISH,
    **{
        f"{key}{i}": value
        for i in range(40)
        for key, value in (("y", "2024-2025"), ("p", "bachelor"), ("t", "60"), ("e", "10"))
    },
}


@pytest.mark.parametrize(
    "control",
    [{}, {"add": "1"}, {"row": "40"}, {"row": "40", "go": "1"}],
    ids=["list", "add", "row-40", "save-row-40"],
)
def test_at_the_limit_of_40_rows_nothing_can_be_added(client, control):
    response = years(client, {**FORTY_ROWS, **control})
    assert 'name="y40"' not in html(response)
    assert 'name="add"' not in html(response)
    if "go" not in control:  # 'go' without a row to save goes on to the next step
        assert "That is the most we take: 40 rows." in text(response)


def test_below_the_limit_a_row_can_be_added(client):
    thirty_nine = {k: v for k, v in FORTY_ROWS.items() if not k.endswith("39")}
    assert 'name="add" value="1"' in html(years(client, thirty_nine))
    assert 'name="y39"' in html(years(client, {**thirty_nine, "add": "1"}))


def test_an_invalid_row_is_shown_again_with_its_errors_next_to_the_fields(client):
    response = years(client, {**FLEMISH, **YEAR_0, "e0": "70", "t0": "abc", "row": "0", "go": "1"})
    assert response.status_code == 400
    page = html(response)
    assert 'id="error-summary"' in page
    assert 'href="#id_t0"' in page
    # the field's error once in the summary, naming the field: the scenario's message for the
    # same field is not added to it
    summary = page[
        page.index('id="error-summary"') : page.index("</ul>", page.index('id="error-summary"'))
    ]
    assert summary.count('href="#id_t0"') == 1
    assert "Year 1, credits taken: enter a whole number from 0 to 200" in summary
    assert re.search(r'name="e0" value="70"', page)
    assert hidden(response) == {**FLEMISH, "row": "0"}


def test_a_cross_field_error_lands_on_the_row_on_screen(client):
    response = years(client, {**TWO_ROWS, "e1": "90", "row": "1", "go": "1"})
    assert response.status_code == 400
    assert 'href="#id_e1"' in html(response)
    assert (
        "Year 2, credits earned: enter a number from 0 to 60 (the credits taken), for example 60"
        in text(response)
    )


def test_continue_shows_the_row_with_the_problem(client):
    """Continue from the list checks every row; a problem on row 2 shows row 2's page."""
    response = years(client, {**TWO_ROWS, "e1": "90", "go": "1"})
    assert response.status_code == 400
    assert hidden(response)["row"] == "1"
    assert shown_fields(response) == {f"{key}1" for key in ROW_FIELDS}
    assert 'href="#id_e1"' in html(response)
    assert "enter a number from 0 to 60 (the credits taken)" in text(response)


def test_the_list_marks_a_row_that_needs_a_change(client):
    page = text(years(client, {**TWO_ROWS, "e1": "90"}))
    marked = page.split("2024-2025", 1)[1]
    assert "Check this year: an answer is missing or wrong." in marked
    assert "Check this year" not in page.split("2024-2025", 1)[0]


def test_continue_from_the_list_goes_to_the_next_step(client):
    response = years(client, {**TWO_ROWS, "go": "1"})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/en/step/finish/"
    assert answers_in(response["Location"]) == TWO_ROWS


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(FLEMISH, id="first-row"),
        pytest.param({**FLEMISH, **YEAR_0, "row": "0", "go": "1", "e0": "70"}, id="row-error"),
        pytest.param({**FLEMISH, **YEAR_0}, id="list-of-one"),
        pytest.param({**FLEMISH, **YEAR_0, "add": "1"}, id="add"),
        pytest.param(TWO_ROWS, id="list-of-two"),
        pytest.param({**TWO_ROWS, "row": "1"}, id="change"),
        pytest.param({**TWO_ROWS, "remove": "1"}, id="remove"),
    ],
)
def test_the_step_counter_is_the_same_on_every_years_page(client, query):
    assert counter(years(client, query)) == "Question 4 of 5 to 7"


def test_the_check_page_leads_to_the_list_and_save_and_return_goes_back(client):
    check = client.get(f"/en/check/?{urlencode({**TWO_ROWS, 'f': '60'})}")
    change = (
        re.search(r'href="(/en/step/years/\?[^"]+)"', html(check)).group(1).replace("&amp;", "&")
    )
    assert answers_in(change) == {**TWO_ROWS, "f": "60", "return": "check"}

    listed = client.get(change)
    assert "You have added 2 years" in text(listed)
    assert hidden(listed)["return"] == "check"
    assert "Save and return" in text(listed)

    row_page = years(client, {**TWO_ROWS, "f": "60", "return": "check", "row": "1"})
    assert hidden(row_page)["return"] == "check"
    saved = years(
        client, {**TWO_ROWS, "f": "60", "e1": "50", "return": "check", "row": "1", "go": "1"}
    )
    assert urlsplit(saved["Location"]).path == "/en/step/years/"  # the list, still returning
    assert answers_in(saved["Location"])["return"] == "check"

    back = years(client, {**TWO_ROWS, "f": "60", "e1": "50", "return": "check", "go": "1"})
    assert urlsplit(back["Location"]).path == "/en/check/"
    assert answers_in(back["Location"]) == {**TWO_ROWS, "f": "60", "e1": "50"}


def test_back_from_a_row_goes_to_the_list_or_the_step_before(client):
    def back_link(query):
        page = html(years(client, query))
        return re.search(r'class="back-link[^"]*" href="([^"]+)"', page).group(1)

    assert urlsplit(back_link({**TWO_ROWS, "add": "1"})).path == "/en/step/years/"
    assert urlsplit(back_link({**TWO_ROWS, "row": "0"})).path == "/en/step/years/"
    assert urlsplit(back_link(FLEMISH)).path == "/en/step/about/"
    assert urlsplit(back_link(TWO_ROWS)).path == "/en/step/about/"  # the list's own back link


@pytest.mark.parametrize(
    "control",
    [
        {"row": "999"},
        {"row": "abc"},
        {"row": "-1"},
        {"row": "²"},
        {"row": "9" * 5000},
        {"remove": "-1"},
        {"remove": "999"},
        {"remove": "abc"},
        {"add": "1", "remove": "0"},
        {"row": "1", "remove": "0"},
        {"row": "999", "go": "1"},
        {"row": "abc", "go": "1"},
    ],
    ids=lambda control: "&".join(f"{k}={v[:5]}" for k, v in control.items()),
)
def test_odd_control_values_give_a_sensible_page(client, control):
    response = years(client, {**TWO_ROWS, **control})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "You have added" in text(response)  # the list
        assert 'name="y0"' in html(response)  # the answers kept


def test_odd_control_values_without_rows_ask_for_the_first_year(client):
    for control in ({"row": "999"}, {"remove": "0"}, {"row": "abc", "go": "1"}):
        response = years(client, {**FLEMISH, **control})
        assert response.status_code in (200, 400)
        assert hidden(response)["row"] == "0"


def test_odd_answers_in_a_row_are_listed_not_a_500(client):
    odd = {"y1": "<b>2024</b>", "x1": "mars", "p1": "?", "k1": "xyz", "t1": "²", "sm1": "99"}
    response = years(client, {**FLEMISH, **YEAR_0, **odd})
    assert response.status_code == 200
    assert "&lt;b&gt;2024&lt;/b&gt;" in html(response)
    assert "Check this year: an answer is missing or wrong." in text(response)


def test_a_refused_years_answer_on_the_result_page_links_to_that_years_page(client):
    """'Some answers need another look': the link of a year's problem opens that year's own
    page with the error next to the field, not the list of years."""
    query = (
        "r=flanders&s=flanders&y0=2024-2025&p0=bachelor&t0=60&e0=60"
        "&y1=2025-2026&p1=bachelor&t1=30&e1=60&f=60"
    )
    result = client.get(f"/en/result/?{query}")
    assert result.status_code == 400
    link = unescape(re.search(r'href="(/en/step/years/[^"]+)"', result.content.decode())[1])
    assert link.endswith("&row=1&go=1")
    page = client.get(link)
    assert page.status_code == 400
    assert 'href="#id_e1"' in page.content.decode()
    assert "Year 2, credits earned: enter a number from 0 to 30" in text(page)


def test_a_row_outside_flanders_shows_no_default_contract_on_the_check_page(client):
    """The contract is a Flemish choice: a French Community row shows none unless the answers
    name one; a Flemish row shows the default, the diploma contract."""
    query = (
        "r=wallonia&s=french-community&y0=2024-2025&p0=bachelor&t0=60&e0=45"
        "&y1=2025-2026&x1=flanders&p1=bachelor&t1=60&e1=30"
    )
    html = client.get(f"/en/check/?{query}").content.decode()
    rows = re.findall(r'<tr><th scope="row">(.*?)</tr>', html, re.S)
    cells = [re.sub(r"<[^>]+>", "|", row) for row in rows]
    assert "Diploma contract" not in cells[0] and "—" in cells[0]
    assert "Diploma contract" in cells[1]
