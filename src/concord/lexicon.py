"""Closed word lists and the English word-frequency list, loaded lazily.

The frequency list comes from pyspellchecker, whose wheel ships it: nothing is downloaded.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Capitalised only because they open a sentence: never part of a person's name.
FUNCTION_WORDS = frozenset(
    """
    a about above after against all also although an and another any are as at be because
    before behind below beneath beside besides between beyond both but by despite during each
    either even every for from had has have he her here hers him his how however i if in inside
    instead into is it its just like meanwhile more most my neither nor not now of off on once
    only onto or our out outside over per since so some still such than that the their them then
    there these they this those though through throughout thus to too toward towards under unless
    unlike until up upon us was we were what when whenever where whereas wherever whether which
    while who whom whose why with within without yet you your
    """.split()
)

# Words that may stand before a name without being part of it ("Foreign Minister Qin").
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady sen senator rep representative gov governor gen
    general president vice premier prime minister secretary chancellor king queen prince princess
    pope ambassador envoy spokesman spokeswoman spokesperson director chief chairman chairwoman
    chair coordinator adviser advisor counselor councillor councilor commissioner mayor judge
    justice officer colonel col captain capt admiral adm lieutenant lt sergeant sgt commander
    head leader speaker deputy foreign defense defence state national security treasury finance
    commerce trade interior home affairs assistant undersecretary under top senior former
    acting interim first lady sheikh emir crown diplomat official spokesperson ceo founder
    """.split()
)

# Abbreviations after which a period does not end the name chunk ("Mr. Blinken").
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen col capt adm lt sgt st".split()
)

# Verbs that, right after a capitalised word, show that the word names a person ("Gang said").
PERSON_VERBS = frozenset(
    """
    said says told tells spoke speaks added adds urged urges met meets stressed stresses noted
    notes asked asks warned warns replied replies insisted insists argued argues called calls
    visited visits arrived arrives wrote writes explained explains confirmed confirms denied
    denies announced announces declared declares emphasized emphasised reiterated believes
    believed thinks thought wants wanted hopes hoped
    """.split()
)

COMMON_WORD_MIN_FREQUENCY = 100


@cache
def _frequencies() -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language="en").word_frequency


def is_common_word(word: str) -> bool:
    """True for an ordinary English word ("turns", "gang"); false for rare names ("blinken")."""
    return int(_frequencies()[word.casefold()]) >= COMMON_WORD_MIN_FREQUENCY


# Finite verbs that, standing between an event word and a date, show that the date belongs to
# another action: in "The United States on Wednesday played down ... the trip", Wednesday
# dates "played down", not the trip.
FINITE_VERBS = PERSON_VERBS | frozenset(
    """
    is are was were comes came come goes went takes took makes made plays played gives gave
    marks marked began begins started starts ended ends follows followed accused accuses
    blamed blames signed signs rebuffed rebuked worsened offered offers agreed agrees
    received receives expects expected scrapped postponed cancelled canceled delayed
    """.split()
)

# Auxiliaries: with a past participle after them ("was scheduled"), they make a finite verb.
AUXILIARIES = frozenset("is are was were be been being has have had".split())

PRONOUNS = frozenset("he she they him her his their them".split())

# Capitalised words that describe rather than name whoever acts ("Chinese state media").
DEMONYMS = frozenset(
    """
    american americans chinese russian british french german japanese indian korean taiwanese
    ukrainian european asian african israeli iranian western eastern
    """.split()
)
