"""The exception hierarchy: one root, a few children, each also a fitting builtin.

Every error carries its pieces as attributes so that code can react without parsing messages,
and a message that names the input, the place, the problem and the value.
"""

from __future__ import annotations

__all__ = ["FormatError", "NewsclaimsError", "ValidationError"]


class NewsclaimsError(Exception):
    """The root of every error newsclaims raises on purpose.

    Catch this to handle any bad input in one place; the CLI does exactly that.
    """


class ValidationError(NewsclaimsError, ValueError):
    """A model object was built with a value that breaks its contract.

    Attributes:
        path: where in the object the problem is, as a JSON-like path
            (``"statements[3].content[0].end"``); empty for the object itself.
        problem: what is wrong, without the path.
        value: the offending value.

    >>> from newsclaims import Span
    >>> Span(5, 2)
    Traceback (most recent call last):
    ...
    newsclaims.errors.ValidationError: end: 2 is before start 5
    """

    def __init__(self, path: str, problem: str, value: object = None) -> None:
        self.path = path
        self.problem = problem
        self.value = value
        super().__init__(f"{path}: {problem}" if path else problem)


class FormatError(NewsclaimsError, ValueError):
    """An input could not be read: wrong syntax, wrong types, an unknown schema, bad spans.

    Attributes:
        source: a name for the input (a file name, ``"<string>"``).
        path: the place inside the input (``"statements[3].content[0].end"``), or ``""``.
        problem: what is wrong.

    >>> str(FormatError("report.json", "no 'schema' key", path="$"))
    "report.json: $: no 'schema' key"
    """

    def __init__(self, source: str, problem: str, *, path: str = "") -> None:
        self.source = source
        self.path = path
        self.problem = problem
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {problem}")
