"""One self-contained HTML page for a report: inline CSS and JavaScript, no external URL.

The article is on the left with every source, cue and content lightly highlighted; the panel
on the right lists the statements grouped by source (nested statements inside the statement
that reports them), with filters on source kind, certainty and polarity, and the entities
with their mention counts. Clicking (or hovering) a statement highlights its source, cue and
content in the article; clicking an entity highlights its mentions; clicking highlighted text
selects its statement. The page works without JavaScript as a static reading.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from typing import Final

from newsclaims.model import Report, Span, Statement

__all__ = ["render_html"]

_ROLES: Final = ("src", "cue", "cnt")
_NONE: Final = "none"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


# --------------------------------------------------------------------------- article


def _marks(report: Report) -> Iterator[tuple[Span, str]]:
    """Yield every span to mark in the article with its token (``s:S1:src``, ``e:E2``).

    The prefixes keep statement and entity tokens apart whatever characters ids hold.
    """
    for s in report.statements:
        for role, spans in zip(_ROLES, (s.source.mentions, s.cue.spans, s.content), strict=True):
            for span in spans:
                yield span, f"s:{s.id}:{role}"
    for e in report.entities:
        for span in e.mentions:
            yield span, f"e:{e.id}"


def _classes(tokens: Counter[str]) -> str:
    kinds = {"c-ent" if t.startswith("e:") else "c-" + t.rsplit(":", 1)[1] for t in tokens}
    return " ".join(sorted(kinds))


def _article(report: Report) -> str:
    """The article text cut into segments, each carrying the tokens of the spans over it."""
    events: dict[int, list[tuple[str, int]]] = {}
    for span, token in _marks(report):
        if len(span):
            events.setdefault(span.start, []).append((token, 1))
            events.setdefault(span.end, []).append((token, -1))
    active: Counter[str] = Counter()
    out = []
    position = 0
    for boundary in sorted(events):
        if boundary > position:
            out.append(_segment(report.text[position:boundary], active))
        for token, delta in events[boundary]:
            active[token] += delta
            if not active[token]:
                del active[token]
        position = boundary
    out.append(_segment(report.text[position:], active))
    return "".join(out)


def _segment(text: str, active: Counter[str]) -> str:
    if not text:
        return ""
    if not active:
        return _esc(text)
    tokens = " ".join(sorted(active))
    return f'<span class="{_classes(active)}" data-r="{_esc(tokens)}">{_esc(text)}</span>'


# --------------------------------------------------------------------------- panel


def _label(statement: Statement) -> tuple[str, str]:
    confidence = statement.confidence
    if confidence is None:
        return _NONE, _NONE
    return confidence.certainty.value, confidence.polarity.value


def _card(report: Report, statement: Statement, children: dict[str | None, list[Statement]]) -> str:
    certainty, polarity = _label(statement)
    source = report.text_of(statement.source.mentions) or "(no source in the text)"
    cue = report.text_of(statement.cue.spans) or "(quotation marks)"
    badges = [statement.form.value, statement.source.kind.value]
    if statement.confidence is not None:
        badges.append(f"{certainty} · {polarity}")
        if statement.confidence.likelihood is not None:
            low, high = statement.confidence.likelihood.range
            badges.append(f"{low:.0%}–{high:.0%}")
    nested = "".join(_card(report, child, children) for child in children.get(statement.id, []))
    return (
        f'<li class="st" tabindex="0" data-id="{_esc(statement.id)}"'
        f' data-kind="{statement.source.kind.value}" data-certainty="{certainty}"'
        f' data-polarity="{polarity}">'
        f'<div class="st-head"><span class="sid">{_esc(statement.id)}</span> '
        f'<span class="who">{_esc(source)}</span> <span class="cue">{_esc(cue)}</span></div>'
        f'<div class="what">{_esc(report.text_of(statement.content))}</div>'
        f'<div class="badges">{"".join(f"<span>{_esc(b)}</span>" for b in badges)}</div>'
        + (f'<ul class="nested">{nested}</ul>' if nested else "")
        + "</li>"
    )


def _group_key(report: Report, statement: Statement) -> tuple[str, str]:
    """A source group's key and its heading: the entity where linked, else the words."""
    source = statement.source
    if source.entity_ids:
        names = [report.entity(ref).name for ref in source.entity_ids]
        return "entity:" + " ".join(source.entity_ids), _and(names)
    words = " ".join(report.text_of(source.mentions, sep=" ").split())
    if not words:
        return "none", "(no source in the text)"
    return f"text:{words.casefold()}", words


