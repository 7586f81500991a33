"""Celery tasks for publishing: they take ids and call a service."""

from celery import shared_task

from . import jobs, services


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def render_version_pdf(self, job_id):
    services.run_render_job(job_id=job_id, redelivered=jobs.redelivered(self))


@shared_task(ignore_result=True)
def requeue_stalled_render_jobs():
    return services.requeue_stalled_jobs()
