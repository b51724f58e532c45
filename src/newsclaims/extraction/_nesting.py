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
    """Cut any cycle (two contents holding each other's cues) at its latest statement.

    Each statement is walked once: a walk stops at a statement already known to reach a root,
    so a long chain of statements, each nested in the next, takes linear time.

    >>> _break_cycles([1, 0, 1, None])
    (1, None, 1, None)
    """
    done = [False] * len(parents)
    for i in range(len(parents)):
        path: list[int] = []
        on_path: set[int] = set()
        j: int | None = i
        while j is not None and not done[j]:
            if j in on_path:
                cycle = path[path.index(j) :]
                parents[max(cycle)] = None
                break
            path.append(j)
            on_path.add(j)
            j = parents[j]
        for k in path:
            done[k] = True
    return tuple(parents)
