"""The rules a person's details follow before they are registered: no store needed.

Typing a name, adding a household member and importing a commune list all check a person
here, so each says the same thing about the same mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from volunteer_kit.core.clock import local, utcnow
from volunteer_kit.core.text import clean_text, digits
from volunteer_kit.errors import InvalidInput

MAX_NAME_LENGTH = 120
OLDEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class NewLearner:
    """A person to register, their name already checked (check_new_learner)."""

    full_name: str
    birth_year: int | None
    gender: str | None = None
    phone: str | None = None
    hamlet: str = ""
    groups: tuple[str, ...] = ()
    household_id: str | None = None
    # Who gave consent: the person ("self") or, for a child or someone who cannot, a representative.
    given_by: str = "self"
    representative_name: str = ""


def check_new_learner(full_name: str, birth_year: int | None) -> str:
    """The name as it will be stored, or InvalidInput saying precisely what is wrong."""
    name = clean_text(full_name)
    if not name:
        raise InvalidInput("Hãy nhập họ và tên.", "Enter the full name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(
            f"Họ tên dài quá {MAX_NAME_LENGTH} ký tự.",
            f"The name is longer than {MAX_NAME_LENGTH} characters.",
        )
    if any(ch.isdigit() for ch in name) or name[0] in "=+-@":
        raise InvalidInput(
            "Họ tên không chứa chữ số hay dấu =, +, -, @ ở đầu.",
            "A name has no digits and does not start with =, +, - or @.",
        )
    this_year = local(utcnow()).year
    if birth_year is not None and not OLDEST_BIRTH_YEAR <= birth_year <= this_year:
        raise InvalidInput(
            f"Năm sinh phải từ {OLDEST_BIRTH_YEAR} đến {this_year}.",
            f"The birth year must be between {OLDEST_BIRTH_YEAR} and {this_year}.",
        )
    return name


def check_person(person: NewLearner) -> NewLearner:
    """The person as they will be stored, or InvalidInput naming what is wrong."""
    name = check_new_learner(person.full_name, person.birth_year)
    phone = None
    if person.phone and person.phone.strip():
        phone = digits(person.phone)
        if not (len(phone) == 10 and phone.startswith("0")) or any(c.isalpha() for c in person.phone):
            raise InvalidInput(
                f"{name}: số điện thoại phải có 10 chữ số, ví dụ 0912345678.",
                f"{name}: a phone number has 10 digits, for example 0912345678.",
            )
    representative = clean_text(person.representative_name)
    if person.given_by == "representative" and not representative:
        raise InvalidInput(
            f"{name}: hãy ghi tên người đại diện đồng ý thay.",
            f"{name}: enter the name of the representative who gave consent.",
        )
    return NewLearner(
        name,
        person.birth_year,
        gender=person.gender or None,
        phone=phone,
        hamlet=person.hamlet,
        groups=person.groups,
        household_id=person.household_id,
        given_by=person.given_by,
        representative_name=representative if person.given_by == "representative" else "",
    )
