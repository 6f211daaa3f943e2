"""How the demo council's year looks: the mix of representations and what happens to them.

The proportions follow the two seed reports (Isle of Wight 2019/20, Southampton 2009/10):
mostly statutory complaints and MP enquiries, a steady trickle of compliments, parents
making about 70% of complaints, young people hardly ever, Stage 1 answered within 10 working
days about two times in three, and a few escalations each year.
"""

from typing import NamedTuple

# Representations a year (a full financial year), growing as in both seeds.
YEARLY_VOLUME = {0: 240, 1: 290, 2: 340}  # 0 = three years ago
CURRENT_YEAR_RATE = 360  # a year's worth, scaled to the part of the current year gone by

RECORD_TYPE_WEIGHTS = {
    "complaint": 30,
    "area_initiated": 1,
    "refused": 4,
    "pre_complaint": 6,
    "case_concern": 8,
    "informal_representation": 10,
    "corporate_complaint": 2,
    "non_statutory_complaint": 1,
    "school_complaint": 2,
    "lgsco": 2,
    "foi_request": 6,
    "subject_access_request": 5,
    "mp_councillor_enquiry": 12,
    "compliment": 7,
    "comment": 3,
    "referral": 2,
    "ad_hoc": 5,
    "miscellaneous": 1,
}

HOW_RECEIVED_WEIGHTS = {
    "email": 34,
    "letter": 20,
    "e_form": 18,
    "telephone": 16,
    "in_person": 3,
    "complaint_form": 3,
    "web": 2,
    "ombudsman": 1,
    "via_mp_councillor": 3,
}

COMPLAINANT_WEIGHTS = {
    "parent": 70,
    "grandparent": 7,
    "other_relative": 5,
    "foster_carer": 5,
    "special_guardian": 3,
    "young_person": 3,
    "advocate": 2,
    "professional": 3,
    "other": 2,
}

# How the person who complained, and the child, are described on the case: the same
# relationship as the complainant type, so the case page never says "Parent" beside
# "Complainant: grandparent".
RELATIONSHIPS = {
    "parent": ("Parent", "Their child"),
    "grandparent": ("Grandparent", "Their grandchild"),
    "other_relative": ("Aunt", "Her niece or nephew"),
    "foster_carer": ("Foster carer", "Child in their care"),
    "special_guardian": ("Special guardian", "Child in their care"),
    "advocate": ("Advocate", "Child they support"),
    "professional": ("Teacher", "Pupil"),
    "other": ("Family friend", "Child they know"),
}
# Who made a representation that has no complainant type (a compliment, a request).
DEFAULT_RELATIONSHIP = RELATIONSHIPS["parent"]

TEAM_WEIGHTS = {
    "cast": 33,
    "children_looked_after": 23,
    "disabled_children": 20,
    "care_leavers": 6,
    "fostering": 5,
    "adoption": 3,
    "mash": 4,
    "early_help": 4,
    "youth_offending": 2,
}

NATURE_WEIGHTS = {
    "conduct_of_worker": 24,
    "quality_of_service": 20,
    "insufficient_support": 14,
    "funding": 10,
    "poor_communication": 10,
    "non_fulfilment_of_duty": 5,
    "delay": 7,
    "decision_disagreement": 6,
    "breach_of_confidentiality": 2,
    "eligibility": 1,
    "policy": 1,
}

OUTCOME_SOUGHT_WEIGHTS = {
    "apology_and_explanation": 14,
    "agreed_service_implemented": 12,
    "explanation": 11,
    "personal_budget": 8,
    "apology": 9,
    "meeting_offer": 6,
    "change_of_worker": 7,
    "review_of_decision": 7,
    "payment": 3,
    "other": 4,
}

STAGE1_FINDING_WEIGHTS = {"not_upheld": 50, "partially_upheld": 38, "upheld": 9, "withdrawn": 3}

# Working days Stage 1 took: about 65% within 10, 25% 11 to 20, 10% over 20.
STAGE1_DAYS = ((range(4, 11), 65), (range(11, 21), 25), (range(21, 31), 10))

