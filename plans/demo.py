"""Demo plans: Lancashire's Police and Crime Plans 2016-2021 and 2021-2025, from the seeds.

Figures, dates, names, priorities, commitments, accountability items and measures are the
seeds'; narrative is written for the portal. Each plan is built, taken through its statutory
steps and issued (which publishes it); issuing the 2021-2025 plan supersedes the 2016-2021 one.
Running it again changes nothing.
"""

from datetime import date
from decimal import Decimal

from . import services
from .models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
    Stage,
)

INC, RED, IMP, MON = (
    Measure.Direction.INCREASE,
    Measure.Direction.REDUCE,
    Measure.Direction.IMPROVE,
    Measure.Direction.MONITOR,
)
BEFORE, AFTER = Section.Placement.BEFORE, Section.Placement.AFTER
K = Section.Kind

# --------------------------------------------------------------------------------------------
# Police and Crime Plan 2016-2021 (Clive Grunshaw)
# --------------------------------------------------------------------------------------------

PLAN_2016 = {
    "slug": "police-and-crime-plan-2016-2021",
    "title": "Police and Crime Plan 2016-2021",
    "force_area": "Lancashire",
    "commissioner": "Clive Grunshaw",
    "term_start": date(2016, 5, 12),
    "term_end": date(2021, 5, 12),
    "summary": "The Commissioner's second-term plan: prevention and partnership working at the "
    "heart of keeping Lancashire safe.",
}

SECTIONS_2016 = [
    (
        K.FOREWORD,
        BEFORE,
        "Foreword by the Police and Crime Commissioner",
        "This plan covers my second term of office. It was shaped with Lancashire Constabulary, "
        "our partners in the public and voluntary sectors, and the people of Lancashire.\n\n"
        "Public services in Lancashire face reductions of around £1.5 billion by 2020, and there "
        "are 750 fewer police officers in 2016 than in 2010. Officers are increasingly called to "
        "people in crisis rather than to crime: welfare work takes 34% of force time, crime 19%. "
        "Recorded crime rose by 4.6% in the year to 31 March 2016.\n\n"
        "Keeping people safe remains the Constabulary's purpose, but it cannot be done alone. "
        "Prevention, worked out place by place with our partners, is therefore at the heart of "
        "this plan.\n\n"
        "**Clive Grunshaw**, Police and Crime Commissioner for Lancashire",
    ),
    (
        K.INTRODUCTION,
        BEFORE,
        "Introduction",
        "The plan runs from 2016 to 2021. I will review it every year and publish an annual "
        "report.\n\n"
        "It sets the strategic direction for policing and crime in Lancashire, including the "
        "response to regional and national threats, and the resources available from government, "
        "the council tax precept and grants.\n\n"
        "I am held to account by the electorate, and my delivery of the plan is scrutinised by "
        "the Police and Crime Panel for Lancashire.",
    ),
    (
        K.AREA_PROFILE,
        BEFORE,
        "Chapter one: The Lancashire policing area",
        "Lancashire has about 1.4 million residents over 3,075 km², a number projected to reach "
        "1.45 million by 2039, with a fast-growing population aged over 65.\n\n"
        "Policing serves 12 district councils, two unitary authorities (Blackpool and Blackburn "
        "with Darwen) and the County Council. Five of the 50 most deprived areas in England are "
        "in the county.\n\n"
        "The Constabulary works in three divisions, each delivering neighbourhood policing "
        "according to risk, threat and harm, supported by specialist teams.",
    ),
    (
        K.ROLES,
        BEFORE,
        "Chapter two: Roles and responsibilities",
        "The Commissioner must:\n\n"
        "* appoint the Chief Constable and hold them to account for an efficient and effective "
        "force\n"
        "* set the precept, the council tax charge for policing\n"
        "* publish a police and crime plan and an annual report\n"
        "* commission services and award grants\n"
        "* consult communities and victims of crime\n\n"
        "The Chief Constable directs and controls operational policing. The Police and Crime "
        "Panel scrutinises the Commissioner, not the Chief Constable.",
    ),
    (
        K.CONTEXT,
        BEFORE,
        "Chapter three: Context and consultation",
        "The plan draws on joint sessions with the Constabulary, stakeholder events attended by "
        "more than 100 organisations, roadshows, an online survey, analysis of crime data, a "
        "survey of victims and a task and finish group of Panel members.\n\n"
        "### What people told us\n\n"
        "Of 1,672 people surveyed, 69% were confident they would get a good service when "
        "reporting a serious crime. Solving major crimes such as murder, rape and serious "
        "assault was ranked a high priority by 93.6%, and protecting children from sexual "
        "exploitation by 88.7%.\n\n"
        "### The Strategic Policing Requirement\n\n"
        "The plan takes account of the six national threats set by the Home Secretary: public "
        "order, civil emergencies, serious and organised crime, terrorism, cyber crime and child "
        "sexual abuse.",
    ),
    (
        K.FINANCE,
        AFTER,
        "Chapter five: Financial resources and outlook",
        "General government funding fell by £50.1m (22%) between 2010/11 and 2016/17. By 2019/20 "
        "annual savings of £92m will be needed to balance the budget: £75.4m had been delivered "
        "when the 2016/17 budget was set, leaving £16.6m to find.\n\n"
        "The revenue budget for 2016/17 is £261.5m, with a further £4.5m of specific grants. A "
        "rolling five-year capital programme maintains the infrastructure policing needs.",
    ),
    (
        K.COMMISSIONING,
        AFTER,
        "Commissioning and grant funding",
        "Through my commissioning framework I will target resources at the plan's priorities, "
        "considering social value as well as value for money, and publish every grant I "
        "approve.\n\n"
        "I will decide Community Safety Funding every year, continue the Community Action Fund "
        "for local groups, and put proceeds of crime to use in communities.",
    ),
    (
        K.OTHER,
        AFTER,
        "Equality and diversity",
        "I will have due regard to eliminating discrimination, advancing equality of opportunity "
        "and fostering good relations, and challenge the Constabulary to be an employer of "
        "choice that reflects its communities.",
    ),
    (
        K.MONITORING,
        AFTER,
        "Chapter six: Performance and accountability",
        "Every quarter I will hold the Chief Constable to account at a Strategic Scrutiny "
        "Meeting, publishing its papers; its notes go to the Police and Crime Panel.\n\n"
        "Grant agreements carry performance monitoring, and an annual report will show how the "
        "money was spent. The Panel reviews my draft plan, precept proposals and annual report.",
    ),
]

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