def _and(names: list[str]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _groups(report: Report, children: dict[str | None, list[Statement]]) -> str:
    groups: dict[str, tuple[str, list[Statement]]] = {}
    for statement in children.get(None, []):
        key, heading = _group_key(report, statement)
        groups.setdefault(key, (heading, []))[1].append(statement)
    out = []
    for heading, statements in groups.values():
        cards = "".join(_card(report, s, children) for s in statements)
        count = len(statements)
        out.append(
            f'<section class="group"><h3>{_esc(heading)} <small>{count}</small></h3>'
            f"<ul>{cards}</ul></section>"
        )
    return "".join(out) or '<p class="empty">No statements.</p>'


def _filters(report: Report) -> str:
    values: dict[str, list[str]] = {"kind": [], "certainty": [], "polarity": []}
    for statement in report.statements:
        certainty, polarity = _label(statement)
        for name, value in (
            ("kind", statement.source.kind.value),
            ("certainty", certainty),
            ("polarity", polarity),
        ):
            if value not in values[name]:
                values[name].append(value)
    out = []
    for name, present in values.items():
        boxes = "".join(
            f'<label><input type="checkbox" data-filter="{name}" value="{_esc(v)}" checked>'
            f" {_esc('not read' if v == _NONE else v)}</label>"
            for v in sorted(present)
        )
        title = "source kind" if name == "kind" else name
        out.append(f"<fieldset><legend>{title}</legend>{boxes}</fieldset>")
    return f'<div class="filters">{"".join(out)}</div>' if report.statements else ""


def _entities(report: Report) -> str:
    if not report.entities:
        return ""
    items = "".join(
        f'<li class="ent" tabindex="0" data-id="{_esc(e.id)}">{_esc(e.name)}'
        f" <small>{e.kind.value.replace('_', ' ')}</small>"
        f' <span class="count">{len(e.mentions)}</span></li>'
        for e in sorted(report.entities, key=lambda e: (-len(e.mentions), e.name))
    )
    return f'<h2>Entities</h2><ul class="entities">{items}</ul>'


def _meta(report: Report) -> str:
    meta = report.metadata
    parts = [
        meta.publisher,
        ", ".join(meta.authors) if meta.authors else None,
        meta.published.isoformat() if meta.published else None,
        meta.url,
        meta.origin,
    ]
    return " · ".join(_esc(p) for p in parts if p)


def render_html(report: Report) -> str:
    """Return one self-contained HTML page showing ``report``.

    >>> page = render_html(Report("Iran denied it."))
    >>> page.startswith("<!DOCTYPE html>"), "http" in page
    (True, False)
    """
    children: dict[str | None, list[Statement]] = {}
    for statement in report.statements:
        children.setdefault(statement.nested_in, []).append(statement)
    if report.structure.headline is not None:
        title = report.text_of(report.structure.headline)
    else:
        title = report.metadata.origin or "newsclaims report"
    n = len(report.statements)
    return _PAGE.format(
        title=_esc(" ".join(title.split())),
        meta=_meta(report),
        css=_CSS,
        js=_JS,
        article=_article(report),
        count=f"{n} statement{'s' * (n != 1)}",
        filters=_filters(report),
        groups=_groups(report, children),
        entities=_entities(report),
    )


_PAGE: Final = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsclaims">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><p class="meta">{meta}</p>
<p class="legend"><span class="c-src">source</span> <span class="c-cue">cue</span>
<span class="c-cnt">content</span> <span class="c-ent">entity</span></p></header>
<main>
<article id="article">{article}</article>
<aside id="panel">
<h2>{count}</h2>
{filters}
<div id="groups">{groups}</div>
{entities}
</aside>
</main>
<script>{js}</script>
</body>
</html>
"""

_CSS: Final = """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1f2933; background: #f7f7f5; }
header { padding: 12px 24px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { margin: 0 0 4px; font-size: 20px; }
h2 { font-size: 15px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .04em;
  color: #52606d; }
.meta { margin: 0; color: #616e7c; font-size: 13px; }
.legend span { padding: 0 6px; border-radius: 3px; font-size: 13px; }
main { display: flex; gap: 20px; padding: 16px 24px; align-items: flex-start; }
#article { flex: 3; white-space: pre-wrap; background: #fff; padding: 18px 22px;
  border: 1px solid #ddd; border-radius: 6px; font-family: Georgia, serif; font-size: 16px; }
#panel { flex: 2; position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
.c-cnt { background: #e6f4ea; }
.c-src { background: #dbeafe; }
.c-cue { background: #fdf0c2; font-weight: 600; }
.c-ent { border-bottom: 1px dotted #7c3aed; }
#article span[data-r] { cursor: pointer; }
.hl-cnt, .pv-cnt { background: #86efac !important; }
.hl-src, .pv-src { background: #93c5fd !important; }
.hl-cue, .pv-cue { background: #fcd34d !important; }
.hl-cnt, .hl-src, .hl-cue { box-shadow: 0 2px 0 #374151; }
.hl-ent { background: #ddd6fe !important; border-bottom: 2px solid #7c3aed; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; }
fieldset { border: 1px solid #ddd; border-radius: 6px; padding: 4px 8px; margin: 0;
  background: #fff; font-size: 13px; }
legend { font-weight: 600; color: #52606d; }
fieldset label { margin-right: 8px; white-space: nowrap; }
.group { margin: 10px 0; }
.group h3 { margin: 0 0 4px; font-size: 14px; }
.group h3 small { color: #7b8794; font-weight: normal; }
ul { list-style: none; margin: 0; padding: 0; }
.st { background: #fff; border: 1px solid #ddd; border-left: 4px solid #93c5fd;
  border-radius: 5px; padding: 6px 8px; margin: 5px 0; cursor: pointer; font-size: 13px; }
.st:hover { border-color: #9aa5b1; }
.st.selected { border-left-color: #1d4ed8; box-shadow: 0 0 0 2px #bfdbfe; }
.st .nested { margin: 6px 0 0 10px; border-left: 2px dashed #cbd2d9; padding-left: 8px; }
.sid { color: #7b8794; font-size: 11px; }
.who { font-weight: 600; }
.cue { background: #fdf0c2; padding: 0 3px; border-radius: 3px; }
.what { margin: 3px 0; color: #323f4b; }
.badges span { display: inline-block; font-size: 11px; background: #eef2f7; color: #3e4c59;
  border-radius: 9px; padding: 0 7px; margin: 1px 3px 0 0; }
.hidden { display: none !important; }
.entities li { background: #fff; border: 1px solid #ddd; border-radius: 5px; padding: 3px 8px;
  margin: 3px 0; cursor: pointer; font-size: 13px; }
.entities li.selected { border-color: #7c3aed; box-shadow: 0 0 0 2px #ddd6fe; }
.entities small { color: #7b8794; }
.count { float: right; font-weight: 600; color: #52606d; }
.empty { color: #7b8794; }
"""

# Plain DOM code, no library: index the article's segments by token once, then add and
# remove classes. Statement and entity ids come from data attributes, never from selectors.
_JS: Final = """
(function () {
  "use strict";
  var byToken = {};
  document.querySelectorAll("#article span[data-r]").forEach(function (el) {
    el.getAttribute("data-r").split(" ").forEach(function (t) {
      (byToken[t] = byToken[t] || []).push(el);
    });
  });
  var roles = ["src", "cue", "cnt"];
  function mark(id, prefix, on) {
    roles.forEach(function (role) {
      (byToken["s:" + id + ":" + role] || []).forEach(function (el) {
        el.classList.toggle(prefix + "-" + role, on);
      });
    });
  }
  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    document.querySelectorAll(".hl-src, .hl-cue, .hl-cnt, .hl-ent").forEach(function (el) {
      el.classList.remove("hl-src", "hl-cue", "hl-cnt", "hl-ent");
    });
  }
  function selectStatement(card) {
    clearSelection();
    card.classList.add("selected");
    var id = card.getAttribute("data-id");
    mark(id, "hl", true);
    var first = (byToken["s:" + id + ":cnt"] || byToken["s:" + id + ":src"] || [])[0];
    if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
  }
  function selectEntity(item) {
    clearSelection();
    item.classList.add("selected");
    (byToken["e:" + item.getAttribute("data-id")] || []).forEach(function (el) {
      el.classList.add("hl-ent");
    });
  }
  document.querySelectorAll(".st").forEach(function (card) {
    var id = card.getAttribute("data-id");
    card.addEventListener("click", function (event) {
      event.stopPropagation();
      selectStatement(card);
    });
    card.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        selectStatement(card);
      }
    });
    card.addEventListener("mouseenter", function () { mark(id, "pv", true); });
    card.addEventListener("mouseleave", function () { mark(id, "pv", false); });
  });
  document.querySelectorAll(".ent").forEach(function (item) {
    item.addEventListener("click", function () { selectEntity(item); });
    item.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { selectEntity(item); }
    });
  });
  document.querySelectorAll("#article span[data-r]").forEach(function (el) {
    el.addEventListener("click", function () {
      var tokens = el.getAttribute("data-r").split(" ");
      for (var i = 0; i < tokens.length; i++) {
        if (tokens[i].slice(0, 2) !== "s:") { continue; }
        var id = tokens[i].slice(2, tokens[i].lastIndexOf(":"));
        var card = Array.prototype.find.call(document.querySelectorAll(".st"), function (c) {
          return c.getAttribute("data-id") === id;
        });
        if (card && !card.classList.contains("hidden")) {
          selectStatement(card);
          if (card.scrollIntoView) { card.scrollIntoView({block: "nearest"}); }
          return;
        }
      }
    });
  });
  function applyFilters() {
    var allowed = {};
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      allowed[name] = allowed[name] || {};
      if (box.checked) { allowed[name][box.value] = true; }
    });
    document.querySelectorAll(".st").forEach(function (card) {
      var show = ["kind", "certainty", "polarity"].every(function (name) {
        return !allowed[name] || allowed[name][card.getAttribute("data-" + name)];
      });
      card.classList.toggle("hidden", !show);
    });
    document.querySelectorAll(".group").forEach(function (group) {
      var any = group.querySelector(":scope > ul > .st:not(.hidden)");
      group.classList.toggle("hidden", !any);
    });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
})();
"""
