"""The built-in frameworks, written in our own words, each crediting its source.

Each is a framework document in the same shape as an imported YAML/JSON file
(see frameworks.py). `builtins_install` gives every organisation its own copy.
"""

from __future__ import annotations

from typing import Any


def _bands(basic: str, getting: str, excellent: str, ex: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "basic": {"descriptor": basic, "examples": ex.get("basic", [])},
        "getting_there": {"descriptor": getting, "examples": ex.get("getting_there", [])},
        "excellent": {"descriptor": excellent, "examples": ex.get("excellent", [])},
    }


NEF: dict[str, Any] = {
    "key": "nef-coproduction",
    "name": "Co-production self-assessment (nef and Action for Children)",
    "description": (
        "Four principles and eight indicators. Score each from 1 to 9 for your own practice, "
        "your project and your organisation, and back every score with a real example. "
        "You can only be confident you co-produce when every indicator scores 7 to 9. "
        "It takes about 15 minutes; do it every six months."
    ),
    "credit": (
        "Adapted from the co-production self-assessment framework in 'A guide to co-producing "
        "children's services' (2009), published by Action for Children with nef, the new "
        "economics foundation. The wording here is our own."
    ),
    "scale": "banded",
    "verdict_min": 7,
    "principles": [
        {
            "key": "assets",
            "title": "Valuing young people as assets",
            "indicators": [
                {
                    "key": "treating-as-assets",
                    "title": "Young people are treated as people with a lot to offer",
                    "young_title": "Staff see what I'm good at and what I can offer",
                    "young_hint": "Do people here notice your skills and interests?",
                    "bands": _bands(
                        "Staff and policies say young people have things to offer. Some "
                        "activities help young people follow their hobbies.",
                        "Every young person is asked what they enjoy and what they are good "
                        "at, and staff help them use those strengths in the service.",
                        "What young people and their families know, can do and hope for "
                        "shapes everything the service does.",
                        {
                            "getting_there": [
                                "'All about me' planning days where each young person says "
                                "what they enjoy and what matters to them"
                            ]
                        },
                    ),
                },
                {
                    "key": "skills-in-design",
                    "title": "Young people's skills and experience shape how services are designed",
                    "young_title": "My ideas change how things are run here",
                    "young_hint": "When you suggest something, does it happen?",
                    "bands": _bands(
                        "Staff listen to young people and take their views into account, but "
                        "staff raise the money and run the services.",
                        "Ideas from young people change the way services are run.",
                        "Young people take a continuing, active part in running, checking, "
                        "directing and delivering the work, and their views count as much as "
                        "anyone else's.",
                        {
                            "getting_there": [
                                "Young people choose the activities for the next month, and "
                                "the plan changes because of it"
                            ]
                        },
                    ),
                },
            ],
        },
        {
            "key": "celebrating",
            "title": "Celebrating young people's contribution",
            "indicators": [
                {
                    "key": "recognising-contribution",
                    "title": "Young people's contributions are recognised and celebrated",
                    "young_title": "What I do here gets noticed and celebrated",
                    "young_hint": "Do you get thanked, rewarded or celebrated for helping?",
                    "bands": _bands(
                        "Rules and worries about risk limit what young people can do, and "
                        "staff roles are kept firmly apart from young people's.",
                        "Young people know from the start that taking part will be rewarded.",
                        "Contributions are recorded and celebrated or rewarded as a matter of "
                        "routine. The service could not work without them.",
                        {
                            "getting_there": [
                                "Time credits earned by helping are spent on trips the group "
                                "chooses"
                            ],
                            "excellent": [
                                "Certificates, a young-person-friendly report of what they "
                                "achieved, and photos from events they ran"
                            ],
                        },
                    ),
                },
                {
                    "key": "sharing-responsibility",
                    "title": "Young people share responsibility for delivering the service",
                    "young_title": "Young people and staff run things together",
                    "young_hint": "Do young people have real jobs to do, not just helping out?",
                    "bands": _bands(
                        "Young people are encouraged to help out informally, sometimes around "
                        "the edges of the service.",
                        "There are roles for young people as experts by experience.",
                        "Staff and young people see it as their shared project, each equally "
                        "responsible for it going well.",
                        {"excellent": ["Young people sit on the board as directors"]},
                    ),
                },
            ],
        },
        {
            "key": "reciprocity",
            "title": "Working reciprocally",
            "indicators": [
                {
                    "key": "valuing-everyones-work",
                    "title": "Everyone's work towards good outcomes is valued",
                    "young_title": "The help I give is valued as much as the help staff give",
                    "young_hint": "Is your effort taken as seriously as the staff's?",
                    "bands": _bands(
                        "Staff ask young people to help in practical ways, with time or ideas.",
                        "Work is shared out to fit the skills and responsibilities of young "
                        "people and staff alike.",
                        "Each young person has a development plan that builds their sense "
                        "that their practical contribution matters.",
                        {},
                    ),
                },
                {
                    "key": "give-and-take",
                    "title": "There is a culture of give and take between staff and young people",
                    "young_title": "Staff and young people help each other",
                    "young_hint": "Do staff ask young people for help as well as giving it?",
                    "bands": _bands(
                        "Some give and take happens because of how individual staff work.",
                        "Give and take is encouraged equally among staff and young people, so "
                        "it matters less who gives and who receives.",
                        "Asking for help and offering it is normal and expected of everyone, "
                        "staff and young people.",
                        {},
                    ),
                },
            ],
        },
        {
            "key": "networks",
            "title": "Growing social networks",
            "indicators": [
                {
                    "key": "peer-support",
                    "title": "Young people are helped to support one another",
                    "young_title": "We're helped to look out for each other",
                    "young_hint": "Do older or more experienced young people help newer ones?",
                    "bands": _bands(
                        "The organisation's rules do not stop young people supporting each other.",
                        "Young people connected to the work mentor or buddy each other informally.",
                        "Peer networks that pass on knowledge and skills are paid for and "
                        "treated as core work.",
                        {
                            "getting_there": [
                                "Older members buddy new starters for their first month"
                            ]
                        },
                    ),
                },
                {
                    "key": "networks-core",
                    "title": "Building young people's networks is core work",
                    "young_title": "I've met new people and got connected to things near me",
                    "young_hint": "Has being here helped you make friends or join other things?",
                    "bands": _bands(
                        "Staff see the practical and emotional value of young people "
                        "supporting one another, and rules do not get in the way.",
                        "Young people are encouraged to bring friends along and to make new "
                        "friendships.",
                        "Staff and young people take part in activities that link into local "
                        "networks beyond the organisation.",
                        {"excellent": ["Skill-swap evenings with older neighbours"]},
                    ),
                },
            ],
        },
    ],
}

