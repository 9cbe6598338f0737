"""Toponyms, offline geocoding and place use, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from claimtrace.extract.places import find_places, home_country, km, said_at_for
from claimtrace.model import Claim, PlaceKind, PlaceUse, Span
from claimtrace.nlp.extensions import register_extensions


def by_text(text: str, **kwargs):
    return {p.span.text: p for p in find_places(text, **kwargs)}


def test_country_city_and_ids_in_text_order() -> None:
    places = find_places("Floods hit Portugal before the storm reached Lisbon.")
    assert [p.id for p in places] == ["p1", "p2"]
    portugal, lisbon = places
    assert (portugal.span.text, portugal.kind, portugal.country) == (
        "Portugal",
        PlaceKind.COUNTRY,
        "PT",
    )
    assert (lisbon.name, lisbon.kind, lisbon.country) == ("Lisbon", PlaceKind.CITY, "PT")
    assert lisbon.geonameid is not None and lisbon.lat is not None
    assert km(lisbon.lat, lisbon.lon, 38.72, -9.14) < 30


def test_demonym_is_adjectival_and_linked_to_its_country() -> None:
    p = by_text("Brazilian farmers protested.")["Brazilian"]
    assert (p.use, p.country, p.kind) == (PlaceUse.ADJECTIVAL, "BR", PlaceKind.COUNTRY)


def test_capital_that_speaks_is_a_metonym() -> None:
    places = by_text("Madrid said the talks had failed, while Lisbon stayed quiet.")
    assert places["Madrid"].use is PlaceUse.METONYM
    assert places["Lisbon"].use is PlaceUse.LOCATION


def test_state_qualifier_picks_the_right_town() -> None:
    places = by_text("A fire broke out in Athens, Ohio, on Sunday.")
    athens = places["Athens"]
    assert (athens.country, athens.kind) == ("US", PlaceKind.CITY)
    assert km(athens.lat, athens.lon, 39.33, -82.10) < 50
    assert places["Ohio"].kind is PlaceKind.ADMIN


def test_article_context_disambiguates() -> None:
    text = "The Ontario government said flooding closed roads near London and Windsor."
    london = by_text(text)["London"]
    assert london.country == "CA"


def test_regions_from_the_alias_table() -> None:
    places = by_text("Troops moved across the Korean Peninsula and into eastern Ukraine.")
    assert places["Korean Peninsula"].kind is PlaceKind.REGION
    eastern = places["eastern Ukraine"]
    assert (eastern.kind, eastern.country) == (PlaceKind.REGION, "UA")


def test_oblast_designators() -> None:
    places = by_text("Shelling was reported in the Kharkiv region and in the region of Kherson.")
    assert places["Kharkiv region"].kind is PlaceKind.ADMIN
    assert places["Kherson"].kind is PlaceKind.ADMIN
    assert places["Kherson"].country == "UA"


def test_person_names_and_months_are_not_places() -> None:
    found = by_text("Chiquita Raquel Henry met Vladimir Putin in March.")
    assert "Henry" not in found
    assert "Vladimir" not in found
    assert "March" not in found


def test_spaced_state_abbreviation() -> None:
    places = by_text("He was born in Beckley, W. Va., in 1970.")
    assert places["W. Va."].name == "West Virginia"


def test_home_country_from_domain() -> None:
    assert home_country("www.example.co.uk") == "GB"
    assert home_country(None, "https://news.example.ca/story") == "CA"
    assert home_country("example.com") is None


def test_entity_spans_add_candidates() -> None:
    text = "Aid reached Gondar after the rains."
    start = text.index("Gondar")
    places = find_places(text, ents=[(start, start + 6, "GPE")])
    assert [(p.span.text, p.country) for p in places] == [("Gondar", "ET")]


def test_said_at_for_place_of_utterance() -> None:
    text = "Speaking in Vienna, the minister said the pipeline would reopen in Odesa."
    cue = text.index("said")
    content = text.index("the pipeline")
    claim = Claim(
        id="c1",
        source=(),
        cue=(Span.of(text, cue, cue + 4),),
        content=(Span.of(text, content, len(text) - 1),),
    )
    places = find_places(text)
    vienna = next(p for p in places if p.span.text == "Vienna")
    assert said_at_for(claim, places, text) == vienna.id


def test_places_component_writes_records() -> None:
    import claimtrace.nlp.factories  # noqa: F401

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_places")
    doc = nlp("Talks were held in Nairobi.")
    assert [(p.span.text, p.country) for p in doc._.ct_places] == [("Nairobi", "KE")]


def test_gazetteer_tables() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer, name_key

    gaz = load_gazetteer()
    assert {e.fcode for e in gaz.lookup("Georgia")} >= {"PCLI", "ADM1"}
    assert gaz.lookup("Russia's Far East")[0].country == "RU"
    assert gaz.lookup("the Korean Peninsula")[0].fcode == "RGN"
    assert gaz.us_states["OH"].name == "Ohio"
    assert gaz.demonyms[name_key("North Korean")] == "KP"
    assert name_key("W. Va.") == name_key("W.Va.")


def test_a_town_name_used_as_a_speaker_is_a_person_throughout() -> None:
    text = (
        "The film was directed by Carla Modena. Modena said the shoot was hard. "
        "Modena's crew agreed."
    )
    assert "Modena" not in {p.span.text for p in find_places(text)}
    assert "Modena's" not in {p.span.text for p in find_places(text)}


def _trained_pipeline():
    from claimtrace.nlp.pipeline import resolve_model

    target = resolve_model(None)
    return None if target == "blank" else target


@pytest.mark.slow
@pytest.mark.skipif(_trained_pipeline() is None, reason="no trained base pipeline installed")
def test_places_with_the_trained_pipeline() -> None:
    from claimtrace.nlp.pipeline import build_pipeline

    nlp = build_pipeline(str(_trained_pipeline()), components=("claimtrace_places",))
    doc = nlp("Talks between Kenya and Ethiopia resumed in Nairobi, officials in Addis Ababa said.")
    found = {p.span.text: p for p in doc._.ct_places}
    assert found["Nairobi"].country == "KE"
    assert found["Ethiopia"].kind is PlaceKind.COUNTRY


def test_outlet_prior_settles_local_homonyms() -> None:
    from claimtrace.extract.places import outlet_prior

    texts = [
        "The Ohio budget cut school funds again.",
        "Ohio lawmakers met in Columbus, Ohio, on the highway plan.",
        "A storm crossed Ohio overnight.",
    ]
    prior = outlet_prior(texts, domain="springfieldexample.com")
    assert prior.admin1[("US", "OH")] == 1.0
    assert prior.town is not None
    town = find_places("The Springfield council approved the plan.", outlet=prior)[0]
    assert (town.country, round(town.lat)) == ("US", 40)


def test_counties_are_placed_among_their_towns() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    madison = {e.admin1: e for e in gaz.lookup("Madison County") if e.fcode == "ADM2"}
    # Madison County, Illinois lies around Edwardsville, not at a town called Madison
    il = madison["IL"]
    assert il.lat is not None and km(il.lat, il.lon, 38.81, -89.95) < 60
    # its population is that of its towns: it outranks the small Madison County of Idaho
    assert il.population > madison["ID"].population > 0
    # every county has its own GeoNames id
    ids = {e.geonameid for e in madison.values()}
    assert None not in ids and len(ids) == len(madison) >= 19
    assert gaz.lookup("Saint Clair County") == gaz.lookup("St. Clair County")


def test_table_regions_take_first_level_division_ids() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    # "Kursk Oblast" is GeoNames' "Kursk": the designator word is dropped to find it
    divisions = [("West Bank", "PS"), ("Donetsk Oblast", "UA"), ("Yukon", "CA")]
    divisions += [("Kursk Oblast", "RU"), ("Khabarovsk Krai", "RU")]
    for name, country in divisions:
        entry = next(e for e in gaz.lookup(name) if e.fcode in ("ADM1", "RGN"))
        assert entry.country == country and entry.geonameid and entry.admin1
    # not a division: no id to take
    assert next(e for e in gaz.lookup("Middle East") if e.fcode == "RGN").geonameid is None


def test_a_bare_county_is_placed_in_the_article_state() -> None:
    text = "Texas officials met in Lamar County on Monday."
    county = next(p for p in find_places(text) if p.span.text == "Lamar County")
    assert county.kind is PlaceKind.ADMIN and county.lat is not None
    assert km(county.lat, county.lon, 33.66, -95.55) < 80  # Paris, Texas, its seat


def test_a_town_that_says_something_stays_a_place() -> None:
    text = "About 55 Gainesville residents marched. Organisers said Gainesville says no to it."
    assert [p.span.text for p in find_places(text)] == ["Gainesville", "Gainesville"]


def test_two_town_names_in_a_row_are_a_person() -> None:
    text = "Micanopy resident Troy Blakely held a sign. Blakely said he would vote."
    found = {p.span.text for p in find_places(text)}
    assert not found & {"Troy", "Blakely"}
    # joined by "and", or with a comma, they stay two places
    text = "In Connecticut, fires burned in Weston and Glastonbury."
    assert {p.span.text for p in find_places(text)} == {"Connecticut", "Weston", "Glastonbury"}


def test_an_institution_word_alone_is_not_a_town() -> None:
    assert find_places("The man crashed in the far north. Police said he was hurt.") == []


def test_a_part_of_a_country_keeps_the_country_id() -> None:
    place = find_places("Heavy snow fell in southwest Kansas.")[0]
    assert (place.span.text, place.kind) == ("southwest Kansas", PlaceKind.REGION)
    assert place.geonameid == 4273857  # Kansas: the whole the region is part of


def test_a_lower_case_part_of_a_state_is_the_state_not_the_table_region() -> None:
    state = find_places("Wildfires spread across California.")[0]
    part = find_places("Wildfires spread across northern California on Sunday.")[0]
    assert (part.span.text, part.kind) == ("northern California", PlaceKind.REGION)
    assert part.geonameid == state.geonameid is not None
    assert (part.lat, part.lon) == (state.lat, state.lon)
    # the capitalised proper name stays the table's region
    named = find_places("Wildfires spread across Northern California on Sunday.")[0]
    assert named.name == "Northern California" and named.geonameid is None
    # a lower-case part of a country keeps the table's region ("western Russia")
    assert find_places("Troops moved to western Russia.")[0].name == "Western Russia"


def test_the_outlet_home_town_outranks_its_namesakes() -> None:
    from claimtrace.extract.places import outlet_prior

    texts = ["Texas lawmakers met on the bridge plan.", "Ohio and Kentucky roads were closed."]
    prior = outlet_prior(texts, domain="theparisexample.com")
    assert prior.town_id is not None
    # a Tennessee neighbour in the article does not pull "Paris" away from the paper's town
    text = "Paris firefighters drove trucks bought in Memphis, Tenn., and Jackson, Tenn."
    paris = find_places(text, outlet=prior)[0]
    assert (paris.span.text, paris.geonameid) == ("Paris", prior.town_id)
    assert km(paris.lat, paris.lon, 33.66, -95.56) < 20


def test_an_american_article_does_not_make_a_country_a_small_town() -> None:
    text = (
        "Officials in Springfield, Mass., and Dallas, Texas, met on Friday. "
        "Galileo was born in Italy around 1564."
    )
    italy = next(p for p in find_places(text) if p.span.text == "Italy")
    assert (italy.kind, italy.country) == (PlaceKind.COUNTRY, "IT")


def test_names_before_counties_are_counties() -> None:
    text = "In Kansas, roofs collapsed in Harvey, Harper and Kingman counties."
    found = {p.span.text: p for p in find_places(text)}
    assert {found[n].name for n in ("Harvey", "Harper", "Kingman")} == {
        "Harvey County",
        "Harper County",
        "Kingman County",
    }
    assert all(found[n].kind is PlaceKind.ADMIN and found[n].country == "US" for n in found)
    # "In Barrow": the county is the longest tail of the words before "and" that names one
    barrow = find_places("In Barrow and Jackson counties, Georgia, schools closed.")[0]
    assert (barrow.span.text, barrow.name) == ("Barrow", "Barrow County")


def test_a_town_ending_a_sentence_is_still_a_place() -> None:
    text = "The Dallas Cowboys opened a stadium in Arlington. The clubs will tour Texas."
    assert "Arlington" in {p.span.text for p in find_places(text)}
    # an abbreviation does not end the name: "St. Louis", "W. Va."
    assert "St. Louis" in {p.span.text for p in find_places("He moved to St. Louis in May.")}


def test_a_town_name_in_a_street_name_is_not_the_town() -> None:
    text = "The fire at 6016 Dublin Road in Alexandria, La., was set with a lighter."
    assert [p.span.text for p in find_places(text)] == ["Alexandria", "La."]


def test_a_town_after_of_an_article_or_a_direction_is_no_surname() -> None:
    texts = {
        "He heads the University of Cincinnati, in Ohio.": "Cincinnati",
        "An Alexandria man was hurt in Minnesota.": "Alexandria",
        "A road sign in East Oxford was damaged, England's police said.": "Oxford",
        "Texas firms saw Gainesville's business grow.": "Gainesville",
    }
    for text, town in texts.items():
        assert town in {p.span.text for p in find_places(text)}, text


def test_a_name_qualified_once_keeps_its_place() -> None:
    text = "A 25-year-old Paris, Missouri, man was hurt. His passenger, 31, of Paris, was ejected."
    paris = [p for p in find_places(text) if p.span.text == "Paris"]
    assert len(paris) == 2 and paris[0].geonameid == paris[1].geonameid
    assert paris[1].country == "US" and km(paris[1].lat, paris[1].lon, 39.48, -92.0) < 30


def test_a_wire_dateline_names_the_prominent_place() -> None:
    from claimtrace.extract.places import outlet_prior

    texts = ["Illinois lawmakers met in Peoria, Ill.", "Pekin, Ill., and Morton, Ill., closed."]
    prior = outlet_prior(texts, domain="peoriaexample.com")
    text = "WASHINGTON (AP) - Farmers in Peoria, Ill., Pekin, Ill., and Morton, Ill., agreed."
    dateline = find_places(text, outlet=prior)[0]
    assert (dateline.span.text, dateline.kind) == ("WASHINGTON", PlaceKind.CITY)
    # the capital, not Washington, Illinois, next to the article's towns
    assert km(dateline.lat, dateline.lon, 38.9, -77.04) < 20


def test_a_town_named_as_a_surname_is_a_person_throughout() -> None:
    text = (
        "Chiquita Raquel Henry, 19, of Alexandria, La., was arrested. The fire led to "
        "Henry's arrest. Detectives traced the woman to Henry."
    )
    assert "Henry" not in {p.span.text for p in find_places(text)}
    # a capitalised word that starts a sentence is no given name
    text = "Sales fell in Texas. Another Gainesville business moved. Sales in Gainesville rose."
    assert [p.span.text for p in find_places(text)].count("Gainesville") == 1


def test_capitalised_common_words_and_titles_are_not_towns() -> None:
    text = "Pace yourself at the party in Florida. The pace of drinking matters."
    assert [p.span.text for p in find_places(text)] == ["Florida"]
    text = "U.S. Sens. Robert Byrd and Jay Rockefeller of West Virginia agreed."
    assert {p.span.text for p in find_places(text)} == {"U.S.", "West Virginia"}


def test_a_small_town_abroad_is_weak_context() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer
    from claimtrace.extract.places import _context, _resolve
    from claimtrace.extract.toponyms import gazetteer_mentions

    text = (
        "Fog across Britain hit Heathrow. Crews at Heathrow, Heathrow and Heathrow will "
        "strike, and flights from Edinburgh, Glasgow, London and Manchester were late."
    )
    mentions = gazetteer_mentions(text, load_gazetteer())
    _resolve(mentions, None, None)
    heathrow = next(m for m in mentions if m.text == "Heathrow").choice
    assert heathrow.country == "US"  # the gazetteer's only Heathrow: a small Florida town
    ctx = _context(mentions, None)
    # four mentions of it count as little evidence for Florida in a British story
    assert ctx.admin1[("US", heathrow.admin1)] < 2 < ctx.countries["GB"]


def test_city_before_an_institution_word_is_not_part_of_the_name() -> None:
    text = "In Ohio, Dublin City Council met. Dublin officials and Columbus, Ohio, agreed."
    dublin = find_places(text)[1]
    assert (dublin.span.text, dublin.country) == ("Dublin", "US")
    # alone, "Quebec City" is the city, not the province
    quebec = find_places("Flights to Quebec City resumed.")[0]
    assert (quebec.span.text, quebec.kind) == ("Quebec City", PlaceKind.CITY)


def test_without_context_the_most_populous_county_wins() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer

    county = find_places("Franklin County officials met on Monday.")[0]
    counties = [e for e in load_gazetteer().lookup("Franklin County") if e.fcode == "ADM2"]
    assert county.geonameid == max(counties, key=lambda e: e.population).geonameid
    assert county.country == "US" and round(county.lat) == 40  # around Columbus, Ohio


def test_hyphenated_compounds_split_into_their_places() -> None:
    text = "Russia-Turkey ties and Seattle-based Starbucks, said a Canada-wide group."
    assert [p.span.text for p in find_places(text)] == ["Russia", "Turkey", "Seattle", "Canada"]
    text = "She moved from Winston-Salem to Stratford-upon-Avon. Sen. Byrd, D-W. Va., agreed."
    assert [p.span.text for p in find_places(text)] == [
        "Winston-Salem",
        "Stratford-upon-Avon",
        "W. Va.",
    ]


def test_capitals_and_holidays_are_not_towns() -> None:
    text = "AS the cold set in over Christmas, the agency IRNA reported snow in Iran."
    assert [p.span.text for p in find_places(text)] == ["Iran"]
    dateline = find_places("DETROIT The U.S. Transportation Department acted.")[0]
    assert (dateline.span.text, dateline.name) == ("DETROIT", "Detroit")


def test_the_white_house_is_not_a_town() -> None:
    text = "The plan was condemned by the White House and by officials in Tennessee."
    assert [p.span.text for p in find_places(text)] == ["Tennessee"]


def test_the_outlet_home_town_is_kept_without_other_support() -> None:
    from claimtrace.extract.places import outlet_prior

    texts = ["Tennessee roads closed near Paris.", "Kentucky and Texas schools met."]
    prior = outlet_prior(texts, domain="parisexample.net")
    assert prior.town_id is not None
    text = "A Paris man was arrested Sunday. Paris police said he had a gun."
    found = [p for p in find_places(text, outlet=prior) if p.span.text == "Paris"]
    assert len(found) == 2 and {p.geonameid for p in found} == {prior.town_id}


def test_the_second_half_of_a_hyphenated_name_is_not_a_town() -> None:
    text = "Photo: Dean Curtis / News-Leader. Rep. Bobby Harrell, R-Charleston, agreed."
    assert [p.span.text for p in find_places(text)] == ["Charleston"]


def test_a_title_word_ending_a_sentence_does_not_title_the_next_name() -> None:
    text = "The university will name an interim president. CINCINNATI - Trustees met in Ohio."
    assert [p.span.text for p in find_places(text)] == ["CINCINNATI", "Ohio"]


def test_an_acronym_before_a_town_is_no_given_name() -> None:
    text = "The cousin told CBC Toronto the family was in shock, Ontario police said."
    assert [p.span.text for p in find_places(text)] == ["Toronto", "Ontario"]
    # but an initial is part of a person's name
    text = "Boyd J. Jones and Marsha J. Moore of Columbia, S.C., spoke."
    assert "Jones" not in {p.span.text for p in find_places(text)}


def test_a_designated_division_takes_its_geonames_id() -> None:
    from claimtrace.extract.gazetteer import division_key, load_gazetteer

    gaz = load_gazetteer()
    idlib = gaz.divisions[division_key("SY", "Idlib")]
    assert gaz.divisions[division_key("TR", "Aydın")] == gaz.divisions[division_key("TR", "Aydin")]
    text = "Rebels shelled two villages in Idlib province, Syrian state media said."
    province = next(p for p in find_places(text) if p.span.text.startswith("Idlib"))
    assert (province.span.text, province.kind, province.geonameid) == (
        "Idlib province",
        PlaceKind.ADMIN,
        idlib,
    )
    assert idlib != gaz.lookup("Idlib")[0].geonameid  # the province, not its capital


def test_initials_and_sentence_final_surnames_keep_names_personal() -> None:
    text = "She was the wife of Harvey A. Rittle, of Lebanon, Pa., for 56 years."
    assert "Harvey" not in {p.span.text for p in find_places(text)}
    text = "No roads closed in Kansas, said Emergency Management Director Troy Collins."
    assert [p.span.text for p in find_places(text)] == ["Kansas"]


def test_of_after_an_institution_does_not_support_an_ambiguous_name() -> None:
    text = "The Arlington Chamber of Commerce met in Texas."
    assert "Commerce" not in {p.span.text for p in find_places(text)}


def test_an_office_after_a_town_keeps_it_a_town() -> None:
    places = by_text("The budget was late, Harrisburg Mayor Ann Porter told the council.")
    assert places["Harrisburg"].country == "US"
    # but a first name before an unknown word is still a person
    assert "Harrisburg" not in by_text("The budget was late, Harrisburg Porter told the council.")


def test_a_name_placed_elsewhere_in_the_article_is_a_place_before_any_word() -> None:
    text = (
        "Families gathered in Arlington on Friday. The Arlington Boys Club served lunch, "
        "and the Arlington Chamber of Commerce paid for it."
    )
    found = [p.span.text for p in find_places(text)]
    assert found.count("Arlington") == 3
    # without a placed mention, the same words read as a person's names
    assert not find_places("The Arlington Boys Club served lunch on Friday.")


def test_outlet_prior_ignores_unsupported_small_towns_and_town_named_countries() -> None:
    from claimtrace.extract.places import outlet_prior

    texts = [
        "Donna Rittle of Lebanon, Pennsylvania, retired from the mill in Myerstown.",
        "Fire crews from Lebanon and Cornwall answered the call.",
        # a name alone, read as a small unique town, is no evidence of the outlet's state
        "Kristina Hailey smiled as Santa Claus waved to the crowd.",
    ]
    prior = outlet_prior(texts)
    assert prior.admin1.get(("US", "PA"), 0) > 0
    assert ("US", "IN") not in prior.admin1  # Santa Claus, Indiana
    assert "LB" not in prior.countries  # the country Lebanon is never counted


def test_an_unsupported_small_town_is_weak_context_for_its_neighbours() -> None:
    # "Santa Claus" (a town of Indiana, here the character) does not pull Columbus or
    # Richmond into Indiana: the largest namesakes stay
    places = by_text("Children met Santa Claus at the library in Columbus.")
    assert round(places["Columbus"].lat) == 40  # Columbus, Ohio (Indiana's: 39.2)
    places = by_text("Santa Claus came to the library in Richmond on Friday.")
    assert round(places["Richmond"].lat) == 38  # Richmond, Virginia (Indiana's: 39.8)


def test_only_the_capital_itself_is_marked_as_the_capital() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer

    capitals = [e for e in load_gazetteer().lookup("Washington") if e.fcode == "PPLC"]
    # the towns named Washington in Georgia, Iowa, Pennsylvania ... are not capitals
    assert [(e.country, e.admin1) for e in capitals] == [("US", "DC")]


def test_a_town_named_only_by_an_alternate_spelling_yields_to_the_name_bearer() -> None:
    # "Pittsburgh" is an alternate spelling of Pittsburg, California: one Californian
    # town nearby is not enough to prefer it to Pittsburgh, Pennsylvania
    places = by_text("Ryan Cole of Pittsburgh died. His unit trained in Fresno.")
    assert round(places["Pittsburgh"].lat) == 40


def test_an_abbreviated_county_is_the_county() -> None:
    places = find_places("PLATTE CO. - Farm sales grew in Platte Co., but Ford Motor Co. did not.")
    assert [(p.span.text, p.name, p.kind) for p in places] == [
        ("PLATTE CO.", "Platte County", PlaceKind.ADMIN),
        ("Platte Co.", "Platte County", PlaceKind.ADMIN),
    ]


def test_an_abbreviated_saint_in_capitals_is_the_town() -> None:
    places = find_places("ST. PAUL -- Lawmakers met on Monday.")
    assert [(p.span.text, p.name) for p in places] == [("ST. PAUL", "Saint Paul")]


def test_a_hamlet_named_like_a_street_is_a_street() -> None:
    # Church Street (Essex) and Park Street (Hertfordshire) are hamlets; here, streets
    text = "The night shelter in Church Street opens in January, as does the one on Park Street."
    assert [p.span.text for p in find_places(text)] == []


def test_a_designated_division_without_a_town_of_its_name() -> None:
    places = find_places(
        "Stores opened in Hangzhou, in Zhejiang province, and in the provinces of Jiangsu"
        " and Anhui."
    )
    got = {p.span.text: p for p in places}
    zhejiang = got["Zhejiang province"]
    assert (zhejiang.kind, zhejiang.country, zhejiang.geonameid) == (PlaceKind.ADMIN, "CN", 1784764)
    # placed at the mean of its towns: near Hangzhou, its capital
    assert km(zhejiang.lat, zhejiang.lon, 30.29, 120.16) < 150
    assert {"Jiangsu", "Anhui"} <= set(got)
    # a direction is no division's name
    assert not find_places("He moved to the Western region last year.")


def test_a_guessed_small_town_does_not_place_its_neighbours() -> None:
    # "Sharon" is one of many small Sharons: its guessed position (Pennsylvania) is no
    # reason to make "Kent" the Kent of Ohio nearby rather than the most populous Kent
    places = by_text("Officials from Sharon and Kent met on Monday.")
    assert round(places["Kent"].lon) == -122  # Kent, Washington (Ohio's: -81)


def test_city_before_an_office_is_the_towns_city_government() -> None:
    text = "The Dublin Veterans Project in Dublin, Ohio, met Dublin City Manager Ann Lee."
    places = find_places(text)
    assert [p.span.text for p in places][-1] == "Dublin"
    assert {p.country for p in places if p.span.text == "Dublin"} == {"US"}


def test_a_name_followed_by_who_or_an_age_is_a_person_throughout() -> None:
    text = (
        "The theatre reopened in Hartford. Robertson, who bought it in 1996, said so. "
        "Robertson said the concerts were sold out."
    )
    assert [p.span.text for p in find_places(text)] == ["Hartford"]
    text = "Patricia Moore, 62, was arrested on Wednesday. Moore allegedly pushed the door."
    assert find_places(text) == []
    # the person is the one before "of": the town stays a town
    text = "Police named Daniel Hufstetler of Roswell, who was listed in stable condition."
    assert [p.span.text for p in find_places(text)] == ["Roswell"]


def test_a_town_the_gazetteer_lacks_stays_in_its_qualifiers_state() -> None:
    # no Dresden of Kansas in the gazetteer: a Kansas town, not Dresden, Ohio or Tennessee
    text = (
        "DRESDEN, Kan. - The grain elevator in Dresden burned on Friday, firefighters from "
        "Hays, Kan., said."
    )
    dresden = [p for p in find_places(text) if p.span.text.lower() == "dresden"]
    assert len(dresden) == 2
    hays = next(p for p in find_places(text) if p.span.text == "Hays")
    for p in dresden:
        assert p.geonameid is None and p.country == "US" and p.kind is PlaceKind.CITY
        assert p.name == "Dresden"
        # near the article's other Kansas town (else at the state's point)
        assert km(p.lat, p.lon, hays.lat, hays.lon) < 1
    # a capital's namesake too ("Oslo, Minn."), but a listed town keeps its id
    oslo = find_places("A crash near Oslo, Minn., closed the road.")[0]
    assert oslo.geonameid is None and oslo.country == "US"
    assert find_places("She lives in Lisbon, Ohio.")[0].geonameid is not None


def test_a_lone_small_town_with_namesakes_only_elsewhere_is_a_town_of_the_article_state() -> None:
    # the gazetteer's only Kountze is in Texas; an Iowa story names out-of-state towns with
    # their state, so a bare "Kountze" there is an Iowa town too small for the gazetteer
    text = (
        "A barn burned near Kountze on Friday, deputies in Le Mars, Iowa, said. "
        "Firefighters from Sioux Center, Iowa, and Orange City, Iowa, helped."
    )
    places = find_places(text)
    kountze = next(p for p in places if p.span.text == "Kountze")
    le_mars = next(p for p in places if p.span.text == "Le Mars")
    assert kountze.geonameid is None and kountze.country == "US"
    assert km(kountze.lat, kountze.lon, le_mars.lat, le_mars.lon) < 100
    # in a Texas story it is the Texas town, with its id
    text = "A barn burned near Kountze on Friday, deputies in Beaumont, Texas, said."
    kountze = next(p for p in find_places(text) if p.span.text == "Kountze")
    assert kountze.geonameid is not None and km(kountze.lat, kountze.lon, 30.37, -94.31) < 20
    # a story that names its state only once settles nothing: the gazetteer's town stays
    text = "A barn burned near Kountze on Friday, deputies in Iowa said."
    assert next(p for p in find_places(text) if p.span.text == "Kountze").geonameid is not None


def test_a_lone_small_town_abroad_follows_the_article_unless_its_country_is_named() -> None:
    text = (
        "Trains were late in London on Monday. Commuters from Manchester and Leeds waited, "
        "and crews at Kountze said they would strike."
    )
    kountze = next(p for p in find_places(text) if p.span.text == "Kountze")
    assert kountze.geonameid is None and kountze.country == "GB"
    text = (
        "Trains were late in London on Monday. Commuters from Manchester and Leeds waited. "
        "She grew up in the village of Kountze in the United States."
    )
    kountze = next(p for p in find_places(text) if p.span.text == "Kountze")
    assert kountze.geonameid is not None and kountze.country == "US"


def test_a_lone_small_town_stays_in_the_state_its_outlet_writes_about_more() -> None:
    from claimtrace.extract.places import outlet_prior

    prior = outlet_prior(
        ["Roads closed in Beaumont, Texas, on Friday.", "Dallas, Texas, voted on Tuesday."]
    )
    text = (
        "A barn burned near Kountze on Friday, deputies in Le Mars, Iowa, said. "
        "Firefighters from Sioux Center, Iowa, and Orange City, Iowa, helped."
    )
    kountze = next(p for p in find_places(text, outlet=prior) if p.span.text == "Kountze")
    assert kountze.geonameid is not None and kountze.country == "US"


def test_a_lone_small_town_or_district_abroad_is_in_the_article_country() -> None:
    # no state is named twice: the country the article is about decides
    text = (
        "Jordanian police said gunmen attacked a patrol near Kountze. Jordan's interior "
        "minister visited Amman and Irbid on Sunday."
    )
    kountze = next(p for p in find_places(text) if p.span.text == "Kountze")
    assert kountze.geonameid is None and kountze.country == "JO"
    assert kountze.kind is PlaceKind.CITY
    # a district named after the namesake: a district of the article's country
    text = (
        "Egyptian police said a bomb went off in the Kountze district on Friday. Egypt's "
        "interior ministry, in Cairo, said Alexandria was calm."
    )
    district = next(p for p in find_places(text) if p.span.text.startswith("Kountze"))
    assert district.span.text == "Kountze district" and district.kind is PlaceKind.ADMIN
    assert district.country == "EG" and district.geonameid is None
    assert km(district.lat, district.lon, 30.0, 31.0) < 300


def test_a_lone_small_town_is_placed_at_the_article_dateline() -> None:
    text = (
        "SIOUX CO. - A tractor was stolen near Kountze on Friday. Police in Waterloo, Iowa, "
        "and Des Moines, Iowa, are looking for a red pickup."
    )
    places = find_places(text)
    county = places[0]
    kountze = next(p for p in places if p.span.text == "Kountze")
    assert county.span.text == "SIOUX CO." and county.country == "US"
    assert kountze.geonameid is None
    assert (kountze.lat, kountze.lon) == (county.lat, county.lon)


def test_a_listed_town_without_a_population_is_not_outranked_by_an_alternate_name() -> None:
    from claimtrace.extract.gazetteer import load_gazetteer
    from claimtrace.extract.places import prior

    gaz = load_gazetteer()
    own = next(e for e in gaz.lookup("Twickenham") if e.country == "GB")
    assert own.population == 0  # cities1000 gives it none
    assert prior(own) == pytest.approx(1.2 * 3.0, abs=0.01)  # taken as 1,000 people
    place = find_places("The rowing club in Twickenham reopened on Monday.")[0]
    assert place.country == "GB" and place.name == "Twickenham"


def test_a_township_or_colony_is_a_settlement_of_the_article_state() -> None:
    text = (
        "Crews repaired a bridge in Kountze Township on Monday. Officials in Columbus, "
        "Ohio, and Dayton, Ohio, approved the money."
    )
    places = find_places(text)
    township = next(p for p in places if "Kountze" in p.span.text)
    columbus = next(p for p in places if p.span.text == "Columbus")
    assert township.span.text == "Kountze Township" and township.geonameid is None
    assert township.country == "US" and km(township.lat, township.lon, 39.9, -83.6) < 150
    assert columbus.geonameid is not None
    text = (
        "A barn burned in the Nevada Colony area on Friday, deputies in Abilene, Texas, and "
        "Lubbock, Texas, said."
    )
    colony = next(p for p in find_places(text) if "Nevada" in p.span.text)
    assert colony.span.text == "Nevada Colony" and colony.kind is PlaceKind.CITY
    assert km(colony.lat, colony.lon, 33.0, -100.8) < 200  # in Texas, not Nevada


def test_a_local_papers_bare_dateline_names_a_town_of_its_state() -> None:
    from claimtrace.extract.places import outlet_prior

    prior = outlet_prior(
        ["Roads closed in Peoria, Ill., and Pekin, Ill., on Friday.", "Quincy, Ill., voted."]
    )
    text = "Library sale opens. MALTA – Volunteers sorted 500 books for the sale on Friday."
    malta = find_places(text, outlet=prior)[0]
    assert malta.span.text == "MALTA" and malta.country == "US"
    # without the paper's prior, or when the article names a place abroad, it is the country
    assert find_places(text)[0].country == "MT"
    text = "Ferry sale opens. MALTA – Ferries from Sicily and Italy were sold on Friday."
    assert find_places(text, outlet=prior)[0].country == "MT"


def test_a_bare_dateline_with_no_namesake_in_the_papers_state_is_near_the_paper() -> None:
    from claimtrace.extract.places import outlet_prior

    prior = outlet_prior(
        ["Columbus, Neb., and Norfolk, Neb., closed roads.", "Schuyler, Neb., voted."],
        domain="columbusexample.com",
    )
    assert prior.town is not None
    text = "Crash kills driver. KOUNTZE — A driver died early Sunday on a county road."
    place = find_places(text, outlet=prior)[0]
    assert place.span.text == "KOUNTZE" and place.geonameid is None
    assert place.name == "Kountze" and km(place.lat, place.lon, *prior.town) < 1


def test_a_region_of_another_country_is_not_moved_into_the_article_country() -> None:
    text = (
        "Drones hit the Kursk region overnight, officials in Kyiv and Kharkiv said. "
        "Ukrainian forces also shelled Sumy."
    )
    kursk = next(p for p in find_places(text) if p.span.text.startswith("Kursk"))
    assert kursk.country == "RU"


def test_a_capital_that_acts_or_is_a_party_to_relations_is_a_metonym() -> None:
    text = (
        "Officials said Ankara would retaliate if the border stayed shut. The minister "
        "spoke of tensions between Washington and Beijing, and of a rift with Madrid."
    )
    places = by_text(text)
    assert places["Ankara"].use is PlaceUse.METONYM
    assert places["Washington"].use is PlaceUse.METONYM
    assert places["Beijing"].use is PlaceUse.METONYM
    assert places["Madrid"].use is PlaceUse.METONYM
    stays = by_text("Rome will be hot this week, and the talks in Lisbon went on.")
    assert stays["Rome"].use is PlaceUse.LOCATION
    assert stays["Lisbon"].use is PlaceUse.LOCATION


def test_a_countrys_institution_in_the_possessive_is_adjectival() -> None:
    text = "Peru's health ministry said floods in Peru had closed roads; Chile's army helped."
    places = find_places(text)
    assert [p.use for p in places] == [
        PlaceUse.ADJECTIVAL,
        PlaceUse.LOCATION,
        PlaceUse.ADJECTIVAL,
    ]
    assert places[0].country == "PE"


def test_a_capital_that_expects_or_is_sanctioned_is_a_metonym() -> None:
    places = by_text("He said Ankara expected new jets soon, despite sanctions on Madrid.")
    assert places["Ankara"].use is PlaceUse.METONYM
    assert places["Madrid"].use is PlaceUse.METONYM
