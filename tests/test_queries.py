"""Every named query on the built corpus, answers checked against the 2023/24 plan by hand.

Expected rows were read off the document (see the comments); each query is also run through
rdflib's engine and must give the same answer as Oxigraph.
"""

from __future__ import annotations

import pytest

from graph_builder.errors import QueryError
from graph_builder.query import named_queries, run_query

ADP = {"plan": "adp-2023-24"}


def rows(store, name: str, **params: str) -> list[dict[str, str | None]]:  # type: ignore[no-untyped-def]
    return run_query(name, store, params).as_dicts()


def test_every_named_query_has_a_header() -> None:
    queries = named_queries()
    assert {"commitments-led-by", "accountable-for", "commitments-per-directorate",
            "commitments-per-priority", "pledge-states", "posts-and-holders",
            "commitments-mentioning-partner"} <= set(queries)
    for q in queries.values():
        assert q.question.endswith("?"), q.name
        assert q.example.startswith(f"pledgegraph query {q.name}"), q.name


def test_commitments_led_by_a_person(store) -> None:  # type: ignore[no-untyped-def]
    # Abdul Wahid leads the deliverables of 4.10, 4.11, 4.12, 4.16, 4.17 and 7.01 (lines
    # 123-135, 231).
    got = [r for r in rows(store, "commitments-led-by", lead="abdul wahid")
           if r["plan"] == "adp-2023-24"]
    assert sorted(r["number"] for r in got) == ["4.10", "4.11", "4.12", "4.16", "4.17", "7.01"]
    assert {r["role"] for r in got} == {"lead member"}


def test_commitments_led_by_a_post(store) -> None:  # type: ignore[no-untyped-def]
    # "Cabinet Member for Jobs, Skills and Growth" is printed on the same six rows.
    got = [r for r in rows(store, "commitments-led-by", lead="Jobs, Skills and Growth")
           if r["plan"] == "adp-2023-24"]
    assert sorted(r["number"] for r in got) == ["4.10", "4.11", "4.12", "4.16", "4.17", "7.01"]
    assert {r["role"] for r in got} == {"lead post"}


def test_accountable_for(store) -> None:  # type: ignore[no-untyped-def]
    # 5.07 has two rows (lines 149-150): HAC / Gulam Kibria Choudhury / Health portfolio, and
    # Children & Culture / Maium Talukdar / Education portfolio + Deputy + Statutory Deputy Mayor.
    got = rows(store, "accountable-for", number="5.07", **ADP)
    first = {(r["role"], r["who"]) for r in got if r["commitment"].endswith("deliverable-5.07")}
    second = {(r["role"], r["who"]) for r in got if r["commitment"].endswith("deliverable-5.07-2")}
    assert first == {("directorate", "Health, Adults and Community"),
                     ("lead member", "Gulam Kibria Choudhury"),
                     ("lead post", "Cabinet Member for Health, Wellbeing and Social Care")}
    assert second == {("directorate", "Children and Culture"), ("lead member", "Maium Talukdar"),
                      ("lead post", "Cabinet Member for Education, Youth and Lifelong Learning"),
                      ("lead post", "Deputy Mayor"), ("lead post", "Statutory Deputy Mayor")}
    assert {r["line"] for r in got} == {"149", "150"}


def test_commitments_per_directorate(store) -> None:  # type: ignore[no-untyped-def]
    # Counted with awk over the directorate column: deliverable rows per directorate, and the
    # pledges whose row states complete / no deliverable (owners then sit on the pledge).
    got = {(r["directorate"], r["kind"]): int(r["commitments"] or 0)
           for r in rows(store, "commitments-per-directorate", **ADP)}
    assert got == {
        ("Place", "deliverable"): 49, ("Children and Culture", "deliverable"): 24,
        ("Health, Adults and Community", "deliverable"): 22,
        ("Chief Executive's Office", "deliverable"): 15, ("Resources", "deliverable"): 10,
        ("Children and Culture", "pledge"): 10, ("Place", "pledge"): 7,
        ("Chief Executive's Office", "pledge"): 4,
    }


def test_commitments_per_priority(store) -> None:  # type: ignore[no-untyped-def]
    # Pledge numbers per priority in the document: 1.01-1.08, 2.01-2.17, 3.01-3.22,
    # 4.01-4.17 without 4.13, 5.01-5.20, 6.01-6.20 without 6.10 and 6.13, 7.01-7.22, 8.01-8.14.
    got = {r["title"]: int(r["commitments"] or 0)
           for r in rows(store, "commitments-per-priority", **ADP) if r["kind"] == "pledge"}
    assert got == {"Tackling the Cost of Living Crisis": 8, "Homes for the Future": 17,
                   "Accelerate Education": 22, "Boost culture, business, jobs and leisure": 16,
                   "Invest in public services": 20, "Empower Communities and Fight Crime": 18,
                   "A Clean and Green Future": 22,
                   "A council that listens and works for everyone": 14}


