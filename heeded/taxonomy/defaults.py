"""The default taxonomy of ``shared/spec/interchange-v1.md``, with labels a council would use.

Seeded by a data migration and by ``seed_default_taxonomy()``; an organisation edits the
labels afterwards. Descriptions feed the report's glossary (several are the Isle of Wight
2019/20 report's own definitions, Appendix 2).
"""

STATUTORY, OTHER = "statutory", "other"

# (code, label, family, procedure, description)
RECORD_TYPES = [
    (
        "complaint",
        "Complaint (statutory)",
        STATUTORY,
        "children_statutory",
        "An expression of dissatisfaction or disquiet in relation to an individual child or "
        "young person, which requires a response (Getting the Best from Complaints, DfES 2006), "
        "accepted into the Children Act 1989 statutory procedure.",
    ),
    (
        "area_initiated",
        "Area initiated complaint",
        STATUTORY,
        "children_statutory",
        "A complaint managed at a local level that the complaints team becomes aware of and "
        "may have some input into.",
    ),
    (
        "refused",
        "Refused",
        STATUTORY,
        "none",
        "A representation not accepted into the statutory procedure, for example because of "
        "court proceedings or because the complainant is not eligible.",
    ),
    (
        "pre_complaint",
        "Pre-complaint",
        OTHER,
        "none",
        "A representation that could become a formal complaint, or where more information is "
        "needed from the person before the matter can be answered.",
    ),
    (
        "case_concern",
        "Case concern",
        OTHER,
        "none",
        "An operational or case issue which is current, has a 'here and now' impact and needs "
        "a same-day intervention.",
    ),
    (
        "informal_representation",
        "Representation (informal)",
        OTHER,
        "none",
        "An enquiry, concern or comment that can be dealt with and resolved within 24 hours.",
    ),
    (
        "non_statutory_complaint",
        "Non-statutory complaint",
        OTHER,
        "corporate",
        "A complaint about children's services that falls outside the statutory procedure and "
        "is answered under the council's corporate procedure.",
    ),
    (
        "corporate_complaint",
        "Corporate complaint",
        OTHER,
        "corporate",
        "A complaint answered under the council's corporate complaints procedure, following "
        "the Ombudsman's Complaint Handling Code.",
    ),
    (
        "school_complaint",
        "School complaint",
        OTHER,
        "none",
        "A complaint about a school; the person is helped to use the school's own procedure.",
    ),
    (
        "hscp",
        "Safeguarding partnership complaint",
        OTHER,
        "none",
        "A complaint about a child protection conference, handled under the safeguarding "
        "children partnership's process.",
    ),
    (
        "lgsco",
        "Ombudsman enquiry",
        OTHER,
        "none",
        "A complaint or enquiry received from the Local Government and Social Care Ombudsman.",
    ),
    (
        "professional",
        "Professional to professional",
        OTHER,
        "none",
        "A complaint from another professional, not made on behalf of a service user.",
    ),
    (
        "information_request",
        # Not "(GDPR)": a request under UK GDPR is a subject access request (one calendar
        # month), while this one is answered on the FOI clock of 20 working days.
        "Information request",
        OTHER,
        "foi",
        "A request for information that does not name an Act, answered as a Freedom of "
        "Information request is. A request for a person's own records is a subject access "
        "request.",
    ),
    (
        "foi_request",
        "Freedom of Information request",
        OTHER,
        "foi",
        "A request under the Freedom of Information Act 2000.",
    ),
    (
        "eir_request",
        "Environmental Information request",
        OTHER,
        "eir",
        "A request under the Environmental Information Regulations 2004.",
    ),
    (
        "subject_access_request",
        "Subject access request",
        OTHER,
        "sar",
        "A request for a person's own records under UK GDPR Article 15, including access to "
        "social care records.",
    ),
    (
        "mp_councillor_enquiry",
        "MP or councillor enquiry",
        OTHER,
        "mp_enquiry",
        "An enquiry or complaint from an MP, councillor or the Department for Education on "
        "behalf of a constituent.",
    ),
    (
        "adult_social_care_complaint",
        "Adult social care complaint",
        OTHER,
        "adult_social_care",
        "A complaint under the Local Authority Social Services and NHS Complaints (England) "
        "Regulations 2009.",
    ),
    (
        "referral",
        "Referral",
        OTHER,
        "none",
        "A request for help passed to the relevant directorate or partner service.",
    ),
    (
        "ad_hoc",
        "Ad hoc",
        OTHER,
        "none",
        "A contact needing action that is none of the other types.",
    ),
    ("comment", "Comment", OTHER, "feedback", "A comment or suggestion about a service."),
    ("compliment", "Compliment", OTHER, "feedback", "Praise for a service or a member of staff."),
    (
        "miscellaneous",
        "Miscellaneous",
        OTHER,
        "none",
        "A representation outside the team's remit: disciplinary issues, complaints about other "
        "agencies and authorities.",
    ),
]

HOW_RECEIVED = [
    ("email", "Email"),
    ("letter", "Letter"),
    ("telephone", "Telephone"),
    ("in_person", "In person"),
    ("e_form", "Online form"),
    ("complaint_form", "Complaint form"),
    ("web", "Web application"),
    ("ombudsman", "From the Ombudsman's office"),
    ("via_mp_councillor", "Via an MP or councillor"),
    ("other", "Other"),
]

