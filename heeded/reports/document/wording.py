"""How the report says numbers: percentages always with their numerator and denominator,
changes with their base, "new" where the base was zero, ties named as such.

Domain.md section 7.2 lists what goes wrong when these are written by hand (percentages with
unknown denominators, a "100% increase" from zero, bands that add to 101%).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from ..figures import percentage as _whole_percentage

# A custom period's label, "1 April 2019 to 30 September 2019", or a day's, "1 January 2026";
# the named ones are "2019/20", "2019/20 H1", "2019/20 Q3".
_DAY = r"\d{1,2} [A-Z][a-z]+ \d{4}"
_SPAN = re.compile(rf"^({_DAY}) to ({_DAY})$")


def during(label: str) -> str:
    """When, after a verb: "in 2019/20", "from 1 April 2019 to 30 September 2019" (not "in
    1 April 2019 to ..."), "on 1 January 2026"."""
    if _SPAN.match(label):
        return f"from {label}"
    if re.fullmatch(_DAY, label):
        return f"on {label}"
    return f"in {label}"


def against(label: str) -> str:
    """A change's base: "on 2018/19", as the seeds write it; "compared with 1 April 2018 to
    30 September 2018" for custom dates, which "on" would read as a day."""
    return f"on {label}" if during(label).startswith("in ") else f"compared with {label}"


Count = Callable[[int], str]


def percentage(numerator: int | float, denominator: int | float) -> int | None:
    if not denominator:
        return None
    if isinstance(numerator, int) and isinstance(denominator, int):
        return _whole_percentage(numerator, denominator)
    share = Decimal(str(numerator)) * 100 / Decimal(str(denominator))
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def plain(n: int) -> str:
    return f"{n:,}"


def percent(numerator: int, denominator: int) -> str:
    """68%, rounded half up (the measures' own rule); no denominator, no percentage.

    A share that rounds to 0% or 100% without being none or all of its base is "less than
    1%" or "more than 99%": demo 2025/26's Table 1 printed "0%" beside the 1 case concern
    that became a complaint, of 340 representations, which reads as none."""
    value = percentage(numerator, denominator)
    if value is None:
        return ""
    if value == 0 and numerator:
        return "less than 1%"
    if value == 100 and numerator < denominator:
        return "more than 99%"
    return f"{value}%"


def beyond_whole(numerator: int, denominator: int) -> float | None:
    """The fraction behind ``percent``'s "less than 1%" or "more than 99%", for the
    spreadsheet to keep as a number; None where a whole percentage is printed."""
    if percent(numerator, denominator)[:1].isdigit() or not denominator:
        return None
    return numerator / denominator


def share(numerator: int, denominator: int, count: Count = plain) -> str:
    """ "19 of 28 (68%)"; the percentage is left out when either count is hidden; "all 47"
    or "both" where it is every one (``_every``)."""
    if _every(numerator, denominator, count):
        return _every(numerator, denominator, count)
    return _with_percent(
        f"{count(numerator)} of {count(denominator)}", numerator, denominator, count
    )


def part(numerator: int, denominator: int, count: Count = plain) -> str:
    """ "19 (68%)": a share whose sentence has already said what it is of, once for all its
    parts ("Of 28 Stage 1 responses, 19 (68%) were upheld and 9 (32%) not upheld")."""
    if _every(numerator, denominator, count):
        return _every(numerator, denominator, count)
    return _with_percent(count(numerator), numerator, denominator, count)


def _every(numerator: int, denominator: int, count: Count) -> str:
    """ "all 47" or "both" where a shown share is every one of two or more, as a council's
    report says it: demo 2023/24 H2 printed "47 of 47 (100%) complaints whose
    acknowledgement date was recorded were acknowledged within 3 working days", and
    2025/26 "of these, 11 (100%) were answered within the extended deadline". Otherwise "",
    and the share is said in figures."""
    if numerator != denominator or denominator < 2 or count(denominator) != plain(denominator):
        return ""
    return "both" if denominator == 2 else f"all {count(denominator)}"


def _with_percent(text: str, numerator: int, denominator: int, count: Count) -> str:
    if count(numerator) == plain(numerator) and count(denominator) == plain(denominator):
        pct = percent(numerator, denominator)
        if pct:
            text += f" ({pct})"
    return text


def change(now: int | float, before: int | float | None, since: str, count: Count = plain) -> str:
    """ "an increase of 19 (39%) on 2018/19"; to or from zero, "up from none in 2018/19" and
    "down from 3 in 2018/19": a change from nothing has no percentage, and one to nothing
    ("a decrease of 3 (100%)") says with a percentage what the count already says."""
    if before is None:
        return ""
    difference = now - before
    hidden = count(now) != plain(now) or count(before) != plain(before)
    if hidden:
        # Official statistics leave a comparison out when either side is hidden: "compared
        # with withheld" says nothing, and "compared with fewer than 5" reads as a finding.
        return ""
    if difference == 0:
        return f"the same as {during(since)}"
    if before == 0:
        return f"up from none {during(since)}"
    if now == 0:
        return f"down from {_number(before)} {during(since)}"
    direction = "an increase" if difference > 0 else "a decrease"
    amount = _number(abs(difference))
    return f"{direction} of {amount} ({percent(abs(difference), before)}) {against(since)}"


MINUS = "\u2212"  # the minus sign, not a hyphen


def change_cell(now: int, before: int | None) -> str:
    """The short form for a table, signed alike both ways: "+19 (+39%)", "−2 (−50%)", "0",
    "new". A percentage without a sign beside a fall ("-2 (50%)") reads as a rise."""
    if before is None:
        return ""
    difference = now - before
    if before == 0:
        return "new" if now else "0"
    if difference == 0:
        return "0"
    sign = "+" if difference > 0 else MINUS
    # ``percent``'s words, as the sentences have them: "+1 (+0%)" on a base of 340 read as no
    # change, and "−999 (−100%)" of 1,000 as none left. Those words need no sign; the
    # spreadsheet keeps the numbers (``change_figures``).
    share = percent(abs(difference), before)
    return f"{sign}{abs(difference):,} ({f'{sign}{share}' if share[0].isdigit() else share})"


def change_figures(now: int, before: int | None) -> tuple[int, int | None] | None:
    """``change_cell``'s figures: the difference and its percentage of the base, signed
    alike ((6, 10) for "+6 (+10%)", (-1, -13) for "−1 (−13%)"); from a base of 0, no
    percentage ("new")."""
    if before is None:
        return None
    difference = now - before
    share = percentage(abs(difference), before)
    if share is None:
        return difference, None
    return difference, share if difference >= 0 else -share


def change_beyond_whole(now: int, before: int | None) -> float | None:
    """``beyond_whole`` for a change: the signed fraction of its base behind "+1 (less than
    1%)" or "−999 (more than 99%)"."""
    if before is None:
        return None
    exact = beyond_whole(abs(now - before), before)
    return -exact if exact is not None and now < before else exact


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


PLACES = ["first", "second", "third"]


def ranked(items: dict[str, int], places: int = 3) -> list[tuple[int, list[str], int]]:
    """The top ``places`` places, ties sharing a place: [(place, [labels], count)].

    Three labels tied for third are all third ("equal third"), as the Isle of Wight 2019/20
    report names "Insufficient Support" and "Funding".
    """
    ordered = sorted(((n, label) for label, n in items.items() if n > 0), key=lambda x: -x[0])
    result: list[tuple[int, list[str], int]] = []
    place = 0
    i = 0
    while i < len(ordered) and place < places:
        n = ordered[i][0]
        tied = [label for m, label in ordered if m == n]
        result.append((place + 1, tied, n))
        place += len(tied)
        i += len(tied)
    return result


def top_three(items: dict[str, int], count: Count = plain) -> str:
    """ "'Conduct of worker' (9), 'Quality of service' (7) and, equal third, 'Funding' and
    'Insufficient support' (5 each)".

    The list stops at the first place whose count ``count`` hides: which of several
    hidden counts is the largest, or that two are equal, would tell something of them.
    Empty if even the first place is hidden.
    """
    return _top_three(items, count)[0]


def most(items: dict[str, int], count: Count, one: str, many: str) -> str:
    """ "The natures most often recorded were 'A' (9) and 'B' (7)", or with ``one`` where a
    single label is named ("The service complained about most was 'CAST' (1)")."""
    text, named = _top_three(items, count)
    if not text:
        return ""
    return f"{one if named == 1 else many} {text}"


def _top_three(items: dict[str, int], count: Count) -> tuple[str, int]:
    """The top three as words, and how many labels they name."""
    parts, named, tied = [], 0, False
    for place, labels, n in ranked(items):
        # Every count of a tie: one shown beside one hidden would give the hidden one away.
        if any(count(items[label]) != plain(items[label]) for label in labels):
            break
        names = join([f"'{label}'" for label in labels])
        if len(labels) > 1:
            where = "equal " + PLACES[place - 1] if place <= 3 else ""
            parts.append(f"{names} ({where}, {count(n)} each)")
        else:
            parts.append(f"{names} ({count(n)})")
        named += len(labels)
        tied = tied or len(labels) > 1
    if tied and len(parts) > 1:
        # "'A' and 'B' (equal first, 19 each), and 'C' (18)": without the comma the tie's
        # "and" and the list's run together ("'A' and 'B' (...) and 'C'"), the worse where a
        # label has its own ("'Apology and explanation'").
        return ", ".join(parts[:-1]) + ", and " + parts[-1], named
    return join(parts), named


def join(items: list[str], conjunction: str = "and") -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


# Words the report capitalises wherever they stand: "a Stage 3 review panel", "the
# Ombudsman", as the seed reports and the domain's own documents write them.
PROPER_WORDS = ("Stage", "Ombudsman")


def caption_in_sentence(caption: str) -> str:
    """A table's caption inside a sentence ("The table of ... is not published"): "ombudsman
    decisions" and "stage 1 response times" read as slips beside "the Ombudsman" and
    "Stage 1" everywhere else (public demo 2025/26, section 12)."""
    if caption.split(" ", 1)[0] in PROPER_WORDS:
        return caption
    return caption[:1].lower() + caption[1:]


NOT_PUBLISHED = "is not published in this version, to protect privacy"
# An average or a total of money worked out from fewer cases than the threshold would
# describe them one by one.
SMALL_NUMBERS_NOT_PUBLISHED = "is not published (small numbers)"


def privacy_note(threshold: int) -> str:
    """The introduction's note on what the public version hides. It said "(see the note on
    small numbers)", and the public demo 2025/26 has no note by that name: the words a
    reader meets in the tables are now explained where the note is read first."""
    # "Withheld" is said to be of any size: a report that let readers take it as at least
    # {threshold} would let them work out a small count withheld in place of "fewer than"
    # (demo 2025/26 public: a total less a "withheld" 4 read as 5 or more gave Referral's 3).
    return (
        "Some figures are not published, to protect the privacy of the children and families "
        f'involved: a count from 1 to {threshold - 1} is shown as "fewer than {threshold}", '
        "and a figure from which such a count could be worked out is shown as "
        f'"withheld". A withheld figure may be of any size, fewer than {threshold} included.'
    )


def not_published(phrases: list[str]) -> str:
    """ "the numbers upheld and not upheld are not published (small numbers)": the hidden
    parts of a list, said once, without a word where a number would be."""
    many = len(phrases) > 1
    return (
        f"the number{'s' if many else ''} {join(phrases)} {'are' if many else 'is'} "
        "not published (small numbers)"
    )


def working_days(value: float | None) -> str:
    if value is None:
        return "not available"
    return f"{value:.1f} working days"
