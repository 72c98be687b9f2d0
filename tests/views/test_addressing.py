"""One way of addressing the person: every wizard question and help text speaks to the
student ("you"; Dutch "je", French "vous"), in short plain sentences (B1: at most about 18
words on average, none over 35). The start page says once that others can answer for them."""

import re
from urllib.parse import urlencode

import pytest
from pages import page_text

# A path through every step: a Flemish bachelor with a follow-up question, a Dutch row.
ANSWERS = {
    "r": "flanders",
    "s": "flanders",
    "y0": "2023-2024",
    "p0": "bachelor",
    "t0": "60",
    "e0": "30",
    "y1": "2024-2025",
    "p1": "bachelor",
    "t1": "60",
    "e1": "60",
    "y2": "2025-2026",
    "x2": "netherlands",
    "p2": "master",
    "t2": "60",
    "e2": "60",
    "y3": "2026-2027",
    "p3": "bachelor",
    "t3": "12",
}
STEPS = ["residence", "system", "about", "years", "details", "finish", "netherlands"]
# Words that speak about the student, or as the student, instead of to them ("their official
# address", "Ik stond ingeschreven", "J'étais inscrit", the formal Dutch "u").
OTHER_PERSON = {
    "en": r"\b([Tt]he student|[Tt]hey|[Tt]heir|I|[Mm]y)\b",
    "nl": r"\b([Dd]e student|[Ii]k|[Mm]ijn|[Uu]|[Uu]w)\b",
    "fr": r"(\b[Ll]'étudiant|\b([Ss]on|[Ss]es|[Jj]e|[Mm]on|[Mm]a|[Mm]es|[Tt]u|[Tt]on|[Tt]a)\b|\b[Jj]')",
}
QUESTION = re.compile(
    r'<(h1|label|legend)[^>]*>(.*?)</\1>|<div [^>]*class="form-text"[^>]*>(.*?)</div>', re.S
)
SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+")


def questions_and_help(client, language, step) -> list[str]:
    row = {"row": "0"} if step == "years" else {}  # a year's own page, not the list of years
    html = client.get(f"/{language}/step/{step}/?{urlencode(ANSWERS | row)}").content.decode()
    return [page_text(m[1] or m[2]).rstrip(" *") for m in QUESTION.findall(html)]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("step", STEPS)
def test_every_question_and_help_text_speaks_to_the_student(client, language, step):
    texts = questions_and_help(client, language, step)
    assert len(texts) >= 2, texts  # the question and at least a label or help text
    spoken_about = [t for t in texts if re.search(OTHER_PERSON[language], t)]
    assert spoken_about == []


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_wizard_s_sentences_are_short(client, language):
    sentences = [
        sentence
        for step in STEPS
        for text in questions_and_help(client, language, step)
        for sentence in SENTENCE_END.split(text)
        if len(sentence.split()) > 3  # a sentence, not a label or a choice
    ]
    lengths = [len(sentence.split()) for sentence in sentences]
    assert max(lengths) <= 35, max(zip(lengths, sentences, strict=True))
    assert sum(lengths) / len(lengths) <= 18


@pytest.mark.parametrize(
    "language, words",
    [
        ("nl", "Ouders en begeleiders kunnen in de plaats van de student antwoorden."),
        ("fr", "Les parents et les conseillers peuvent répondre à sa place."),
        ("en", "Parents and counsellors can answer for the student."),
    ],
)
def test_the_start_page_says_once_that_others_can_answer_for_the_student(client, language, words):
    text = page_text(client.get(f"/{language}/").content.decode())
    assert text.count(words) == 1
