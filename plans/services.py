"""Actions on plans: lifecycle steps, publishing, reordering, delivery progress, copying.

Each is a function with keyword-only arguments that runs in one transaction.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing

from .models import (
    DRAFTING_STAGES,
    PUBLISHING_STAGES,
    STEP_PERMISSIONS,
    AccountabilityItem,
    Commitment,
    DeliveryReport,
    LifecycleStep,
    Measure,
    Plan,
    Priority,
    ProgressNote,
    PublishedPart,
    Section,
    Stage,
)
from .selectors import (
    delivery_update_refusal,
    plan_contents,
    plan_deletion_refusal,
    plans_superseded_by,
)


def _locked(plan):
    return Plan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def record_step(
    *,
    plan,
    stage,
    date,
    by,
    note="",
    reference="",
    minor_reason="",
    consultation_opened=None,
    responses_summary="",
):
    """Take the plan's next lifecycle step. Issuing and varying publish a new version whose
    change note is the step's note (the staff pages take them only from the check page, after
    the publisher confirms what becomes public); issuing a plan supersedes the force area's
    earlier plan. Every version of the plan is published by one of those two steps.

    A variation takes the statutory steps again (the Chief Constable consulted, the Panel's
    review, the response) before it is published, unless it is recorded as a minor variation,
    with ``minor_reason`` saying why it is minor. The consultation of the public and victims
    records when it opened (its date is when it closed) and a summary of the responses."""
    plan = _locked(plan)
    stage = Stage(stage)
    current = Stage(plan.stage)
    following = plan.next_stages()
    if stage not in following:
        allowed = " or ".join(f"\u201c{s.label}\u201d" for s in following)
        raise InvalidTransition(
            f"\u201c{plan}\u201d is at \u201c{current.label}\u201d: "
            + (f"the next step can only be {allowed}." if allowed else "it takes no more steps.")
        )
    if not by.has_perm(STEP_PERMISSIONS[stage]):
        raise PermissionDenied(f"You may not record \u201c{stage.label}\u201d.")
    if date > timezone.localdate():
        raise InvalidTransition("The date cannot be in the future: record a step once it happens.")
    # Steps are recorded in order, often after the event; the date drafting started in the
    # portal does not count (an OPCC records a plan drafted before it used the portal).
    previous = plan.steps.exclude(stage=Stage.DRAFT).order_by("-date", "-pk").first()
    if previous and date < previous.date:
        raise InvalidTransition(
            f"The date cannot be before the previous step ({previous.get_stage_display()}, "
            f"{previous.date:%-d %B %Y})."
        )
    note = (note or "").strip()
    minor_reason = (minor_reason or "").strip()
    if stage in (*PUBLISHING_STAGES, Stage.SUPERSEDED) and not note:
        what = "variation" if stage == Stage.VARIED else "step"
        raise InvalidTransition(f"Say what this {what} is: the note is required.")
    minor = stage == Stage.VARIED and plan.variation_may_be_minor
    if minor and not minor_reason:
        raise InvalidTransition(
            "A variation goes through the statutory steps again: record \u201cChief Constable "
            "consulted\u201d on the draft variation first, then the Panel's review. Only a minor "
            "variation is made without them: say why this one is minor."
        )
    responses_summary = (responses_summary or "").strip()
    if stage == Stage.PUBLIC_CONSULTED:
        if consultation_opened is None:
            raise InvalidTransition("Say when the consultation opened.")
        if consultation_opened > date:
            raise InvalidTransition("A consultation cannot open after it closed.")
        if not responses_summary:
            raise InvalidTransition("Give a summary of the responses to the consultation.")
    else:
        consultation_opened, responses_summary = None, ""
    if stage == Stage.ISSUED and not plan.priorities.exists():
        raise InvalidTransition(
            "A plan sets out the Commissioner's police and crime objectives: add its priorities "
            "before issuing it."
        )
    step = LifecycleStep.objects.create(
        plan=plan,
        stage=stage,
        date=date,
        note=note,
        reference=reference.strip(),
        recorded_by=by,
        variation=plan.is_in_force and stage in (*DRAFTING_STAGES, Stage.VARIED),
        minor_reason=minor_reason if minor else "",
        consultation_opened=consultation_opened,
        responses_summary=responses_summary,
    )
    plan.stage = stage
    plan._change_reason = f"Lifecycle: {stage.label}"
    plan.save(update_fields=["stage", "updated_at"])
    if stage in PUBLISHING_STAGES:
        label = "Issued" if stage == Stage.ISSUED else "Minor variation" if minor else "Variation"
        step.version = _publish(plan=plan, by=by, note=f"{label}: {note}")
        step.save(update_fields=["version"])
    if stage == Stage.ISSUED:
        for earlier in plans_superseded_by(plan=plan).select_for_update():
            LifecycleStep.objects.create(
                plan=earlier,
                stage=Stage.SUPERSEDED,
                date=date,
                note=f"Superseded by \u201c{plan}\u201d.",
                reference=step.reference,
                recorded_by=by,
            )
            earlier.stage = Stage.SUPERSEDED
            earlier._change_reason = f"Superseded by {plan}"
            earlier.save(update_fields=["stage", "updated_at"])
    return step


def _publish(*, plan, by, note):
    version = publishing.publish(obj=plan, by=by, note=note)
    freeze_parts(plan=plan, version=version)
    return version


def freeze_parts(*, plan, version):
    """Freeze the parts shown on their own pages (each priority, the commitments tracker) with
    the version, from the same content the version's page was frozen from."""
    context = plan_contents(plan=plan)
    for priority in context["priorities"]:
        PublishedPart.objects.create(
            version=version,
            key=f"priority-{priority.number}",
            title=f"Priority {priority.number}: {priority.title}",
            html=render_to_string(
                "plans/priority_body.html", {**context, "object": plan, "priority": priority}
            ),
        )
    PublishedPart.objects.create(
        version=version,
        key="commitments",
        title=f"Commitments tracker: {plan.title}",
        html=render_to_string("plans/commitments_body.html", {**context, "object": plan}),
    )