def test_pledge_states(store) -> None:  # type: ignore[no-untyped-def]
    got = [r for r in rows(store, "pledge-states") if r["planId"] == "adp-2023-24"]
    complete = sorted(r["num"] for r in got if r["pledgeState"] == "complete")
    # "This pledge is complete." (2.03) and "Pledge complete" (4.15, 7.04, 7.10, 8.01, 8.10)
    assert complete == ["2.03", "4.15", "7.04", "7.10", "8.01", "8.10"]
    no_deliverable = [r for r in got if r["pledgeState"] == "no-deliverable"]
    assert len(no_deliverable) == 15  # cells starting "No annual/2023/24 deliverable"
    incorporated = sorted((r["num"], r["through"]) for r in got if r["pledgeState"] == "incorporated")
    assert incorporated == [("2.15", "2.02"), ("3.03", "1.01"), ("3.07", "3.06"), ("3.08", "3.06"),
                            ("3.13", "3.06"), ("4.02", "4.01"), ("4.07", "4.03"), ("4.08", "4.03"),
                            ("6.19", "3.06"), ("8.07", "8.05"), ("8.08", "8.05")]
    only = rows(store, "pledge-states", state="incorporated")
    assert {r["pledgeState"] for r in only} == {"incorporated"}


def test_posts_and_holders(store) -> None:  # type: ignore[no-untyped-def]
    got = rows(store, "posts-and-holders", post="mayor")
    held = {(r["title"], r["holder"], r["from"]) for r in got}
    assert ("Mayor", "Lutfur Rahman", "2023-04-01") in held
    assert ("Statutory Deputy Mayor", "Maium Talukdar", "2023-04-01") in held
    assert ("Deputy Mayor", "Maium Talukdar", "2023-04-01") in held
    # the Mayor leads 13 rows of the 2023/24 plan ("Mayor - Lutfur Rahman", grep -c)
    mayor = [r for r in got if r["title"] == "Mayor" and r["from"] == "2023-04-01"]
    assert int(mayor[0]["commitments"] or 0) >= 13


def test_commitments_mentioning_partner(store) -> None:  # type: ignore[no-untyped-def]
    # "police" / "MPS" / "Metropolitan Police" / "the Met" in lines 135, 186, 207, 208, 214:
    # deliverable 4.17, pledge 6.02, pledge and deliverable 6.12, pledge 6.14, deliverable 6.16.
    got = [r for r in rows(store, "commitments-mentioning-partner", partner="police")
           if r["planId"] == "adp-2023-24"]
    keys = {r["commitment"].rsplit("/", 1)[-1] for r in got}
    assert keys == {"deliverable-4.17", "pledge-6.02", "pledge-6.12", "deliverable-6.12",
                    "pledge-6.14", "deliverable-6.16"}
    # TfL / Transport for London: lines 268 (pledge and deliverable 7.18) and 271 (7.21)
    got = [r for r in rows(store, "commitments-mentioning-partner", partner="tfl")
           if r["planId"] == "adp-2023-24"]
    assert {r["commitment"].rsplit("/", 1)[-1] for r in got} == {
        "pledge-7.18", "deliverable-7.18", "deliverable-7.21"}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_rdflib_and_oxigraph_agree(adp_graph, name: str) -> None:  # type: ignore[no-untyped-def]
    from graph_builder.store import to_oxigraph

    a = run_query(name, to_oxigraph(adp_graph))
    b = run_query(name, adp_graph)
    assert a.variables == b.variables
    assert sorted(map(str, a.rows)) == sorted(map(str, b.rows))


def test_parameter_errors(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="has no parameter colour"):
        run_query("pledge-states", store, {"colour": "red"})
    with pytest.raises(QueryError, match="no named query 'nope'"):
        run_query("nope", store)
    with pytest.raises(QueryError, match="does not parse"):
        run_query("SELECT ?x WHERE { ?x", store)


def test_parameter_values_are_escaped(store) -> None:  # type: ignore[no-untyped-def]
    # a quote in a value cannot break out of the literal
    assert rows(store, "commitments-led-by", lead='x" } ?a ?b ?c . { "') == []