REFUSAL_WEIGHTS = {
    "court_proceedings": 6,
    "out_of_time": 1,
    "not_eligible_complainant": 1,
    "criminal_investigation": 1,
    "already_considered": 1,
}

OMBUDSMAN_DECISION_WEIGHTS = {
    "premature": 4,
    "not_investigated": 2,
    "no_fault": 2,
    "fault_no_injustice": 1,
    "fault_injustice": 1,
}

ESCALATION_TO_STAGE_2 = 0.09  # of Stage 1 responses not upheld in full
ESCALATION_TO_STAGE_3 = 0.25  # of Stage 2 responses
PRE_COMPLAINT_CONVERTED = 0.4
CASE_CONCERN_CONVERTED = 0.05

ADVOCATES = ("NYAS", "Coram Voice", "Barnardo's Advocacy")

SUMMARIES = {
    "complaint": (
        "Unhappy that the social worker did not return calls for three weeks.",
        "Disagrees with the outcome of the child and family assessment.",
        "Says the agreed respite for their son has not been put in place.",
        "Concerned about how contact arrangements were changed without discussion.",
        "Unhappy with the conduct of a worker during a home visit.",
        "Wants the personal budget reviewed; says it does not meet assessed needs.",
        "Minutes of the review meeting were not shared as promised.",
        "Feels the family was not kept informed during the move of placement.",
    ),
    "compliment": (
        "Thanks the team for the support given to the family over the summer.",
        "Praises the foster carer support worker for going the extra mile.",
        "Grateful to the duty social worker for a quick and kind response.",
    ),
    "mp_councillor_enquiry": (
        "MP asks for an update on a constituent's request for an assessment.",
        "Councillor enquires about delays in school transport for a disabled child.",
    ),
}
GENERIC_SUMMARY = "Contact recorded by the complaints team."

# What the complaints team wrote up for the annual report, by the nature of the complaint:
# the report heads each example with the case's service and first nature, and a heading of
# "funding" over a note about meeting minutes would read as nonsense to a councillor.
LEARNING = {
    "conduct_of_worker": (
        "A manager acknowledged that a worker's phone manner fell short; training was "
        "arranged and the family was assured it would not happen again.",
        "Social workers now introduce themselves and explain their role at the first visit, "
        "and leave their manager's name and number.",
    ),
    "quality_of_service": (
        "The team now confirms in writing what was agreed at every home visit.",
    ),
    "insufficient_support": (
        "Families waiting for a short-break assessment are now told whom to call while "
        "they wait, and the waiting list is reviewed every week.",
    ),
    "funding": (
        "Decisions about funding are now explained in a letter in plain words, with how to "
        "ask for a review.",
    ),
    "poor_communication": (
        "Minutes of child in need meetings are now sent within ten working days, with the "
        "team manager checking each month.",
    ),
    "non_fulfilment_of_duty": (
        "Actions agreed at child protection conferences are now tracked by the chair until "
        "each one is done.",
    ),
    "delay": ("Requests for a change of social worker are now answered within five working days.",),
    "decision_disagreement": (
        "When the service declines a request, its letter now gives the reasons and how to "
        "challenge the decision.",
    ),
    "breach_of_confidentiality": (
        "Letters are now checked against the address on the case record before they are "
        "sent, after one went to a family's former address.",
    ),
    "eligibility": (
        "The criteria for short breaks are now published on the council's website, with "
        "examples of who qualifies.",
    ),
    "policy": (
        "Parents now hear about school transport arrangements at least six weeks before term.",
    ),
}
# For a case with no nature recorded, headed by its service alone.
LEARNING_WITHOUT_NATURE = ("The team now confirms in writing what was agreed at every home visit.",)

LESSONS = (
    "Return calls within one working day and log them on the case record.",
    "Share written plans with families after every review.",
    "Explain decisions about funding in plain words, with how to ask for a review.",
)

