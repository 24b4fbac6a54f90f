"""Background work: the queue (django-tasks-db), the job rows pages poll, and the limited child."""