REVENUE_2016 = [
    (
        RevenueFigure.Kind.NET_REVENUE_BUDGET,
        "",
        "2016/17",
        "261500000",
        "Supports the delivery of the plan's priorities.",
    ),
    (
        RevenueFigure.Kind.GRANT,
        "",
        "2016/17",
        "4500000",
        "Specific grants on top of the revenue budget: £266m of spending in all.",
    ),
]

CAPITAL_2016 = {
    "IS/IT Strategy": ["12.751", "10.080", "6.160", "4.565", "4.290"],
    "Accommodation Strategy": ["12.460", "14.810", "1.000", "0.500", "0.500"],
    "Vehicle replacement": ["4.780", "2.300", "3.000", "2.300", "2.300"],
    "Other Schemes": ["0.971", "0.200", "0.200", "0.200", "0.200"],
}
CAPITAL_YEARS_2016 = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]

STEPS_2016 = [
    (
        Stage.CONSULTED,
        date(2016, 8, 15),
        "The draft plan was prepared and shared with the "
        "Chief Constable, following evidence sessions with the Constabulary.",
        "",
    ),
    (
        Stage.SENT_TO_PANEL,
        date(2016, 10, 3),
        "The draft plan was presented to the Police and Crime Panel for its comments.",
        "",
    ),
    (
        Stage.PANEL_RESPONDED,
        date(2016, 10, 17),
        "The Panel commented on the draft plan, including the measures of performance.",
        "",
    ),
    (
        Stage.RESPONSE_PUBLISHED,
        date(2016, 10, 24),
        "The Commissioner's response to the Panel's comments was published.",
        "",
    ),
    (Stage.ISSUED, date(2016, 11, 1), "The Police and Crime Plan 2016-2021 was issued.", ""),
]

# --------------------------------------------------------------------------------------------
# Police and Crime Plan 2021-2025 (Andrew Snowden)
# --------------------------------------------------------------------------------------------

PLAN_2021 = {
    "slug": "police-and-crime-plan-2021-2025",
    "title": "Leading the fight against crime: the Police and Crime Plan for Lancashire 2021-2025",
    "force_area": "Lancashire",
    "commissioner": "Andrew Snowden",
    "term_start": date(2021, 5, 13),
    "term_end": date(2025, 3, 31),
    "summary": "Five priorities chosen by residents, backed by the largest investment in "
    "Lancashire policing in living memory.",
}

