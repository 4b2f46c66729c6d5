"""Alerts: rules -> alerts -> outbox -> email and Slack; digests, redaction, source health."""