# Ways of receiving that say who a contact came from, not how it was sent: a contact from
# the council is never "From the Ombudsman's office" or "Via an MP or councillor" (QA: the
# "Log a contact" form accepted both with "From us"). Codes, so a relabelled term keeps it.
HOW_RECEIVED_INCOMING_ONLY = frozenset({"ombudsman", "via_mp_councillor"})

COMPLAINANT_TYPES = [
    ("parent", "Parent"),
    ("grandparent", "Grandparent"),
    ("other_relative", "Other relative"),
    ("young_person", "Child or young person"),
    ("foster_carer", "Foster carer"),
    ("special_guardian", "Special guardian"),
    ("advocate", "Advocate"),
    ("professional", "Professional"),
    ("mp_councillor", "MP or councillor"),
    ("other", "Other"),
]

# (code, label, level, parent code)
SERVICE_TEAMS = [
    ("childrens_services", "Children's Services", "directorate", None),
    ("childrens_social_care", "Children's Social Care", "service", "childrens_services"),
    ("education_inclusion", "Education and Inclusion", "service", "childrens_services"),
    ("cast", "Children's Assessment and Safeguarding Team (CAST)", "team", "childrens_social_care"),
    ("children_looked_after", "Children looked after", "team", "childrens_social_care"),
    ("disabled_children", "Disabled children's team", "team", "childrens_social_care"),
    ("care_leavers", "Care leavers", "team", "childrens_social_care"),
    ("fostering", "Fostering", "team", "childrens_social_care"),
    ("adoption", "Adoption", "team", "childrens_social_care"),
    ("mash", "Multi-agency safeguarding hub (MASH)", "team", "childrens_social_care"),
    ("early_help", "Early help", "team", "childrens_social_care"),
    ("youth_offending", "Youth offending", "team", "childrens_social_care"),
    ("inclusion", "Inclusion", "team", "education_inclusion"),
    ("school_standards", "School standards", "team", "education_inclusion"),
    ("other", "Other", "team", "childrens_services"),
]

NATURES = [
    ("conduct_of_worker", "Conduct of worker"),
    ("quality_of_service", "Quality of service"),
    ("insufficient_support", "Insufficient support from the department"),
    ("funding", "Funding"),
    ("non_fulfilment_of_duty", "Non-fulfilment of duty"),
    ("poor_communication", "Poor communication"),
    ("breach_of_confidentiality", "Breach of confidentiality"),
    ("delay", "Delay"),
    ("decision_disagreement", "Disagreement with a decision"),
    ("eligibility", "Eligibility criteria"),
    ("policy", "Policy"),
    ("other", "Other"),
]

OUTCOMES = [
    ("apology", "Apology"),
    ("explanation", "Explanation"),
    ("apology_and_explanation", "Apology and explanation"),
    ("agreed_service_implemented", "Agreed service implemented"),
    ("personal_budget", "Personal budget"),
    ("meeting_offer", "Meeting offer"),
    ("change_of_worker", "Change of worker"),
    ("review_of_decision", "Review of decision"),
    ("payment", "Payment"),
    ("remedial_action", "Remedial action"),
    ("other", "Other"),
]

# How the online complaint form offers each outcome, in the words of the person complaining
# (Outcome.public_wording); the council may change them.
PUBLIC_OUTCOME_WORDING = {
    "apology": "An apology",
    "explanation": "An explanation of what happened",
    "agreed_service_implemented": "A service you were promised to be provided",
    "personal_budget": "A change to a personal budget",
    "meeting_offer": "A meeting to talk about it",
    "change_of_worker": "A different worker",
    "review_of_decision": "A decision looked at again",
    "payment": "A payment to put things right",
    "remedial_action": "Something put right",
    "other": "Something else",
}
# Not offered online: ticking "An apology" and "An explanation" says this already.
NOT_ASKED_ONLINE = {"apology_and_explanation"}

REFUSAL_REASONS = [
    ("court_proceedings", "Court proceedings"),
    ("out_of_time", "Out of time"),
    ("not_eligible_complainant", "Not an eligible complainant"),
    ("criminal_investigation", "Criminal investigation"),
    ("disciplinary", "Disciplinary proceedings"),
    ("already_considered", "Already considered"),
    ("other", "Other"),
]

# Refusal reasons that say nothing by themselves: a refusal for one says what the reason was
# (the annual report lists refusals and their reasons, domain.md 1.4 and 7.3 item 9; the
# Complaint Handling Code 8.1, "the types of complaint refused"). Codes, so a relabelled
# "Other" still asks.
REFUSAL_REASONS_EXPLAINED = frozenset({"other"})

# The Ombudsman decision recorded for an enquiry not yet decided: reports count it as
# ongoing, not as a decision.
OMBUDSMAN_ONGOING = "ongoing"

OMBUDSMAN_DECISIONS = [
    ("premature", "Premature: referred back for local resolution"),
    ("not_investigated", "Closed after initial enquiries"),
    ("no_fault", "Not upheld: no fault"),
    ("fault_no_injustice", "Upheld: fault, no injustice"),
    ("fault_injustice", "Upheld: fault causing injustice"),
    (OMBUDSMAN_ONGOING, "Ongoing"),
]
