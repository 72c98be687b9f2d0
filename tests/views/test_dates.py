"""The result's dates to keep, their calendar file and the appeal sheet (advisor/dates.py,
templates/advice/deadlines.html and appeal.html). Each test names the RULES.md section or the
page its dates come from."""

import re
from datetime import timedelta

import pytest
from icalendar import Calendar
from pages import page_text

ON = "on=2026-11-15"
# A first-year Flemish bachelor student in November (RULES.md §1.6, §1.8, §2.1).
FIRST_YEAR = f"r=flanders&s=flanders&by=2008&bm=03&y0=2026-2027&p0=bachelor&t0=60&f=180&{ON}"
# Half of the first year passed, the second enrolment running, 120 credits to go but 110 of
# learning credit (RULES.md §1.5, §1.8): at risk twice.
AT_RISK = (
    "r=flanders&s=flanders&by=2006&bm=03&y0=2025-2026&p0=bachelor&t0=60&e0=30"
    f"&y1=2026-2027&p1=bachelor&t1=60&f=120&{ON}"
)
# The French Community: 30 then 10 block-1 credits, not fundable unless changing (RULES.md §3).
NOT_FUNDABLE = (
    "r=wallonia&s=french-community&by=2005&bm=10&y0=2024-2025&p0=bachelor&t0=60&e0=30"
    "&y1=2025-2026&p1=bachelor&t1=60&e1=10&on=2026-09-20"
)
DUTCH = "r=netherlands&s=netherlands&by=2006&bm=10&y0=2026-2027&p0=bachelor&t0=60&on=2026-10-15"
INVALID = "r=flanders&s=flanders&y0=2025-2026&p0=bachelor&t0=30&e0=60&f=60"


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:300]
    return response


def test_rules_1_6_the_result_lists_the_dates_with_time_elements(client):
    html = get(client, f"/en/result/?{FIRST_YEAR}").content.decode()
    section = html[html.index('id="deadlines-title"') : html.index('id="answers-title"')]
    assert re.findall(r'<time datetime="([0-9-]+)"', section) == [
        "2026-11-30",
        "2027-03-15",
        "2027-11-30",
        "2028-08-31",
    ]
    text = page_text(section).replace(" :", ":")
    # RULES.md §1.6: what comes back is the credits of units not yet examined, not the balance
    assert (
        "30 November 2026: Last day to change programme and get back all the credits of units "
        "not yet examined" in text
    )
    assert (
        "15 March 2027: Last day to change programme and get back half the credits of units "
        "not yet examined" in text
    )
    assert "before 1 December" in text
    assert "Within 7 calendar days of a decision: your internal appeal" in text
    assert f'href="/en/result/dates.ics?{FIRST_YEAR.replace("&", "&amp;")}"' in section


def test_the_dates_come_just_before_your_answers(client):
    html = get(client, f"/nl/result/?{FIRST_YEAR}").content.decode()
    assert html.index('id="deadlines-title"') < html.index('id="answers-title"')
    assert "Belangrijke datums" in html


def test_rules_4_5_past_all_dates_says_so_in_one_sentence(client):
    html = get(client, "/en/result/?" + DUTCH.replace("on=2026-10-15", "on=2027-06-15"))
    text = page_text(html.content.decode())
    assert "None of the dates in the rules we check is still ahead of you." in text
    assert "dates.ics" not in html.content.decode()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_rules_1_6_the_calendar_file_parses_with_one_all_day_event_per_date(client, lang):
    response = get(client, f"/{lang}/result/dates.ics?{FIRST_YEAR}")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="dates-{lang}.ics"'
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [e.decoded("dtstart").isoformat() for e in events] == [
        "2026-11-30",
        "2027-03-15",
        "2027-11-30",
        "2028-08-31",
    ]
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert (end - start).days == 1 and not hasattr(start, "hour")  # all day
        assert str(event["description"]).strip()
        assert str(event["url"]).startswith("https://")
        assert str(event["url"]) in str(event["description"])
        [reminder] = event.walk("VALARM")  # two weeks before, with the event's title
        assert reminder.decoded("trigger") == -timedelta(days=14)
        assert str(reminder["description"]) == str(event["summary"])
    assert str(events[0]["uid"]) == ("change-programme-full-refund-2026-11-30@dates.studiewijzer")


def test_the_calendar_is_translated_and_its_uids_do_not_depend_on_the_language(client):
    nl = Calendar.from_ical(get(client, f"/nl/result/dates.ics?{FIRST_YEAR}").content)
    fr = Calendar.from_ical(get(client, f"/fr/result/dates.ics?{FIRST_YEAR}").content)
    nl_events, fr_events = nl.walk("VEVENT"), fr.walk("VEVENT")
    assert str(nl_events[0]["summary"]) == (
        "Laatste dag om van opleiding te veranderen en de studiepunten van alle "
        "opleidingsonderdelen zonder examen terug te krijgen"
    )
    assert str(fr_events[0]["summary"]).startswith("Dernier jour pour changer de formation")
    assert [e["uid"] for e in nl_events] == [e["uid"] for e in fr_events]