# Reordering ---------------------------------------------------------------------------------


@transaction.atomic
def move_item(*, item, direction):
    """Move a section, commitment, accountability item, measure or priority one place up or
    down among its siblings. Returns False when it is already first or last."""
    if isinstance(item, Priority):
        # A priority's number is its public address, unique in its plan.
        siblings = Priority.objects.filter(plan_id=item.plan_id).order_by("number")
        return reordering.move(
            siblings.select_for_update(), item, direction, field="number", unique=True
        )
    siblings = item.siblings().select_for_update().order_by("order", "pk")
    return reordering.move(siblings, item, direction, field="order")


@transaction.atomic
def add_part(*, plan, part, by):
    """Add a part to a plan (a section, priority, commitment, accountability item, measure or
    finance row): a priority takes the next number, an ordered part goes last in its list."""
    if hasattr(part, "plan_id") and part.plan_id is None:
        part.plan = plan
    if isinstance(part, Priority):
        part.number = reordering.next_number(plan.priorities, field="number")
    elif hasattr(part, "siblings"):
        part.order = reordering.next_number(part.siblings(), field="order")
    part._history_user = by
    part._change_reason = "Added"
    part.save()
    return part


@transaction.atomic
def save_part(*, part, moved, by):
    """Save a changed part of a plan; ``moved`` (to another priority, theme or placement) puts
    it at the end of its new list."""
    if moved and hasattr(part, "siblings") and not isinstance(part, Priority):
        part.order = reordering.next_number(part.siblings().exclude(pk=part.pk), field="order")
    part._history_user = by
    part.save()
    return part


@transaction.atomic
def delete_part(*, part, by):
    """Delete a part of a plan; deleting a priority closes the gap in the numbering."""
    if isinstance(part, Priority):
        delete_priority(priority=part)
    else:
        part._history_user = by
        part.delete()


@transaction.atomic
def delete_plan(*, plan, by):
    """Delete a plan started by mistake. A published plan is the public record: it stays."""
    if refusal := plan_deletion_refusal(plan=plan):
        raise InvalidTransition(refusal)
    plan._history_user = by
    plan.delete()


