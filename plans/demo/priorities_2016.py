"""The priorities of the Police and Crime Plan 2016-2021, each with its commitments and
measures."""

from .measures import IMP, RED

PRIORITIES_2016 = [
    {
        "title": "Protecting local policing",
        "summary": "Keeping neighbourhood policing at the heart of how Lancashire is policed.",
        "narrative": "People told us protecting local, frontline policing matters most to "
        "them. Local teams remain central: you will know your team and they will know your "
        "area.",
        "commitments": [
            "Ensuring local policing teams remain a key part of policing our communities",
            "Work with partners to join up services",
            "Continue to grow our Citizens in Policing Programme including increased use of "
            "Neighbourhood Watch, Specials and Cadets",
            "Campaign and lobby for fair funding for our police services",
            "Make the best use of our land and buildings",
            "Modernise policing through better use of new technology",
        ],
        "measures": [
            ("Non-emergency (101) calls answered within the target time", IMP, "%"),
        ],
    },
    {
        "title": "Tackling crime and reoffending",
        "summary": "Preventing and reducing crime with criminal justice and community safety "
        "partners.",
        "narrative": "Crime is becoming more complex, with growth in cyber crime and online "
        "abuse. Alcohol, drugs and previous offending drive much of it, so prevention and "
        "early action come first.",
        "commitments": [
            "Tackling serious and organised crime including modern day slavery and cybercrime",
            "Improving engagement with all our communities to prevent and reduce crime",
            "Working with criminal justice and community safety partners on crime reduction "
            "initiatives",
            "Fund and support initiatives that help tackle crime and re-offending through "
            "grants and commissioning",
            "Continue to support substance misuse initiatives",
            "Roll out through Lancashire with our partners an Early Action prevention based "
            "approach supporting vulnerable people with complex needs",
            "Tackle hate crime by encouraging reporting and providing a robust response to "
            "offences",
            "Promote road safety with our partners countywide",
            "Help to tackle anti-social behaviour",
        ],
        "measures": [("Victim-based crime", RED, "crimes")],
    },
    {
        "title": "Supporting vulnerable people and victims",
        "summary": "Services that help victims cope and recover, and protect the vulnerable.",
        "narrative": "Since April 2015 the Commissioner has commissioned victim services. "
        "Lancashire Victim Services supports victims whether or not they report to the police.",
        "commitments": [
            "Delivering Lancashire Victim Service to support victims and witnesses of crime",
            "Promoting the co-ordinated commissioning of domestic abuse services across "
            "Lancashire and ensure victims know where to access help and support",
            "Working with all agencies to ensure vulnerable children are protected from abuse "
            "and child sexual exploitation",
            "Campaigning to raise awareness, challenge offending behaviour and encouraging "
            "people to seek support for all forms of crime or abuse",
            "Helping people before they reach crisis point to get the help and support they "
            "need through early action and intervention",
        ],
        "measures": [("Victim satisfaction with the service received", IMP, "%")],
    },
    {
        "title": "Developing safe and confident communities",
        "summary": "An open, ethical police service the public have confidence in.",
        "narrative": "Confidence is high but not universal: a quarter of people surveyed were "
        "not confident of a good service. Openness, high standards and local engagement "
        "address that.",
        "commitments": [
            "Ensuring the Chief Constable and his policing team deliver the highest "
            "professional and ethical standards in their service to the public",
            "Ensuring that the public have an accessible, open and transparent policing service",
            "Ensure the public has confidence in their police service",
            "Support Community Safety Partnerships to focus on creating resilient and safer "
            "communities",
            "Encouraging volunteering in local areas",
            "Engaging with local communities on issues that matter to them",
        ],
        "measures": [("Public confidence in the police", IMP, "%")],
    },
]