SECTIONS_2021 = [
    (
        K.FOREWORD,
        BEFORE,
        "Foreword from the Commissioner",
        "I was elected to lead the fight against crime in Lancashire, and this plan sets out how: "
        "a common-sense approach to criminals, and support for their victims.\n\n"
        "Since May 2021 I have visited every policing area in the county. Residents told me "
        "anti-social behaviour is their biggest concern, followed by drug dealing, dangerous "
        "driving and burglary, and those are my priorities.\n\n"
        "More than £2.5m of extra funding was secured in my first three months for people "
        "affected by domestic abuse and sexual violence. Only 22% of recorded police demand is "
        "crime, so I will work with other services to free officers to fight it.\n\n"
        "**Andrew Snowden**, Police and Crime Commissioner for Lancashire",
    ),
    (
        K.CHIEF_CONSTABLE,
        BEFORE,
        "Message from the Chief Constable",
        "The Constabulary is committed to delivering the Commissioner's priorities and to "
        "pursuing everyone involved in crime, including by seizing the assets they gain.\n\n"
        "Every officer and member of staff has been briefed in person by the Chief Officer Team "
        "on their part in delivering the plan, through proactive, problem-solving policing with "
        "victims at the heart of it.",
    ),
    (
        K.FINANCE,
        AFTER,
        "Delivering efficient and effective policing",
        "The Commissioner will make sure the Constabulary is properly funded to give an "
        "outstanding service. Officer recruitment through the Police Uplift Programme continues, "
        "with investment in digital services, a new estate strategy and an open police station in "
        "every borough.\n\n"
        "### Resources\n\n"
        "Policing is funded by central government grant (69% of Lancashire's funding) and the "
        "police precept on council tax.\n\n"
        "### Budget and precept\n\n"
        "The budget for policing and crime in 2021/22 is £319m, of which £307m is delegated to "
        "the Chief Constable, who spends over 80% of it on officers and staff. More than 200 new "
        "officers join in 2021/22, and over 500 more by 2025.\n\n"
        "In February 2021 the Panel supported a £15 increase in the precept, bringing the Band D "
        "charge to £226.45, the 11th lowest in England in 2020/21.",
    ),
    (
        K.OTHER,
        AFTER,
        "The environment and sustainability",
        "A new Environment and Sustainability Strategy will be launched in 2022 to cut energy "
        "demand and consumption and use renewable sources. Decisions on buildings and the fleet "
        "will take account of carbon targets and the end of new petrol and diesel car sales in "
        "2030.",
    ),
    (
        K.OTHER,
        AFTER,
        "Diversity and inclusion",
        "The joint Diversity, Equality and Inclusion Strategy 2021-2026 with the Constabulary "
        "sets three equality objectives:\n\n"
        "* a fair, responsive and effective service to every community\n"
        "* a diverse workforce that reflects Lancashire, where everyone can thrive\n"
        "* joint strategies with partners for fairer public services\n\n"
        "Progress is reported in a joint annual report.",
    ),
    (
        K.MONITORING,
        AFTER,
        "National crime and policing measures",
        "The Home Secretary's national crime and policing measures are to reduce murder and "
        "other homicides, reduce serious violence, disrupt drugs supply and county lines, "
        "reduce neighbourhood crime, tackle cyber crime, and improve victims' satisfaction, "
        "especially victims of domestic abuse.\n\n"
        "The Commissioner will publish a quarterly statement of the Constabulary's contribution "
        "to them and hold the Chief Constable to account for each through the Accountability "
        "Framework.",
    ),
    (
        K.OTHER,
        AFTER,
        "Supporting victims",
        "Fewer people should become victims, and those who do should be at the heart of the "
        "justice process. The Commissioner will monitor the police's part in the Code of "
        "Practice for Victims of Crime, hold the Chief Constable to account for accurate crime "
        "recording and safeguarding, and commission Lancashire Victim Services.",
    ),
    (
        K.COMMISSIONING,
        AFTER,
        "Partnerships and collaboration",
        "The plan aligns with the Lancashire Community Safety Agreement and the priorities of "
        "the Community Safety Partnerships.\n\n"
        "### Lancashire Violence Reduction Network\n\n"
        "The Serious Violence Strategy works on four strands: prevention, enforcement, evidence "
        "and data, and a trauma-informed workforce.\n\n"
        "### Collaboration\n\n"
        "Lancashire works with the North West Regional Organised Crime Unit, and has signed an "
        "agreement with four other North West forces for a regional forensic science service.\n\n"
        "### Strategic Policing Requirement\n\n"
        "The Constabulary must be ready to respond to terrorism, serious and organised crime, "
        "national cyber incidents, public order, civil emergencies and child sexual abuse; the "
        "Chief Constable is held to account for this every year.",
    ),
    (
        K.MONITORING,
        AFTER,
        "Monitoring and accountability",
        "The Commissioner publishes his decisions and holds the Chief Constable to account at "
        "regular Accountability Board meetings and one-to-one meetings with the senior team.\n\n"
        "He will also listen to communities and advisory groups, read the 'Your Commissioner, "
        "Your Voice' and precept surveys, act on inspection and audit findings, review quarterly "
        "financial monitoring, and report progress to the Police and Crime Panel. The Deputy "
        "Commissioner chairs the Lancashire Criminal Justice Board and the Lancashire Road Safety "
        "Partnership.",
    ),
    (
        K.ROLES,
        AFTER,
        "Roles and responsibilities",
        "The Police Reform and Social Responsibility Act 2011 replaced police authorities with "
        "elected Commissioners in November 2012.\n\n"
        "### Police and Crime Commissioner\n\n"
        "Secures an efficient and effective force, appoints and holds the Chief Constable to "
        "account, publishes the plan, sets the budget and precept, and issues an annual report.\n\n"
        "### Chief Constable\n\n"
        "Directs and controls officers and staff, is politically independent of the "
        "Commissioner, and runs the day-to-day budget.\n\n"
        "### Police and Crime Panel\n\n"
        "Scrutinises the Commissioner, reviews the draft plan and the precept, handles "
        "complaints about the Commissioner and holds confirmation hearings.",
    ),
    (
        K.AREA_PROFILE,
        AFTER,
        "Policing at a glance",
        "The Constabulary has three divisions (West, South and East) and its headquarters at "
        "Hutton, Preston. Its workforce of just over 5,500 includes over 3,000 police officers "
        "and 2,500 staff.",
    ),
    (
        K.AREA_PROFILE,
        AFTER,
        "About Lancashire",
        "Lancashire's 2019 mid-year population estimate was 1,508,941, up 0.7% on the year. Two "
        "unitary authorities (Blackpool, and Blackburn with Darwen), the County Council and 12 "
        "districts serve coastal towns, cities and rural communities. About 10% of residents are "
        "from Black, Asian and other minority ethnic groups.",
    ),
]

