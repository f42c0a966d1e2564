"""Quiz answers: read a typed or pressed choice, grade it, draw the progress bar (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lessons.model import LETTERS, Lesson, Question
from nlu.normalise import strip_accents

SKIP = "skip"  # "không biết", "bỏ qua": counted as wrong, the answer is shown
_LETTER_WORDS = r"(?:cau|dap an|phuong an|chon|lua chon|y|la|toi chon|em chon|minh chon|chu)"
_BARE_LETTER = re.compile(rf"^(?:{_LETTER_WORDS}\s+)*\(?([a-z])\)?(?:\s+(?:a|nhe|nha|a a))?$")
_BARE_DIGIT = re.compile(r"^([1-9])$")
_SKIP_WORDS = re.compile(
    r"^(?:toi |em |minh |chau )?(?:khong biet|ko biet|k biet|chiu|bo qua|chua biet|khong ro)\b"
)
_NON_WORD = re.compile(r"[^\w\s]")
_MIN_TEXT_MATCH = 4


def plain(text: str) -> str:
    """Lower case, no accents (đ → d), no punctuation, single spaces: the form we compare."""
    return " ".join(_NON_WORD.sub(" ", strip_accents(text or "").lower()).split())


@dataclass(frozen=True)
class ParsedChoice:
    """What a message says about a quiz question: a letter, a skip, or nothing usable."""

    letter: str | None = None
    is_skip: bool = False
    out_of_range: str | None = None  # a letter the question does not have ("d" of three)

    @property
    def is_answer(self) -> bool:
        return self.letter is not None or self.is_skip


def parse_choice(text: str, options: tuple[str, ...]) -> ParsedChoice:
    """Read "b", "B.", "câu b", "dap an b", "2" or the option's own words (accents optional)."""
    said = plain(text)
    forms = [plain(option) for option in options]
    if not said:
        return ParsedChoice()
    if said in forms:
        return ParsedChoice(letter=LETTERS[forms.index(said)])
    match = _BARE_LETTER.match(said)
    if match:
        letter = match.group(1)
        in_range = letter in LETTERS[: len(options)]
        return ParsedChoice(letter=letter) if in_range else ParsedChoice(out_of_range=letter)
    if said.replace(" ", "").isdigit():
        return _parse_number(said, forms)
    if _SKIP_WORDS.match(said):
        return ParsedChoice(is_skip=True)
    return ParsedChoice(letter=_match_option_text(said, forms))


def _parse_number(said: str, forms: list[str]) -> ParsedChoice:
    """ "60" picks the option "60 ngày"; with no numbers among the options "2" means B."""
    if any(ch.isdigit() for form in forms for ch in form):
        starts = [i for i, form in enumerate(forms) if f"{form} ".startswith(f"{said} ")]
        return ParsedChoice(letter=LETTERS[starts[0]] if len(starts) == 1 else None)
    match = _BARE_DIGIT.match(said)
    position = int(match.group(1)) if match else 0
    if 1 <= position <= len(forms):
        return ParsedChoice(letter=LETTERS[position - 1])
    return ParsedChoice(out_of_range=said)


def _match_option_text(said: str, forms: list[str]) -> str | None:
    """The one option the words point to: contained, or clearly the best word overlap."""
    if len(said) >= _MIN_TEXT_MATCH:
        inside = [i for i, form in enumerate(forms) if said in form or form in said]
        if len(inside) == 1:
            return LETTERS[inside[0]]
    said_words = set(said.split())
    overlaps = [len(said_words & set(form.split())) for form in forms]
    best = max(overlaps)
    is_clear = best >= 2 and best >= 0.75 * len(said_words) and sorted(overlaps)[-2] < best
    return LETTERS[overlaps.index(best)] if is_clear else None


@dataclass(frozen=True)
class Grade:
    is_correct: bool
    choice: str  # the learner's letter, "" for a skip
    answer: str  # the correct letter
    answer_text: str
    why: str


def grade_answer(question: Question, parsed: ParsedChoice) -> Grade:
    """Grade a parsed answer (a skip is wrong); raise ValueError when there is no answer."""
    if not parsed.is_answer:
        raise ValueError("nothing to grade: the message is not an answer")
    choice = "" if parsed.is_skip else str(parsed.letter)
    return Grade(
        is_correct=choice == question.answer,
        choice=choice,
        answer=question.answer,
        answer_text=question.options[question.answer_index],
        why=question.why,
    )


def is_passing(correct: int, total: int) -> bool:
    """Our own pass mark (not the official test's): at least two thirds right."""
    return total > 0 and correct * 3 >= total * 2


def needed_to_pass(total: int) -> int:
    return next(n for n in range(total + 1) if is_passing(n, total)) if total else 0


def progress_bar(done: int, total: int) -> str:
    """ "▰▰▱▱" for question 2 of 4 (filled up to and including the current one)."""
    done = max(0, min(done, total))
    return "▰" * done + "▱" * (total - done)


def item_key(lesson_id: str, question_index: int) -> str:
    """A quiz item as stored with a run: "vneid-kich-hoat:2"."""
    return f"{lesson_id}:{question_index}"


def parse_item_key(key: str) -> tuple[str, int]:
    lesson_id, _, index = key.rpartition(":")
    if not lesson_id or not index.isdigit():
        raise ValueError(f"not a quiz item key: {key!r}")
    return lesson_id, int(index)


def question_for(key: str, catalogue: dict[str, Lesson]) -> tuple[Lesson, Question] | None:
    """The lesson and question an item key points to, None when the content changed."""
    try:
        lesson_id, index = parse_item_key(key)
    except ValueError:
        return None
    lesson = catalogue.get(lesson_id)
    if lesson is None or index >= len(lesson.quiz):
        return None
    return lesson, lesson.quiz[index]