FIRST_NAMES = (
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Harry",
    "Mia",
    "Noah",
    "Freya",
    "Jack",
    "Sophie",
    "Leo",
    "Grace",
    "Arthur",
    "Lily",
    "Muhammad",
    "Evie",
    "Oscar",
    "Zara",
    "Ethan",
    "Chloe",
    "Kai",
    "Ruby",
    "Alfie",
    "Poppy",
    "Theo",
    "Maya",
    "Finley",
    "Aisha",
    "Reuben",
)
LAST_NAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Hughes",
    "Ahmed",
    "Kowalski",
    "Nowak",
    "Murphy",
    "Begum",
    "Edwards",
    "Hill",
    "Moore",
)


class AdultComplaint(NamedTuple):
    # Only the person complaining, as recording an adult social care complaint asks: it
    # has no child it concerns (casework.questions), so who it is about is in the summary.
    complainant: str
    complainant_type: str
    how_received: str
    summary: str
    natures: tuple[str, ...]
    outcomes_sought: tuple[str, ...]


ADULT_SOCIAL_CARE_RECORD_TYPE = "adult_social_care_complaint"
# Adult social care complaints (SI 2009/309, one stage, then the Ombudsman). A children's
# services complaints team meets them where a disabled young person has moved on to adult
# services at 18 and the family complains about what adult social care did. Four stories,
# in the order generator._adult_social_care tells them: no response after 7 months and the
# family not yet told why; told why at 6 months; a response date agreed; answered in time.
ADULT_SOCIAL_CARE = (
    AdultComplaint(
        "Sarah Whitlock",
        "parent",
        "email",
        "Says the day service in her son Daniel's transition plan was never arranged when "
        "adult social care took over his support at 18, and that he has been at home since.",
        ("insufficient_support", "delay"),
        ("agreed_service_implemented",),
    ),
    AdultComplaint(
        "Michael Osei",
        "parent",
        "letter",
        "Disputes the charge for his daughter Grace's overnight respite since she turned 18; "
        "says the financial assessment was never explained to the family.",
        ("funding", "poor_communication"),
        ("review_of_decision", "explanation"),
    ),
    AdultComplaint(
        "Joanne Price",
        "other_relative",
        "telephone",
        "Unhappy that her nephew Ryan's adult social worker cancelled two assessment visits "
        "without telling the family. She is his carer.",
        ("poor_communication", "conduct_of_worker"),
        ("apology_and_explanation",),
    ),
    AdultComplaint(
        "Helen Barker",
        "parent",
        "e_form",
        "Says her son Tom's direct payments stopped for six weeks after his 18th birthday, "
        "so his personal assistant went unpaid.",
        ("quality_of_service", "funding"),
        ("apology_and_explanation",),
    ),
)

# Why the demo's one case with its reminders stopped was stopped (generator._reminders_stopped).
REMINDERS_STOPPED_BECAUSE = (
    "The complainant has agreed to wait while a meeting with the team manager is arranged. "
    "I will chase the response myself after the meeting."
)

# The annual report's recommendations, written for publication. Each is (title, text,
# years before the latest complete report that raised it, the progress that report gives as
# (status, text), or None for one it raises itself).
RECOMMENDATIONS = (
    (
        "Stage 1 response times",
        "Services should answer Stage 1 complaints within 10 working days, or agree a longer "
        "time with the person complaining before the deadline passes. The complaints team "
        "will send each service a weekly list of the responses falling due.",
        1,
        (
            "completed",
            "Every service has had a weekly list of responses falling due since June. More "
            "Stage 1 responses were sent within 10 working days than the year before, and "
            "extensions were agreed before the deadline in almost every case.",
        ),
    ),
    (
        "Telling families when their social worker changes",
        "When a child's social worker changes, the family should be told within five "
        "working days who the new worker is and how to contact them.",
        1,
        (
            "carried_forward",
            "The children in need teams now send a letter and record it on the child's file. "
            "The fostering and disabled children's teams have not yet started, so the "
            "recommendation is carried into next year's report.",
        ),
    ),
    (
        "Offering advocacy to children and young people",
        "Every child or young person who makes a complaint should be offered an advocate "
        "when the complaint is received, and the offer and their answer should be recorded "
        "on the case.",
        0,
        None,
    ),
    (
        "Learning from upheld complaints",
        "Each service should tell its management team every quarter which complaints were "
        "upheld and what it has changed as a result, so that the same failings are not "
        "repeated.",
        0,
        None,
    ),
)
