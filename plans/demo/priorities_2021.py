"""The priorities of the Police and Crime Plan 2021-2025, each with its commitments, what the
Commissioner holds the Chief Constable to account for, and its measures."""

from .measures import IMP, INC, MON, RED

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
