"""ISO 3166-1 alpha-2 country codes and the VAT number forms the sandbox checks."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ISO_3166_ALPHA2", "vat_number_error"]

#: Every officially assigned ISO 3166-1 alpha-2 code (249 codes).
ISO_3166_ALPHA2: Final[frozenset[str]] = frozenset(
    # A table by first letter is easier to check against the standard than a list literal.
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET
    FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
    HK HM HN HR HT HU
    ID IE IL IM IN IO IQ IR IS IT
    JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ
    LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
    NA NC NE NF NG NI NL NO NP NR NU NZ
    OM
    PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA
    RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
    UA UG UM US UY UZ
    VA VC VE VG VI VN VU
    WF WS
    YE YT
    ZA ZM ZW
    """.split()  # noqa: SIM905
)

# Forms of the national part after the two-letter prefix, for the countries whose form we know.
# Sources: HMRC (GB, incl. government departments GD and health authorities HA) and the EU VIES
# format list. EL is Greece's VAT prefix and XI Northern Ireland's; neither is an ISO code.
_VAT_FORMS: Final[dict[str, re.Pattern[str]]] = {
    "GB": re.compile(r"\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2}"),
    "XI": re.compile(r"\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2}"),
    "DE": re.compile(r"\d{9}"),
    "FR": re.compile(r"[0-9A-HJ-NP-Z]{2}\d{9}"),
    "IE": re.compile(r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]"),
    "NL": re.compile(r"\d{9}B\d{2}"),
    "BE": re.compile(r"[01]\d{9}"),
    "ES": re.compile(r"[0-9A-Z]\d{7}[0-9A-Z]"),
    "IT": re.compile(r"\d{11}"),
    "AT": re.compile(r"U\d{8}"),
    "EL": re.compile(r"\d{9}"),
}
# Any other country: its prefix and 2 to 13 letters or digits (the longest VIES form is 12).
_VAT_GENERIC: Final = re.compile(r"[A-Z0-9]{2,13}")
_PREFIX_ONLY_CODES: Final = frozenset({"EL", "XI"})


def vat_number_error(vat_number: str) -> str | None:
    """Return why ``vat_number`` does not fit its country's form, or None when it fits.

    The number must start with its two-letter country prefix (``GB123456789``); spaces are
    ignored, case is not (VAT prefixes are upper case everywhere).
    """
    compact = vat_number.replace(" ", "")
    prefix, national = compact[:2], compact[2:]
    if not re.fullmatch(r"[A-Z]{2}", prefix):
        return "Enter a VAT number starting with its two-letter country prefix, e.g. GB123456789."
    if prefix not in ISO_3166_ALPHA2 and prefix not in _PREFIX_ONLY_CODES:
        return f"Unknown VAT country prefix {prefix!r}."
    form = _VAT_FORMS.get(prefix)
    if form is not None:
        if form.fullmatch(national) is None:
            return f"Enter a valid {prefix} VAT number."
        return None
    if _VAT_GENERIC.fullmatch(national) is None:
        return f"Enter a valid {prefix} VAT number."
    return None