@transaction.atomic
def delete_priority(*, priority):
    """Delete a priority and close the gap in the numbering."""
    plan_id, number = priority.plan_id, priority.number
    priority.delete()
    for later in Priority.objects.filter(plan_id=plan_id, number__gt=number).order_by("number"):
        later.number -= 1
        later.save(update_fields=["number"])


# Delivery progress --------------------------------------------------------------------------


@transaction.atomic
def record_progress(*, commitment, status, date, note, by):
    """Add a dated note on a commitment's delivery; the latest-dated note sets its status."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    status = Commitment.Status(status)
    note = (note or "").strip()
    if not note:
        raise InvalidTransition("Say what has happened: the note is required.")
    if date > timezone.localdate():
        raise InvalidTransition("The date cannot be in the future.")
    progress = ProgressNote.objects.create(
        commitment=commitment, status=status, date=date, note=note, recorded_by=by
    )
    latest = commitment.progress_notes.order_by("-date", "-recorded_at", "-pk").first()
    if commitment.status != latest.status:
        commitment.status = latest.status
        commitment.save(update_fields=["status"])
    return progress


def delivery_report_of(*, plan):
    """The plan's delivery report, made the first time it is asked for."""
    report, _ = DeliveryReport.objects.get_or_create(plan=plan)
    return report


@transaction.atomic
def release_delivery_update(*, plan, by, note):
    """Publish the commitments' delivery as it stands now, on its own: the progress notes become
    public without a new version of the statutory plan. A superseded plan can still publish its
    final delivery report; a plan never issued has nothing to report on."""
    plan = _locked(plan)
    if refusal := delivery_update_refusal(plan=plan):
        raise publishing.NothingToPublish(refusal)
    return publishing.publish(obj=delivery_report_of(plan=plan), by=by, note=note)


# Copying to a new term ----------------------------------------------------------------------


@transaction.atomic
def copy_plan(*, plan, by, title, slug, commissioner, term_start, term_end):
    """Start the next term's plan from this one: its sections, priorities, commitments (as not
    started), accountability items and measures. Finance figures belong to their years and
    the lifecycle starts again, so neither is copied."""
    new = Plan(
        title=title,
        slug=slug,
        force_area=plan.force_area,
        commissioner=commissioner,
        term_start=term_start,
        term_end=term_end,
        summary=plan.summary,
        copied_from=plan,
    )
    new._change_reason = f"Copied from {plan}"
    new.save()
    _start_draft(plan=new, by=by, note=f"Copied from \u201c{plan}\u201d.")
    for section in plan.sections.order_by("placement", "order", "pk"):
        Section.objects.create(
            plan=new,
            kind=section.kind,
            placement=section.placement,
            title=section.title,
            body=section.body,
            order=section.order,
        )
    priorities = {}
    for priority in plan.priorities.order_by("number"):
        copy = Priority.objects.create(
            plan=new,
            number=priority.number,
            title=priority.title,
            summary=priority.summary,
            narrative=priority.narrative,
        )
        priorities[priority.pk] = copy
        for commitment in priority.commitments.order_by("order", "pk"):
            Commitment.objects.create(
                priority=copy, wording=commitment.wording, order=commitment.order
            )
        for item in priority.accountability_items.order_by("order", "pk"):
            AccountabilityItem.objects.create(priority=copy, wording=item.wording, order=item.order)
    for measure in plan.measures.order_by("pk"):
        Measure.objects.create(
            plan=new,
            priority=priorities.get(measure.priority_id),
            theme=measure.theme,
            wording=measure.wording,
            direction=measure.direction,
            unit=measure.unit,
            is_national=measure.is_national,
            minimum=measure.minimum,
            maximum=measure.maximum,
            order=measure.order,
        )
    return new


@transaction.atomic
def create_plan(*, by, started_on=None, **fields):
    plan = Plan(**fields)
    plan._change_reason = "Created"
    plan.save()
    _start_draft(plan=plan, by=by, note="Drafting started.", date=started_on)
    return plan


def _start_draft(*, plan, by, note, date=None):
    LifecycleStep.objects.create(
        plan=plan,
        stage=Stage.DRAFT,
        date=date or timezone.localdate(),
        note=note,
        recorded_by=by,
    )
