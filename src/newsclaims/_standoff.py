"""The text brat standoff quotes on its lines, shared by the brat writer and reader."""

from __future__ import annotations

from typing import Final

__all__ = ["one_line"]

# Line breaks would split an annotation; other control characters make a short .ann look
# like binary data to the reader's check (and to brat). The quoted text is for people: the
# offsets say what is annotated.
_CONTROLS: Final = str.maketrans(
    dict.fromkeys(
        [chr(c) for c in range(0x20)]
        + ["\x7f", "\u2028", "\u2029"]
        + [chr(c) for c in range(0x80, 0xA0)],
        " ",
    )
)


def one_line(text: str) -> str:
    r"""Return ``text`` with every line break and control character made a space.

    >>> one_line("two\nlines\x08")
    'two lines '
    """
    return text.translate(_CONTROLS)
