"""Every procedure Heeded runs, with its clocks, each beside the rule it comes from.

A clock's ``source`` is shown to staff beside its deadline, so it names the rule in a
council's words; where the research behind it came from (``shared/domain.md``, section 0
has every clock on one page) is in the comment beside it. Where the domain reference marks
a fact unverified, the comment says so: check before relying on it.
To add a procedure, see CONTRIBUTING.md ("Adding a procedure").
"""

from heeded.calendars.working_days import Calendar

from .rules import Clock, CountsFrom, Oversight, Procedure, StageRule, Unit

# --- Children Act 1989 representations procedure (SI 2006/1738) -----------------------------

CHILDREN_STATUTORY = Procedure(
    code="children_statutory",
    noun="complaint",
    name="Children Act 1989 statutory complaints procedure",
    source="Children Act 1989 s.26; SI 2006/1738; Getting the Best from Complaints (DfES 2006)",
    summary="Stage 1 local resolution, Stage 2 investigation, Stage 3 review panel, "
    "then the Local Government and Social Care Ombudsman.",
    # Local Government Act 1974 s.26.
    oversight=Oversight.OMBUDSMAN,
    # Children Act 1989 s.26(3), (3B), (3C) and s.24D, as domain.md section 1.2 lists them:
    # the child, a parent or person with parental responsibility, a local authority foster
    # carer, a special guardian, a care leaver; an advocate speaks for the child (s.26A).
    # Council procedures (West Sussex, Norfolk) are the source for all but the child, so
    # domain.md marks them secondary. Grandparents, other relatives and professionals come
    # in through "sufficient interest" (LG Inform duty 3558) or the corporate procedure.
    entitled=frozenset(
        {
            "young_person",
            "parent",
            "foster_carer",
            "special_guardian",
            "care_leaver",
            "advocate",
        }
    ),
    entitled_source="section 26(3)",
    others=(
        "They may complain under it only if the council decides they have sufficient "
        "interest in the child’s welfare. Decide as soon as possible, taking the child’s "
        "views into account where appropriate. If the council decides they do not, refuse it "
        "(‘Not an eligible complainant’), tell them, and the child if appropriate, and "
        "consider it under the corporate procedure instead."
    ),
    # Not in SI 2006/1738: the customary local standard (Southampton 2009/10 section 5.1;
    # Havering, Doncaster). domain.md marks it unverified.
    acknowledgement=Clock(
        "Acknowledgement",
        3,
        CountsFrom.RECEIVED,
        source="Usual practice: the regulations set no acknowledgement time",
    ),
    stages=(
        StageRule(
            1,
            "Stage 1: local resolution",
            response=Clock(
                "Stage 1 response",
                10,
                CountsFrom.STAGE_START,
                max_limit=20,
                # Reg 14 as Family Rights Group summarises it; applied in LGSCO decisions.
                source="SI 2006/1738 regulation 14",
            ),
            # Guidance, not regulation; some councils use 28 days (domain.md section 0). As
            # in the Devon, Brighton & Hove and Gloucestershire procedures.
            escalation_window=Clock(
                "Request for Stage 2",
                20,
                CountsFrom.PREVIOUS_RESPONSE,
                source="Getting the Best from Complaints (DfES guidance, 2006)",
            ),
        ),
        StageRule(
            2,
            "Stage 2: investigation",
            # Counted from the request by default, or from the agreed statement of complaint
            # where the organisation chooses (Organisation.stage2_clock_start).
            response=Clock(
                "Stage 2 adjudication",
                25,
                CountsFrom.STAGE_START,
                max_limit=65,
                # Reg 17 as Family Rights Group summarises it; the LGSCO: "up to 13 weeks
                # ... from the date of request".
                source="SI 2006/1738 regulation 17",
            ),
            escalation_window=Clock(
                "Request for Stage 3",
                20,
                CountsFrom.PREVIOUS_RESPONSE,
                # As council procedures (Lancashire's, for one) give it.
                source="SI 2006/1738 regulation 18",
            ),
            roles=("responding_manager", "investigating_officer", "independent_person"),
            statement_of_complaint=True,
        ),
        StageRule(
            3,
            "Stage 3: review panel",
            # Named as the thing that is due ("Review panel meeting due 20 January"), as
            # screens put each clock's name before its date.
            panel=Clock(
                "Review panel meeting",
                30,
                CountsFrom.STAGE_START,
                source="SI 2006/1738 regulation 19(4)",
            ),
            panel_report=Clock(
                "Panel's report",
                5,
                CountsFrom.PANEL,
                source="SI 2006/1738 regulation 20",
            ),
            response=Clock(
                "Authority's response to the panel",
                15,
                CountsFrom.PANEL_REPORT,
                source="SI 2006/1738 regulation 20",
            ),
            roles=("responding_manager", "independent_person"),
        ),
    ),
)