PRIORITIES_2021 = [
    {
        "title": "Getting tough on anti-social behaviour",
        "summary": "Visible neighbourhood policing, enforcement and prevention to stop the "
        "behaviour residents worry about most.",
        "narrative": "Anti-social behaviour is the top concern in surveys across the county: "
        "the Constabulary received 96,000 reports of it last year.\n\n"
        "### Neighbourhood policing\n\n"
        "Neighbourhood teams must be visible, accessible and responsive, walking the beat and "
        "targeting hot spots, rural areas included, working with councils, health services, "
        "businesses and communities.\n\n"
        "### Enforcement and problem solving\n\n"
        "Criminal and civil powers will be used against persistent offenders and drug dealers, "
        "alongside problem solving that lasts.\n\n"
        "### Safer Lancashire Neighbourhoods Fund\n\n"
        "Money recovered from criminals under the Proceeds of Crime Act will fund community "
        "projects.",
        "commitments": [
            "Increase funding for additional neighbourhood policing officers to build a "
            "visible, effective and impactive police front line in neighbourhoods across "
            "Lancashire.",
            "Look to ensure every community has a dedicated neighbourhood policing team to "
            "tackle anti-social behaviour.",
            "Invest resources to increase the capacity of proactive task forces in both rural "
            "and urban areas.",
            "Ensure every borough has access to a police front counter to report crime.",
            "Invest in a problem-solving approach to reduce crime and anti-social behaviour.",
            "Invest in civil enforcement resources so police use the full suite of criminal "
            "and civil tools, including Criminal Behaviour Orders, Closure Orders and "
            "Anti-Social Behaviour Injunctions.",
            "Launch a Safer Lancashire Neighbourhoods Fund.",
            "Engage with the public and continue to invest in 'Lancashire Talking' to identify "
            "the top issues in every community.",
            "Work with the Government to secure further funding for Youth Divert, diverting "
            "10-17-year-olds from a life of crime.",
            "Support Community Safety Partnerships to focus collective resources on tackling "
            "anti-social behaviour.",
            "Ensure that policing initiatives are publicised to deter crime.",
            "Support victims of anti-social behaviour through Lancashire Victim Services.",
        ],
        "accountability": [
            "The targeting of repeat and persistent offenders.",
            "Improved public confidence in the police, measured through national and local "
            "benchmarks and engagement surveys.",
            "Greater visibility and engagement of police officers and PCSOs in hot spot areas "
            "blighted by anti-social behaviour.",
            "Increased and effective partnership-based problem-solving initiatives related to "
            "tackling anti-social behaviour.",
            "An increase in the use of civil orders by the Constabulary to tackle anti-social "
            "behaviour.",
        ],
        "measures": [
            (
                "Improved public confidence in the police, measured through national and local "
                "measures and engagement surveys",
                IMP,
                "%",
            ),
            (
                "Greater visibility of police officers and PCSOs in hot spot areas blighted by "
                "anti-social behaviour",
                IMP,
                "",
            ),
            (
                "Increased and effective partnership-based problem-solving initiatives related to "
                "tackling anti-social behaviour",
                INC,
                "initiatives",
            ),
            ("The targeting of repeat and persistent offenders", MON, ""),
            (
                "An increase in the use of civil orders by the Constabulary to tackle anti-social "
                "behaviour",
                INC,
                "orders",
            ),
            (
                "The number and type of anti-social behaviour incidents in Lancashire",
                MON,
                "incidents",
            ),
        ],
    },
    {
        "title": "Disrupting and dismantling organised crime",
        "summary": "Taking the fight to organised crime groups with regional and national "
        "partners, and taking their assets.",
        "narrative": "Organised crime now treats people as a commodity: modern slavery, "
        "trafficking and exploitation bring serious violence and drug supply with them.\n\n"
        "### Specialist and neighbourhood resources\n\n"
        "The Constabulary will use every officer, with the North West Regional Organised Crime "
        "Unit and the National Crime Agency, to disrupt groups and seize assets.\n\n"
        "### Partnership working\n\n"
        "The Violence Reduction Network's prevention work and Project Adder, a three-year "
        "programme against drug misuse and offending, support the police response.",
        "commitments": [
            "Invest to reinforce the capacity and capability of the Constabulary and regional "
            "partners to carry out disruptions and enforcement against serious and organised "
            "criminals.",
            "With stakeholders and partners, bring all available information, resources and "
            "powers to bear locally to tackle serious organised crime.",
            "Take an aggressive approach to asset seizures so that crime doesn't pay in "
            "Lancashire.",
            "Invest in new, innovative ways to disrupt and help dismantle networks.",
            "Invest in tackling cyber crime, defending against online criminals and taking the "
            "fight to them.",
            "Ensure officers and staff have the capacity, capability, systems and equipment to "
            "tackle the volume and complexity of cyber crime.",
            "Support all measures to reduce the number of people killed and seriously injured "
            "by homicide and serious violence.",
            "Safeguard the most vulnerable by working with partners on campaigns such as "
            "'Eyes-Open' on county lines.",
            "Work with partners to tackle knife crime in Lancashire.",
            "Continue to fund and work with the Pan Lancashire Anti-Slavery Partnership.",
            "Support victims of serious and organised crime through Lancashire Victim Services.",
        ],
        "accountability": [
            "The targeting of persistent and repeat offenders to bring them to justice and "
            "reduce future crime.",
            "An increased partnership approach to disrupting organised criminal activity, "
            "locally through GENGA and regionally through the NWROCU.",
            "Increased partnership working to disrupt drugs supply and county lines.",
            "Improved victim satisfaction levels for serious acquisitive crime offences.",
            "An increase in personal asset seizures, including cash, vehicles, firearms and drugs.",
            "Reducing serious violence, including firearm discharges.",
            "Confidence in the law enforcement response to cyber crime.",
            "The proactive management of offenders involved in serious organised crime, "
            "including issuing cease and desist letters.",
        ],
        "measures": [
            (
                "The proactive management of offenders involved in serious organised crime, "
                "including cease and desist letters",
                MON,
                "",
            ),
            (
                "Partnership disruption of organised criminal activity through GENGA and the "
                "NWROCU",
                INC,
                "disruptions",
            ),
            (
                "Improved victim satisfaction levels for serious acquisitive crime offences",
                IMP,
                "%",
            ),
            (
                "Personal asset seizures, including cash, vehicles, firearms and drugs",
                MON,
                "seizures",
            ),
            (
                "Referrals through the National Referral Mechanism in respect of modern slavery",
                MON,
                "referrals",
            ),
            ("Child and criminal exploitation offences", MON, "offences"),
            ("Reduce murder and other homicides", RED, "homicides", True),
            ("Reduce serious violence, including firearm discharges", RED, "offences", True),
            ("Businesses experiencing a cyber breach or attack", MON, "businesses"),
        ],
    },
    {
        "title": "Tackling domestic abuse and sexual violence",
        "summary": "Better support for victims, more offenders brought to justice, and prevention.",
        "narrative": "Domestic abuse accounts for around 14% of all crime and much of it is "
        "hidden. Lancashire's positive outcome rate for sexual offences is 11.5%, against "
        "8.1% nationally, but there is more to do.\n\n"
        "### Supporting victims\n\n"
        "The Domestic Abuse Act 2021 raises expectations of support for survivors. Op Provide, "
        "in which officers attend domestic abuse reports with NHS advocates, has supported "
        "more than 1,000 victims in Blackpool, Fylde, Wyre, Lancaster and Morecambe.",
        "commitments": [
            "Fund specialist victim services so that victims of domestic abuse and sexual "
            "violence get the best possible support.",
            "Invest in a dedicated resource for investigating rape and serious sexual violence "
            "and improving convictions.",
            "Maximise funding opportunities and secure more project-based and grant funding to "
            "support victims.",
            "With partners, develop and launch a countywide domestic violence perpetrator "
            "strategy to reduce reoffending.",
            "Drive and support the implementation of the Violence and Intimidation against "
            "Women and Girls Strategy.",
            "Work with partners to implement the Domestic Abuse Act 2021 and maximise the use "
            "of preventative powers and orders.",
            "Fund and support initiatives which reduce the number of victims of domestic abuse "
            "and sexual violence.",
            "Work with key partners to bring offenders to justice and prevent further offending.",
            "Support the rollout of Op Provide.",
            "Support the multi-agency 'No Excuse for Abuse' and other campaigns.",
            "The Deputy Commissioner will chair the Lancashire Criminal Justice Board to drive "
            "improvements in outcomes for rape and serious sexual offences.",
        ],
        "accountability": [
            "The effective use of resources dedicated to hidden harms such as domestic abuse, "
            "rape and serious sexual offences.",
            "An increase in reporting of domestic abuse and sexual violence offences.",
            "An increase in the number of offenders for domestic abuse and sexual violence "
            "crimes brought to justice.",
            "An increase in positive outcomes for domestic abuse and sexual violence crimes.",
            "Compliance with the Victim Code of Practice.",
            "The proactive use of Domestic Abuse Protection Orders and Sexual Harm Prevention "
            "Orders.",
            "A reduction in repeat offending.",
            "A reduction in repeat victimisation of domestic abuse.",
            "Improved satisfaction among victims of domestic abuse and sexual violence.",
        ],
        "measures": [
            ("Reporting of domestic abuse and sexual violence offences", INC, "offences"),
            (
                "Offenders for domestic abuse and sexual violence crimes brought to justice",
                INC,
                "offenders",
            ),
            ("Positive outcomes for domestic abuse and sexual violence crimes", INC, "%"),
            ("Compliance with the Victim Code of Practice", IMP, "%"),
            (
                "Use of Domestic Abuse Protection Orders and Sexual Harm Prevention Orders",
                INC,
                "orders",
            ),
            ("Repeat offending", RED, "%"),
            ("Repeat victimisation of domestic abuse", RED, "%"),
            ("Satisfaction among victims of domestic abuse and sexual violence", IMP, "%"),
        ],
    },
    {
        "title": "Cracking down on burglary and robbery",
        "summary": "Investigating every burglary and robbery, targeting repeat offenders and "
        "preventing crime.",
        "narrative": "Burglary harms people long after the event. The pandemic reduced "
        "burglaries but detection rates fell, here and nationally.\n\n"
        "### Fighting back against criminals\n\n"
        "Target teams, task forces and investigation hubs will track down repeat offenders, "
        "and Lancashire will support the Government's pilot of electronic tagging for "
        "burglars and robbers leaving prison.\n\n"
        "### Business crime\n\n"
        "A Business Crime Coordinator, funded by the Commissioner, leads a more focused "
        "response to crime against businesses.",
        "commitments": [
            "Invest in building up Neighbourhood Policing Teams so officers can tackle and fully "
            "investigate burglary and robbery.",
            "Support a partnership problem-solving approach to tackle burglary and robbery.",
            "Tackle substance misuse and the root causes of offending by persistent offenders.",
            "Invest in innovation to reduce opportunities for burglary and robbery, including "
            "tagging and targeting repeat offenders.",
            "Support victims of burglary and robbery, particularly the vulnerable, and prevent "
            "them being re-targeted.",
            "Launch the Safer Lancashire Neighbourhoods Fund.",
            "Work with the business community and Business Improvement Districts to reduce "
            "opportunities for burglary and robbery.",
            "Tackle business and retail crime by enabling more reporting through technology "
            "and smarter police processes.",
            "Support the ShopKind campaign against violence and abuse towards shopworkers.",
            "Back bids to the Home Office Safer Streets Fund and other funds for crime prevention.",
            "Champion community volunteers, such as Neighbourhood Watch.",
        ],
        "accountability": [
            "A reduction in recorded residential burglary and robbery offences.",
            "An increase in offenders brought to justice for residential burglary and robbery.",
            "The targeting of persistent and repeat offenders.",
            "Improved victim satisfaction levels for serious acquisitive crime offences.",
            "A reduction in repeat burglary victims.",
        ],
        "measures": [
            ("Recorded residential burglary and robbery offences", RED, "offences"),
            (
                "Offenders brought to justice for residential burglary and robbery offences",
                INC,
                "offenders",
            ),
            ("Targeting of persistent and repeat burglary and robbery offenders", MON, ""),
            ("Victim satisfaction levels for burglary and robbery", IMP, "%"),
            ("Repeat burglary victims", RED, "victims"),
        ],
    },
    {
        "title": "Targeting dangerous drivers",
        "summary": "Dangerous driving is a crime: enforcement, education, engagement and "
        "engineering to make the roads safer.",
        "narrative": "In 2020 there were 2,354 reported road traffic collisions in Lancashire, "
        "with 3,213 casualties; 25 people died. Almost four in ten casualties are cyclists, "
        "motorcyclists or young road users.\n\n"
        "### The Lancashire Road Safety Partnership\n\n"
        "Police, fire and rescue, councils, highways and ambulance services will be reviewed "
        "and refocused on enforcement, education, engagement and engineering.\n\n"
        "### Roads policing\n\n"
        "Investment in people, training and equipment will target speeding hot spots and "
        "repeat offenders.",
        "commitments": [
            "Undertake a full root and branch review of the Lancashire Road Safety Partnership.",
            "Increase the resources dedicated to road policing and invest in equipment.",
            "Invest in resources and campaigns to deny the roads to the most serious, organised "
            "and persistent criminals.",
            "Reduce dangerous driving concerns and complaints by tackling anti-social driving.",
            "Work with partners to make safety improvements on country roads quicker and "
            "target rural speeding.",
            "Reinvigorate Community Roadwatch and encourage everyone to help make the roads safer.",
            "Reduce speeding where there is evidence of high speeds or collisions, with speed "
            "camera vans and average speed cameras.",
        ],
        "accountability": [
            "Improved public confidence in the enforcement of dangerous driving.",
            "More prosecutions, vehicle seizures and focused activity against anti-social "
            "motorists and riders.",
            "Fewer people killed or seriously injured, through enforcement against each of the "
            "fatal five.",
            "Fewer people involved in traffic collisions, through education and enforcement.",
            "More camera van deployments, tickets, diversionary courses and Community Roadwatch "
            "activity.",
            "Introducing Operation Snap, which uses road users' video footage to pursue "
            "dangerous drivers.",
            "Responding to hot spots and neighbourhood concerns in a meaningful way.",
        ],
        "measures": [
            (
                "Prosecutions, vehicle seizures and focused activity against anti-social "
                "motorists and riders",
                INC,
                "actions",
            ),
            ("People killed or seriously injured on Lancashire's roads", RED, "casualties"),
            ("Vulnerable road users involved in traffic collisions", RED, "casualties"),
            (
                "Camera van deployments, tickets issued, diversionary courses and Community "
                "Roadwatch activity",
                INC,
                "deployments",
            ),
        ],
    },
]