_YEG = [
    (
        "centre",
        "Young people are at the heart of our activity and our decisions",
        "Young people are at the heart of what happens here",
    ),
    (
        "accessible",
        "Every young person can take part safely, whatever their needs or abilities",
        "Anyone can join in, and it feels safe",
    ),
    (
        "heard",
        "Young people's views are heard, valued and respected, and can change things",
        "My views are listened to and can change things",
    ),
    (
        "training",
        "Young people get training and support to grow their skills, matched to "
        "their interests and needs",
        "I get training and help to learn new things",
    ),
    (
        "benefits",
        "Young people gain clear benefits from taking part, such as training, "
        "recognition, accreditation, work or access to services",
        "I get something good out of taking part",
    ),
    (
        "governance",
        "Co-production is part of governance, delivery and decisions across all our work",
        "Young people help make big decisions, not just small ones",
    ),
    (
        "feedback",
        "Young people are told directly how their views changed decisions and services",
        "I'm told what happened because of what I said",
    ),
    (
        "influence",
        "Young people can influence other programmes and partners, so the work lasts",
        "What we do here reaches other projects too",
    ),
    (
        "evaluated",
        "Youth engagement is evaluated to show its value and impact",
        "We check together whether taking part makes a difference",
    ),
    (
        "fun",
        "Taking part is fun and young people's successes are celebrated",
        "It's fun, and our successes are celebrated",
    ),
]

