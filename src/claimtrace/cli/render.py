"""The table view of an analysed article, for people (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrace.model import Article, Claim, Quantity, spans_text


def _source(claim: Claim) -> str:
    mention = spans_text(claim.source) or "—"
    entity = claim.source_entity.name if claim.source_entity else None
    if entity and entity.lower() != mention.lower():
        mention = f"{mention} → {entity}"
    chain = " ← ".join(spans_text(link.source) for link in claim.via)
    return f"{mention} ← {chain}" if chain else mention


def claims_table(article: Article) -> Table:
    table = Table(title="Claims", show_lines=True, expand=True)
    for column, ratio in (
        ("#", 1),
        ("source", 6),
        ("kind", 3),
        ("cue", 3),
        ("stance", 3),
        ("content", 14),
        ("said", 3),
    ):
        table.add_column(column, ratio=ratio, overflow="fold")
    for claim in article.claims:
        details = [spans_text(claim.content)]
        if claim.hedges:
            details.append(f"[hedges: {', '.join(h.cue for h in claim.hedges)}]")
        if claim.basis.value != "unstated":
            details.append(f"[basis: {claim.basis.value}]")
        if claim.channel:
            details.append(f"[channel: {claim.channel.text}]")
        table.add_row(
            claim.id,
            _source(claim),
            claim.source_kind.value,
            spans_text(claim.cue),
            claim.stance.value,
            " ".join(details),
            claim.said_on or "",
        )
    return table


def _number(value: float) -> str:
    """A number as people write it: 2,000,000,000 rather than 2e+09, 5.2 as 5.2."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


def quantity_value(q: Quantity) -> str:
    """One line for a quantity, as "10,000–12,000 · range · North Korean troops · killed"
    or "USD 2,000,000,000 · exact · change down"."""
    amount = _number(q.value) + (f"–{_number(q.value_high)}" if q.value_high is not None else "")
    measure = " ".join(filter(None, [q.currency, amount, q.unit]))
    counted = " ".join([*q.modifiers, q.counted]) if q.counted else ""
    change = f"change {q.change.value}" if q.change else ""
    parts = [measure, q.qualifier.value, counted, change, q.event or ""]
    return " · ".join(p for p in parts if p)


def facts_table(article: Article) -> Table:
    table = Table(title="Quantities, dates and places", expand=True)
    table.add_column("what", ratio=2)
    table.add_column("text", ratio=5, overflow="fold")
    table.add_column("value", ratio=7, overflow="fold")
    for q in article.quantities:
        table.add_row("quantity", q.span.text, quantity_value(q))
    for t in article.timexes:
        table.add_row(t.type.value.lower(), t.span.text, " ".join(filter(None, [t.value, t.mod])))
    for p in article.places:
        where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else ""
        parts = [p.name, p.kind.value, p.use.value, p.country or "", where]
        table.add_row("place", p.span.text, " · ".join(x for x in parts if x))
    return table


def render_article(article: Article, console: Console) -> None:
    header = Text.assemble(
        (article.title or article.origin or article.id, "bold"),
        f"\n{article.outlet or 'unknown outlet'} · {article.published or 'undated'} · "
        f"id {article.id}",
    )
    if article.analyzer:
        header.append(f" · model {article.analyzer.model}", style="dim")
    body: list = [claims_table(article)]
    if article.quantities or article.timexes or article.places:
        body.append(facts_table(article))
    if article.comment_requests:
        requests = "; ".join(
            f"{spans_text(r.requester)} asked {spans_text(r.target)} for comment"
            for r in article.comment_requests
        )
        body.append(Text(f"Requests for comment (not claims): {requests}", style="italic"))
    console.print(Panel(Group(header, *body), expand=True))