def test_the_calendar_holds_no_answer(client):
    body = get(client, f"/en/result/dates.ics?{AT_RISK}").content.decode()
    for answer in ("2006", "flanders&", "t0=60", "120 credits to finish"):
        assert answer not in body


def test_rules_4_5_studiekeuze123_the_dutch_dates_in_the_calendar(client):
    events = Calendar.from_ical(get(client, f"/en/result/dates.ics?{DUTCH}").content).walk(
        "VEVENT"
    )
    assert [
        (e.decoded("dtstart").isoformat(), str(e["uid"]).split("-2027")[0]) for e in events
    ] == [
        ("2027-05-01", "nl-application"),
        ("2027-05-31", "nl-deregistration-refund"),
    ]


@pytest.mark.parametrize("path", ["result/dates.ics", "result/appeal/"])
def test_invalid_answers_get_the_result_pages_400(client, path):
    response = get(client, f"/en/{path}?{INVALID}", status=400)
    assert "Some answers need another look" in response.content.decode()


def test_rules_1_5_rules_1_8_the_appeal_sheet_of_a_student_at_risk(client):
    html = get(client, f"/en/result/appeal/?{AT_RISK}").content.decode()
    text = page_text(html).replace(" ,", ",")
    assert "Your appeal sheet" in text
    # their figures: 80 while the year runs (140 - 60 + 30 + 30 - 60), 120 still needed
    assert "Your learning credit 80" in text
    assert "Credits still needed to finish 120" in text
    assert "Credits of your first enrolment passed 30 of 60" in text
    assert "Deadline: the end of 2026-2027" in text
    # the rules, the dates, the bodies and the sources with their dates
    assert "Your institution then decides under its own regulations." in text
    assert "2027-08-31" in html
    assert "Your institution's internal appeal, within 7 calendar days of the decision" in text
    assert "the Raad voor betwistingen inzake studievoortgangsbeslissingen" in text
    # vlaanderen.be: a registered copy to the institution, the postmark dates the appeal;
    # onderwijs.vlaanderen.be: the procedure is in Dutch
    assert "Send a registered copy to your institution at the same time" in text
    assert "Write it in Dutch" in text and "beroep-aantekenen-bij-de-raad" in html
    assert "Rules that apply from" in text
    assert "waarvoor-kan-ik-bij-de-raad" in html
    assert "French-speaking higher education" not in text


# Half of a first year in 2023-2024, not enrolled since (RULES.md §1.8): the second enrolment is
# not among the answers, and on 26 November this year's may still be it (§2.1: 30 November).
NO_SECOND_ENROLMENT = "r=flanders&s=flanders&y0=2023-2024&p0=bachelor&t0=60&e0=30"


@pytest.mark.parametrize(
    "on, year",
    [("2026-11-26", "If you still enrol in it this academic year, that is 2026-2027."),
     ("2026-12-01", "If you enrol in it again next academic year, that is 2027-2028.")],
    ids=["RULES-1.8-RULES-2.1-by-30-november", "RULES-1.8-RULES-2.1-after-30-november"],
)  # fmt: skip
def test_rules_1_8_a_second_enrolment_not_yet_made_is_no_deadline_year(client, on, year):
    query = f"{NO_SECOND_ENROLMENT}&on={on}"
    sheet = page_text(get(client, f"/en/result/appeal/?{query}").content.decode())
    assert "Deadline: the end of your second enrolment in this programme" in sheet
    result = page_text(get(client, f"/en/result/?{query}").content.decode())
    assert f"in your second enrolment in this programme. {year}" in result
    assert "at the earliest" not in result


def test_rules_3_the_appeal_sheet_in_the_french_community(client):
    text = page_text(get(client, f"/fr/result/appeal/?{NOT_FUNDABLE}").content.decode())
    assert "Finançabilité en Communauté française" in text
    assert "Non finançable en 2026-2027" in text
    assert "Commissaire ou le Délégué du Gouvernement" in text
    assert "CEPERI" in text
    assert "31 octobre" in text
    assert "Raad voor betwistingen" not in text


def test_nothing_to_appeal_says_so_and_links_back(client):
    response = get(client, f"/en/result/appeal/?{DUTCH}")
    html = response.content.decode()
    assert "there is nothing to appeal" in page_text(html)
    assert f'href="/en/result/?{DUTCH.replace("&", "&amp;")}"' in html
    assert "Whom to write to" not in html


def test_the_result_links_to_the_appeal_sheet_only_when_it_applies(client):
    at_risk = get(client, f"/en/result/?{AT_RISK}").content.decode()
    assert f'href="/en/result/appeal/?{AT_RISK.replace("&", "&amp;")}"' in at_risk
    fine = get(client, f"/en/result/?{DUTCH}").content.decode()
    assert "/result/appeal/" not in fine
