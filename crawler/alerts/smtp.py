"""Email over SMTP: one message, STARTTLS and login when the channel asks for them.

A server that lacks what the channel's settings need (STARTTLS, AUTH, a login method we speak), or
that refuses the login, the sender or every recipient with a 5xx, gives the same answer on every
try: those are permanent failures that name the setting to fix. Refused connections, timeouts,
dropped connections and 4xx replies may pass, and are retried.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from crawler.alerts.errors import DeliveryError
from crawler.config import Channel


def send_email(channel: Channel, msg: EmailMessage, timeout: float) -> str | None:
    """Send one message; returns a note on recipients refused while others accepted. Raises
    DeliveryError."""
    server = f"SMTP server {channel.smtp_host}:{channel.smtp_port}"
    step = "connect"
    try:
        with smtplib.SMTP(channel.smtp_host, channel.smtp_port, timeout=timeout) as smtp:
            smtp.ehlo()
            if channel.starttls:
                step = "starttls"
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if channel.username:
                step = "login"
                smtp.login(channel.username, channel.password or "")
            step = "send"
            refused = smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(
            f"{rcpt}: {code} {_text(resp)}" for rcpt, (code, resp) in exc.recipients.items()
        )
        raise DeliveryError(
            f"all recipients refused: {detail}", permanent=all(c >= 500 for c in codes)
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(
            f"{_refused_what(exc, channel)}SMTP {exc.smtp_code} {_text(exc.smtp_error)}".strip(),
            permanent=exc.smtp_code >= 500,
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        raise DeliveryError(f"{server} closed the connection: {exc}", permanent=False) from None
    except smtplib.SMTPException as exc:
        # What is left is the server lacking an extension the channel needs: it will not grow one.
        raise DeliveryError(f"{server} {_missing(step, channel, exc)}", permanent=True) from None
    except OSError as exc:
        raise DeliveryError(
            f"{server} unreachable: {type(exc).__name__}: {exc}", permanent=False
        ) from None
    if refused:
        return "refused: " + "; ".join(f"{rcpt}: {code}" for rcpt, (code, _) in refused.items())
    return None


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _refused_what(exc: smtplib.SMTPResponseException, channel: Channel) -> str:
    """What the server refused, when the exception says: the login or the sender."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login as {channel.username!r} refused: "
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender {exc.sender!r} refused: "
    return ""


def _missing(step: str, channel: Channel, exc: smtplib.SMTPException) -> str:
    """What the server lacks for the channel's settings, and which setting to change."""
    if step == "starttls":
        return "does not offer STARTTLS, which the channel requires (starttls = true)"
    if step == "login" and isinstance(exc, smtplib.SMTPNotSupportedError):
        fix = (
            "use a port that offers it, or remove username and password"
            if channel.starttls
            else "set starttls = true (many servers offer it only after STARTTLS),"
            " or remove username and password"
        )
        return f"does not offer login (SMTP AUTH), but the channel sets a username: {fix}"
    if step == "login":
        return f"offers no login method wirewatch can use (CRAM-MD5, PLAIN, LOGIN): {exc}"
    return f"cannot take the message: {exc}"
