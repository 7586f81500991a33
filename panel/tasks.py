"""Celery tasks for agenda packs: they take ids and call a service.

Acknowledged late: a message is redelivered only when the worker that had it died, and the
redelivered task takes over the build that worker left (see ``publications.jobs``)."""

from celery import shared_task

from pcc_portal.publications.jobs import redelivered

from .services import meetings, packs


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def build_pack(self, build_id):
    packs.start_build(build_id=build_id, redelivered=redelivered(self))


# Results are kept: the chord's body runs when every paper has reported back.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_pack_paper(render_id, build_id=None):
    packs.render_paper(render_id=render_id, build_id=build_id)
    return render_id


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def assemble_pack(self, build_id, attempt=None):
    packs.assemble_pack(build_id=build_id, attempt=attempt, redelivered=redelivered(self))


@shared_task(ignore_result=True)
def requeue_stalled_pack_builds():
    return packs.requeue_stalled_builds()


@shared_task(ignore_result=True)
def send_agenda_reminders():
    """Daily: remind the secretary of agendas due (five clear working days before meetings)."""
    return meetings.send_agenda_reminders()