THEME_MEASURES_2021 = [
    (
        "Efficient and effective policing",
        [
            ("Outcome of HMICFRS and other inspections", MON, ""),
            ("Accurate and timely crime recording", IMP, "%"),
            ("External Auditor's value for money determination", MON, ""),
            ("Comparison with national police Value for Money Profiles", MON, ""),
            ("Realisation of benefits from investment", MON, ""),
            ("Efficiency savings", MON, "£"),
            ("Contact management: 101 and 999 calls answered", IMP, "%"),
        ],
    ),
    (
        "National crime and policing measures",
        [
            ("Disrupt drugs supply and county lines", MON, "disruptions", True),
            ("Reduce neighbourhood crime", RED, "crimes", True),
            ("Tackle cyber crime", MON, "", True),
            (
                "Improve satisfaction among victims, with a particular focus on victims of "
                "domestic abuse",
                IMP,
                "%",
                True,
            ),
        ],
    ),
]

REVENUE_2021 = [
    (
        RevenueFigure.Kind.NET_REVENUE_BUDGET,
        "Budget for policing and crime",
        "2021/22",
        "319000000",
        "",
    ),
    (
        RevenueFigure.Kind.DELEGATED,
        "",
        "2021/22",
        "307000000",
        "For operational policing; over 80% is spent on officers and staff.",
    ),
    (
        RevenueFigure.Kind.BAND_D_PRECEPT,
        "",
        "2021/22",
        "226.45",
        "The 11th lowest Band D police council tax in England in 2020/21.",
    ),
    (
        RevenueFigure.Kind.PRECEPT_INCREASE,
        "",
        "2021/22",
        "15.00",
        "Supported by the Police and Crime Panel in February 2021.",
    ),
]

