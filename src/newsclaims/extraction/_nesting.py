"""Nesting: which statement's content holds another statement's cue.

``According to the Journal, officials believe X``: the officials' belief is reported by the
Journal, so it is nested in the Journal's statement. The parent is the statement with the
smallest content that contains the child's cue; a statement is never its own parent.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["find_parents"]

Span = tuple[int, int]
_WINDOW = 40


def find_parents(
    cues: Sequence[Span], contents: Sequence[Sequence[Span]]
) -> tuple[int | None, ...]:
    """Return, for each statement, the index of the statement it is nested in (or ``None``).

    Args:
        cues: each statement's cue span.
        contents: each statement's content spans.

    >>> find_parents([(0, 12), (14, 21)], [[(14, 40)], [(22, 40)]])
    (None, 0)
    """
    parents: list[int | None] = []
    for i, (cs, ce) in enumerate(cues):
        best: int | None = None
        best_size = 0
        # Contents lie near their own cues, so only neighbours can hold this cue: looking at
        # a fixed window keeps the whole pass linear in the number of statements.
        for j in range(max(0, i - _WINDOW), min(len(contents), i + _WINDOW + 1)):
            if j == i:
                continue
            for s, e in contents[j]:
                if s <= cs and ce <= e:
                    size = e - s
                    if best is None or size < best_size:
                        best, best_size = j, size
        parents.append(best)
    return _break_cycles(parents)


def _break_cycles(parents: list[int | None]) -> tuple[int | None, ...]:
    """Cut any cycle (two contents holding each other's cues) at its latest statement."""
    for i in range(len(parents)):
        seen = {i}
        j = parents[i]
        while j is not None:
            if j in seen:
                parents[i] = None
                break
            seen.add(j)
            j = parents[j]
    return tuple(parents)