# --- Corporate complaints: LGSCO Complaint Handling Code (2024) ------------------------------

CORPORATE = Procedure(
    code="corporate",
    noun="complaint",
    name="Corporate complaints procedure (Ombudsman's Complaint Handling Code)",
    source="LGSCO Complaint Handling Code 2024",
    summary="Two stages, then the Ombudsman.",
    oversight=Oversight.OMBUDSMAN,
    acknowledgement=Clock(
        "Stage 1 acknowledgement",
        5,
        CountsFrom.RECEIVED,
        source="Ombudsman's Complaint Handling Code, section 6.2",
    ),
    stages=(
        StageRule(
            1,
            "Stage 1",
            # Counted from the acknowledgement, not receipt.
            response=Clock(
                "Stage 1 response",
                10,
                CountsFrom.ACKNOWLEDGED,
                max_limit=20,
                source="Ombudsman's Complaint Handling Code, sections 6.3 to 6.5",
            ),
            escalation_window=None,
        ),
        StageRule(
            2,
            "Stage 2",
            acknowledgement=Clock(
                "Stage 2 acknowledgement",
                5,
                CountsFrom.STAGE_START,
                # domain.md: the LGSCO paragraph was not retrieved; the aligned Housing
                # Ombudsman Code s.6.11 and council policies give it.
                source="Ombudsman's Complaint Handling Code (as the Housing Ombudsman's)",
            ),
            response=Clock(
                "Stage 2 response",
                20,
                CountsFrom.ACKNOWLEDGED,
                max_limit=40,
                # domain.md: one source says a 10-day extension; 20 assumed, as the aligned
                # Housing Ombudsman Code s.6.12 to 6.13 and Cumberland's policy.
                source="Ombudsman's Complaint Handling Code (as the Housing Ombudsman's)",
            ),
        ),
    ),
)

# --- Adult social care (SI 2009/309) -------------------------------------------------------

ADULT_SOCIAL_CARE = Procedure(
    code="adult_social_care",
    noun="complaint",
    name="Adult social care complaints procedure",
    # Regulation numbers unverified (domain.md section 2).
    source="The Local Authority Social Services and NHS Complaints Regulations 2009",
    summary="One stage with a response period agreed with the complainant, then the Ombudsman.",
    # Local Government Act 1974 Part 3A.
    oversight=Oversight.OMBUDSMAN,
    acknowledgement=Clock(
        "Acknowledgement",
        3,
        CountsFrom.RECEIVED,
        source="SI 2009/309 regulation 13",  # number unverified
    ),
    stages=(
        StageRule(
            1,
            "Response",
            response=Clock(
                "Response",
                None,
                CountsFrom.RECEIVED,
                unit=Unit.AGREED,
                # No maximum: 6 months is when, without a response, the complainant must be
                # told why, "or a longer agreed period" (domain.md sections 0 and 2). A
                # period agreed beyond 6 months is lawful, so it is not capped (QA).
                source="SI 2009/309 regulation 14: the period agreed with the complainant",
            ),
            # If there is no response within 6 months (or the longer period agreed), the
            # complainant must be told why.
            warning=Clock(
                "Tell the complainant why there is no response yet",
                6,
                CountsFrom.RECEIVED,
                unit=Unit.CALENDAR_MONTHS,
                source="SI 2009/309 regulation 14",  # number unverified
            ),
        ),
    ),
)

# --- Information rights ---------------------------------------------------------------------