STEPS_2021 = [
    (
        Stage.PUBLIC_CONSULTED,
        date(2021, 8, 31),
        "A public survey, and meetings with victims' groups, partners and stakeholders.",
        "",
        {
            "consultation_opened": date(2021, 6, 1),
            "responses_summary": "Residents, victims of crime, partners and stakeholders across "
            "Lancashire took part through the summer, more of the public than for any earlier "
            "plan; digitally excluded people were reached by other means. Anti-social behaviour "
            "was by far the top concern, and the priorities were shaped by what people said.",
        },
    ),
    (
        Stage.CONSULTED,
        date(2021, 9, 1),
        "The Chief Constable was consulted on the draft plan, "
        "after a summer of consultation with residents, victims and partners.",
        "",
    ),
    (
        Stage.SENT_TO_PANEL,
        date(2021, 10, 12),
        "The Panel considered the draft plan, after a consultation meeting with members on "
        "22 September 2021, and was invited to give feedback by 12 November 2021. It made no "
        "formal report, so no response was needed; members' views were taken into account in "
        "the final plan, which went to the Panel's meeting of 6 December 2021.",
        "",
    ),
    (
        Stage.ISSUED,
        date(2022, 1, 6),
        "Approved by the Commissioner by decision 28/2021.",
        "28/2021",
    ),
]

