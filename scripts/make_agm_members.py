"""Write content/tasp/agm-members.csv: an addressee for TASP's AGM invitation in each of 150
member partnerships (run after changing this file; it always writes the same bytes).

The areas are real English local authority areas with children's services: all 153 but
three that share a partnership with a neighbour (the City of London with Hackney, the Isles
of Scilly with Cornwall, Rutland with Leicestershire). The people and street addresses are
made up: each name and street is put together from short lists, and no address has a
postcode, so none is anyone's real address.

    python scripts/make_agm_members.py
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "content" / "tasp" / "agm-members.csv"
COLUMNS = ("file", "addressee.name", "addressee.role", "addressee.organisation",
           "addressee.address", "salutation")
ROLE = "Partnership Business Manager"

LONDON = ("Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon",
          "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey",
          "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington",
          "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
          "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
          "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster")
AREAS: dict[str, str] = {
    **dict.fromkeys(LONDON, "London"),
    # Metropolitan boroughs
    "Bolton": "Bolton", "Bury": "Bury", "Manchester": "Manchester", "Oldham": "Oldham",
    "Rochdale": "Rochdale", "Salford": "Salford", "Stockport": "Stockport",
    "Tameside": "Ashton-under-Lyne", "Trafford": "Stretford", "Wigan": "Wigan",
    "Knowsley": "Huyton", "Liverpool": "Liverpool", "St Helens": "St Helens",
    "Sefton": "Bootle", "Wirral": "Birkenhead", "Barnsley": "Barnsley",
    "Doncaster": "Doncaster", "Rotherham": "Rotherham", "Sheffield": "Sheffield",
    "Gateshead": "Gateshead", "Newcastle upon Tyne": "Newcastle upon Tyne",
    "North Tyneside": "Wallsend", "South Tyneside": "South Shields",
    "Sunderland": "Sunderland", "Birmingham": "Birmingham", "Coventry": "Coventry",
    "Dudley": "Dudley", "Sandwell": "Oldbury", "Solihull": "Solihull", "Walsall": "Walsall",
    "Wolverhampton": "Wolverhampton", "Bradford": "Bradford", "Calderdale": "Halifax",
    "Kirklees": "Huddersfield", "Leeds": "Leeds", "Wakefield": "Wakefield",
    # Counties
    "Cambridgeshire": "Cambridge", "Derbyshire": "Matlock", "Devon": "Exeter",
    "East Sussex": "Lewes", "Essex": "Chelmsford", "Gloucestershire": "Gloucester",
    "Hampshire": "Winchester", "Hertfordshire": "Hertford", "Kent": "Maidstone",
    "Lancashire": "Preston", "Leicestershire": "Leicester", "Lincolnshire": "Lincoln",
    "Norfolk": "Norwich", "Nottinghamshire": "West Bridgford", "Oxfordshire": "Oxford",
    "Staffordshire": "Stafford", "Suffolk": "Ipswich", "Surrey": "Reigate",
    "Warwickshire": "Warwick", "West Sussex": "Chichester", "Worcestershire": "Worcester",
    # Unitary authorities
    "Bath and North East Somerset": "Bath", "Bedford": "Bedford",
    "Blackburn with Darwen": "Blackburn", "Blackpool": "Blackpool",
    "Bournemouth, Christchurch and Poole": "Bournemouth", "Bracknell Forest": "Bracknell",
    "Brighton and Hove": "Brighton", "Bristol": "Bristol", "Buckinghamshire": "Aylesbury",
    "Central Bedfordshire": "Shefford", "Cheshire East": "Crewe",
    "Cheshire West and Chester": "Chester", "Cornwall": "Truro", "Cumberland": "Carlisle",
    "Darlington": "Darlington", "Derby": "Derby", "Dorset": "Dorchester",
    "County Durham": "Durham", "East Riding of Yorkshire": "Beverley", "Halton": "Widnes",
    "Hartlepool": "Hartlepool", "Herefordshire": "Hereford",
    "Isle of Wight": "Newport, Isle of Wight", "Hull": "Hull", "Leicester": "Leicester",
    "Luton": "Luton", "Medway": "Chatham", "Middlesbrough": "Middlesbrough",
    "Milton Keynes": "Milton Keynes", "North East Lincolnshire": "Grimsby",
    "North Lincolnshire": "Scunthorpe", "North Northamptonshire": "Kettering",
    "North Somerset": "Weston-super-Mare", "North Yorkshire": "Northallerton",
    "Northumberland": "Morpeth", "Nottingham": "Nottingham", "Peterborough": "Peterborough",
    "Plymouth": "Plymouth", "Portsmouth": "Portsmouth", "Reading": "Reading",
    "Redcar and Cleveland": "Redcar", "Shropshire": "Shrewsbury", "Slough": "Slough",
    "Somerset": "Taunton", "South Gloucestershire": "Yate", "Southampton": "Southampton",
    "Southend-on-Sea": "Southend-on-Sea", "Stockton-on-Tees": "Stockton-on-Tees",
    "Stoke-on-Trent": "Stoke-on-Trent", "Swindon": "Swindon", "Telford and Wrekin": "Telford",
    "Thurrock": "Grays", "Torbay": "Torquay", "Warrington": "Warrington",
    "West Berkshire": "Newbury", "West Northamptonshire": "Northampton",
    "Westmorland and Furness": "Kendal", "Wiltshire": "Trowbridge",
    "Windsor and Maidenhead": "Maidenhead", "Wokingham": "Wokingham", "York": "York",
}
"""Each area, with the town its partnership's (made-up) office address is in."""

