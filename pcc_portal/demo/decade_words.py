"""The words the decade's records are made of: their subjects, paragraphs and suppliers."""

SUBJECTS = [
    "Community Safety Partnerships funding",
    "Victims' services commissioning",
    "Domestic abuse perpetrator programme",
    "Road safety partnership grant",
    "Estates strategy: police station refurbishment",
    "Violence reduction network",
    "Custody visiting scheme",
    "Rural crime initiatives",
    "Fleet replacement programme",
    "Body worn video procurement",
    "Treasury management strategy",
    "Youth diversion schemes",
    "Restorative justice service",
    "Cybercrime prevention campaign",
    "Neighbourhood policing investment",
    "Capital programme variation",
    "Independent advisory group support",
    "Serious organised crime disruption",
    "Hate crime awareness funding",
    "Contract award: forensic services",
]

PARAGRAPHS = [
    "The Commissioner is asked to approve funding that supports the priorities of the Police "
    "and Crime Plan for Lancashire, with quarterly monitoring reported to the Panel.",
    "Partners across Lancashire's districts have been consulted and support the proposal, "
    "which builds on the outcomes reported in the previous financial year.",
    "The proposal helps victims of crime cope and recover, and reduces repeat victimisation "
    "through early intervention and support for those most at risk.",
    "Funding is met from the approved revenue budget; there are no further implications for "
    "the precept. The Chief Finance Officer has reviewed the figures.",
    "An equality impact assessment found no adverse impact on people with protected "
    "characteristics; the service will monitor take-up by community.",
    "The Constabulary will report performance against the agreed measures at the strategic "
    "scrutiny meeting, and the Panel will receive the outcome in the annual report.",
]

SUPPLIERS = [
    "Lancashire County Council",
    "Blackburn with Darwen Borough Council",
    "Victim Support",
    "Lancashire Fire and Rescue Service",
    "Northgate Public Services",
    "Leyland Trucks Ltd",
    "Preston City Council",
    "Lancaster University",
    "Blackpool Council",
    "Barnardo's",
]
