"""The entity queries on the whole corpus (Oxigraph), answers checked against the owner columns."""

from __future__ import annotations

from graph_builder.query import run_query


def rows(store, name: str, **params: str) -> list[dict[str, str | None]]:  # type: ignore[no-untyped-def]
    return run_query(name, store, params).as_dicts()


def test_officer_history(store) -> None:  # type: ignore[no-untyped-def]
    got = {(r["planId"], r["directorate"]) for r in rows(store, "officer-history",
                                                         officer="Andy Scott")}
    # "Andy Scott (D&R)" in 2014/15; "Andy Scott (PLACE)" in both 2017/18 documents
    assert got == {("sp-2014-15", "Development and Renewal"), ("sef-2017-18", "Place"),
                   ("progress-2017-18-q2", "Place")}
    # found by the 2011/12 spelling "Hussein"; CLC in 2011/12 and 2014/15, Resources in 2017/18
    got = {(r["name"], r["from"], r["directorate"])
           for r in rows(store, "officer-history", officer="hussein")}
    assert got == {("Shazia Hussain", "2011-04-01", "Communities, Localities and Culture"),
                   ("Shazia Hussain", "2014-04-01", "Communities, Localities and Culture"),
                   ("Shazia Hussain", "2017-04-01", "Resources")}
    # 2011/12: "Michael Keating / Chief Executive's" on 7 strategic actions (grep)
    (mk,) = rows(store, "officer-history", officer="Michael Keating")
    assert mk["directorate"] == "Chief Executive's Office" and int(mk["commitments"] or 0) == 7


def test_partner_commitments(store) -> None:  # type: ignore[no-untyped-def]
    got = rows(store, "partner-commitments", partner="THH")
    keys = {(r["planId"], r["commitment"].rsplit("/", 1)[-1]) for r in got}  # type: ignore[union-attr]
    # 2023/24 line 239 "makes THH energy efficient" (deliverable 7.05, Place);
    # 2017/18 SEF "joint operations with partners such as Police and THH"
    assert ("adp-2023-24", "deliverable-7.05") in keys
    assert ("sef-2017-18", "key-deliverable-2.3.1-1") in keys
    d705 = [r for r in got if r["commitment"].endswith("deliverable-7.05")]  # type: ignore[union-attr]
    assert {r["directorate"] for r in d705} == {"Place"}
    assert {r["post"] for r in d705} == {
        "Cabinet Member for Environment and the Climate Emergency"}
    # progress comments count too, and say so
    harca = rows(store, "partner-commitments", partner="HARCA")
    assert harca and {r["field"] for r in harca} == {"progress comment"}


def test_post_history(store) -> None:  # type: ignore[no-untyped-def]
    got = {(r["planId"], r["holder"]) for r in rows(store, "post-history", post="Mayor")
           if r["title"] == "Mayor"}
    # "Mayor Lutfur Rahman" (2011/12, 2014/15), "Mayor - Lutfur Rahman" (2023/24);
    # 2017/18 print "Executive Mayor" with no name: the post, and no holder
    assert got == {("sp-2011-12", "Lutfur Rahman"), ("sp-2014-15", "Lutfur Rahman"),
                   ("adp-2023-24", "Lutfur Rahman"), ("sef-2017-18", None),
                   ("progress-2017-18-q2", None)}
    sdm = {(r["planId"], r["holder"]) for r in rows(store, "post-history",
                                                    post="Statutory Deputy Mayor")}
    assert ("adp-2023-24", "Maium Talukdar") in sdm and ("sef-2017-18", None) in sdm
    # found by its printed form
    assert rows(store, "post-history", post="Executive Mayor")


def test_people_across_years(store) -> None:  # type: ignore[no-untyped-def]
    got = {r["name"]: int(r["years"] or 0) for r in rows(store, "people-across-years")}
    assert got["Lutfur Rahman"] == 3  # 2011/12, 2014/15, 2023/24
    assert got["Shazia Hussain"] == 3  # as "Hussein" in 2011/12
    assert got["Owen Whalley"] == 3 and got["Ann Sutcliffe"] == 3
    assert got["Rabina Khan"] == 2 and got["Oliur Rahman"] == 2
    assert "Rania Khan" not in got  # 2011/12 only
    assert "Maium Talukdar" not in got  # 2023/24 only
    (lr,) = rows(store, "people-across-years", who="Lutfur")
    assert lr["first"] == "2011-04-01" and lr["last"] == "2023-04-01"