FOI = Procedure(
    code="foi",
    noun="request",
    asker="requester",
    name="Freedom of Information request",
    source="Freedom of Information Act 2000 s.10",
    # An applicant may complain to the Information Commissioner (FOIA s.50), not the Ombudsman.
    oversight=Oversight.INFORMATION_COMMISSIONER,
    stages=(
        StageRule(
            1,
            "Response",
            # Bank holidays anywhere in the UK are not working days (s.10(6); ICO LTT47).
            # The public interest extension: "reasonable", the ICO expects at most 20 more.
            response=Clock(
                "Response",
                20,
                CountsFrom.RECEIVED,
                calendar=Calendar.UK,
                max_limit=40,
                source="Freedom of Information Act 2000 s.10; ICO guidance on extensions",
            ),
            records_finding=False,
        ),
    ),
)

EIR = Procedure(
    code="eir",
    noun="request",
    asker="requester",
    name="Environmental Information request",
    source="Environmental Information Regulations 2004 regs 5(2), 7(1)",
    oversight=Oversight.INFORMATION_COMMISSIONER,  # EIR reg 18 applies FOIA s.50
    stages=(
        StageRule(
            1,
            "Response",
            # 40 working days only if the request is complex and voluminous.
            response=Clock(
                "Response",
                20,
                CountsFrom.RECEIVED,
                calendar=Calendar.UK,
                max_limit=40,
                source="Environmental Information Regulations 2004 regs 5(2) and 7(1)",
            ),
            records_finding=False,
        ),
    ),
)

SUBJECT_ACCESS = Procedure(
    code="sar",
    noun="request",
    asker="requester",
    name="Subject access request",
    # The ICO's guidance on counting the month applies since August 2019.
    source="UK GDPR Articles 12(3) and 15; ICO guidance",
    oversight=Oversight.INFORMATION_COMMISSIONER,  # UK GDPR Art 77
    stages=(
        StageRule(
            1,
            "Response",
            # The day of receipt is day 1; due the same date next month (or its last day),
            # moved to the next working day. Extendable by two further months.
            response=Clock(
                "Response",
                1,
                CountsFrom.RECEIVED,
                unit=Unit.CALENDAR_MONTHS,
                max_limit=3,
                source="UK GDPR Article 12(3); ICO guidance",
                # domain.md 5.3: "tell them within the first month, with reasons" (ICO).
                extend_before_deadline=(
                    "UK GDPR Article 12(3): the requester is told of an extension, with the "
                    "reasons, within the first month"
                ),
            ),
            records_finding=False,
        ),
    ),
)

MP_ENQUIRY = Procedure(
    code="mp_enquiry",
    noun="enquiry",
    asker="enquirer",
    name="MP and councillor enquiry",
    # domain.md section 5.4.
    source="Local target: no statutory timescale",
    # Often a complaint in all but name: the constituent may still go to the Ombudsman.
    oversight=Oversight.OMBUDSMAN,
    stages=(
        StageRule(
            1,
            "Response",
            response=Clock(
                "Response",
                10,
                CountsFrom.RECEIVED,
                max_limit=20,
                organisation_setting="mp_enquiry_working_days",
                source="A local target set by the organisation",
            ),
            records_finding=False,
        ),
    ),
)

# Praise and suggestions: nothing to put right, so nothing for the Ombudsman and no remedy
# payment to record.
FEEDBACK = Procedure(
    code="feedback",
    name="Compliments and comments",
    source="Recorded for learning and the annual report; no statutory clock",
    summary="Compliments and comments, passed on to the service and counted in the report.",
)

NO_PROCEDURE = Procedure(
    code="none",
    name="No formal procedure",
    source="Recorded for learning and the annual report; no statutory clock",
    summary="Case concerns, pre-complaints and other contacts.",
    # Enquiries from the Ombudsman itself (record type "lgsco") are recorded here, as are
    # pre-complaints and case concerns the Ombudsman may still look at.
    oversight=Oversight.OMBUDSMAN,
)

PROCEDURES: dict[str, Procedure] = {
    p.code: p
    for p in (
        CHILDREN_STATUTORY,
        CORPORATE,
        ADULT_SOCIAL_CARE,
        FOI,
        EIR,
        SUBJECT_ACCESS,
        MP_ENQUIRY,
        FEEDBACK,
        NO_PROCEDURE,
    )
}

PROCEDURE_CHOICES = [(p.code, p.name) for p in PROCEDURES.values()]


def procedure_for(code: str) -> Procedure:
    try:
        return PROCEDURES[code]
    except KeyError:
        raise LookupError(f"There is no procedure with the code {code!r}") from None