# Delivery progress reported to the Panel on 6 December 2021: (priority, commitment index,
# status, note).
PROGRESS_2021 = [
    (
        1,
        3,
        Commitment.Status.IN_PROGRESS,
        "Front counters in South Ribble (Leyland) and Fylde (Kirkham) have reopened.",
    ),
    (
        1,
        1,
        Commitment.Status.IN_PROGRESS,
        "Fylde has returned to a dedicated neighbourhood "
        "policing team in place of the hybrid model.",
    ),
    (1, 0, Commitment.Status.IN_PROGRESS, "More than 200 new officers join in 2021/22."),
    (
        3,
        2,
        Commitment.Status.IN_PROGRESS,
        "More than £2.5m secured for domestic abuse and "
        "sexual violence services in the first three months of office.",
    ),
    (3, 8, Commitment.Status.IN_PROGRESS, "Op Provide has supported more than 1,000 victims."),
    (
        3,
        10,
        Commitment.Status.DELIVERED,
        "The Deputy Commissioner chaired his first meeting of "
        "the Lancashire Criminal Justice Board.",
    ),
    (
        5,
        0,
        Commitment.Status.NOT_STARTED,
        "A full review of the partnership is scheduled for the new year.",
    ),
    (
        2,
        8,
        Commitment.Status.IN_PROGRESS,
        "The Knife Angel came to Lancashire in November 2021 "
        "with an educational programme on knife crime.",
    ),
]
PROGRESS_DATE_2021 = date(2021, 12, 6)