FIRST_NAMES = ("Aisha", "Alex", "Amara", "Andrew", "Anita", "Ben", "Bethan", "Carl", "Chloe",
               "Claire", "Daniel", "Deborah", "Declan", "Eleanor", "Emeka", "Fiona", "Gareth",
               "Grace", "Hannah", "Harjit", "Helen", "Imran", "Isla", "James", "Jasmine",
               "Joanne", "Karen", "Kwame", "Laura", "Leon", "Lucy", "Mark", "Megan", "Mei",
               "Michael", "Nadia", "Neil", "Nicola", "Olivia", "Owen", "Paul", "Priya",
               "Rachel", "Rhys", "Rosa", "Ruth", "Sam", "Sanjay", "Sarah", "Sean", "Sophie",
               "Tariq", "Tom", "Vanessa", "Yasmin", "Zoe", "Kirsty", "Martin", "Abdul")
SURNAMES = ("Adeyemi", "Ahmed", "Ashworth", "Bailey", "Bennett", "Bhatt", "Brennan",
            "Carter", "Chowdhury", "Clarke", "Cooper", "Dawson", "Doyle", "Ellis", "Evans",
            "Fletcher", "Fox", "Gill", "Graham", "Hall", "Hughes", "Hussain", "Iqbal",
            "Jackson", "Jenkins", "Kaur", "Kelly", "Khan", "Lawrence", "Lewis", "Lloyd",
            "Malik", "Marsh", "Mensah", "Mitchell", "Morgan", "Murphy", "Nolan", "Norris",
            "Okafor", "Osei", "Owen", "Patel", "Pearson", "Price", "Quinn", "Rahman", "Reid",
            "Roberts", "Shah", "Sharma", "Simpson", "Singh", "Stewart", "Sullivan", "Taylor",
            "Thornton", "Turner", "Walsh", "Ward", "Webb", "Whitaker", "Wilson", "Wright",
            "Young", "Yusuf", "Holt")
STREETS = ("Albion", "Alder", "Beech", "Bridge", "Canal", "Castle", "Cedar", "Chapel",
           "Clarence", "Elm", "Foundry", "Granary", "Hawthorn", "Heron", "Juniper",
           "Kingfisher", "Larch", "Linden", "Market", "Meadow", "Mill", "Orchard", "Quarry",
           "Rowan", "Saxon", "Tannery", "Victoria", "Weaver", "Wharf", "Willow", "Wren")
STREET_KINDS = ("Street", "Road", "Lane", "Row", "Place", "Walk", "Court")


def members() -> list[dict[str, str]]:
    """One row per area, in alphabetical order; the n-th row's person and street are
    picked from the lists by strides, so the rows come out the same every time."""
    rows = []
    for n, (area, town) in enumerate(sorted(AREAS.items())):
        first = FIRST_NAMES[(7 * n + 3) % len(FIRST_NAMES)]
        surname = SURNAMES[(11 * n + 5) % len(SURNAMES)]
        street = (f"{1 + (37 * n) % 140} {STREETS[(13 * n) % len(STREETS)]} "
                  f"{STREET_KINDS[(5 * n + 2) % len(STREET_KINDS)]}")
        rows.append({
            "file": re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-"),
            "addressee.name": f"{first} {surname}",
            "addressee.role": ROLE,
            "addressee.organisation": f"{area} Safeguarding Children Partnership",
            "addressee.address": f"{street}\n{town}",
            "salutation": f"Dear {first}",
        })
    return rows


def main() -> None:
    rows = members()
    assert len(rows) == 150 and len({row["file"] for row in rows}) == 150
    assert len({row["addressee.name"] for row in rows}) == 150
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    OUT.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} members)")


if __name__ == "__main__":
    main()
