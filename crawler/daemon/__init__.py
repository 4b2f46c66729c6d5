"""The daemon: APScheduler jobs, crawls in child processes with time limits."""
