"""Celery tasks for agenda packs: they take ids and call a service."""

from celery import shared_task

from .services import packs


@shared_task(ignore_result=True)
def build_pack(build_id):
    packs.start_build(build_id=build_id)


# Results are kept: the chord's body runs when every paper has reported back.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_pack_paper(render_id):
    packs.render_paper(render_id=render_id)
    return render_id


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def assemble_pack(build_id):
    packs.assemble_pack(build_id=build_id)


@shared_task(ignore_result=True)
def requeue_stalled_pack_builds():
    return packs.requeue_stalled_builds()