def _build(*, spec, sections, priorities, revenue, capital, theme_measures, publisher, started):
    plan = services.create_plan(by=publisher, started_on=started, **spec)
    orders = {}
    for kind, placement, title, body in sections:
        orders[placement] = orders.get(placement, 0) + 1
        Section.objects.create(
            plan=plan, kind=kind, placement=placement, title=title, body=body,
            order=orders[placement],
        )  # fmt: skip
    for number, entry in enumerate(priorities, start=1):
        priority = Priority.objects.create(
            plan=plan,
            number=number,
            title=entry["title"],
            summary=entry["summary"],
            narrative=entry["narrative"],
        )
        for order, wording in enumerate(entry["commitments"], start=1):
            Commitment.objects.create(priority=priority, wording=wording, order=order)
        for order, wording in enumerate(entry.get("accountability", []), start=1):
            AccountabilityItem.objects.create(priority=priority, wording=wording, order=order)
        for order, measure in enumerate(entry["measures"], start=1):
            _measure(plan, measure, order, priority=priority)
    for theme, measures in theme_measures:
        for order, measure in enumerate(measures, start=1):
            _measure(plan, measure, order, theme=theme)
    for kind, label, year, amount, note in revenue:
        RevenueFigure.objects.create(
            plan=plan, kind=kind, label=label, financial_year=year, amount=Decimal(amount),
            note=note,
        )  # fmt: skip
    years, schemes = capital
    for scheme, amounts in schemes.items():
        for year, amount in zip(years, amounts, strict=True):
            CapitalLine.objects.create(
                plan=plan, scheme=scheme, financial_year=year, amount_millions=Decimal(amount)
            )
    return plan


def _measure(plan, measure, order, priority=None, theme=""):
    wording, direction, unit, *national = measure
    Measure.objects.create(
        plan=plan,
        priority=priority,
        theme=theme,
        wording=wording,
        direction=direction,
        unit=unit,
        is_national=bool(national and national[0]),
        order=order,
    )


def _take_steps(plan, steps, publisher):
    for stage, when, note, reference, *extra in steps:
        services.record_step(
            plan=plan, stage=stage, date=when, by=publisher, note=note, reference=reference,
            **(extra[0] if extra else {}),
        )  # fmt: skip


def load(*, publisher):
    made = []
    if not Plan.objects.filter(slug=PLAN_2016["slug"]).exists():
        plan = _build(
            spec=PLAN_2016,
            sections=SECTIONS_2016,
            priorities=PRIORITIES_2016,
            revenue=REVENUE_2016,
            capital=(CAPITAL_YEARS_2016, CAPITAL_2016),
            theme_measures=[],
            publisher=publisher,
            started=date(2016, 6, 20),
        )
        _take_steps(plan, STEPS_2016, publisher)
        made.append("2016-2021")
    if not Plan.objects.filter(slug=PLAN_2021["slug"]).exists():
        plan = _build(
            spec=PLAN_2021,
            sections=SECTIONS_2021,
            priorities=PRIORITIES_2021,
            revenue=REVENUE_2021,
            capital=([], {}),
            theme_measures=THEME_MEASURES_2021,
            publisher=publisher,
            started=date(2021, 5, 13),
        )
        for number, index, status, note in PROGRESS_2021:
            commitment = list(plan.priorities.get(number=number).commitments.order_by("order"))[
                index
            ]
            services.record_progress(
                commitment=commitment,
                status=status,
                date=PROGRESS_DATE_2021,
                note=note,
                by=publisher,
            )
        _take_steps(plan, STEPS_2021, publisher)
        made.append("2021-2025")
    if not made:
        return "both plans present"
    return f"built, issued and published the {' and '.join(made)} plans"