YOUTH_ENGAGEMENT_GUARANTEE: dict[str, Any] = {
    "key": "youth-engagement-guarantee",
    "name": "Youth Engagement Guarantee (HeadStart Wolverhampton)",
    "description": (
        "Ten commitments a service makes to the young people it works with. For each, answer "
        "yes, no or needs more work, and note why."
    ),
    "credit": (
        "Based on the Youth Engagement Guarantee of HeadStart Wolverhampton, as set out in "
        "'All together now' by HeadStart Wolverhampton and Boingboing (2018). The wording here "
        "is our own."
    ),
    "scale": "checklist",
    "principles": [
        {
            "key": "commitments",
            "title": "Our ten commitments",
            "indicators": [
                {"key": key, "title": title, "young_title": young} for key, title, young in _YEG
            ],
        }
    ],
}

# Shier's five levels of participation, lowest first, each asked at his three stages of
# commitment: openings (are we ready?), opportunities (do we have ways to do it?) and
# obligations (does our policy require it?). One yes/no question each, in our own words.
_SHIER_LEVELS = [
    (
        "Young people are listened to",
        "Staff listen to me",
        (
            "Are we ready to listen to young people?",
            "Do we work in ways that let us listen to young people?",
            "Does our policy say that young people must be listened to?",
        ),
    ),
    (
        "Young people are supported to say what they think",
        "I get help to say what I think",
        (
            "Are we ready to help young people put their views across?",
            "Do we have the activities, time and skills to help young people say what they think?",
            "Does our policy say that young people must get help to put their views across?",
        ),
    ),
    (
        "Young people's views are taken into account",
        "What I say is taken into account",
        (
            "Are we ready to let young people's views shape what we decide?",
            "Do the ways we decide things make room for young people's views?",
            "Does our policy say that young people's views must count when we decide?",
        ),
    ),
    (
        "Young people are involved in making decisions",
        "I'm part of making decisions",
        (
            "Are we ready to have young people with us when we decide?",
            "Is there a way for young people to join in when we make decisions?",
            "Does our policy say that young people must take part in our decisions?",
        ),
    ),
    (
        "Young people share power and responsibility for decisions",
        "Young people and staff share the power to decide",
        (
            "Are we ready to hand over some of our power over decisions to young people?",
            "Is there a way for young people and staff to share power and responsibility "
            "for decisions?",
            "Does our policy say that young people and staff share power and responsibility "
            "for decisions?",
        ),
    ),
]
_SHIER_STAGES = [
    ("openings", "Staff want this to happen"),
    ("opportunities", "There are real ways for this to happen"),
    ("obligations", "It's a rule here that this happens"),
]

SHIER: dict[str, Any] = {
    "key": "shier-pathways",
    "name": "Pathways to participation (Shier)",
    "description": (
        "Five levels of participation, from being listened to up to sharing power. At each "
        "level, three yes/no questions: are we ready (openings), do we have ways to do it "
        "(opportunities) and does our policy require it (obligations)? The result gives the "
        "level you have reached at each of the three stages. Levels 4 and 5 are where "
        "co-production begins."
    ),
    "credit": (
        "Based on Harry Shier's 'Pathways to participation' (2001), as described in the "
        "literature review for the South Wales Violence Prevention Unit (2020). The wording "
        "here is our own."
    ),
    "scale": "pathways",
    "principles": [
        {
            "key": f"level-{n}",
            "title": f"Level {n}: {title}",
            "indicators": [
                {
                    "key": f"level-{n}-{stage}",
                    "title": question,
                    "young_title": f"{young}. {stage_young}",
                }
                for (stage, stage_young), question in zip(_SHIER_STAGES, questions, strict=True)
            ],
        }
        for n, (title, young, questions) in enumerate(_SHIER_LEVELS, start=1)
    ],
}

BUILTINS = [NEF, YOUTH_ENGAGEMENT_GUARANTEE, SHIER]
