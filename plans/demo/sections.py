"""The demo plans' Markdown sections, before and after their priorities: (kind, placement,
title, body)."""

from ..models import Section

BEFORE, AFTER = Section.Placement.BEFORE, Section.Placement.AFTER
K = Section.Kind

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
